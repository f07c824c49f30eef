//! The cells of plan and ledger workbooks, written so that the importer reads them back
//! exactly: amounts and rates as numbers only where a number cell brings them back, dates as
//! Excel dates where Excel shows them, empty texts left blank.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet};

use crate::ExportError;
use crate::cell::{AmountCell, ExportFinding, a1};
use crate::sheet::{amount, ratio_number, text, xl};

/// The magnitude from which a plan or ledger workbook writes an amount as text: planfin's
/// importer refuses a number cell of 10^15 or more (a spreadsheet may already have rounded
/// it), so such an amount, even with few significant digits (`1000000000000000`), would not
/// read back.
const NUMBER_CELL_LIMIT: i64 = 1_000_000_000_000_000;

/// An amount of a plan or ledger workbook, written so that the importer reads it back exactly:
/// a number cell only when an `f64` holds it ([`AmountCell::of`]) and it is below 10^15 (the
/// importer's limit for number cells), else its exact text, with a finding.
pub(crate) fn exact_amount(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    value: Decimal,
    format: &Format,
    findings: &mut Vec<ExportFinding>,
) -> Result<(), ExportError> {
    let number = matches!(AmountCell::of(value), AmountCell::Number(_));
    if number && value.abs() >= Decimal::from(NUMBER_CELL_LIMIT) {
        let location = format!("{sheet}!{}", a1(row, col));
        findings.push(ExportFinding::amount_too_large(location, value));
        return text(ws, sheet, row, col, &value.to_string(), Some(format));
    }
    amount(ws, sheet, row, col, value, format, findings).map(|_| ())
}

/// A rate or quantity of a plan or ledger workbook: [`ratio_number`] (exact text beyond the
/// 10 decimals a number cell brings back), with the 10^15 limit of [`exact_amount`].
pub(crate) fn exact_ratio(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    value: Decimal,
    format: &Format,
    findings: &mut Vec<ExportFinding>,
) -> Result<(), ExportError> {
    if value.abs() >= Decimal::from(NUMBER_CELL_LIMIT) {
        return exact_amount(ws, sheet, row, col, value, format, findings);
    }
    ratio_number(ws, sheet, row, col, value, format, findings)
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
