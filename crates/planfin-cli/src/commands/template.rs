//! `planfin template --out FILE`: an empty plan or ledger workbook to fill in.

use planfin_export::{TemplateKind, write_template};

use crate::cli::{Kind, TemplateArgs};
use crate::error::Failure;
use crate::error::export_failure;
use crate::error::name;
use crate::lang::say;
use planfin_messages::msg;

/// Runs `planfin template`.
pub fn run(args: &TemplateArgs) -> Result<(), Failure> {
    if !args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return Err(Failure::Usage(say(msg!(
            "cli-template-extension",
            file = name(&args.out)
        ))));
    }
    let kind = match args.kind {
        Kind::Plan => TemplateKind::Plan,
        Kind::Ledger => TemplateKind::Ledger,
    };
    write_template(kind, crate::lang::get(), &args.out).map_err(export_failure)?;
    Ok(())
}
