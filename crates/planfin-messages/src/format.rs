//! How amounts and dates read in each language: planfin formats them itself, never Fluent
//! (whose number formatting goes through f64).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::Lang;

/// The narrow no-break space (U+202F): French thousands separator, and the space before `;`,
/// `?` and `!` in French.
pub const NARROW_NBSP: char = '\u{202F}';

/// An amount as a person reads it: French `-12 500 000,5` (narrow no-break spaces, decimal
/// comma), English `-12,500,000.5`. Every digit of the decimal is kept.
///
/// ```
/// use planfin_messages::{format_amount, Lang};
/// use rust_decimal::Decimal;
/// assert_eq!(format_amount(Decimal::new(-1250000050, 2), Lang::En), "-12,500,000.50");
/// assert_eq!(format_amount(Decimal::new(-1250000050, 2), Lang::Fr), "-12\u{202F}500\u{202F}000,50");
/// assert_eq!(format_amount(Decimal::from(999), Lang::Fr), "999");
/// ```
pub fn format_amount(amount: Decimal, lang: Lang) -> String {
    let (group, mark) = match lang {
        Lang::Fr => (NARROW_NBSP, ','),
        Lang::En => (',', '.'),
    };
    let text = amount.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut out = String::with_capacity(text.len().saturating_mul(2));
    if amount.is_sign_negative() && !amount.is_zero() {
        out.push('-');
    }
    for (i, digit) in int.chars().enumerate() {
        // `int` is ASCII digits: its length counts them.
        let left = int.len().saturating_sub(i);
        if i > 0 && left.is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push(mark);
        out.push_str(frac);
    }
    out
}

/// A date as a person reads it: French `31/03/2019`, English `2019-03-31` (ISO 8601, which
/// no English reader misreads).
///
/// ```
/// use planfin_messages::{format_date, Lang};
/// let d = chrono::NaiveDate::from_ymd_opt(2019, 3, 31).unwrap_or_default();
/// assert_eq!(format_date(d, Lang::Fr), "31/03/2019");
/// assert_eq!(format_date(d, Lang::En), "2019-03-31");
/// ```
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// A count as a person reads it: grouped like an amount (`1 000 000`, `1,000,000`).
///
/// ```
/// use planfin_messages::{format_count, Lang};
/// assert_eq!(format_count(1_000_000, Lang::En), "1,000,000");
/// assert_eq!(format_count(-12, Lang::Fr), "-12");
/// ```
pub fn format_count(count: i64, lang: Lang) -> String {
    format_amount(Decimal::from(count), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_and_small_amounts_have_no_separator_or_sign() {
        assert_eq!(format_amount(Decimal::ZERO, Lang::Fr), "0");
        assert_eq!(format_amount(Decimal::new(-0, 2), Lang::En), "0.00");
        assert_eq!(
            format_amount(Decimal::new(1234, 0), Lang::Fr),
            "1\u{202F}234"
        );
        assert_eq!(format_amount(Decimal::new(123456, 3), Lang::Fr), "123,456");
    }
}
