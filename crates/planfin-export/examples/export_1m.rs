//! Writes a 1,000,000-row ledger export and its variance report workbook: the measured side
//! of the comparison with `export_1m_baseline` (rust_xlsxwriter alone writing the same cells).
//!
//! ```text
//! cargo build --release -p planfin-export --examples
//! /usr/bin/time -v target/release/examples/export_1m 1000000 /tmp/out
//! ```

#[path = "support/big_ledger.rs"]
mod big_ledger;

use std::time::Instant;

use planfin_core::plan::Lang;
use planfin_core::report::ReportOptions;
use planfin_core::report::variance_reports;
use planfin_export::{ExportOptions, write_ledger, write_variance_report};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, plan, ledger) = big_ledger::from_args()?;

    let t = Instant::now();
    write_ledger(&ledger, Lang::Fr, &dir.join("ledger.xlsx"))?;
    eprintln!("ledger export: {:.2?}", t.elapsed());

    let t = Instant::now();
    let reports = variance_reports(&plan, &ledger, &ReportOptions::default())?;
    let summary = write_variance_report(
        &reports,
        &ExportOptions::default(),
        &dir.join("report.xlsx"),
    )?;
    eprintln!(
        "report (4 groupings, {} sheets): {:.2?}",
        summary.sheets.len(),
        t.elapsed()
    );
    Ok(())
}
