//! Writes a 1,000,000-row ledger export and its variance report workbook: the measured side
//! of the comparison with `export_1m_baseline` (rust_xlsxwriter alone writing the same cells).
//!
//! ```text
//! cargo build --release -p planfin-xlsx --examples
//! /usr/bin/time -v target/release/examples/export_1m 1000000 /tmp/out
//! ```

#[path = "support/big_ledger.rs"]
mod big_ledger;

use std::path::PathBuf;
use std::time::Instant;

use planfin_core::cnltp;
use planfin_core::plan::Lang;
use planfin_core::report::ReportOptions;
use planfin_xlsx::export::{ExportOptions, variance_reports, write_ledger, write_variance_report};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(Ok(1_000_000), |a| a.parse())?;
    let dir = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let plan = cnltp::plan();
    let t = Instant::now();
    let ledger = big_ledger::big_ledger(&plan, n);
    eprintln!("generate {n} rows: {:.2?}", t.elapsed());

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
