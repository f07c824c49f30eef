//! Cell values as the readers hand them over, and the rules that turn them into codes and text.
//!
//! calamine gives each format's cells in its own way (f64 in xlsx, i64 or f64 in xls, ISO text
//! dates in ods, formulas with or without a cached value); [`Value`] is the one shape the sheet
//! readers work on. The conversions to amounts and dates live in [`crate::amount`] and
//! [`crate::date`].

use std::borrow::Cow;

use calamine::{CellErrorType, Data, DataRef, ExcelDateTime};
use planfin_messages::{Message, msg};

/// A cell's content, borrowed from the workbook where possible.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    /// Nothing (also a text of spaces only).
    Empty,
    /// An integer (xls).
    Int(i64),
    /// A number.
    Float(f64),
    /// Text.
    Text(Cow<'a, str>),
    /// TRUE or FALSE.
    Bool(bool),
    /// A number formatted as a date, with its workbook's date system.
    Date(ExcelDateTime),
    /// An ISO 8601 date or date-time (ods).
    IsoDate(Cow<'a, str>),
    /// An ISO 8601 duration (ods).
    Duration(Cow<'a, str>),
    /// A spreadsheet error such as `#DIV/0!`.
    Error(CellErrorType),
    /// A cell element without a value, read by the fast reader: a styled blank, or a formula
    /// whose result was never saved (the exact reader tells them apart). Reads as empty.
    Blank,
    /// A formula whose result was never computed and saved, with its text when known.
    Uncached(String),
}

impl<'a> Value<'a> {
    /// From a streaming reader's cell; `formula` tells whether the cell holds a formula.
    pub(crate) fn from_ref(v: DataRef<'a>, formula: bool) -> Value<'a> {
        match v {
            DataRef::Int(i) => Value::Int(i),
            DataRef::Float(f) => Value::Float(f),
            DataRef::String(s) => Value::text(Cow::Owned(s)),
            DataRef::SharedString(s) => Value::text(Cow::Borrowed(s)),
            DataRef::Bool(b) => Value::Bool(b),
            DataRef::DateTime(d) => Value::Date(d),
            DataRef::DateTimeIso(s) => Value::IsoDate(Cow::Owned(s)),
            DataRef::DurationIso(s) => Value::Duration(Cow::Owned(s)),
            DataRef::Error(e) => Value::Error(e),
            DataRef::Empty if formula => Value::Uncached(String::new()),
            DataRef::Empty => Value::Empty,
        }
    }

    /// From a range's cell; `formula` tells whether the cell holds a formula.
    pub(crate) fn from_data(v: &'a Data, formula: bool) -> Value<'a> {
        match v {
            Data::Int(i) => Value::Int(*i),
            Data::Float(f) => Value::Float(*f),
            Data::String(s) => Value::text(Cow::Borrowed(s)),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(d) => Value::Date(*d),
            Data::DateTimeIso(s) => Value::IsoDate(Cow::Borrowed(s)),
            Data::DurationIso(s) => Value::Duration(Cow::Borrowed(s)),
            Data::Error(e) => Value::Error(e.clone()),
            Data::Empty if formula => Value::Uncached(String::new()),
            Data::Empty => Value::Empty,
        }
    }

    fn text(s: Cow<'a, str>) -> Value<'a> {
        let plain_start = s
            .bytes()
            .next()
            .is_some_and(|b| !b.is_ascii_whitespace() && b < 0x80);
        if !plain_start && s.trim().is_empty() {
            Value::Empty
        } else {
            Value::Text(s)
        }
    }

    /// Whether the cell is empty.
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Value::Empty | Value::Blank)
    }

    /// The trimmed text of a text cell.
    pub(crate) fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s.trim()),
            _ => None,
        }
    }

    /// The value as the officer sees it, for messages.
    pub(crate) fn shown(&self) -> String {
        match self {
            Value::Empty | Value::Blank => String::new(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Text(s) => s.to_string(),
            Value::Bool(true) => "TRUE".to_string(),
            Value::Bool(false) => "FALSE".to_string(),
            Value::Date(d) => match crate::serial::calendar_date(d) {
                Ok(date) => date.format("%d/%m/%Y").to_string(),
                Err(_) => d.as_f64().to_string(),
            },
            Value::IsoDate(s) | Value::Duration(s) => s.to_string(),
            Value::Error(e) => e.to_string(),
            Value::Uncached(f) if f.is_empty() => "(a formula)".to_string(),
            Value::Uncached(f) if f.starts_with('=') => f.clone(),
            Value::Uncached(f) => format!("={f}"),
        }
    }
}

/// Why a cell could not be read: what was expected, the rule broken and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) expected: Message,
    pub(crate) rule: Message,
    pub(crate) fix: Message,
}

impl Problem {
    pub(crate) fn new(expected: Message, rule: Message, fix: Message) -> Problem {
        Problem {
            expected,
            rule,
            fix,
        }
    }
}

/// The problems every kind of cell shares: errors, formulas without a result, empty cells.
pub(crate) fn common_problem(v: &Value<'_>, expected: fn() -> Message) -> Option<Problem> {
    match v {
        Value::Error(e) => Some(Problem::new(
            expected(),
            msg!("import-rule-spreadsheet-error", error = e.to_string()),
            msg!("import-fix-spreadsheet-error"),
        )),
        Value::Uncached(_) => Some(Problem::new(
            expected(),
            msg!("import-rule-uncached"),
            msg!("import-fix-uncached"),
        )),
        Value::Empty | Value::Blank => Some(Problem::new(
            expected(),
            msg!("import-rule-required"),
            msg!("import-fix-required"),
        )),
        _ => None,
    }
}

/// A code (line, objective, voucher): text kept as written (`0201` stays `0201`), or a whole
/// number written as its integer text (a cell `201` or `201.0` gives `201`).
pub(crate) fn code(v: &Value<'_>) -> Result<String, Problem> {
    code_in(v).map(Cow::into_owned)
}

/// [`code`], borrowing the cell's text where it can.
pub(crate) fn code_in<'v>(v: &'v Value<'_>) -> Result<Cow<'v, str>, Problem> {
    let what = || msg!("import-expected-code");
    if let Some(p) = common_problem(v, what) {
        return Err(p);
    }
    match v {
        Value::Text(s) => Ok(Cow::Borrowed(s.trim())),
        Value::Int(i) => Ok(i.to_string().into()),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Ok(format!("{f:.0}").into()),
        Value::Float(_) => Err(Problem::new(
            what(),
            msg!("import-rule-code-number"),
            msg!("import-fix-code-as-text"),
        )),
        _ => Err(Problem::new(
            what(),
            msg!("import-rule-code-kind"),
            msg!("import-fix-code-kind"),
        )),
    }
}

/// Free text (label, payee, description): text as written, numbers as their shortest form.
/// An empty cell gives an empty text.
pub(crate) fn text(v: &Value<'_>) -> Result<String, Problem> {
    text_in(v).map(Cow::into_owned)
}

/// [`text`], borrowing the cell's text where it can.
pub(crate) fn text_in<'v>(v: &'v Value<'_>) -> Result<Cow<'v, str>, Problem> {
    match v {
        Value::Empty | Value::Blank => Ok(Cow::Borrowed("")),
        Value::Error(_) | Value::Uncached(_) => {
            match common_problem(v, || msg!("import-expected-text")) {
                Some(p) => Err(p),
                None => Ok(Cow::Borrowed("")),
            }
        }
        Value::Text(s) => Ok(Cow::Borrowed(s.trim())),
        other => Ok(other.shown().into()),
    }
}

/// The A1 reference of a 0-based (row, column): `(8, 4)` is `E9`.
pub(crate) fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), u64::from(row) + 1)
}

/// The letters of a 0-based column: 0 is `A`, 25 `Z`, 26 `AA`, 16383 `XFD`.
pub(crate) fn column_letters(col: u32) -> String {
    // Bijective base 26: the digits of col + 1 with A = 1 .. Z = 26.
    let mut n = u64::from(col).saturating_add(1);
    let mut out = Vec::new();
    while let Some(m) = n.checked_sub(1) {
        let rem = u8::try_from(m % 26).unwrap_or(0);
        out.push(b'A'.saturating_add(rem));
        n = m / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use planfin_messages::Lang;

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(8, 4), "E9");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn codes_are_text() {
        assert_eq!(code(&Value::Float(201.0)), Ok("201".to_string()));
        assert_eq!(code(&Value::Int(201)), Ok("201".to_string()));
        assert_eq!(code(&Value::Text(" 0201 ".into())), Ok("0201".to_string()));
        assert!(code(&Value::Float(201.5)).is_err());
        assert!(code(&Value::Bool(true)).is_err());
        assert!(code(&Value::Empty).is_err());
    }

    #[test]
    fn blank_text_is_empty() {
        assert_eq!(
            Value::from_ref(DataRef::SharedString("  "), false),
            Value::Empty
        );
        assert_eq!(
            Value::from_ref(DataRef::Empty, true),
            Value::Uncached(String::new())
        );
    }

    #[test]
    fn error_and_uncached_cells_explain_themselves() {
        let e = code(&Value::Error(CellErrorType::Div0));
        assert_eq!(
            e.map_err(|p| p.rule.render(Lang::En)),
            Err("the cell holds the spreadsheet error #DIV/0!".to_string())
        );
        let u = text(&Value::Uncached("B2*2".into())).map_err(|p| p.fix.render(Lang::En));
        assert_eq!(
            u,
            Err(
                "recalculate and save the workbook (open it in Excel or LibreOffice and save it)"
                    .to_string()
            )
        );
    }

    #[test]
    fn numbers_in_text_columns_keep_their_shortest_form() {
        assert_eq!(text(&Value::Float(0.1)), Ok("0.1".to_string()));
        assert_eq!(text(&Value::Float(1250000.0)), Ok("1250000".to_string()));
        assert_eq!(text(&Value::Empty), Ok(String::new()));
    }
}
