//! The floor of any calamine-based importer: calamine's streaming cell reader alone, summing
//! the amount column of a ledger's first sheet (no header matching, no conversion, no domain).
//!
//! ```text
//! cargo run --release -p planfin-xlsx --example import_floor -- ledger.xlsx 7
//! ```

use std::fs::File;
use std::io::BufReader;
use std::process::ExitCode;

use calamine::{DataRef, Reader, Xlsx};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), col) = (args.get(1), args.get(2).and_then(|c| c.parse::<u32>().ok())) else {
        eprintln!("usage: import_floor FILE.xlsx [AMOUNT_COLUMN (0-based, default 7)]");
        return ExitCode::from(2);
    };
    let col = col.unwrap_or(7);
    match run(path, col) {
        Ok((rows, sum)) => {
            println!("{rows} amount cells, sum {sum}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(path: &str, col: u32) -> Result<(u64, f64), Box<dyn std::error::Error>> {
    let mut wb: Xlsx<BufReader<File>> = Xlsx::new(BufReader::new(File::open(path)?))?;
    let sheet = wb.sheet_names().first().cloned().ok_or("no sheet")?;
    let mut reader = wb.worksheet_cells_reader(&sheet)?;
    let (mut rows, mut sum) = (0u64, 0.0f64);
    while let Some(cell) = reader.next_cell()? {
        if cell.get_position().1 == col {
            match cell.get_value() {
                DataRef::Float(f) => sum += f,
                DataRef::Int(i) => sum += *i as f64,
                _ => continue,
            }
            rows += 1;
        }
    }
    Ok((rows, sum))
}
