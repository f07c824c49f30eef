//! The one sheet writer of every report: a [`Table`] (title, headers, rows, totals, notes)
//! written with live formulas for totals and derived columns, each formula's stored result
//! being the exact Decimal value of the table.
//!
//! A formula is written only where it provably gives the table's value: its inputs are
//! numbers on the sheet and the same computation in Decimal equals the value. Otherwise the
//! value itself is written. So a reader that does not recalculate and one that does show the
//! same numbers.

use std::collections::HashMap;

use planfin_core::render::{Cell, Formula as Derived, Table};
use planfin_core::report::columns::derivation_rank;
use planfin_core::report::execution_rate;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    ColNum, Color, ConditionalFormatBlank, ConditionalFormatCell, ConditionalFormatCellRule,
    Format, FormatAlign, FormatBorder, Formula, RowNum, Worksheet, XlsxError,
};

use crate::ExportError;
use crate::cell::{AmountCell, ExportFinding, a1, excel_number, write_text};

/// A table's columns as the sheet needs them: where each key is, each column's formula (the
/// report's own, `planfin_core::report::columns`), the columns whose negatives are alerts, and
/// the order a row is written in (inputs before what is derived from them).
#[derive(Debug, Clone)]
pub(crate) struct Placement {
    by_key: HashMap<String, ColNum>,
    formulas: Vec<Option<Derived>>,
    alerts: Vec<ColNum>,
    order: Vec<usize>,
}

impl Placement {
    fn of(table: &Table) -> Placement {
        let columns = &table.columns;
        let mut order: Vec<usize> = (0..columns.len()).collect();
        order.sort_by_key(|&c| derivation_rank(&columns[c].key));
        Placement {
            by_key: columns
                .iter()
                .enumerate()
                .map(|(i, c)| (c.key.clone(), i as ColNum))
                .collect(),
            formulas: columns.iter().map(|c| c.formula).collect(),
            alerts: (0..columns.len())
                .filter(|&c| columns[c].alert_negative)
                .map(|c| c as ColNum)
                .collect(),
            order,
        }
    }

    /// The column of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&ColNum> {
        self.by_key.get(key)
    }

    fn formula(&self, col: usize) -> Option<&Derived> {
        self.formulas.get(col).and_then(Option::as_ref)
    }
}

/// Formats shared by the sheets of one workbook.
pub(crate) struct Formats {
    pub(crate) title: Format,
    pub(crate) header: Format,
    pub(crate) total_text: Format,
    pub(crate) amount: Format,
    pub(crate) total_amount: Format,
    pub(crate) rate: Format,
    pub(crate) total_rate: Format,
    pub(crate) note: Format,
    pub(crate) bold: Format,
    pub(crate) wrap: Format,
    pub(crate) date: Format,
    /// Counts (days), whatever the currency.
    pub(crate) integer: Format,
    pub(crate) flagged: Format,
    pub(crate) negative: Format,
}

/// `#,##0` for a currency with no minor unit, `#,##0.00` for two decimals.
pub(crate) fn amount_format(minor_unit: u32) -> String {
    if minor_unit == 0 {
        "#,##0".to_string()
    } else {
        format!("#,##0.{}", "0".repeat(minor_unit as usize))
    }
}

impl Formats {
    pub(crate) fn new(minor_unit: u32) -> Formats {
        let amount = amount_format(minor_unit);
        let top = FormatBorder::Thin;
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border_bottom(FormatBorder::Thin),
            total_text: Format::new().set_bold().set_border_top(top),
            amount: Format::new().set_num_format(&amount),
            total_amount: Format::new()
                .set_num_format(&amount)
                .set_bold()
                .set_border_top(top),
            rate: Format::new().set_num_format("0.00%"),
            total_rate: Format::new()
                .set_num_format("0.00%")
                .set_bold()
                .set_border_top(top),
            note: Format::new().set_italic(),
            bold: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            integer: Format::new().set_num_format("#,##0"),
            flagged: Format::new()
                .set_background_color(Color::RGB(0xFFC7CE))
                .set_font_color(Color::RGB(0x9C0006)),
            negative: Format::new()
                .set_font_color(Color::RGB(0xC00000))
                .set_bold(),
        }
    }
}

/// Maps a rust_xlsxwriter error at `location` to an [`ExportError`] (the path is filled in by
/// the atomic writer).
pub(crate) fn xl(location: impl FnOnce() -> String) -> impl FnOnce(XlsxError) -> ExportError {
    move |source| xlsx_error(source, location(), 0)
}

/// A rust_xlsxwriter error at `location`; `chars`: the length of the text written, if any.
fn xlsx_error(source: XlsxError, location: String, chars: usize) -> ExportError {
    match source {
        XlsxError::MaxStringLengthExceeded => ExportError::TextTooLong {
            path: Default::default(),
            location,
            chars,
        },
        source => ExportError::Xlsx {
            path: Default::default(),
            location,
            source,
        },
    }
}

/// Writes `text` as a string cell, naming `Sheet!A1` in errors.
pub(crate) fn text(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    value: &str,
    format: Option<&Format>,
) -> Result<(), ExportError> {
    write_text(ws, row, col, value, format).map_err(|e| {
        xlsx_error(
            e,
            format!("{sheet}!{}", a1(row, col)),
            value.chars().count(),
        )
    })
}

/// Writes `amount` as a number, or as exact text with a finding when an f64 cannot hold it.
/// Returns whether it is a number.
pub(crate) fn amount(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    value: Decimal,
    format: &Format,
    findings: &mut Vec<ExportFinding>,
) -> Result<bool, ExportError> {
    match AmountCell::of(value) {
        AmountCell::Number(x) => {
            ws.write_number_with_format(row, col, x, format)
                .map_err(xl(|| format!("{sheet}!{}", a1(row, col))))?;
            Ok(true)
        }
        AmountCell::Text(t) => {
            let location = format!("{sheet}!{}", a1(row, col));
            findings.push(ExportFinding::amount_as_text(location, value));
            text(ws, sheet, row, col, &t, Some(format))?;
            Ok(false)
        }
    }
}

/// The most decimals a rate or quantity keeps as a number cell: planfin's importer reads a
/// number cell without a currency to 10 decimals.
pub(crate) const MAX_NUMBER_DECIMALS: u32 = 10;

/// A rate or quantity: a number when it has at most [`MAX_NUMBER_DECIMALS`] decimals and an
/// f64 holds it, else its exact text (which the importer reads exactly).
pub(crate) fn ratio_number(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    value: Decimal,
    format: &Format,
    findings: &mut Vec<ExportFinding>,
) -> Result<(), ExportError> {
    if value.normalize().scale() > MAX_NUMBER_DECIMALS {
        return text(ws, sheet, row, col, &value.to_string(), Some(format));
    }
    amount(ws, sheet, row, col, value, format, findings).map(|_| ())
}

/// The rows of an Excel sheet.
pub(crate) const MAX_SHEET_ROWS: usize = 1_048_576;

/// Refuses, before writing anything, a sheet that would need more than [`MAX_SHEET_ROWS`].
pub(crate) fn fits(sheet: &str, rows: usize) -> Result<(), ExportError> {
    if rows > MAX_SHEET_ROWS {
        return Err(ExportError::TooManyRows {
            path: Default::default(),
            sheet: sheet.to_string(),
            rows,
        });
    }
    Ok(())
}

/// Where a table landed on its sheet.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    /// The header row.
    pub(crate) header_row: RowNum,
    /// First and last data rows (inclusive), when there are rows.
    pub(crate) data: Option<(RowNum, RowNum)>,
    /// The first free row under the table and its notes.
    pub(crate) next_row: RowNum,
    /// Column of each key.
    pub(crate) columns: Placement,
}

/// What a cell of the sheet holds, for the formulas that refer to it.
#[derive(Clone, Copy)]
enum Held {
    /// A number (or a formula with a numeric result) equal to this Decimal.
    Number(Decimal),
    /// Text, blank, or a number that must not be summed.
    Other,
}

/// `table` with its flags as labels in its language (`dépassement, ligne inconnue`): a workbook
/// is read by people; JSON and CSV keep the codes.
fn flags_as_labels(table: &Table) -> Table {
    let label = |cell: &Cell| match cell {
        Cell::Flags(_) => Cell::Text(cell.human(table.lang)),
        other => other.clone(),
    };
    let mut out = table.clone();
    for row in out.rows.iter_mut().chain(out.totals.iter_mut()) {
        for cell in row.iter_mut() {
            *cell = label(cell);
        }
    }
    out
}

/// Writes `table` on `ws` from `start_row`: title, header, rows, totals row, notes; with
/// formulas, number formats, column widths, frozen header, autofilter, conditional formats
/// and print set-up.
pub(crate) fn write_table(
    ws: &mut Worksheet,
    sheet: &str,
    table: &Table,
    start_row: RowNum,
    formats: &Formats,
    findings: &mut Vec<ExportFinding>,
) -> Result<Placed, ExportError> {
    let table = &flags_as_labels(table);
    // Title, blank, header, rows, totals, blank, notes.
    fits(
        sheet,
        start_row as usize + 4 + table.rows.len() + table.notes.len(),
    )?;
    let columns = Placement::of(table);
    // A blank rate (revised 0) is an empty-string result, as the formula computes it; the
    // library's default would store 0.
    ws.set_formula_result_default("");
    let header_row = write_heading(ws, sheet, table, start_row, formats)?;
    let first = header_row + 1;
    let (mut row, sums) = write_data(ws, sheet, table, first, &columns, formats, findings)?;
    let data = (row > first).then(|| (first, row - 1));

    if let Some(totals) = &table.totals {
        write_totals(
            ws,
            sheet,
            row,
            totals,
            &columns,
            data,
            &sums.numeric,
            &sums.sum,
            formats,
            findings,
        )?;
        row += 1;
    }

    let last_col = table.headers.len().saturating_sub(1) as ColNum;
    let at = |row: RowNum, col: ColNum| format!("{sheet}!{}", a1(row, col));
    ws.set_freeze_panes(header_row + 1, 1)
        .map_err(xl(|| at(header_row, 0)))?;
    ws.set_repeat_rows(header_row, header_row)
        .map_err(xl(|| at(header_row, 0)))?;
    if let Some((first, last)) = data {
        ws.autofilter(header_row, 0, last, last_col)
            .map_err(xl(|| at(header_row, 0)))?;
        highlight(ws, sheet, first, last, &columns, formats)?;
    }
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);

    let row = write_notes(ws, sheet, &table.notes, row, formats)?;
    Ok(Placed {
        header_row,
        data,
        next_row: row + 1,
        columns,
    })
}

/// The title (and a blank row under it) when there is one, then the header row and the
/// column widths. Returns the header row.
fn write_heading(
    ws: &mut Worksheet,
    sheet: &str,
    table: &Table,
    mut row: RowNum,
    formats: &Formats,
) -> Result<RowNum, ExportError> {
    if !table.title.is_empty() {
        text(ws, sheet, row, 0, &table.title, Some(&formats.title))?;
        row += 2;
    }
    for (c, h) in table.headers.iter().enumerate() {
        text(ws, sheet, row, c as ColNum, h, Some(&formats.header))?;
    }
    set_widths(ws, table)?;
    Ok(row)
}

/// Per column of the data rows: whether every cell is a number, and their exact sum.
struct ColumnSums {
    numeric: Vec<bool>,
    sum: Vec<Option<Decimal>>,
}

impl ColumnSums {
    fn new(ncols: usize) -> ColumnSums {
        ColumnSums {
            numeric: vec![true; ncols],
            sum: vec![Some(Decimal::ZERO); ncols],
        }
    }

    /// Adds what the cells of one row hold.
    fn add(&mut self, held: &[Held]) {
        for (c, h) in held.iter().enumerate() {
            match h {
                Held::Number(v) => {
                    self.sum[c] = self.sum[c].and_then(|s| s.checked_add(*v));
                }
                Held::Other => self.numeric[c] = false,
            }
        }
    }
}

/// The data rows from `row`. Returns the row after them and the columns' sums.
fn write_data(
    ws: &mut Worksheet,
    sheet: &str,
    table: &Table,
    mut row: RowNum,
    columns: &Placement,
    formats: &Formats,
    findings: &mut Vec<ExportFinding>,
) -> Result<(RowNum, ColumnSums), ExportError> {
    let mut sums = ColumnSums::new(table.headers.len());
    for cells in &table.rows {
        let held = write_row(ws, sheet, row, cells, columns, formats, false, findings)?;
        sums.add(&held);
        row += 1;
    }
    Ok((row, sums))
}

/// Conditional formats of the data rows `first..=last`: flagged rows, and negative values of
/// the columns whose negative values are alerts (down to the totals row) in red.
fn highlight(
    ws: &mut Worksheet,
    sheet: &str,
    first: RowNum,
    last: RowNum,
    columns: &Placement,
    formats: &Formats,
) -> Result<(), ExportError> {
    let at = |col: ColNum| format!("{sheet}!{}", a1(first, col));
    if let Some(&c) = columns.get("flags") {
        let rule = ConditionalFormatBlank::new()
            .invert()
            .set_format(&formats.flagged);
        ws.add_conditional_format(first, c, last, c, &rule)
            .map_err(xl(|| at(c)))?;
    }
    for &c in &columns.alerts {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::LessThan(0))
            .set_format(&formats.negative);
        ws.add_conditional_format(first, c, last + 1, c, &rule)
            .map_err(xl(|| at(c)))?;
    }
    Ok(())
}

/// The notes under the table, after a blank row, when there are any. Returns the row after
/// the last one written.
fn write_notes(
    ws: &mut Worksheet,
    sheet: &str,
    notes: &[String],
    mut row: RowNum,
    formats: &Formats,
) -> Result<RowNum, ExportError> {
    if !notes.is_empty() {
        row += 1;
        for note in notes {
            text(ws, sheet, row, 0, note, Some(&formats.note))?;
            row += 1;
        }
    }
    Ok(row)
}

/// Column widths from the longest text of each column (clamped), amounts from their digits.
fn set_widths(ws: &mut Worksheet, table: &Table) -> Result<(), ExportError> {
    for (c, h) in table.headers.iter().enumerate() {
        let longest = table
            .rows
            .iter()
            .chain(table.totals.iter())
            .filter_map(|r| r.get(c))
            .map(|cell| match cell {
                Cell::Text(_) | Cell::Flags(_) | Cell::Count(_) => cell.plain().chars().count(),
                Cell::Amount(a) => {
                    let digits = a.trunc().abs().to_string().len();
                    digits + digits / 3 + 4
                }
                Cell::Rate(_) => 9,
            })
            .max()
            .unwrap_or(0);
        let header = h.chars().count().min(18);
        let width = longest.max(header).clamp(8, 60) + 2;
        ws.set_column_width(c as ColNum, width as f64)
            .map_err(xl(|| format!("column {}", c + 1)))?;
    }
    Ok(())
}

/// Writes one data row. Returns what each cell holds.
#[allow(clippy::too_many_arguments)]
fn write_row(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    cells: &[Cell],
    columns: &Placement,
    formats: &Formats,
    totals: bool,
    findings: &mut Vec<ExportFinding>,
) -> Result<Vec<Held>, ExportError> {
    let mut held = vec![Held::Other; cells.len()];
    // Inputs first, derived columns after (revised before variance).
    for &c in columns.order.iter().filter(|&&c| c < cells.len()) {
        let col = c as ColNum;
        let cell = &cells[c];
        let rule = columns.formula(c);
        held[c] = write_cell(
            ws, sheet, row, col, cell, rule, columns, &held, formats, totals, findings,
        )?;
    }
    Ok(held)
}

/// The formula for `rule` on `row`, with the Decimal it computes, when every input is a
/// number on the sheet.
fn formula_of(
    rule: &Derived,
    row: RowNum,
    columns: &Placement,
    held: &[Held],
) -> Option<(String, Option<Decimal>)> {
    let number = |key: &str| -> Option<(String, Decimal)> {
        let &c = columns.get(key)?;
        match held.get(c as usize)? {
            Held::Number(v) => Some((a1(row, c), *v)),
            Held::Other => None,
        }
    };
    match rule {
        Derived::Sum(terms) => {
            let mut formula = String::new();
            let mut value = Decimal::ZERO;
            for (sign, key) in terms.iter() {
                let (cell, v) = number(key)?;
                if *sign < 0 {
                    formula.push('-');
                    value = value.checked_sub(v)?;
                } else {
                    if !formula.is_empty() {
                        formula.push('+');
                    }
                    value = value.checked_add(v)?;
                }
                formula.push_str(&cell);
            }
            Some((formula, Some(value)))
        }
        Derived::Ratio(num, den) => {
            let (n, nv) = number(num)?;
            let (d, dv) = number(den)?;
            Some((
                format!("IF({d}=0,\"\",ROUND({n}/{d},4))"),
                execution_rate(nv, dv),
            ))
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn write_cell(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    cell: &Cell,
    rule: Option<&Derived>,
    columns: &Placement,
    held: &[Held],
    formats: &Formats,
    totals: bool,
    findings: &mut Vec<ExportFinding>,
) -> Result<Held, ExportError> {
    let at = || format!("{sheet}!{}", a1(row, col));
    let (amount_fmt, rate_fmt) = if totals {
        (&formats.total_amount, &formats.total_rate)
    } else {
        (&formats.amount, &formats.rate)
    };
    let formula = rule.and_then(|r| formula_of(r, row, columns, held));
    match cell {
        Cell::Text(_) | Cell::Flags(_) => {
            let f = totals.then_some(&formats.total_text);
            text(ws, sheet, row, col, &cell.plain(), f)?;
            Ok(Held::Other)
        }
        // A count (days) is not money: a whole number, never part of an amount's formula.
        Cell::Count(n) => {
            ws.write_number_with_format(row, col, *n as f64, &formats.integer)
                .map_err(xl(at))?;
            Ok(Held::Other)
        }
        Cell::Amount(v) => {
            if let (Some((f, Some(computed))), Some(_)) = (&formula, excel_number(*v))
                && *computed == *v
            {
                let formula = Formula::new(f).set_result(v.to_string());
                ws.write_formula_with_format(row, col, formula, amount_fmt)
                    .map_err(xl(at))?;
                return Ok(Held::Number(*v));
            }
            let number = amount(ws, sheet, row, col, *v, amount_fmt, findings)?;
            Ok(if number {
                Held::Number(*v)
            } else {
                Held::Other
            })
        }
        Cell::Rate(r) => {
            if let Some((f, computed)) = &formula
                && computed == r
            {
                let result = r.map(|r| r.to_string()).unwrap_or_default();
                let formula = Formula::new(f).set_result(result);
                ws.write_formula_with_format(row, col, formula, rate_fmt)
                    .map_err(xl(at))?;
                return Ok(Held::Other);
            }
            match r.and_then(excel_number) {
                Some(x) => ws.write_number_with_format(row, col, x, rate_fmt),
                None => ws.write_blank(row, col, rate_fmt),
            }
            .map_err(xl(at))?;
            Ok(Held::Other)
        }
    }
}

/// The totals row: SUM of each amount column over the data rows where that gives the total,
/// derived ratios from the totals row itself.
#[allow(clippy::too_many_arguments)]
fn write_totals(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    totals: &[Cell],
    columns: &Placement,
    data: Option<(RowNum, RowNum)>,
    column_numeric: &[bool],
    column_sum: &[Option<Decimal>],
    formats: &Formats,
    findings: &mut Vec<ExportFinding>,
) -> Result<(), ExportError> {
    let mut held = vec![Held::Other; totals.len()];
    let mut pending_rates = Vec::new();
    for (c, cell) in totals.iter().enumerate() {
        let col = c as ColNum;
        let at = || format!("{sheet}!{}", a1(row, col));
        match cell {
            Cell::Amount(v) => {
                let sums = column_numeric.get(c) == Some(&true)
                    && column_sum.get(c) == Some(&Some(*v))
                    && excel_number(*v).is_some();
                match data {
                    Some((first, last)) if sums => {
                        let f = format!("SUM({}:{})", a1(first, col), a1(last, col));
                        let formula = Formula::new(f).set_result(v.to_string());
                        ws.write_formula_with_format(row, col, formula, &formats.total_amount)
                            .map_err(xl(at))?;
                        held[c] = Held::Number(*v);
                    }
                    _ => {
                        let number =
                            amount(ws, sheet, row, col, *v, &formats.total_amount, findings)?;
                        if number {
                            held[c] = Held::Number(*v);
                        }
                    }
                }
            }
            Cell::Rate(_) => pending_rates.push(c),
            Cell::Count(n) => {
                ws.write_number_with_format(row, col, *n as f64, &formats.integer)
                    .map_err(xl(at))?;
            }
            Cell::Text(_) | Cell::Flags(_) => text(
                ws,
                sheet,
                row,
                col,
                &cell.plain(),
                Some(&formats.total_text),
            )?,
        }
    }
    for c in pending_rates {
        let col = c as ColNum;
        let rule = columns.formula(c);
        write_cell(
            ws, sheet, row, col, &totals[c], rule, columns, &held, formats, true, findings,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_holds_1048576_rows() {
        assert!(fits("Depenses", MAX_SHEET_ROWS).is_ok());
        let err = fits("Depenses", MAX_SHEET_ROWS + 1).map_err(|e| e.at("big.xlsx".as_ref()));
        let message = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.starts_with("cannot write big.xlsx: sheet Depenses would need 1,048,577 rows")
        );
        assert!(message.ends_with("split the data (by year or month) into several files"));
    }

    #[test]
    fn amount_formats_follow_the_minor_unit() {
        assert_eq!(amount_format(0), "#,##0");
        assert_eq!(amount_format(2), "#,##0.00");
        assert_eq!(amount_format(3), "#,##0.000");
    }
}
