//! Entry points for the fuzz targets in `fuzz/` (cargo feature `fuzzing`, off by default): thin
//! wrappers over the crate's private text parsers. Not a public API: it may change at any time.

use chrono::NaiveDate;
use planfin_core::currency::Currency;
use rust_decimal::Decimal;

use crate::amount::{self, Locale};
use crate::cell::{Problem, Value};
use crate::date;

fn message(p: Problem) -> String {
    // English and French both, so that the fuzz targets render every message they reach.
    let fr = p.rule.render(planfin_messages::Lang::Fr);
    format!("{}: {} ({}) [{fr}]", p.expected, p.rule, p.fix)
}

/// A text amount as the sheet readers parse it: the value and the currency its text names.
pub fn parse_amount_text(raw: &str, locale: Locale) -> Result<(Decimal, Option<Currency>), String> {
    amount::parse_text(raw, locale)
        .map(|a| (a.value, a.currency))
        .map_err(message)
}

/// A text cell read as an amount of `currency` (the minor-unit check included).
pub fn amount_cell_text(
    raw: &str,
    currency: Option<Currency>,
    locale: Locale,
) -> Result<(Decimal, Option<Currency>), String> {
    amount::amount(&Value::Text(raw.into()), currency, locale)
        .map(|a| (a.value, a.currency))
        .map_err(message)
}

/// A number cell read as an amount with `dp` decimals.
pub fn amount_float(f: f64, dp: u32, currency: Option<Currency>) -> Result<Decimal, String> {
    amount::from_f64(f, dp, currency).map_err(message)
}

/// A date typed as text (`31/12/2019`, `2019-12-31`, `2019-12-31T00:00:00`).
pub fn date_text(s: &str) -> Result<NaiveDate, String> {
    date::from_text(s).map_err(message)
}
