//! Writes the embedded CNLTP plan and sample ledger as workbooks in the importer's layout,
//! reads them back and checks that nothing changed.
//!
//! ```text
//! cargo run -p planfin-export --example plan_ledger -- OUT_DIR
//! ```

use std::path::PathBuf;

use planfin_core::cnltp;
use planfin_core::plan::Lang;
use planfin_export::{write_ledger, write_plan};
use planfin_xlsx::{ImportOptions, read_ledger, read_plan};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let (plan, ledger) = (cnltp::plan(), cnltp::ledger());
    let plan_path = dir.join("cnltp_plan.xlsx");
    let ledger_path = dir.join("cnltp_ledger.xlsx");
    write_plan(&plan, Lang::Fr, &plan_path)?;
    write_ledger(&ledger, Lang::Fr, &ledger_path)?;
    let options = ImportOptions::default();
    let same_plan = read_plan(&plan_path, &options)?.value == plan;
    let same_ledger = read_ledger(&ledger_path, &options)?
        .value
        .iter()
        .eq(ledger.iter());
    println!(
        "{}: {} lines, read back identical: {same_plan}",
        plan_path.display(),
        plan.lines.len()
    );
    println!(
        "{}: {} expenditures, read back identical: {same_ledger}",
        ledger_path.display(),
        ledger.len()
    );
    Ok(())
}
