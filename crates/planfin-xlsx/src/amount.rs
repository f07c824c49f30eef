//! Amounts: number cells and text cells to exact decimals.
//!
//! A number cell arrives as an `f64`. It becomes the shortest decimal that reads back as the same
//! float (what the spreadsheet shows: `0.1`, never `0.1000000000000000055511151231`), then
//! rounded to the currency's minor unit; a value further from that rounding than the float's own
//! noise (1e-9, or a few units in the last place for large numbers) is refused: `1250.5` is not an
//! XOF amount. Text amounts accept spaces (ASCII, U+00A0, U+202F, U+2009) as thousands
//! separators, a comma or point decimal mark, a sign or parentheses, and a currency word.

use planfin_core::currency::Currency;
use rust_decimal::{Decimal, RoundingStrategy};

use planfin_messages::{Message, msg};

use crate::cell::{Problem, Value, common_problem};

/// What an amount cell should hold, in messages.
fn what() -> Message {
    msg!("import-expected-amount")
}

/// Largest number cell accepted: beyond 15 significant digits a spreadsheet number is no
/// longer exact.
const MAX_FLOAT: f64 = 1e15;

/// How decimal marks are read in text amounts.
///
/// ```
/// use planfin_xlsx::Locale;
/// assert_eq!(Locale::default(), Locale::Undeclared);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// Not declared: `1,000` and `1.000` are ambiguous and refused; `12,5` and `1 250,50` are
    /// read (they can only mean one thing).
    #[default]
    Undeclared,
    /// French style: comma decimal mark, point or space thousands separator (`1.250,50`).
    DecimalComma,
    /// English style: point decimal mark, comma thousands separator (`1,250.50`).
    DecimalPoint,
}

/// An amount read from a cell, with the currency its text named, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Amount {
    pub(crate) value: Decimal,
    pub(crate) currency: Option<Currency>,
}

/// An amount of `currency` (its minor unit decides the precision; `None`: up to 10 decimals).
pub(crate) fn amount(
    v: &Value<'_>,
    currency: Option<Currency>,
    locale: Locale,
) -> Result<Amount, Problem> {
    if let Some(p) = common_problem(v, what) {
        return Err(p);
    }
    let dp = currency.map_or(10, |c| c.minor_unit());
    match v {
        Value::Int(i) => Ok(Amount {
            value: Decimal::from(*i),
            currency: None,
        }),
        Value::Float(f) => from_f64(*f, dp, currency).map(|value| Amount {
            value,
            currency: None,
        }),
        Value::Text(s) => {
            let parsed = parse_text(s, locale)?;
            let cur = parsed.currency.or(currency);
            let dp = cur.map_or(10, |c| c.minor_unit());
            if parsed.value.round_dp(dp) != parsed.value {
                return Err(fractional(cur, dp));
            }
            Ok(Amount {
                value: parsed.value.normalize(),
                currency: parsed.currency,
            })
        }
        Value::Date(_) | Value::IsoDate(_) => Err(Problem::new(
            what(),
            msg!("import-rule-amount-is-date"),
            msg!("import-fix-format-as-number"),
        )),
        _ => Err(Problem::new(
            what(),
            msg!("import-rule-amount-is-number"),
            msg!("import-fix-amount-as-number"),
        )),
    }
}

fn fractional(currency: Option<Currency>, dp: u32) -> Problem {
    match currency {
        Some(c) if dp == 0 => Problem::new(
            what(),
            msg!("import-rule-no-decimals", currency = c.to_string()),
            msg!("import-fix-round-francs"),
        ),
        Some(c) => Problem::new(
            what(),
            msg!(
                "import-rule-currency-decimals",
                currency = c.to_string(),
                dp = dp
            ),
            msg!("import-fix-round-amount", dp = dp),
        ),
        None => Problem::new(
            what(),
            msg!("import-rule-at-most-decimals", dp = dp),
            msg!("import-fix-round-value", dp = dp),
        ),
    }
}

/// A float to an exact decimal with `dp` decimals, refusing a value that is not, up to float
/// noise, a multiple of 10^-dp.
pub(crate) fn from_f64(f: f64, dp: u32, currency: Option<Currency>) -> Result<Decimal, Problem> {
    if !f.is_finite() || f.abs() >= MAX_FLOAT {
        return Err(Problem::new(
            what(),
            msg!("import-rule-fifteen-digits"),
            msg!("import-fix-amount-as-text"),
        ));
    }
    // Whole numbers (most amounts) are exact in an f64 below 2^53: no conversion noise.
    if f.fract() == 0.0 {
        return Ok(Decimal::from(f as i64));
    }
    // The shortest decimal that reads back as the same float: what the spreadsheet shows
    // (0.1, not 0.1000000000000000055511151231).
    let exact = f
        .to_string()
        .parse::<Decimal>()
        .ok()
        .or_else(|| Decimal::from_f64_retain(f))
        .ok_or_else(|| {
            Problem::new(
                what(),
                msg!("import-rule-not-finite"),
                msg!("import-fix-amount-as-number"),
            )
        })?;
    let rounded = exact.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    if exact != rounded {
        // The float's own noise: 1e-9, or 4 units in the last place of a large value.
        let noise = (f.abs() * f64::EPSILON * 4.0).max(1e-9);
        let tolerance = Decimal::from_f64_retain(noise).unwrap_or(Decimal::ONE);
        if exact
            .checked_sub(rounded)
            .is_none_or(|gap| gap.abs() > tolerance)
        {
            return Err(fractional(currency, dp));
        }
    }
    Ok(rounded.normalize())
}

/// A text amount: `1 250 000`, `1 250 000 FCFA`, `(1 250,50)`, `-12.5 EUR`, `€ 10`.
pub(crate) fn parse_text(raw: &str, locale: Locale) -> Result<Amount, Problem> {
    let not_amount = |rule: Message| Problem::new(what(), rule, msg!("import-fix-amount-text"));
    let mut s = raw.trim();
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        negative = true;
        s = inner.trim();
    }
    let (rest, currency) = strip_currency(s);
    s = rest;
    if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        if negative {
            return Err(not_amount(msg!("import-rule-two-signs")));
        }
        negative = true;
        s = inner.trim();
    }
    for minus in ['-', '\u{2212}', '\u{2013}'] {
        if let Some(inner) = s.strip_prefix(minus) {
            if negative {
                return Err(not_amount(msg!("import-rule-two-signs")));
            }
            negative = true;
            s = inner.trim_start();
        }
    }
    if let Some(inner) = s.strip_prefix('+') {
        s = inner.trim_start();
    }
    // What remains: digits, spaces between groups, and decimal or grouping marks.
    let mut digits_and_marks = String::with_capacity(s.len());
    let mut spaced = false;
    for c in s.chars() {
        match c {
            '0'..='9' | ',' | '.' => digits_and_marks.push(c),
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}' => {
                spaced = true;
                digits_and_marks.push(' ');
            }
            _ => {
                let junk: String = s.chars().filter(|c| !c.is_ascii_digit()).collect();
                return Err(not_amount(msg!(
                    "import-rule-not-part-of-amount",
                    text = junk.trim().trim_matches([',', '.', ' '])
                )));
            }
        }
    }
    if !digits_and_marks.bytes().any(|b| b.is_ascii_digit()) {
        return Err(not_amount(msg!("import-rule-no-digit")));
    }
    let plain = normalise_marks(&digits_and_marks, spaced, locale).map_err(not_amount)?;
    let mut value = Decimal::from_str_exact(&plain)
        .map_err(|_| not_amount(msg!("import-rule-too-many-digits")))?;
    if negative {
        value.set_sign_negative(true);
    }
    Ok(Amount { value, currency })
}

/// Strips a leading or trailing currency word.
fn strip_currency(s: &str) -> (&str, Option<Currency>) {
    const WORDS: &[(&str, Currency)] = &[
        ("F CFA", Currency::XOF),
        ("F.CFA", Currency::XOF),
        ("FCFA", Currency::XOF),
        ("XOF", Currency::XOF),
        ("XAF", Currency::XAF),
        ("EUR", Currency::EUR),
        ("€", Currency::EUR),
        ("USD", Currency::USD),
        ("$", Currency::USD),
        ("CFA", Currency::XOF),
    ];
    for (word, cur) in WORDS {
        let n = word.len();
        if let Some(cut) = s.len().checked_sub(n)
            && s.is_char_boundary(cut)
            && s[cut..].eq_ignore_ascii_case(word)
        {
            return (s[..cut].trim_end(), Some(*cur));
        }
        if s.len() >= n && s.is_char_boundary(n) && s[..n].eq_ignore_ascii_case(word) {
            return (s[n..].trim_start(), Some(*cur));
        }
    }
    (s, None)
}

/// Digits, spaces and marks to a plain `1234.56`, deciding which mark is the decimal one.
fn normalise_marks(s: &str, spaced: bool, locale: Locale) -> Result<String, Message> {
    let Marks { decimal, grouping } = marks(s, spaced, locale)?;
    let (int_part, frac_part) = match decimal {
        Some(d) => s.split_once(d).unwrap_or((s, "")),
        None => (s, ""),
    };
    let (int, separated) = thousands(int_part.trim(), grouping)?;
    if grouping.is_some() && !separated {
        return Err(ambiguous(s));
    }
    let frac = frac_part.trim();
    if frac.contains(' ') || frac.contains([',', '.']) {
        return Err(msg!("import-rule-marks-after-decimal"));
    }
    if int.is_empty() && frac.is_empty() {
        return Err(msg!("import-rule-no-digit"));
    }
    let int = if int.is_empty() { "0".to_string() } else { int };
    Ok(if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    })
}

/// Which mark of an amount's text is the decimal one and which groups thousands.
struct Marks {
    decimal: Option<char>,
    grouping: Option<char>,
}

/// The marks of `s` (digits, spaces, commas and points): both kinds, the last one decimal;
/// several of one kind, grouping; a single one, decimal unless it could group thousands,
/// when the locale decides.
fn marks(s: &str, spaced: bool, locale: Locale) -> Result<Marks, Message> {
    let commas = s.matches(',').count();
    let points = s.matches('.').count();
    let (decimal, grouping) = match (commas, points) {
        (0, 0) => (None, None),
        (c, p) if c > 0 && p > 0 => {
            let last_comma = s.rfind(',').unwrap_or(0);
            let last_point = s.rfind('.').unwrap_or(0);
            if last_comma > last_point {
                if c > 1 {
                    return Err(msg!("import-rule-two-decimal-commas"));
                }
                (Some(','), Some('.'))
            } else {
                if p > 1 {
                    return Err(msg!("import-rule-two-decimal-points"));
                }
                (Some('.'), Some(','))
            }
        }
        (c, 0) if c > 1 => (None, Some(',')),
        (0, p) if p > 1 => (None, Some('.')),
        _ => return single_mark(s, if commas == 1 { ',' } else { '.' }, spaced, locale),
    };
    Ok(Marks { decimal, grouping })
}

/// The one `mark` of `s`: decimal, unless it could be a thousands separator (`1,250`, no
/// spaces elsewhere), when the locale decides and an undeclared one is ambiguous.
fn single_mark(s: &str, mark: char, spaced: bool, locale: Locale) -> Result<Marks, Message> {
    let (int, frac) = s.split_once(mark).unwrap_or((s, ""));
    let int_digits = int.trim().replace(' ', "");
    let could_group = frac.len() == 3
        && !spaced
        && (1..=3).contains(&int_digits.len())
        && !int_digits.starts_with('0');
    if could_group {
        match (locale, mark) {
            (Locale::DecimalComma, ',') | (Locale::DecimalPoint, '.') => {}
            (Locale::DecimalComma, _) | (Locale::DecimalPoint, _) => {
                return Ok(Marks {
                    decimal: None,
                    grouping: Some(mark),
                });
            }
            (Locale::Undeclared, _) => return Err(ambiguous(s)),
        }
    }
    Ok(Marks {
        decimal: Some(mark),
        grouping: None,
    })
}

/// The message for a mark that can be read either way.
fn ambiguous(s: &str) -> Message {
    msg!("import-rule-ambiguous-mark", text = s.trim())
}

/// The digits of an integer part, and whether it was split in thousands groups: spaces and
/// the grouping mark split it into a first group of 1-3 digits and groups of exactly 3.
fn thousands(int_part: &str, grouping: Option<char>) -> Result<(String, bool), Message> {
    let groups: Vec<&str> = int_part
        .split(|c: char| c == ' ' || Some(c) == grouping)
        .filter(|g| !g.is_empty())
        .collect();
    let separated = groups.len() > 1;
    if separated {
        let bad = groups.first().is_none_or(|g| g.len() > 3)
            || groups.iter().skip(1).any(|g| g.len() != 3);
        if bad {
            return Err(msg!("import-rule-thousands-misplaced", text = int_part));
        }
    }
    Ok((groups.concat(), separated))
}

/// An exchange rate cell: a positive [`decimal`].
pub(crate) fn rate(v: &Value<'_>, locale: Locale) -> Result<Decimal, Problem> {
    let d = decimal(v, locale)?;
    if d <= Decimal::ZERO {
        return Err(Problem::new(
            msg!("import-expected-rate"),
            msg!("import-rule-rate-positive"),
            msg!("import-fix-rate"),
        ));
    }
    Ok(d)
}

/// A rate or any decimal that is not money: at most 10 decimals.
pub(crate) fn decimal(v: &Value<'_>, locale: Locale) -> Result<Decimal, Problem> {
    amount(v, None, locale).map(|a| a.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use planfin_messages::Lang;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    fn text(s: &str) -> Result<Decimal, Problem> {
        amount(
            &Value::Text(s.into()),
            Some(Currency::XOF),
            Locale::Undeclared,
        )
        .map(|a| a.value)
    }

    fn eur(s: &str, locale: Locale) -> Result<Decimal, Problem> {
        amount(&Value::Text(s.into()), Some(Currency::EUR), locale).map(|a| a.value)
    }

    #[test]
    fn floats_become_exact_decimals_without_artefacts() {
        assert_eq!(from_f64(0.1, 2, Some(Currency::EUR)), Ok(d("0.1")));
        assert_eq!(from_f64(0.1 + 0.2, 2, Some(Currency::EUR)), Ok(d("0.3")));
        assert_eq!(
            from_f64(1250000.0, 0, Some(Currency::XOF)),
            Ok(d("1250000"))
        );
        assert_eq!(
            from_f64(-1234.56, 2, Some(Currency::EUR)),
            Ok(d("-1234.56"))
        );
        assert_eq!(from_f64(655.957, 10, None), Ok(d("655.957")));
        assert_eq!(from_f64(123456789.48, 10, None), Ok(d("123456789.48")));
        assert_eq!(from_f64(1e-20, 10, None), Ok(d("0")));
        // A formula's float noise on a large whole amount is not a fraction.
        assert_eq!(
            from_f64(206850000.0 * 0.35, 0, Some(Currency::XOF)),
            Ok(d("72397500"))
        );
    }

    #[test]
    fn fractional_xof_is_refused() {
        let e = from_f64(1250.5, 0, Some(Currency::XOF));
        assert_eq!(
            e.map_err(|p| p.rule.render(Lang::En)),
            Err("XOF has no decimals".to_string())
        );
        assert!(from_f64(0.001, 2, Some(Currency::EUR)).is_err());
        assert!(text("1 250,5").is_err());
        assert_eq!(text("1 250,00"), Ok(d("1250")));
    }

    #[test]
    fn huge_and_non_finite_floats_are_refused() {
        assert!(from_f64(f64::NAN, 0, None).is_err());
        assert!(from_f64(f64::INFINITY, 0, None).is_err());
        assert!(from_f64(1e300, 0, None).is_err());
        assert!(from_f64(1e15, 0, None).is_err());
    }

    #[test]
    fn integer_cells_are_exact() {
        let a = amount(
            &Value::Int(9_007_199_254_740_993),
            Some(Currency::XOF),
            Locale::Undeclared,
        );
        assert_eq!(a.map(|a| a.value), Ok(d("9007199254740993")));
    }

    #[test]
    fn text_amounts_with_spaces_and_currency_words() {
        assert_eq!(text("1 250 000"), Ok(d("1250000")));
        assert_eq!(text("1\u{a0}250\u{a0}000 FCFA"), Ok(d("1250000")));
        assert_eq!(text("1\u{202f}250\u{202f}000"), Ok(d("1250000")));
        assert_eq!(text("1 250 000 F CFA"), Ok(d("1250000")));
        assert_eq!(text("XOF 500"), Ok(d("500")));
        assert_eq!(text("250000"), Ok(d("250000")));
        assert_eq!(eur("€ 12,50", Locale::Undeclared), Ok(d("12.5")));
        assert_eq!(eur("1 234,56 EUR", Locale::Undeclared), Ok(d("1234.56")));
    }

    #[test]
    fn text_amounts_name_their_currency() {
        let a = parse_text("1 500 EUR", Locale::Undeclared);
        assert_eq!(a.map(|a| a.currency), Ok(Some(Currency::EUR)));
        let a = parse_text("1 500 fcfa", Locale::Undeclared);
        assert_eq!(a.map(|a| a.currency), Ok(Some(Currency::XOF)));
        let a = parse_text("1 500", Locale::Undeclared);
        assert_eq!(a.map(|a| a.currency), Ok(None));
    }

    #[test]
    fn negatives_by_sign_or_parentheses() {
        assert_eq!(text("-1 000 000"), Ok(d("-1000000")));
        assert_eq!(text("(1 000 000)"), Ok(d("-1000000")));
        assert_eq!(text("(1 000 000 FCFA)"), Ok(d("-1000000")));
        assert_eq!(text("\u{2212}500"), Ok(d("-500")));
        assert_eq!(text("+500"), Ok(d("500")));
        assert!(text("-(500)").is_err());
    }

    #[test]
    fn comma_or_point_decimals() {
        assert_eq!(eur("12,5", Locale::Undeclared), Ok(d("12.5")));
        assert_eq!(eur("12.5", Locale::Undeclared), Ok(d("12.5")));
        assert_eq!(eur("1.250,50", Locale::Undeclared), Ok(d("1250.5")));
        assert_eq!(eur("1,250.50", Locale::Undeclared), Ok(d("1250.5")));
        assert_eq!(eur("1.234.567,89", Locale::Undeclared), Ok(d("1234567.89")));
        assert_eq!(eur("0,500", Locale::Undeclared), Ok(d("0.5")));
        assert_eq!(
            eur("1234,567", Locale::Undeclared).map_err(|p| p.expected),
            Err(what())
        );
    }

    #[test]
    fn ambiguous_thousands_need_a_locale() {
        for s in ["1,000", "1.000", "12,500", "250.000"] {
            let e = text(s).map_err(|p| p.rule.render(Lang::En));
            assert!(
                e.as_ref().is_err_and(|r| r.contains("ambiguous")),
                "{s}: {e:?}"
            );
        }
        assert_eq!(eur("1,000", Locale::DecimalComma), Ok(d("1")));
        assert_eq!(eur("1,000", Locale::DecimalPoint), Ok(d("1000")));
        assert_eq!(eur("1.000", Locale::DecimalComma), Ok(d("1000")));
        assert_eq!(eur("1.000", Locale::DecimalPoint), Ok(d("1")));
        // Groups of three with several marks are never ambiguous.
        assert_eq!(text("1,000,000"), Ok(d("1000000")));
        assert_eq!(text("1.000.000"), Ok(d("1000000")));
    }

    #[test]
    fn malformed_text_is_refused_with_the_offending_part() {
        let e = text("12,5 kF").map_err(|p| p.rule.render(Lang::En));
        assert_eq!(e, Err("\"kF\" is not part of an amount".to_string()));
        assert!(text("1 25 000").is_err());
        assert!(text("1,2,3").is_err());
        assert!(text("abc").is_err());
        assert!(text("FCFA").is_err());
        assert!(text("1,000.000,5").is_err());
        assert!(eur("12,5,0", Locale::DecimalComma).is_err());
    }

    proptest::proptest! {
        /// Any amount written the French way (groups of three separated by a space, U+00A0 or
        /// U+202F, comma decimals, a sign, a currency word) reads back exactly.
        #[test]
        fn french_text_amounts_read_back(
            units in -999_999_999_999i64..999_999_999_999,
            cents in 0u32..100,
            sep in proptest::sample::select(vec![" ", "\u{a0}", "\u{202f}"]),
            word in proptest::sample::select(vec!["", " FCFA", " EUR", " €"]),
        ) {
            let whole = Decimal::from(units.unsigned_abs());
            let magnitude = whole + Decimal::new(i64::from(cents), 2);
            let value = if units < 0 { -magnitude } else { magnitude };
            let digits = planfin_core::money::group_thousands(whole, '#').replace('#', sep);
            let sign = if units < 0 { "-" } else { "" };
            let text = format!("{sign}{digits},{cents:02}{word}");
            let read = parse_text(&text, Locale::Undeclared).map(|a| a.value);
            proptest::prop_assert_eq!(read, Ok(value), "{}", text);
        }

        /// Whole numbers up to 15 digits go through the float rule unchanged.
        #[test]
        fn whole_floats_are_exact(i in -999_999_999_999_999i64..999_999_999_999_999) {
            proptest::prop_assert_eq!(from_f64(i as f64, 0, Some(Currency::XOF)), Ok(Decimal::from(i)));
        }

        /// Two-decimal floats come back as their two decimals, never with float artefacts.
        #[test]
        fn cent_floats_are_exact(cents in -99_999_999_999i64..99_999_999_999) {
            let f = cents as f64 / 100.0;
            proptest::prop_assert_eq!(from_f64(f, 2, Some(Currency::EUR)), Ok(Decimal::new(cents, 2)));
        }
    }

    #[test]
    fn non_numbers_are_refused() {
        assert!(amount(&Value::Bool(true), None, Locale::Undeclared).is_err());
        assert!(amount(&Value::Empty, None, Locale::Undeclared).is_err());
    }
}
