//! Imports a ledger workbook with planfin-xlsx and prints what it holds: the count of
//! expenditures and their sum per currency, or the import's errors.
//!
//! ```text
//! cargo run --release -p planfin-xlsx --example import_ledger -- fixtures/xlsx/messy_ledger.ods
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;

use planfin_core::Decimal;
use planfin_xlsx::{ImportOptions, read_ledger};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: import_ledger FILE (xlsx, xlsm, xlsb, xls, ods)");
        return ExitCode::from(2);
    };
    match read_ledger(&path, &ImportOptions::default()) {
        Ok(imported) => {
            let mut sums: BTreeMap<String, Decimal> = BTreeMap::new();
            for e in imported.value.iter() {
                *sums.entry(e.currency.to_string()).or_default() += e.amount;
            }
            println!("{} expenditures", imported.value.len());
            for (currency, sum) in sums {
                println!("  {currency} {sum}");
            }
            for w in imported.warnings.iter().take(5) {
                eprintln!("{w}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
