//! Writes the progress report (at a cut-off date) and the final report workbooks of the
//! embedded CNLTP plan and sample ledger, and their JSON beside them.
//!
//! ```text
//! cargo run -p planfin-export --example progress_final -- OUT_DIR [2019-06-30]
//! ```

use std::path::PathBuf;

use planfin_core::cnltp;
use planfin_core::report::{FinalOptions, ProgressOptions, final_report, progress};
use planfin_export::{ExportOptions, write_final_report, write_progress_report};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let as_of = args.next().unwrap_or_else(|| "2019-06-30".into()).parse()?;
    let (plan, ledger) = (cnltp::plan(), cnltp::ledger());
    let options = ExportOptions::default();

    let report = progress(&plan, &ledger, &ProgressOptions::new(as_of))?;
    write_progress_report(&report, &options, &dir.join("progress.xlsx"))?;
    std::fs::write(dir.join("progress.json"), report.to_json())?;

    let report = final_report(&plan, &ledger, &FinalOptions::default())?;
    write_final_report(&report, &options, &dir.join("final.xlsx"))?;
    std::fs::write(dir.join("final.json"), report.to_json())?;
    println!(
        "{}: progress.xlsx, final.xlsx (and their JSON)",
        dir.display()
    );
    Ok(())
}
