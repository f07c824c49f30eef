//! The baseline of `export_1m`: rust_xlsxwriter alone, in constant-memory mode, writing the
//! same ledger cells (same types, same formats) from the same data in memory, with none of
//! planfin's rules (no f64 check, no atomic rename, no report).
//!
//! ```text
//! /usr/bin/time -v target/release/examples/export_1m_baseline 1000000 /tmp/out
//! ```

#[path = "support/big_ledger.rs"]
mod big_ledger;

use std::time::Instant;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, _, ledger) = big_ledger::from_args()?;

    let t = Instant::now();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory()?;
    ws.set_name("Depenses")?;
    let header = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let amounts = [
        Format::new().set_num_format("#,##0"),
        Format::new().set_num_format("#,##0.00"),
    ];
    let headers = [
        "Date",
        "N° pièce",
        "Ligne",
        "Montant",
        "Devise",
        "Taux",
        "Étape",
        "Bénéficiaire",
        "Libellé",
        "Justificatif",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &header)?;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    for (i, e) in ledger.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number_with_format(r, 0, (e.date - epoch).num_days() as f64, &date)?;
        ws.write_string(r, 1, e.voucher)?;
        ws.write_string(r, 2, e.line)?;
        let f = &amounts[usize::from(e.currency.minor_unit() > 0)];
        ws.write_number_with_format(r, 3, e.amount.to_f64().unwrap_or_default(), f)?;
        ws.write_string(r, 4, e.currency.code())?;
        ws.write_string(r, 6, e.stage.code())?;
        ws.write_string(r, 7, e.payee)?;
        ws.write_string(r, 8, e.description)?;
        if let Some(d) = e.document {
            ws.write_string(r, 9, d)?;
        }
    }
    wb.save(dir.join("baseline.xlsx"))?;
    eprintln!("baseline ledger: {:.2?}", t.elapsed());
    Ok(())
}
