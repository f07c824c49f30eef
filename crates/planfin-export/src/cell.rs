//! The boundary between planfin's exact values and the cells of a workbook.
//!
//! Two rules live here and nowhere else:
//!
//! - **Amounts.** Excel stores every number as an IEEE 754 `f64`. An amount is written as a
//!   number only when the `f64` holds it exactly enough to read back as the same decimal: at
//!   most 15 significant digits ([`MAX_SIGNIFICANT_DIGITS`], the precision every `f64` keeps).
//!   It is then written as the `f64` nearest to it, which reads back as the same decimal.
//!   Any other amount is never rounded silently: [`excel_number`] returns `None`, and the
//!   writers put the exact decimal in a *text* cell and record an [`ExportFinding`]
//!   (planfin's importer reads such a text amount back exactly).
//! - **Text.** Every text is written as a string cell, never through a path that could turn
//!   it into a formula. Text starting with `=`, `+`, `-`, `@`, tab or CR ([`looks_like_formula`])
//!   therefore stays text: `=HYPERLINK(...)` is shown, not run.

use std::fmt;

use planfin_core::validation::Severity;
use planfin_messages::{Lang, Message, msg};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ColNum, Format, RowNum, Worksheet, XlsxError};

pub use planfin_core::render::looks_like_formula;

/// The most significant digits an amount may have to be written as an Excel number.
pub const MAX_SIGNIFICANT_DIGITS: u32 = 15;

/// The `f64` to store for `amount`, or `None` when an `f64` cannot hold it exactly (more than
/// [`MAX_SIGNIFICANT_DIGITS`] significant digits).
///
/// When it returns `Some(x)`, `x` is the `f64` nearest to `amount`, and the shortest decimal
/// that reads back as `x` (what Excel, LibreOffice and Rust print) is `amount` itself.
///
/// ```
/// use planfin_export::cell::excel_number;
/// use rust_decimal::Decimal;
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(excel_number(d("206850000")), Some(206_850_000.0));
/// assert_eq!(excel_number(d("-1234.56")), Some(-1234.56));
/// assert_eq!(excel_number(d("999999999999999")), Some(999_999_999_999_999.0));
/// // 16 significant digits: an f64 would round it.
/// assert_eq!(excel_number(d("9007199254740993")), None);
/// assert_eq!(excel_number(d("12345678901234.56")), None);
/// // Trailing zeros are not significant.
/// assert_eq!(excel_number(d("1000000000000000000000")), Some(1e21));
/// ```
pub fn excel_number(amount: Decimal) -> Option<f64> {
    let n = amount.normalize();
    let scale = n.scale();
    let mut mantissa = n.mantissa().unsigned_abs();
    let mut zeros = 0u32;
    if mantissa == 0 {
        return Some(0.0);
    }
    while mantissa.is_multiple_of(10) {
        mantissa /= 10;
        zeros += 1;
    }
    if mantissa >= 10u128.pow(MAX_SIGNIFICANT_DIGITS) {
        return None;
    }
    // Below 10^15 < 2^53 the mantissa is exact in an f64, and so is 10^k for k <= 22: one
    // IEEE division or multiplication is then correctly rounded, i.e. the nearest f64.
    let m = mantissa as f64;
    let magnitude = if scale > 0 && scale <= 22 && zeros == 0 {
        m / 10f64.powi(scale as i32)
    } else if scale == 0 && zeros <= 22 {
        m * 10f64.powi(zeros as i32)
    } else {
        // Rare shapes: Rust's parser is correctly rounded too.
        n.abs().to_string().parse::<f64>().ok()?
    };
    Some(if n.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    })
}

/// An amount as it goes into a cell: a number, or its exact text when an `f64` cannot hold it.
#[derive(Debug, Clone, PartialEq)]
pub enum AmountCell {
    /// Written as an Excel number.
    Number(f64),
    /// Written as a string cell holding the exact decimal.
    Text(String),
}

impl AmountCell {
    /// The cell for `amount`, by the rule of [`excel_number`].
    ///
    /// ```
    /// use planfin_export::cell::AmountCell;
    /// use rust_decimal::Decimal;
    /// assert_eq!(AmountCell::of(Decimal::new(-5, 0)), AmountCell::Number(-5.0));
    /// let big: Decimal = "12345678901234567.89".parse().unwrap();
    /// assert_eq!(AmountCell::of(big), AmountCell::Text("12345678901234567.89".into()));
    /// ```
    pub fn of(amount: Decimal) -> AmountCell {
        match excel_number(amount) {
            Some(x) => AmountCell::Number(x),
            None => AmountCell::Text(amount.to_string()),
        }
    }
}

/// A value that could not be written as it is, and how it was written instead: always a
/// warning. The message is a [`Message`] of the catalog, rendered in the language of the
/// reader ([`ExportFinding::render`]); `Display` is English.
///
/// ```
/// use planfin_export::ExportFinding;
/// use planfin_messages::Lang;
/// let f = ExportFinding::amount_as_text("Synthèse!C4".into(), "12345678901234567".parse().unwrap());
/// assert_eq!(f.code, "amount_as_text");
/// assert_eq!(f.message.id(), "export-amount-as-text");
/// assert!(f.to_string().starts_with(
///     "Synthèse!C4: warning [amount_as_text]: 12,345,678,901,234,567 has more than 15"
/// ));
/// assert!(f.render(Lang::Fr).starts_with(
///     "Synthèse!C4\u{a0}: avertissement [amount_as_text]\u{a0}: \
///      12\u{202f}345\u{202f}678\u{202f}901\u{202f}234\u{202f}567 a plus de 15 chiffres significatifs"
/// ));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFinding {
    /// Stable code: `amount_as_text`.
    pub code: &'static str,
    /// `Sheet!A1`.
    pub location: String,
    /// What happened (`export-amount-as-text`, `export-amount-too-large`).
    pub message: Message,
}

impl ExportFinding {
    /// The finding for an amount written as text at `location`: more significant digits than
    /// an Excel number holds.
    pub fn amount_as_text(location: String, amount: Decimal) -> ExportFinding {
        ExportFinding {
            code: "amount_as_text",
            location,
            message: msg!(
                "export-amount-as-text",
                amount = amount,
                digits = MAX_SIGNIFICANT_DIGITS
            ),
        }
    }

    /// The finding for an amount written as text at `location` because it is 10^15 or more
    /// (planfin reads no number cell that large back).
    pub(crate) fn amount_too_large(location: String, amount: Decimal) -> ExportFinding {
        ExportFinding {
            code: "amount_as_text",
            location,
            message: msg!("export-amount-too-large", amount = amount),
        }
    }

    /// The finding as one line in `lang`, as planfin writes every finding:
    /// `location: warning [code]: message`.
    ///
    /// ```
    /// use planfin_export::ExportFinding;
    /// use planfin_messages::Lang;
    /// let f = ExportFinding::amount_as_text("Lignes!G2".into(), "1234567890123456.5".parse().unwrap());
    /// assert!(f.render(Lang::En).starts_with("Lignes!G2: warning [amount_as_text]: 1,234,567,890,123,456.5"));
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        msg!("finding-line", location = &self.location)
            .with("severity", Severity::Warning.message())
            .with("code", self.code)
            .with("message", self.message.clone())
            .render(lang)
    }
}

impl fmt::Display for ExportFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// `A1` notation of a zero-based cell.
///
/// ```
/// assert_eq!(planfin_export::cell::a1(0, 0), "A1");
/// assert_eq!(planfin_export::cell::a1(9, 27), "AB10");
/// ```
pub fn a1(row: RowNum, col: ColNum) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col)
}

/// Writes `text` as a string cell: never a formula, whatever it starts with.
pub(crate) fn write_text(
    ws: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
    format: Option<&Format>,
) -> Result<(), XlsxError> {
    match format {
        Some(f) => ws.write_string_with_format(row, col, text, f)?,
        None => ws.write_string(row, col, text)?,
    };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn fifteen_digits_are_exact_sixteen_are_text() {
        for (s, expected) in [
            ("0", Some(0.0)),
            ("0.01", Some(0.01)),
            ("-0.10", Some(-0.1)),
            ("206850000", Some(206_850_000.0)),
            ("131191.40", Some(131_191.4)),
            ("1234567890123.45", Some(1_234_567_890_123.45)),
            ("999999999999999", Some(999_999_999_999_999.0)),
            ("0.000000000000000000000000001", Some(1e-27)),
            ("9999999999999999", None),
            ("12345678901234.56", None),
            ("79228162514264337593543950335", None),
        ] {
            assert_eq!(excel_number(d(s)), expected, "{s}");
        }
    }

    #[test]
    fn texts_that_look_like_formulas() {
        for t in [
            "=HYPERLINK(\"x\")",
            "+33 6 12",
            "-5",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(looks_like_formula(t), "{t:?}");
        }
        assert!(!looks_like_formula("PC-2018-0001"));
    }

    proptest! {
        /// Every amount the rule accepts reads back as itself from the f64 (shortest repr, as
        /// Excel and LibreOffice print it); every amount it refuses has more than 15 digits.
        #[test]
        fn accepted_amounts_round_trip(m in any::<i64>(), scale in 0u32..12) {
            let amount = Decimal::new(m, scale);
            let digits = amount.normalize().mantissa().unsigned_abs().to_string();
            let significant = digits.trim_end_matches('0').len().max(1);
            match excel_number(amount) {
                Some(x) => {
                    prop_assert!(significant <= 15);
                    prop_assert_eq!(d(&x.to_string()), amount);
                    prop_assert_eq!(Some(x), amount.to_string().parse::<f64>().ok());
                }
                None => prop_assert!(significant > 15),
            }
        }
    }
}
