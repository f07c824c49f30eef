//! ISO 4217 currencies, their minor units, and the fixed CFA franc peg.
//!
//! A [`Currency`] is a validated three-letter ISO 4217 code. Its minor unit (the number of
//! decimals an amount may carry: XOF 0, EUR 2, KWD 3) comes from the ISO table below, so that
//! rounding happens only where the currency demands it.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A currency code that is not an active ISO 4217 code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct UnknownCurrency(pub String);

impl UnknownCurrency {
    /// What went wrong and how to fix it, for a person.
    pub fn message(&self) -> planfin_messages::Message {
        planfin_messages::msg!("error-unknown-currency", code = &self.0)
    }
}

/// The fixed parity of the CFA francs: 1 EUR = 655.957 XOF = 655.957 XAF, exactly.
///
/// ```
/// use planfin_core::currency::CFA_PEG;
/// assert_eq!(CFA_PEG.to_string(), "655.957");
/// ```
pub const CFA_PEG: Decimal = Decimal::from_parts(655_957, 0, 0, false, 3);

/// Active ISO 4217 codes with a minor unit other than 2.
const MINOR_UNIT_EXCEPTIONS: &[(&str, u32)] = &[
    ("BHD", 3),
    ("BIF", 0),
    ("CLF", 4),
    ("CLP", 0),
    ("DJF", 0),
    ("GNF", 0),
    ("IQD", 3),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KMF", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("LYD", 3),
    ("OMR", 3),
    ("PYG", 0),
    ("RWF", 0),
    ("TND", 3),
    ("UGX", 0),
    ("UYI", 0),
    ("UYW", 4),
    ("VND", 0),
    ("VUV", 0),
    ("XAF", 0),
    ("XOF", 0),
    ("XPF", 0),
];

/// Active ISO 4217 codes whose minor unit is 2.
const TWO_DECIMAL_CODES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF",
    "CHE", "CHF", "CHW", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD",
    "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW",
    "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT",
    "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK",
    "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR",
    "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP",
    "SZL", "THB", "TJS", "TMT", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "USN", "UYU",
    "UZS", "VED", "VES", "WST", "XCD", "XCG", "YER", "ZAR", "ZMW", "ZWG",
];

/// An ISO 4217 currency, such as `XOF` (CFA franc BCEAO, no minor unit) or `EUR` (2 decimals).
///
/// ```
/// use planfin_core::currency::Currency;
/// let xof: Currency = "xof".parse()?;
/// assert_eq!(xof.code(), "XOF");
/// assert_eq!(xof.minor_unit(), 0);
/// assert_eq!(Currency::EUR.minor_unit(), 2);
/// assert!("ABC".parse::<Currency>().is_err());
/// # Ok::<(), planfin_core::currency::UnknownCurrency>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: [u8; 3],
    minor_unit: u8,
}

impl Currency {
    /// CFA franc BCEAO (West Africa, Mali's currency).
    pub const XOF: Currency = Currency::known(*b"XOF", 0);
    /// CFA franc BEAC (Central Africa).
    pub const XAF: Currency = Currency::known(*b"XAF", 0);
    /// Euro.
    pub const EUR: Currency = Currency::known(*b"EUR", 2);
    /// US dollar.
    pub const USD: Currency = Currency::known(*b"USD", 2);

    const fn known(code: [u8; 3], minor_unit: u8) -> Currency {
        Currency { code, minor_unit }
    }

    /// The three-letter upper-case code.
    pub fn code(&self) -> &str {
        // The code is built only from ASCII letters of the ISO table.
        std::str::from_utf8(&self.code).unwrap_or("???")
    }

    /// Number of decimals of the currency's minor unit (XOF 0, EUR 2, KWD 3).
    pub fn minor_unit(&self) -> u32 {
        u32::from(self.minor_unit)
    }

    /// Whether this currency is pegged to the euro at [`CFA_PEG`] (XOF and XAF).
    pub fn is_cfa_franc(&self) -> bool {
        *self == Currency::XOF || *self == Currency::XAF
    }

    /// The fixed rate that converts one unit of `self` into `to`, when a legal peg exists
    /// (EUR to XOF/XAF and back, and XOF to XAF at par).
    ///
    /// ```
    /// use planfin_core::currency::{Currency, CFA_PEG};
    /// assert_eq!(Currency::EUR.peg_to(Currency::XOF), Some(CFA_PEG));
    /// assert_eq!(Currency::USD.peg_to(Currency::XOF), None);
    /// ```
    pub fn peg_to(&self, to: Currency) -> Option<Decimal> {
        if *self == to || (self.is_cfa_franc() && to.is_cfa_franc()) {
            Some(Decimal::ONE)
        } else if *self == Currency::EUR && to.is_cfa_franc() {
            Some(CFA_PEG)
        } else if self.is_cfa_franc() && to == Currency::EUR {
            Decimal::ONE.checked_div(CFA_PEG)
        } else {
            None
        }
    }
}

impl FromStr for Currency {
    type Err = UnknownCurrency;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        let unknown = || UnknownCurrency(s.to_string());
        let bytes: [u8; 3] = upper.as_bytes().try_into().map_err(|_| unknown())?;
        if let Some((_, minor)) = MINOR_UNIT_EXCEPTIONS.iter().find(|(c, _)| *c == upper) {
            return Ok(Currency::known(bytes, *minor as u8));
        }
        if TWO_DECIMAL_CODES.contains(&upper.as_str()) {
            return Ok(Currency::known(bytes, 2));
        }
        Err(unknown())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minor_units_follow_iso_4217() {
        for (code, minor) in [
            ("XOF", 0),
            ("XAF", 0),
            ("EUR", 2),
            ("USD", 2),
            ("KWD", 3),
            ("JPY", 0),
        ] {
            assert_eq!(
                code.parse::<Currency>().map(|c| c.minor_unit()),
                Ok(minor),
                "{code}"
            );
        }
    }

    #[test]
    fn unknown_and_malformed_codes_are_refused() {
        for code in ["", "EU", "EURO", "ZZZ", "€"] {
            assert!(code.parse::<Currency>().is_err(), "{code:?}");
        }
    }

    #[test]
    fn the_peg_is_exact_both_ways() {
        assert_eq!(Currency::EUR.peg_to(Currency::XAF), Some(CFA_PEG));
        let back = Currency::XOF.peg_to(Currency::EUR);
        assert_eq!(back.map(|r| (r * CFA_PEG).round_dp(20)), Some(Decimal::ONE));
        assert_eq!(Currency::XOF.peg_to(Currency::XAF), Some(Decimal::ONE));
    }

    #[test]
    fn serde_uses_the_code() {
        let json = serde_json::to_string(&Currency::XOF).unwrap_or_default();
        assert_eq!(json, "\"XOF\"");
        let back: Result<Currency, _> = serde_json::from_str("\"eur\"");
        assert_eq!(back.ok(), Some(Currency::EUR));
    }
}
