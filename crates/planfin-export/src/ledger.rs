//! The ledger workbook, in the layout `planfin_xlsx::read_ledger` reads: one sheet `Depenses`
//! (`Expenditures` in English) with a header row and one row per expenditure.

use std::path::Path;

use planfin_core::ledger::Ledger;
use planfin_core::plan::Lang;
use rust_xlsxwriter::{Format, RowNum, Worksheet};

use crate::cell::ExportFinding;
use crate::exact::{date, exact_amount, exact_ratio, non_empty};
use crate::layout::{LEDGER_LAYOUT, autofilter, header};
use crate::report::{CONSTANT_MEMORY_ROWS, ExportSummary, new_sheet, write_workbook};
use crate::sheet::{Formats, amount_format, fits, text};
use crate::{ExportError, ExportOptions};

/// Writes `ledger` as a workbook `planfin_xlsx::read_ledger` reads back to the same entries:
/// sheet `Depenses` (`Expenditures` in English), headers in `lang`, one row per
/// expenditure: dates as Excel dates, voucher and line codes as text (`0201` keeps its
/// zero), amounts as numbers in their currency's format (or exact text, with a finding, when
/// an `f64` cannot hold them or they reach 10^15, see [`crate::exact::exact_amount`]), rates
/// as numbers (as exact text beyond 10 decimals, which a number cell does not bring back),
/// every text as a string cell (never a formula).
///
/// Large ledgers are written in constant-memory mode. The file is written atomically.
///
/// ```
/// use planfin_core::{cnltp, plan::Lang};
/// use planfin_export::write_ledger;
/// use planfin_xlsx::{read_ledger, ImportOptions};
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
/// use planfin_export::{write_ledger_with, ExportOptions, Provenance};
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
        if let Some(c) = e.commitment {
            text(ws, sheet, row, 10, c, None)?;
        }
    }
    autofilter(
        ws,
        sheet,
        ledger.len() as RowNum,
        LEDGER_LAYOUT.columns.len(),
    )
}
