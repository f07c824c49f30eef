//! A sheet as a table: find the header row below any title rows, map its columns, then hand
//! over the data rows, recognising totals rows.

use chrono::NaiveDate;
use planfin_messages::{Message, msg};
use rust_decimal::Decimal;

use crate::amount::{Amount, Locale};
use crate::cell::{Problem, Value, a1};
use crate::error::{CellError, Errors, ImportError, Warning};
use crate::workbook::{RowCells, Workbook};
use planfin_layout::{Columns, is_totals_label, normalise};

/// How many rows may stand above the header row (titles, notes, blank lines).
pub(crate) const HEADER_SEARCH_ROWS: usize = 20;

static EMPTY: Value<'static> = Value::Empty;

/// The header row of a table.
#[derive(Debug, Clone)]
pub(crate) struct Header<C> {
    /// (column, meaning, header text), in column order; the first of two same columns wins.
    pub(crate) cols: Vec<(u32, C, String)>,
}

impl<C: Columns> Header<C> {
    fn detect(cells: &RowCells<'_>) -> Option<Header<C>> {
        let mut cols: Vec<(u32, C, String)> = Vec::new();
        for (c, v) in cells {
            if let Some(text) = v.as_text()
                && let Some(kind) = C::classify(&normalise(text))
                && !cols.iter().any(|(_, k, _)| *k == kind)
            {
                cols.push((*c, kind, text.to_string()));
            }
        }
        (cols.len() >= C::MIN_MATCH).then_some(Header { cols })
    }

    /// Adds the columns a second header row names (under a merged `Montant` cell, say).
    fn extend(&mut self, cells: &RowCells<'_>) {
        for (c, v) in cells {
            if let Some(text) = v.as_text()
                && let Some(kind) = C::classify(&normalise(text))
                && !self.cols.iter().any(|(_, k, _)| *k == kind)
            {
                self.cols.push((*c, kind, text.to_string()));
            }
        }
    }

    /// The column of `kind`.
    pub(crate) fn col(&self, kind: C) -> Option<u32> {
        self.cols
            .iter()
            .find(|(_, k, _)| *k == kind)
            .map(|(c, _, _)| *c)
    }

    /// The header text of `kind`.
    pub(crate) fn text(&self, kind: C) -> Option<&str> {
        self.cols
            .iter()
            .find(|(_, k, _)| *k == kind)
            .map(|(_, _, t)| t.as_str())
    }

    /// The cell of `kind` in `cells`: (column, value); an absent column reads as empty.
    pub(crate) fn get<'r, 'a>(
        &self,
        cells: &'r RowCells<'a>,
        kind: C,
    ) -> Option<(u32, &'r Value<'a>)> {
        self.col(kind).map(|c| (c, cell_at(cells, c)))
    }
}

/// The value in column `col` of a row (empty when absent).
pub(crate) fn cell_at<'r, 'a>(cells: &'r RowCells<'a>, col: u32) -> &'r Value<'a> {
    cells
        .iter()
        .find(|(c, _)| *c == col)
        .map_or(&EMPTY, |(_, v)| v)
}

/// The label of a totals row: the row's first cell is `Total`, `TOTAL GENERAL`, ...
pub(crate) fn totals_label(cells: &RowCells<'_>) -> bool {
    cells
        .first()
        .and_then(|(_, v)| v.as_text())
        .is_some_and(|t| is_totals_label(&normalise(t)))
}

/// How a row that is skipped is named in its warning: a subtotal row, or a row.
pub(crate) fn skipped_row(cells: &RowCells<'_>) -> Message {
    if subtotal_label(cells) {
        msg!("import-row-subtotal")
    } else {
        msg!("import-row")
    }
}

/// A subtotal row (`Sous-total`, `Total janvier`): skipped, not checked.
pub(crate) fn subtotal_label(cells: &RowCells<'_>) -> bool {
    cells
        .first()
        .and_then(|(_, v)| v.as_text())
        .is_some_and(|t| {
            let n = normalise(t);
            n.starts_with("soustotal") || n.starts_with("subtotal") || n.starts_with("total")
        })
}

/// What [`read_table`] calls for each data row: (header, 0-based row, cells).
pub(crate) type OnRow<'f, C> =
    dyn FnMut(&Header<C>, u32, &RowCells<'_>) -> Result<(), ImportError> + 'f;

/// Reads `sheet` as a table of columns `C`: finds the header in the first rows, checks the
/// required columns, then calls `on_row` for each data row after it. `exact`: see
/// [`Workbook::rows`]; the second value tells whether rows of blanks were skipped.
pub(crate) fn read_table<C: Columns>(
    wb: &mut Workbook,
    file: &str,
    sheet: &str,
    exact: bool,
    missing: &dyn Fn(&Header<C>) -> Vec<Message>,
    on_row: &mut OnRow<'_, C>,
) -> Result<(Header<C>, bool), ImportError> {
    let mut header: Option<Header<C>> = None;
    let mut seen = 0usize;
    let mut first_row: Vec<String> = Vec::new();
    let no_header = |found: &[String]| ImportError::MissingColumns {
        file: file.to_string(),
        sheet: sheet.to_string(),
        row: None,
        missing: C::REQUIRED.iter().map(|c| column(c.name())).collect(),
        found: found.to_vec(),
    };
    // A header that lacks columns, waiting for the row below it: headers on two rows
    // (`Montant (FCFA)` merged above `2018 | 2019`) are common.
    let mut partial: Option<(Header<C>, ImportError)> = None;
    let blank_rows = wb.rows(sheet, exact, &mut |r, cells| {
        if let Some(h) = &header {
            return on_row(h, r, cells);
        }
        if let Some((mut h, refusal)) = partial.take() {
            h.extend(cells);
            if missing(&h).is_empty() {
                header = Some(h);
                return Ok(());
            }
            return Err(refusal);
        }
        seen = seen.saturating_add(1);
        if seen == 1 {
            first_row = cells.iter().take(20).map(|(_, v)| v.shown()).collect();
        }
        if let Some(h) = Header::<C>::detect(cells) {
            let absent = missing(&h);
            if absent.is_empty() {
                header = Some(h);
            } else {
                let refusal = ImportError::MissingColumns {
                    file: file.to_string(),
                    sheet: sheet.to_string(),
                    row: Some(r.saturating_add(1)),
                    missing: absent,
                    found: cells.iter().map(|(_, v)| v.shown()).collect(),
                };
                partial = Some((h, refusal));
            }
        } else if seen >= HEADER_SEARCH_ROWS {
            return Err(no_header(&first_row));
        }
        Ok(())
    })?;
    if let Some((_, refusal)) = partial {
        return Err(refusal);
    }
    header
        .map(|h| (h, blank_rows))
        .ok_or_else(|| no_header(&first_row))
}

/// The required columns of `C` absent from a header.
pub(crate) fn missing_required<C: Columns>(h: &Header<C>) -> Vec<Message> {
    C::REQUIRED
        .iter()
        .filter(|c| h.col(**c).is_none())
        .map(|c| column(c.name()))
        .collect()
}

/// A column's name (`Montant / Amount`) in a list of missing columns.
pub(crate) fn column(name: &str) -> Message {
    msg!("import-column", name = name)
}

/// Where errors and warnings of one sheet go.
pub(crate) struct Sheet<'e> {
    pub(crate) file: &'e str,
    pub(crate) sheet: &'e str,
    pub(crate) locale: Locale,
    pub(crate) errors: &'e mut Errors,
    pub(crate) warnings: &'e mut Warnings,
}

impl Sheet<'_> {
    /// Records a problem of the cell (row, col) holding `value`.
    pub(crate) fn error(&mut self, row: u32, col: u32, value: &Value<'_>, p: Problem) {
        self.errors.push(CellError {
            file: self.file.to_string(),
            sheet: self.sheet.to_string(),
            cell: a1(row, col),
            value: value.shown(),
            expected: p.expected,
            rule: p.rule,
            fix: p.fix,
        });
    }

    /// Records a warning at (row, col).
    pub(crate) fn warn(&mut self, row: u32, col: u32, message: Message) {
        self.warnings.push(Warning {
            place: format!("{} {}!{}", self.file, self.sheet, a1(row, col)),
            message,
        });
    }

    /// Reads a required cell with `read`, recording its problem.
    pub(crate) fn need<'v, 'a, T>(
        &mut self,
        row: u32,
        cell: Option<(u32, &'v Value<'a>)>,
        read: impl FnOnce(&'v Value<'a>) -> Result<T, Problem>,
    ) -> Option<T> {
        let (col, v) = cell?;
        match read(v) {
            Ok(x) => Some(x),
            Err(p) => {
                self.error(row, col, v, p);
                None
            }
        }
    }

    /// Reads an optional cell: `None` when absent or empty.
    pub(crate) fn opt<'v, 'a, T>(
        &mut self,
        row: u32,
        cell: Option<(u32, &'v Value<'a>)>,
        read: impl FnOnce(&'v Value<'a>) -> Result<T, Problem>,
    ) -> Option<Option<T>> {
        match cell {
            None => Some(None),
            Some((_, v)) if v.is_empty() => Some(None),
            some => self.need(row, some, read).map(Some),
        }
    }

    /// Checks a totals cell against the sum of the rows above it.
    pub(crate) fn check_total(
        &mut self,
        row: u32,
        col: u32,
        value: &Value<'_>,
        sum: Decimal,
        rows: usize,
    ) {
        if value.is_empty() {
            return;
        }
        let read = crate::amount::amount(value, None, self.locale);
        match read {
            Ok(Amount { value: total, .. }) if total == sum => self.warn(
                row,
                col,
                msg!("import-warn-total-checked", total = total, rows = rows),
            ),
            Ok(_) => self.error(
                row,
                col,
                value,
                Problem::new(
                    msg!("import-expected-total-above"),
                    msg!("import-rule-rows-add-up", rows = rows, sum = sum),
                    msg!("import-fix-total"),
                ),
            ),
            Err(p) => self.error(row, col, value, p),
        }
    }
}

/// Warnings, capped (all are counted).
#[derive(Debug, Default)]
pub(crate) struct Warnings {
    pub(crate) list: Vec<Warning>,
    pub(crate) total: usize,
}

impl Warnings {
    const CAP: usize = 100;

    pub(crate) fn push(&mut self, w: Warning) {
        self.total = self.total.saturating_add(1);
        if self.list.len() < Self::CAP {
            self.list.push(w);
        }
    }

    /// The warnings, with a last one counting those not kept.
    pub(crate) fn into_vec(mut self, file: &str) -> Vec<Warning> {
        if self.total > self.list.len() {
            self.list.push(Warning {
                place: file.to_string(),
                message: msg!(
                    "import-warn-more",
                    count = self.total.saturating_sub(self.list.len())
                ),
            });
        }
        self.list
    }
}

/// A date read with [`crate::date::date`].
pub(crate) fn date(v: &Value<'_>) -> Result<NaiveDate, Problem> {
    crate::date::date(v)
}
