//! The ledger workbook, in the layout [`crate::read_ledger`] reads: one sheet `Depenses`
//! (`Expenditures` in English) with a header row and one row per expenditure.

use std::path::Path;

use chrono::NaiveDate;
use planfin_core::ledger::Ledger;
use planfin_core::plan::Lang;
use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet};

use super::cell::{ExportFinding, a1};
use super::plan::{Layout, autofilter, exact_amount, exact_ratio, header};
use super::report::{CONSTANT_MEMORY_ROWS, ExportSummary, new_sheet, write_workbook};
use super::sheet::{Formats, amount_format, fits, text, xl};
use super::{ExportError, ExportOptions};

/// The ledger columns: `(French header, English header, width)`, in the order written.
pub(crate) const LEDGER_COLUMNS: [(&str, &str, f64); 10] = [
    ("Date", "Date", 11.0),
    ("N° pièce", "Voucher", 16.0),
    ("Ligne", "Line", 9.0),
    ("Montant", "Amount", 16.0),
    ("Devise", "Currency", 8.0),
    ("Taux", "Rate", 10.0),
    ("Étape", "Stage", 15.0),
    ("Bénéficiaire", "Payee", 28.0),
    ("Libellé", "Description", 40.0),
    ("Justificatif", "Document", 18.0),
];

/// The ledger sheet: `Depenses` (`Expenditures` in English) and its columns.
pub(crate) const LEDGER_LAYOUT: Layout = Layout {
    fr: "Depenses",
    en: "Expenditures",
    columns: &LEDGER_COLUMNS,
};

/// Writes `ledger` as a workbook [`crate::read_ledger`] reads back to the same entries:
/// sheet `Depenses` (`Expenditures` in English), headers in `lang`, one row per
/// expenditure: dates as Excel dates, voucher and line codes as text (`0201` keeps its
/// zero), amounts as numbers in their currency's format (or exact text, with a finding, when
/// an `f64` cannot hold them or they reach 10^15, see [`super::plan::exact_amount`]), rates
/// as numbers (as exact text beyond 10 decimals, which a number cell does not bring back),
/// every text as a string cell (never a formula).
///
/// Large ledgers are written in constant-memory mode. The file is written atomically.
///
/// ```
/// use planfin_core::{cnltp, plan::Lang};
/// use planfin_xlsx::{export::write_ledger, read_ledger, ImportOptions};
/// let ledger = cnltp::ledger();
/// let dir = tempfile::tempdir()?;
/// let out = dir.path().join("ledger.xlsx");
/// write_ledger(&ledger, Lang::Fr, &out)?;
/// let back = read_ledger(&out, &ImportOptions::default())?.value;
/// assert!(back.iter().eq(ledger.iter()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_ledger(
    ledger: &Ledger,
    lang: Lang,
    path: &Path,
) -> Result<ExportSummary, ExportError> {
    write_ledger_with(ledger, lang, &ExportOptions::default(), path)
}

/// [`write_ledger`], refusing an output that is one of `options`' inputs (for a conversion
/// whose output could be its input).
///
/// ```
/// use planfin_core::{cnltp, plan::Lang};
/// use planfin_xlsx::export::{write_ledger_with, ExportOptions, Provenance};
/// let dir = tempfile::tempdir()?;
/// let input = dir.path().join("ledger.json");
/// std::fs::write(&input, "{}")?;
/// let options = ExportOptions { provenance: Provenance::of_files([&input])? };
/// assert!(write_ledger_with(&cnltp::ledger(), Lang::Fr, &options, &input).is_err());
/// write_ledger_with(&cnltp::ledger(), Lang::Fr, &options, &dir.path().join("ledger.xlsx"))?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_ledger_with(
    ledger: &Ledger,
    lang: Lang,
    options: &ExportOptions,
    path: &Path,
) -> Result<ExportSummary, ExportError> {
    write_workbook(options, path, |wb, findings| {
        let sheet = LEDGER_LAYOUT.name(lang);
        let ws = new_sheet(wb, sheet, ledger.len().max(CONSTANT_MEMORY_ROWS + 1))?;
        write_entries(ws, sheet, lang, ledger, findings)?;
        Ok(vec![sheet.to_string()])
    })
}

/// Writes the header and the entries on `ws` (row by row: constant-memory friendly).
fn write_entries(
    ws: &mut Worksheet,
    sheet: &str,
    lang: Lang,
    ledger: &Ledger,
    findings: &mut Vec<ExportFinding>,
) -> Result<(), ExportError> {
    fits(sheet, ledger.len() + 1)?;
    let formats = Formats::new(0);
    // One amount format per minor unit (0 to 4 decimals).
    let amount_formats: Vec<Format> = (0..=4)
        .map(|m| Format::new().set_num_format(amount_format(m)))
        .collect();
    let rate_format = Format::new().set_num_format("0.##########");
    header(ws, &LEDGER_LAYOUT, lang, &formats)?;
    for (i, e) in ledger.iter().enumerate() {
        let row = i as RowNum + 1;
        date(ws, sheet, row, 0, e.date, &formats.date)?;
        text(ws, sheet, row, 1, e.voucher, None)?;
        text(ws, sheet, row, 2, e.line, None)?;
        let minor = (e.currency.minor_unit() as usize).min(4);
        exact_amount(
            ws,
            sheet,
            row,
            3,
            e.amount,
            &amount_formats[minor],
            findings,
        )?;
        text(ws, sheet, row, 4, e.currency.code(), None)?;
        if let Some(rate) = e.rate {
            exact_ratio(ws, sheet, row, 5, rate, &rate_format, findings)?;
        }
        text(ws, sheet, row, 6, e.stage.code(), None)?;
        non_empty(ws, sheet, row, 7, e.payee)?;
        non_empty(ws, sheet, row, 8, e.description)?;
        if let Some(d) = e.document {
            non_empty(ws, sheet, row, 9, d)?;
        }
    }
    autofilter(ws, sheet, ledger.len() as RowNum, LEDGER_COLUMNS.len())
}

/// Text, left blank when empty (an empty cell reads back as empty text).
pub(crate) fn non_empty(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    value: &str,
) -> Result<(), ExportError> {
    if value.is_empty() {
        return Ok(());
    }
    text(ws, sheet, row, col, value, None)
}

/// The Excel serial day of `date` (1900 date system), for dates Excel shows correctly
/// (from 1900-03-01; Excel's calendar believes 1900 was a leap year).
pub(crate) fn excel_serial(date: NaiveDate) -> Option<f64> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let first = NaiveDate::from_ymd_opt(1900, 3, 1)?;
    let last = NaiveDate::from_ymd_opt(9999, 12, 31)?;
    (first..=last)
        .contains(&date)
        .then(|| (date - epoch).num_days() as f64)
}

/// A date cell, or ISO text (`yyyy-mm-dd`, which the importer reads) for a date Excel cannot
/// show.
pub(crate) fn date(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    value: NaiveDate,
    format: &Format,
) -> Result<(), ExportError> {
    match excel_serial(value) {
        Some(serial) => {
            ws.write_number_with_format(row, col, serial, format)
                .map_err(xl(|| format!("{sheet}!{}", a1(row, col))))?;
            Ok(())
        }
        None => text(ws, sheet, row, col, &value.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_days() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        // Independently known: 1900-03-01 is serial 61, 2018-01-01 is 43101.
        assert_eq!(excel_serial(d(1900, 3, 1)), Some(61.0));
        assert_eq!(excel_serial(d(2018, 1, 1)), Some(43101.0));
        assert_eq!(excel_serial(d(1900, 2, 28)), None);
    }
}
