//! Writes the variance workbook of the embedded CNLTP plan and sample ledger.
//!
//! ```text
//! cargo run -p planfin-export --example variance_report -- variance.xlsx [en]
//! ```

use std::path::PathBuf;

use planfin_core::cnltp;
use planfin_core::plan::Lang;
use planfin_core::report::ReportOptions;
use planfin_core::report::variance_reports;
use planfin_export::{ExportOptions, InputFile, Provenance, write_variance_report};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "variance.xlsx".into()));
    let lang = match args.next().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    };
    let options = ReportOptions {
        lang,
        ..ReportOptions::default()
    };
    let reports = variance_reports(&cnltp::plan(), &cnltp::ledger(), &options)?;
    let provenance = Provenance::default()
        .with_input(InputFile::of_bytes(
            "embedded CNLTP plan",
            cnltp::PLAN_JSON.as_bytes(),
        ))
        .with_input(InputFile::of_bytes(
            "embedded CNLTP ledger",
            cnltp::LEDGER_JSON.as_bytes(),
        ));
    let summary = write_variance_report(&reports, &ExportOptions { provenance }, &out)?;
    println!("{}: sheets {}", out.display(), summary.sheets.join(", "));
    for f in &summary.findings {
        println!("{f}");
    }
    Ok(())
}
