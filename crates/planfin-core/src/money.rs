//! Money: checked arithmetic on exact [`Decimal`] amounts, rounding to a [`Currency`]'s minor
//! unit, minor units and conversion at a rate.
//!
//! Rounding rule, everywhere in planfin: **half away from zero, to the target currency's minor
//! unit, once**, at the point where an amount changes currency. Sums are never rounded.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::currency::Currency;

/// The rounding rule stated in every report.
pub const ROUNDING_RULE: &str =
    "converted amounts are rounded once, half away from zero, to the plan currency's minor unit";

/// What can go wrong with money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// A currency code that is not an active ISO 4217 code.
    #[error(transparent)]
    UnknownCurrency(#[from] crate::currency::UnknownCurrency),
    /// The result does not fit in a Decimal (about 7.9e28).
    #[error("{}", self.message())]
    Overflow(&'static str),
}

impl MoneyError {
    /// What went wrong, for a person (the computation an overflow interrupted is in the
    /// variant, for debugging; it is not shown).
    pub fn message(&self) -> planfin_messages::Message {
        match self {
            MoneyError::UnknownCurrency(e) => e.message(),
            MoneyError::Overflow(_) => planfin_messages::Message::new("error-money-overflow"),
        }
    }
}

/// `amount` rounded to `currency`'s minor unit, half away from zero.
pub fn round_to_minor(amount: Decimal, currency: Currency) -> Decimal {
    amount.round_dp_with_strategy(
        currency.minor_unit(),
        RoundingStrategy::MidpointAwayFromZero,
    )
}

/// The largest power of ten an `i128` holds.
const MAX_POW10: u32 = 38;

fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

/// `n / d` rounded half away from zero; an error when `d` is not positive (never the case in
/// planfin: divisors are powers of ten and day counts).
pub(crate) fn div_round_half_away(n: i128, d: i128) -> Result<i128, MoneyError> {
    let of = || MoneyError::Overflow("a division");
    if d <= 0 {
        return Err(of());
    }
    // 64-bit division is several times faster than 128-bit: take it when both fit.
    let (q, r) = match (i64::try_from(n), i64::try_from(d)) {
        (Ok(n), Ok(d)) => (
            n.checked_div(d).map(i128::from),
            n.checked_rem(d).map(|r| u128::from(r.unsigned_abs())),
        ),
        _ => (n.checked_div(d), n.checked_rem(d).map(i128::unsigned_abs)),
    };
    let (q, r) = (q.ok_or_else(of)?, r.ok_or_else(of)?);
    // `r >= d - r` is `2r >= d` without overflow (`r < d`).
    let half_or_more = d
        .unsigned_abs()
        .checked_sub(r)
        .is_some_and(|rest| r >= rest);
    if half_or_more {
        q.checked_add(n.signum()).ok_or_else(of)
    } else {
        Ok(q)
    }
}

/// `amount` as a whole number of `currency`'s minor units (francs, cents), rounded half away
/// from zero when it has more decimals than the currency allows.
///
/// ```
/// use planfin_core::{currency::Currency, money::to_minor_units, Decimal};
/// assert_eq!(to_minor_units(Decimal::new(1050, 2), Currency::EUR), Ok(1050));
/// assert_eq!(to_minor_units(Decimal::from(7), Currency::EUR), Ok(700));
/// assert_eq!(to_minor_units(Decimal::new(25, 1), Currency::XOF), Ok(3));
/// ```
#[inline]
pub fn to_minor_units(amount: Decimal, currency: Currency) -> Result<i128, MoneyError> {
    let k = currency.minor_unit();
    let (m, s) = (amount.mantissa(), amount.scale());
    let of = || MoneyError::Overflow("an amount in minor units");
    if s == k {
        Ok(m)
    } else if s < k {
        pow10(k.abs_diff(s))
            .and_then(|p| m.checked_mul(p))
            .ok_or_else(of)
    } else {
        // s - k <= 28: a power of ten that fits.
        div_round_half_away(m, pow10(s.abs_diff(k)).ok_or_else(of)?)
    }
}

/// A whole number of `currency`'s minor units as an amount with exactly the currency's decimals
/// (`1050` cents is `10.50` EUR); an error beyond what a [`Decimal`] holds.
///
/// ```
/// use planfin_core::{currency::Currency, money::from_minor_units};
/// assert_eq!(from_minor_units(1050, Currency::EUR).map(|d| d.to_string()), Ok("10.50".into()));
/// assert!(from_minor_units(i128::MAX, Currency::XOF).is_err());
/// ```
pub fn from_minor_units(units: i128, currency: Currency) -> Result<Decimal, MoneyError> {
    Decimal::try_from_i128_with_scale(units, currency.minor_unit())
        .map_err(|_| MoneyError::Overflow("an amount"))
}

/// `amount` with exactly `currency`'s decimals (`1000` EUR is `1000.00`), so that every amount
/// of a report has the same shape; rounded half away from zero if it has more (validation
/// refuses such amounts before any report).
///
/// ```
/// use planfin_core::{currency::Currency, money::at_minor_unit, Decimal};
/// assert_eq!(at_minor_unit(Decimal::from(1000), Currency::EUR).map(|d| d.to_string()), Ok("1000.00".into()));
/// assert_eq!(at_minor_unit(Decimal::new(10, 1), Currency::XOF).map(|d| d.to_string()), Ok("1".into()));
/// ```
pub fn at_minor_unit(amount: Decimal, currency: Currency) -> Result<Decimal, MoneyError> {
    from_minor_units(to_minor_units(amount, currency)?, currency)
}

/// `amount x rate` in minor units of `to`, rounded once, half away from zero.
///
/// Exact integer arithmetic on the mantissas whenever the product fits an `i128` (always, for
/// the peg and for amounts below about 10^30); beyond that, the [`Decimal`] product (28
/// significant digits) rounded the same way.
pub(crate) fn converted_units(
    amount: Decimal,
    rate: Decimal,
    to: Currency,
) -> Result<i128, MoneyError> {
    let k = to.minor_unit();
    // Each scale is at most 28.
    let scale = amount.scale().saturating_add(rate.scale());
    if let Some(product) = amount.mantissa().checked_mul(rate.mantissa()) {
        return if scale >= k {
            let drop = scale.abs_diff(k);
            match pow10(drop) {
                Some(p) => div_round_half_away(product, p),
                // |product| < 1.8e38 < half of 10^39: rounds to zero.
                None if drop > MAX_POW10 => Ok(0),
                None => Err(MoneyError::Overflow("a conversion")),
            }
        } else {
            pow10(k.abs_diff(scale))
                .and_then(|p| product.checked_mul(p))
                .ok_or(MoneyError::Overflow("a conversion"))
        };
    }
    let raw = amount
        .checked_mul(rate)
        .ok_or(MoneyError::Overflow("a conversion"))?;
    to_minor_units(raw, to)
}

/// Checked sum of two decimals.
pub fn checked_add(a: Decimal, b: Decimal) -> Result<Decimal, MoneyError> {
    a.checked_add(b).ok_or(MoneyError::Overflow("a sum"))
}

/// Checked difference of two decimals.
pub fn checked_sub(a: Decimal, b: Decimal) -> Result<Decimal, MoneyError> {
    a.checked_sub(b).ok_or(MoneyError::Overflow("a difference"))
}

/// Checked sum of many decimals.
///
/// ```
/// use planfin_core::money::checked_sum;
/// use rust_decimal::Decimal;
/// assert_eq!(checked_sum([Decimal::ONE, Decimal::TWO])?, Decimal::from(3));
/// assert!(checked_sum([Decimal::MAX, Decimal::ONE]).is_err());
/// # Ok::<(), planfin_core::money::MoneyError>(())
/// ```
pub fn checked_sum(items: impl IntoIterator<Item = Decimal>) -> Result<Decimal, MoneyError> {
    items.into_iter().try_fold(Decimal::ZERO, checked_add)
}

/// Formats `amount` with `sep` between groups of three digits and a `.` decimal mark.
///
/// ```
/// use planfin_core::money::group_thousands;
/// use rust_decimal::Decimal;
/// assert_eq!(group_thousands(Decimal::from(-206_850_000), ','), "-206,850,000");
/// assert_eq!(group_thousands(Decimal::new(123456789, 2), ' '), "1 234 567.89");
/// ```
pub fn group_thousands(amount: Decimal, sep: char) -> String {
    let text = amount.abs().to_string();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len().saturating_mul(2));
    if amount.is_sign_negative() && !amount.is_zero() {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        // The digits left after this one (int is ASCII digits: its length counts them).
        let left = int.len().saturating_sub(i);
        if i > 0 && left.is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency::CFA_PEG;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn rounding_at_midpoints_goes_away_from_zero() {
        let cases = [
            ("0.5", "XOF", "1"),
            ("1.5", "XOF", "2"),
            ("2.5", "XOF", "3"),
            ("-2.5", "XOF", "-3"),
            ("2.4999", "XOF", "2"),
            ("0.125", "EUR", "0.13"),
            ("-0.125", "EUR", "-0.13"),
            ("1.0005", "KWD", "1.001"),
        ];
        for (amount, code, expected) in cases {
            let cur: Currency = code.parse().unwrap_or(Currency::XOF);
            assert_eq!(
                round_to_minor(d(amount), cur),
                d(expected),
                "{amount} {code}"
            );
        }
    }

    /// `amount` in `from` converted into `to` at the peg, as an amount.
    fn at_peg(amount: &str, from: Currency, to: Currency) -> Result<Decimal, MoneyError> {
        let rate = from.peg_to(to).ok_or(MoneyError::Overflow("no peg"))?;
        converted_units(d(amount), rate, to).and_then(|u| from_minor_units(u, to))
    }

    #[test]
    fn eur_to_xof_at_the_peg() {
        // 1,000.00 EUR = 655,957 XOF exactly; 0.01 EUR = 6.55957 -> 7 XOF.
        assert_eq!(
            at_peg("1000.00", Currency::EUR, Currency::XOF),
            Ok(d("655957"))
        );
        assert_eq!(at_peg("0.01", Currency::EUR, Currency::XOF), Ok(d("7")));
        // 500.00 EUR = 327,978.5 XOF exactly: a midpoint, rounded away from zero both ways.
        assert_eq!(
            at_peg("500.00", Currency::EUR, Currency::XOF),
            Ok(d("327979"))
        );
        assert_eq!(
            at_peg("-500.00", Currency::EUR, Currency::XOF),
            Ok(d("-327979"))
        );
    }

    #[test]
    fn xof_to_eur_at_the_peg() {
        // 655,957 XOF = 1,000.00 EUR; 100 XOF = 0.152449... -> 0.15 EUR.
        assert_eq!(
            at_peg("655957", Currency::XOF, Currency::EUR),
            Ok(d("1000.00"))
        );
        assert_eq!(at_peg("100", Currency::XOF, Currency::EUR), Ok(d("0.15")));
    }

    #[test]
    fn conversion_at_a_rate_rounds_once() {
        // 10 USD x 600.5 = 6,005 XOF; 0.05 USD x 600.5 = 30.025 -> 30 XOF.
        let units = converted_units(d("10"), d("600.5"), Currency::XOF);
        assert_eq!(units, Ok(6005));
        assert_eq!(
            converted_units(d("0.05"), d("600.5"), Currency::XOF),
            Ok(30)
        );
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert_eq!(
            checked_add(Decimal::MAX, Decimal::ONE),
            Err(MoneyError::Overflow("a sum"))
        );
        assert_eq!(
            checked_sub(Decimal::MIN, Decimal::ONE),
            Err(MoneyError::Overflow("a difference"))
        );
        assert_eq!(
            at_peg(&Decimal::MAX.to_string(), Currency::EUR, Currency::XOF),
            Err(MoneyError::Overflow("an amount"))
        );
        assert!(to_minor_units(Decimal::MAX, Currency::EUR).is_ok());
        assert!(from_minor_units(i128::MAX, Currency::XOF).is_err());
    }

    #[test]
    fn thousands_grouping() {
        assert_eq!(group_thousands(d("0"), ' '), "0");
        assert_eq!(group_thousands(d("999"), ' '), "999");
        assert_eq!(group_thousands(d("1000"), ' '), "1 000");
        assert_eq!(group_thousands(d("-1234.5"), ','), "-1,234.5");
    }

    proptest! {
        #[test]
        fn conversion_never_loses_or_invents_a_unit(cents in -10_000_000_000i64..10_000_000_000i64) {
            // EUR -> XOF rounds once: the result is within half a franc of the exact product,
            // and it is an integer number of francs.
            let eur = Decimal::new(cents, 2).to_string();
            let xof = at_peg(&eur, Currency::EUR, Currency::XOF);
            prop_assert!(xof.is_ok());
            let xof = xof.unwrap_or_default();
            let exact = Decimal::new(cents, 2) * CFA_PEG;
            prop_assert!((xof - exact).abs() <= Decimal::new(5, 1));
            prop_assert_eq!(xof.fract(), Decimal::ZERO);
            // Converting back gives the original amount: one franc is less than a cent.
            let back = at_peg(&xof.to_string(), Currency::XOF, Currency::EUR);
            prop_assert_eq!(back, Ok(Decimal::new(cents, 2)));
        }
    }
}
