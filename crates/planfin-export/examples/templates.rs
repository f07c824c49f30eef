//! Writes the empty plan and ledger templates (drop-downs, input messages) in French or
//! English.
//!
//! ```text
//! cargo run -p planfin-export --example templates -- OUT_DIR [en]
//! ```

use std::path::PathBuf;

use planfin_core::plan::Lang;
use planfin_export::{TemplateKind, write_template};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let lang = match args.next().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    };
    for (kind, name) in [
        (TemplateKind::Plan, "plan_template.xlsx"),
        (TemplateKind::Ledger, "ledger_template.xlsx"),
    ] {
        let summary = write_template(kind, lang, &dir.join(name))?;
        println!("{}: {}", summary.path.display(), summary.sheets.join(", "));
    }
    Ok(())
}
