//! The ledger workbook: one sheet `Depenses` (or `Expenditures`, ...) of expenditures.

use std::borrow::Cow;
use std::path::Path;

use planfin_core::currency::Currency;
use planfin_core::expenditure::{Entry, Stage};
use planfin_core::ledger::{Appended, Ledger, LedgerError, Origin};
use planfin_core::money::checked_add;
use planfin_messages::msg;
use rust_decimal::Decimal;

use crate::amount::{self, amount};
use crate::cell::{Problem, Value, code_in, text_in};
use crate::error::{Errors, ImportError, sheet_names};
use crate::options::ImportOptions;
use crate::table::{
    Header, Sheet, Warnings, date, missing_required, read_table, skipped_row, totals_label,
};
use crate::workbook::{RowCells, Workbook};
use crate::{Imported, display_name};
use planfin_layout::{Columns, EXPENDITURES, LedgerCol, currency_hint, currency_word, normalise};

/// Reads a ledger workbook (.xlsx, .xlsm, .xlsb, .xls, .ods): the expenditures of its `Depenses`
/// sheet (or `Expenditures`, `Journal`, ...; or its only sheet).
///
/// Columns, in any order, French or English: Date, N° pièce / Voucher, Ligne / Line,
/// Montant / Amount (required), Devise / Currency, Taux / Rate, Etape / Stage,
/// Bénéficiaire / Payee, Libellé / Description, Justificatif / Document. Title rows above the
/// header, blank rows and totals rows (checked) are skipped. Nothing is returned unless every
/// row imported.
///
/// ```no_run
/// use planfin_xlsx::{read_ledger, ImportOptions};
/// let imported = read_ledger("fixtures/xlsx/cnltp_ledger.xlsx", &ImportOptions::default())?;
/// for w in &imported.warnings {
///     eprintln!("{w}");
/// }
/// println!("{} expenditures", imported.value.len());
/// # Ok::<(), planfin_xlsx::ImportError>(())
/// ```
pub fn read_ledger(
    path: impl AsRef<Path>,
    options: &ImportOptions,
) -> Result<Imported<Ledger>, ImportError> {
    read_ledger_with_progress(path, options, &mut |_| {})
}

/// [`read_ledger`], calling `progress` with the number of rows read so far every 10,000 rows
/// (for a progress bar on long imports).
///
/// ```no_run
/// use planfin_xlsx::{read_ledger_with_progress, ImportOptions};
/// let ledger = read_ledger_with_progress("big.xlsx", &ImportOptions::default(), &mut |rows| {
///     eprint!("\r{rows} rows");
/// })?;
/// # Ok::<(), planfin_xlsx::ImportError>(())
/// ```
pub fn read_ledger_with_progress(
    path: impl AsRef<Path>,
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<Imported<Ledger>, ImportError> {
    let path = path.as_ref();
    // Read fast first; if a cell element without a value turned up where it could be a formula
    // whose result was never saved, read again exactly to tell.
    match import(path, options, false, progress) {
        (result, false) => result,
        (_, true) => import(path, options, true, progress).0,
    }
}

/// One reading of a ledger workbook; the flag tells whether blanks were seen that the fast
/// reader cannot tell from formulas without a saved result.
fn import(
    path: &Path,
    options: &ImportOptions,
    exact: bool,
    progress: &mut dyn FnMut(u64),
) -> (Result<Imported<Ledger>, ImportError>, bool) {
    let mut suspect = false;
    let result = import_inner(path, options, exact, progress, &mut suspect);
    (result, suspect)
}

fn import_inner(
    path: &Path,
    options: &ImportOptions,
    exact: bool,
    progress: &mut dyn FnMut(u64),
    suspect: &mut bool,
) -> Result<Imported<Ledger>, ImportError> {
    let file = display_name(path, options);
    let mut wb = Workbook::open(path, &file, &options.limits)?;
    let mut warnings = Warnings::default();
    let names = wb.sheet_names().to_vec();
    let sheet = ledger_sheet(&names, &file, &mut warnings)?;
    let mut errors = Errors::new(&file, options.limits.max_errors);
    let mut ledger = Ledger::new();
    // One copy of the file name for every entry's origin; the place is rewritten for each row.
    let mut origin = Origin::new(file.as_str(), String::new());
    let mut conflicts = Vec::new();
    let mut sum = Decimal::ZERO;
    let mut rows = 0usize;
    let mut hint: Option<Option<Currency>> = None;
    let mut ended = false;
    let mut memo = Memo::default();
    {
        let mut s = Sheet {
            file: &file,
            sheet: &sheet,
            locale: options.locale,
            errors: &mut errors,
            warnings: &mut warnings,
        };
        let (_, blank_rows) = read_table::<LedgerCol>(
            &mut wb,
            &file,
            &sheet,
            exact,
            &missing_required,
            &mut |h, r, cells| {
                if !exact && cells.iter().any(|(_, v)| matches!(v, Value::Blank)) {
                    // A blank cell element in a data row may be a formula without a saved
                    // result: stop here, the caller reads the sheet again exactly.
                    *suspect = true;
                    return Err(ImportError::Unreadable {
                        file: file.clone(),
                        reason: msg!("import-reason-read-again"),
                    });
                }
                let hint =
                    *hint.get_or_insert_with(|| h.text(LedgerCol::Amount).and_then(currency_hint));
                if totals_label(cells) && !ended {
                    ended = true;
                    totals_row(&mut s, h, r, cells, sum, rows);
                    return Ok(());
                }
                if not_an_entry(&mut s, h, r, cells, ended) {
                    return Ok(());
                }
                if let Some(read) = row(&mut s, h, r, cells, hint, options, &mut memo) {
                    let e = read.entry();
                    add_amount(&mut s, h, r, &mut sum, e.amount);
                    rows = rows.saturating_add(1);
                    if rows.is_multiple_of(10_000) {
                        progress(rows as u64);
                    }
                    set_place(origin.place.get_or_insert_default(), &sheet, r);
                    if let Some(c) = append(&mut s, &mut ledger, e, &origin, r) {
                        conflicts.push(c);
                    }
                }
                Ok(())
            },
        )?;
        *suspect |= blank_rows;
    }
    errors.into_result()?;
    if !conflicts.is_empty() {
        return Err(ImportError::Conflicts { file, conflicts });
    }
    Ok(Imported {
        value: ledger,
        warnings: warnings.into_vec(&file),
    })
}

/// The expenditure sheet: `Depenses` by any of its names, or the only sheet (with a warning).
fn ledger_sheet(
    names: &[String],
    file: &str,
    warnings: &mut Warnings,
) -> Result<String, ImportError> {
    match EXPENDITURES.find(names) {
        Some(s) => Ok(s.clone()),
        None if names.len() == 1 => {
            warnings.push(crate::Warning {
                place: file.to_string(),
                message: msg!(
                    "import-warn-only-sheet",
                    expected = EXPENDITURES.fr,
                    sheet = &names[0]
                ),
            });
            Ok(names[0].clone())
        }
        None => Err(ImportError::MissingSheet {
            file: file.to_string(),
            sheet: sheet_names(EXPENDITURES.fr, EXPENDITURES.en),
            sheet_fr: Box::new(msg!("import-quoted", value = EXPENDITURES.fr)),
            found: names.to_vec(),
        }),
    }
}

/// The totals row: checked against the sum of the entries above when there is no error.
fn totals_row(
    s: &mut Sheet<'_>,
    h: &Header<LedgerCol>,
    r: u32,
    cells: &RowCells<'_>,
    sum: Decimal,
    rows: usize,
) {
    if let Some((c, v)) = h.get(cells, LedgerCol::Amount) {
        if s.errors.is_empty() {
            s.check_total(r, c, v, sum, rows);
        } else {
            s.warn(r, c, msg!("import-warn-totals-not-checked"));
        }
    }
}

/// Whether the row is no entry (below the totals row, or without any required column): it
/// is then reported (an error for what looks like an entry below the totals, else a warning).
fn not_an_entry(
    s: &mut Sheet<'_>,
    h: &Header<LedgerCol>,
    r: u32,
    cells: &RowCells<'_>,
    ended: bool,
) -> bool {
    let required = LedgerCol::REQUIRED
        .iter()
        .filter(|k| h.get(cells, **k).is_some_and(|(_, v)| !v.is_empty()))
        .count();
    let first = cells.first().map_or(0, |(c, _)| *c);
    if ended {
        if required >= 2 {
            s.error(
                r,
                first,
                &cells[0].1,
                Problem::new(
                    msg!("import-expected-note"),
                    msg!("import-rule-entry-below-totals"),
                    msg!("import-fix-entry-below-totals"),
                ),
            );
        } else {
            s.warn(r, first, msg!("import-warn-below-totals"));
        }
        return true;
    }
    if required == 0 {
        let what = skipped_row(cells);
        s.warn(r, first, msg!("import-warn-skipped-entry", what = what));
        return true;
    }
    false
}

/// Appends the entry of row `r` to `ledger`: a duplicate is counted once, with a warning; a
/// conflict with an earlier entry is returned.
fn append(
    s: &mut Sheet<'_>,
    ledger: &mut Ledger,
    e: Entry<'_>,
    origin: &Origin,
    r: u32,
) -> Option<LedgerError> {
    match ledger.append_entry(e, origin) {
        Ok(Appended::New) => None,
        Ok(Appended::Duplicate) => {
            s.warn(r, 0, msg!("import-warn-duplicate"));
            None
        }
        Err(c) => Some(c),
    }
}

/// Adds `amount` to the running `sum` of the entries, or reports the overflow.
fn add_amount(
    s: &mut Sheet<'_>,
    h: &Header<LedgerCol>,
    r: u32,
    sum: &mut Decimal,
    amount: Decimal,
) {
    match checked_add(*sum, amount) {
        Ok(x) => *sum = x,
        Err(_) => {
            let col = h.col(LedgerCol::Amount).unwrap_or(0);
            s.error(
                r,
                col,
                &Value::Text(amount.to_string().into()),
                Problem::new(
                    msg!("import-expected-amount"),
                    msg!("import-rule-sum-overflow"),
                    msg!("import-fix-check-amounts"),
                ),
            );
        }
    }
}

/// An expenditure row read, its texts borrowed from the cells where they can be.
struct Row<'v> {
    voucher: Cow<'v, str>,
    date: chrono::NaiveDate,
    line: Cow<'v, str>,
    amount: Decimal,
    currency: Currency,
    rate: Option<Decimal>,
    stage: Stage,
    payee: Cow<'v, str>,
    description: Cow<'v, str>,
    document: Option<Cow<'v, str>>,
    commitment: Option<Cow<'v, str>>,
}

impl Row<'_> {
    fn entry(&self) -> Entry<'_> {
        Entry {
            voucher: &self.voucher,
            date: self.date,
            line: &self.line,
            amount: self.amount,
            currency: self.currency,
            rate: self.rate,
            stage: self.stage,
            payee: &self.payee,
            description: &self.description,
            document: self.document.as_deref(),
            commitment: self.commitment.as_deref(),
        }
    }
}

/// One expenditure row, or `None` with its problems recorded.
fn row<'v>(
    s: &mut Sheet<'_>,
    h: &crate::table::Header<LedgerCol>,
    r: u32,
    cells: &'v crate::workbook::RowCells<'_>,
    hint: Option<Currency>,
    options: &ImportOptions,
    memo: &mut Memo,
) -> Option<Row<'v>> {
    let date = s.need(r, h.get(cells, LedgerCol::Date), date);
    let voucher = s.need(r, h.get(cells, LedgerCol::Voucher), code_in);
    let line = s.need(r, h.get(cells, LedgerCol::Line), code_in);
    let column_currency = s.opt(r, h.get(cells, LedgerCol::Currency), |v| {
        remembered(&mut memo.currency, v, currency)
    });
    let declared = column_currency.flatten().or(hint);
    let fallback = declared.or(options.currency);
    let amount_cell = h.get(cells, LedgerCol::Amount);
    let read = s.need(r, amount_cell, |v| {
        let a = amount(v, fallback, options.locale)?;
        match (a.currency, declared) {
            (Some(said), Some(d)) if said != d && !(said.is_cfa_franc() && d.is_cfa_franc()) => {
                Err(Problem::new(
                    msg!("import-expected-amount"),
                    msg!(
                        "import-rule-row-currency",
                        said = said.to_string(),
                        row = d.to_string()
                    ),
                    msg!("import-fix-row-currency"),
                ))
            }
            (None, None) if options.currency.is_none() => Err(Problem::new(
                msg!("import-expected-amount"),
                msg!("import-rule-no-currency"),
                msg!("import-fix-no-currency"),
            )),
            _ => Ok(a),
        }
    });
    let rate = s.opt(r, h.get(cells, LedgerCol::Rate), |v| {
        amount::rate(v, options.locale)
    });
    let stage = s.opt(r, h.get(cells, LedgerCol::Stage), |v| {
        remembered(&mut memo.stage, v, stage)
    });
    let optional_text = |s: &mut Sheet<'_>, col| {
        s.opt(r, h.get(cells, col), text_in)
            .map(|t| t.filter(|t| !t.is_empty()))
    };
    let payee = optional_text(s, LedgerCol::Payee);
    let description = optional_text(s, LedgerCol::Description);
    let document = optional_text(s, LedgerCol::Document);
    let commitment = s.opt(r, h.get(cells, LedgerCol::Commitment), code_in);
    let a = read?;
    Some(Row {
        voucher: voucher?,
        date: date?,
        line: line?,
        amount: a.value,
        // Checked above: the row, the amount or the options name a currency.
        currency: declared.or(a.currency).or(options.currency)?,
        rate: rate?,
        stage: stage?.unwrap_or_default(),
        payee: payee?.unwrap_or_default(),
        description: description?.unwrap_or_default(),
        document: document?,
        commitment: commitment?,
    })
}

/// The last currency and stage texts read, and what they meant: a journal repeats a handful
/// of them on every row.
#[derive(Default)]
struct Memo {
    currency: Option<(String, Currency)>,
    stage: Option<(String, Stage)>,
}

/// `read(v)`, or the value remembered for the same text.
fn remembered<T: Copy>(
    slot: &mut Option<(String, T)>,
    v: &Value<'_>,
    read: fn(&Value<'_>) -> Result<T, Problem>,
) -> Result<T, Problem> {
    let text = v.as_text();
    if let (Some(t), Some((known, x))) = (text, slot.as_ref())
        && t == known
    {
        return Ok(*x);
    }
    let x = read(v)?;
    if let Some(t) = text {
        *slot = Some((t.to_string(), x));
    }
    Ok(x)
}

/// Writes `Depenses!A12` into `place`: where an entry comes from (0-based row `r`).
fn set_place(place: &mut String, sheet: &str, r: u32) {
    use std::fmt::Write;
    place.clear();
    let _ = write!(place, "{sheet}!A{}", u64::from(r) + 1);
}

/// A currency cell: an ISO code or a usual word (`FCFA`, `F CFA`, `€`, `Euro`).
pub(crate) fn currency(v: &Value<'_>) -> Result<Currency, Problem> {
    let bad = || {
        Problem::new(
            msg!("import-expected-currency"),
            msg!("import-rule-currency"),
            msg!("import-fix-currency"),
        )
    };
    let t = v.as_text().ok_or_else(bad)?;
    if t == "€" {
        return Ok(Currency::EUR);
    }
    if let Some(c) = currency_word(&normalise(t)) {
        return Ok(c);
    }
    t.parse::<Currency>().map_err(|_| bad())
}

/// A stage cell: `Engagement`, `Liquidation`, `Ordonnancement`, `Paiement` or their usual forms.
fn stage(v: &Value<'_>) -> Result<Stage, Problem> {
    let t = v.as_text().unwrap_or_default();
    t.parse::<Stage>().map_err(|_| {
        Problem::new(
            msg!("import-expected-stage"),
            msg!("import-rule-stage"),
            msg!("import-fix-stage"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_row_references() {
        let mut place = "left over".to_string();
        set_place(&mut place, "Depenses", 0);
        assert_eq!(place, "Depenses!A1");
        set_place(&mut place, "Depenses", 1_048_575);
        assert_eq!(place, "Depenses!A1048576");
    }

    #[test]
    fn remembered_values_follow_the_text() {
        let mut slot = None;
        let xof = Value::Text("FCFA".into());
        let eur = Value::Text("EUR".into());
        assert_eq!(remembered(&mut slot, &xof, currency), Ok(Currency::XOF));
        assert_eq!(remembered(&mut slot, &xof, currency), Ok(Currency::XOF));
        assert_eq!(remembered(&mut slot, &eur, currency), Ok(Currency::EUR));
        assert!(remembered(&mut slot, &Value::Text("ZZZ".into()), currency).is_err());
        assert_eq!(remembered(&mut slot, &eur, currency), Ok(Currency::EUR));
    }
}
