//! Money: an exact [`Decimal`] amount in a [`Currency`], with checked arithmetic, rounding to
//! the minor unit, conversion and largest-remainder splitting.
//!
//! Rounding rule, everywhere in planfin: **half away from zero, to the target currency's minor
//! unit, once**, at the point where an amount changes currency. Sums are never rounded.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::currency::Currency;

/// The rounding rule stated in every report.
pub const ROUNDING_RULE: &str =
    "converted amounts are rounded once, half away from zero, to the plan currency's minor unit";

/// What can go wrong with money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// A currency code that is not an active ISO 4217 code.
    #[error("unknown currency {0:?}: use an ISO 4217 code such as XOF, XAF, EUR or USD")]
    UnknownCurrency(String),
    /// Two amounts of different currencies were combined.
    #[error("cannot combine {left} and {right}: convert one of them first")]
    CurrencyMismatch {
        /// Currency of the left operand.
        left: Currency,
        /// Currency of the right operand.
        right: Currency,
    },
    /// The result does not fit in a Decimal (about 7.9e28).
    #[error(
        "amount overflow while computing {0}: the figures are too large to be exact; look for an amount typed with too many digits"
    )]
    Overflow(&'static str),
    /// No rate is known to convert between two currencies.
    #[error(
        "no exchange rate from {from} to {to}: give a rate on the expenditure or in the plan's rate table"
    )]
    NoRate {
        /// Source currency.
        from: Currency,
        /// Target currency.
        to: Currency,
    },
    /// A rate that is zero or negative.
    #[error(
        "exchange rate {0} is not positive: give the number of target-currency units for one unit of the source currency"
    )]
    InvalidRate(Decimal),
    /// Splitting by weights that are empty, negative or sum to zero.
    #[error(
        "cannot split by these weights: {0}; give non-negative weights, at least one above zero"
    )]
    InvalidWeights(&'static str),
    /// An amount carries more decimals than its currency's minor unit.
    #[error(
        "{amount} has more decimals than {currency} allows ({minor} decimal places): round it to {minor} decimal places"
    )]
    TooPrecise {
        /// The amount as given.
        amount: Decimal,
        /// Its currency.
        currency: Currency,
        /// The currency's minor unit.
        minor: u32,
    },
}

/// An exact amount in a currency.
///
/// ```
/// use planfin_core::{currency::Currency, money::Money};
/// use rust_decimal::Decimal;
/// let a = Money::new(Decimal::from(150_000), Currency::XOF);
/// let b = Money::new(Decimal::from(56_850), Currency::XOF);
/// assert_eq!(a.checked_add(b)?.amount(), Decimal::from(206_850));
/// assert!(a.checked_add(Money::new(Decimal::ONE, Currency::EUR)).is_err());
/// # Ok::<(), planfin_core::money::MoneyError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// An amount in a currency, kept exactly as given.
    pub fn new(amount: Decimal, currency: Currency) -> Money {
        Money { amount, currency }
    }

    /// Zero in `currency`.
    pub fn zero(currency: Currency) -> Money {
        Money::new(Decimal::ZERO, currency)
    }

    /// The amount.
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }

    /// Exact sum; an error for different currencies or on overflow.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        checked_add(self.amount, other.amount).map(|a| Money::new(a, self.currency))
    }

    /// Exact difference; an error for different currencies or on overflow.
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        checked_sub(self.amount, other.amount).map(|a| Money::new(a, self.currency))
    }

    /// Rounded to the currency's minor unit, half away from zero.
    ///
    /// ```
    /// use planfin_core::{currency::Currency, money::Money};
    /// use rust_decimal::Decimal;
    /// let m = Money::new(Decimal::new(25, 1), Currency::XOF); // 2.5 XOF
    /// assert_eq!(m.rounded().amount(), Decimal::from(3));
    /// let m = Money::new(Decimal::new(-25, 1), Currency::XOF);
    /// assert_eq!(m.rounded().amount(), Decimal::from(-3));
    /// ```
    pub fn rounded(self) -> Money {
        Money::new(round_to_minor(self.amount, self.currency), self.currency)
    }

    /// The amount unchanged if it fits the currency's minor unit, else [`MoneyError::TooPrecise`].
    pub fn exact(self) -> Result<Money, MoneyError> {
        if round_to_minor(self.amount, self.currency) == self.amount {
            Ok(self)
        } else {
            Err(MoneyError::TooPrecise {
                amount: self.amount,
                currency: self.currency,
                minor: self.currency.minor_unit(),
            })
        }
    }

    /// Converts into `to` at `rate` (units of `to` per unit of `self`), rounding once.
    /// With no rate, the legal peg applies where one exists (EUR/XOF/XAF).
    ///
    /// ```
    /// use planfin_core::{currency::Currency, money::Money};
    /// use rust_decimal::Decimal;
    /// let eur = Money::new(Decimal::new(1000, 2), Currency::EUR); // 10.00 EUR
    /// assert_eq!(eur.convert(Currency::XOF, None)?.amount(), Decimal::from(6560)); // 6559.57
    /// # Ok::<(), planfin_core::money::MoneyError>(())
    /// ```
    pub fn convert(self, to: Currency, rate: Option<Decimal>) -> Result<Money, MoneyError> {
        let rate = match rate {
            Some(r) if r <= Decimal::ZERO => return Err(MoneyError::InvalidRate(r)),
            Some(r) => r,
            None => self.currency.peg_to(to).ok_or(MoneyError::NoRate {
                from: self.currency,
                to,
            })?,
        };
        let units = converted_units(self.amount, rate, to)?;
        let amount =
            from_minor_units(units, to).map_err(|_| MoneyError::Overflow("a conversion"))?;
        Ok(Money::new(amount, to))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", group_thousands(self.amount, ' '), self.currency)
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

/// `n / d` rounded half away from zero (`d > 0`).
pub(crate) fn div_round_half_away(n: i128, d: i128) -> i128 {
    // 64-bit division is several times faster than 128-bit: take it when both fit.
    if let (Ok(n), Ok(d)) = (i64::try_from(n), i64::try_from(d)) {
        let (q, r) = (n / d, (n % d).abs());
        return i128::from(if r >= d - r { q + n.signum() } else { q });
    }
    let q = n / d;
    let r = (n % d).abs();
    // |r| >= d - |r| is 2|r| >= d without overflow.
    if r >= d - r { q + n.signum() } else { q }
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
        pow10(k - s).and_then(|p| m.checked_mul(p)).ok_or_else(of)
    } else {
        // s - k <= 28: a power of ten that fits.
        pow10(s - k)
            .map(|p| div_round_half_away(m, p))
            .ok_or_else(of)
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
    let scale = amount.scale() + rate.scale();
    if let Some(product) = amount.mantissa().checked_mul(rate.mantissa()) {
        return if scale >= k {
            let drop = scale - k;
            Ok(match pow10(drop) {
                Some(p) => div_round_half_away(product, p),
                // |product| < 1.8e38 < half of 10^39: rounds to zero.
                None if drop > MAX_POW10 => 0,
                None => return Err(MoneyError::Overflow("a conversion")),
            })
        } else {
            pow10(k - scale)
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

/// Splits `total` into parts proportional to `weights` by the largest-remainder method, at the
/// currency's minor unit: the parts add back to `total` exactly, and each part differs from its
/// exact share by less than one minor unit.
///
/// ```
/// use planfin_core::{currency::Currency, money::split};
/// use rust_decimal::Decimal;
/// let parts = split(Decimal::from(100), Currency::XOF, &[Decimal::ONE; 3])?;
/// assert_eq!(parts, vec![Decimal::from(34), Decimal::from(33), Decimal::from(33)]);
/// # Ok::<(), planfin_core::money::MoneyError>(())
/// ```
pub fn split(
    total: Decimal,
    currency: Currency,
    weights: &[Decimal],
) -> Result<Vec<Decimal>, MoneyError> {
    if weights.is_empty() {
        return Err(MoneyError::InvalidWeights("no weights"));
    }
    if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return Err(MoneyError::InvalidWeights("a weight is negative"));
    }
    let weight_sum = checked_sum(weights.iter().copied())?;
    if weight_sum.is_zero() {
        return Err(MoneyError::InvalidWeights("the weights sum to zero"));
    }
    let dp = currency.minor_unit();
    let unit = Decimal::new(1, dp);
    let negative = total.is_sign_negative();
    let magnitude = round_to_minor(total.abs(), currency);
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let share = magnitude
            .checked_mul(*w)
            .and_then(|x| x.checked_div(weight_sum))
            .ok_or(MoneyError::Overflow("a split"))?;
        let floor = share.round_dp_with_strategy(dp, RoundingStrategy::ToZero);
        remainders.push((share - floor, i));
        parts.push(floor);
    }
    let mut left = checked_sub(magnitude, checked_sum(parts.iter().copied())?)?;
    // Largest remainder first; ties go to the earlier part, so the result is deterministic.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders {
        if left < unit {
            break;
        }
        parts[i] += unit;
        left -= unit;
    }
    if negative {
        parts.iter_mut().for_each(|p| *p = -*p);
    }
    Ok(parts)
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
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    if amount.is_sign_negative() && !amount.is_zero() {
        out.push('-');
    }
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
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

    #[test]
    fn eur_to_xof_at_the_peg() {
        // 1,000.00 EUR = 655,957 XOF exactly; 0.01 EUR = 6.55957 -> 7 XOF.
        let m = Money::new(d("1000.00"), Currency::EUR).convert(Currency::XOF, None);
        assert_eq!(m.map(|m| m.amount()), Ok(d("655957")));
        let m = Money::new(d("0.01"), Currency::EUR).convert(Currency::XOF, None);
        assert_eq!(m.map(|m| m.amount()), Ok(d("7")));
        // 500.00 EUR = 327,978.5 XOF exactly: a midpoint, rounded away from zero both ways.
        let m = Money::new(d("500.00"), Currency::EUR).convert(Currency::XOF, None);
        assert_eq!(m.map(|m| m.amount()), Ok(d("327979")));
        let m = Money::new(d("-500.00"), Currency::EUR).convert(Currency::XOF, None);
        assert_eq!(m.map(|m| m.amount()), Ok(d("-327979")));
    }

    #[test]
    fn xof_to_eur_at_the_peg() {
        // 655,957 XOF = 1,000.00 EUR; 100 XOF = 0.152449... -> 0.15 EUR.
        let m = Money::new(d("655957"), Currency::XOF).convert(Currency::EUR, None);
        assert_eq!(m.map(|m| m.amount()), Ok(d("1000.00")));
        let m = Money::new(d("100"), Currency::XOF).convert(Currency::EUR, None);
        assert_eq!(m.map(|m| m.amount()), Ok(d("0.15")));
    }

    #[test]
    fn conversion_without_rate_or_peg_is_an_error() {
        let m = Money::new(d("10"), Currency::USD).convert(Currency::XOF, None);
        assert_eq!(
            m,
            Err(MoneyError::NoRate {
                from: Currency::USD,
                to: Currency::XOF
            })
        );
        let m = Money::new(d("10"), Currency::USD).convert(Currency::XOF, Some(d("0")));
        assert_eq!(m, Err(MoneyError::InvalidRate(d("0"))));
        let m = Money::new(d("10"), Currency::USD).convert(Currency::XOF, Some(d("600.5")));
        assert_eq!(m.map(|m| m.amount()), Ok(d("6005")));
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let big = Money::new(Decimal::MAX, Currency::XOF);
        assert_eq!(
            big.checked_add(Money::new(Decimal::ONE, Currency::XOF)),
            Err(MoneyError::Overflow("a sum"))
        );
        assert_eq!(
            Money::new(Decimal::MIN, Currency::XOF)
                .checked_sub(Money::new(Decimal::ONE, Currency::XOF)),
            Err(MoneyError::Overflow("a difference"))
        );
        let eur = Money::new(Decimal::MAX, Currency::EUR);
        assert_eq!(
            eur.convert(Currency::XOF, None),
            Err(MoneyError::Overflow("a conversion"))
        );
    }

    #[test]
    fn mixing_currencies_is_an_error() {
        let r = Money::new(d("1"), Currency::XOF).checked_add(Money::new(d("1"), Currency::EUR));
        assert_eq!(
            r,
            Err(MoneyError::CurrencyMismatch {
                left: Currency::XOF,
                right: Currency::EUR
            })
        );
    }

    #[test]
    fn exact_refuses_fractional_cfa() {
        assert!(Money::new(d("10.5"), Currency::XOF).exact().is_err());
        assert!(Money::new(d("10.50"), Currency::EUR).exact().is_ok());
        assert!(Money::new(d("10.00"), Currency::XOF).exact().is_ok());
    }

    #[test]
    fn split_known_cases() {
        let parts = split(
            d("206850000"),
            Currency::XOF,
            &[d("0.3"), d("0.3"), d("0.4")],
        );
        assert_eq!(parts, Ok(vec![d("62055000"), d("62055000"), d("82740000")]));
        let parts = split(d("-10.00"), Currency::EUR, &[d("1"), d("1"), d("1")]);
        assert_eq!(parts, Ok(vec![d("-3.34"), d("-3.33"), d("-3.33")]));
        assert!(split(d("1"), Currency::XOF, &[]).is_err());
        assert!(split(d("1"), Currency::XOF, &[d("0")]).is_err());
        assert!(split(d("1"), Currency::XOF, &[d("-1"), d("2")]).is_err());
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
        fn split_parts_add_back_to_the_whole(
            total in -1_000_000_000_000i64..1_000_000_000_000i64,
            weights in proptest::collection::vec(0u32..1000, 1..20),
        ) {
            prop_assume!(weights.iter().any(|w| *w > 0));
            let weights: Vec<Decimal> = weights.into_iter().map(Decimal::from).collect();
            let parts = split(Decimal::from(total), Currency::XOF, &weights);
            prop_assert!(parts.is_ok());
            let parts = parts.unwrap_or_default();
            prop_assert_eq!(checked_sum(parts.iter().copied()), Ok(Decimal::from(total)));
            let wsum: Decimal = weights.iter().copied().sum();
            for (p, w) in parts.iter().zip(&weights) {
                let exact = Decimal::from(total) * w / wsum;
                prop_assert!((*p - exact).abs() < Decimal::ONE);
            }
        }

        #[test]
        fn conversion_never_loses_or_invents_a_unit(cents in -10_000_000_000i64..10_000_000_000i64) {
            // EUR -> XOF rounds once: the result is within half a franc of the exact product,
            // and it is an integer number of francs.
            let eur = Money::new(Decimal::new(cents, 2), Currency::EUR);
            let xof = eur.convert(Currency::XOF, None);
            prop_assert!(xof.is_ok());
            let xof = xof.map(|m| m.amount()).unwrap_or_default();
            let exact = Decimal::new(cents, 2) * CFA_PEG;
            prop_assert!((xof - exact).abs() <= Decimal::new(5, 1));
            prop_assert_eq!(xof.fract(), Decimal::ZERO);
            // Converting back gives the original amount: one franc is less than a cent.
            let back = Money::new(xof, Currency::XOF).convert(Currency::EUR, None);
            prop_assert_eq!(back.map(|m| m.amount()), Ok(Decimal::new(cents, 2)));
        }
    }
}
