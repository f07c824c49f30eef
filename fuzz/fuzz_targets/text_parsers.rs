//! The text parsers of cells and arguments: amounts (planfin-xlsx `amount::parse_text` and the
//! amount rules of a text cell), dates (`date::from_text`) and fiscal periods
//! (`FiscalPeriod::from_str`), on arbitrary UTF-8 (input that is not UTF-8 is skipped).
//!
//! Asserted, besides "no panic":
//! - an amount read in a locale reads back the same in that locale when printed plainly
//!   (`-1234.5`, with the locale's decimal mark); with a currency word appended it reads as the
//!   same value in that currency;
//! - an amount read with the locale undeclared (unambiguous text) reads the same in both
//!   declared locales;
//! - a text cell's amount of a currency has at most that currency's decimals;
//! - a date read back from `dd/mm/yyyy` and from `yyyy-mm-dd` is the same date, in 1900-9999;
//! - a fiscal period reads back from its own display, in 1900-9999, quarter 1-4.
//!
//! The first 8 bytes, when there are at least 9, are also read as an f64 number cell (the 9th
//! byte picks the decimals): the amount it gives has at most those decimals and is close to
//! the float.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planfin_core::Decimal;
use planfin_core::currency::Currency;
use planfin_core::plan::FiscalPeriod;
use planfin_xlsx::Locale;
use planfin_xlsx::fuzzing::{amount_cell_text, amount_float, date_text, parse_amount_text};

const LOCALES: [Locale; 3] = [
    Locale::Undeclared,
    Locale::DecimalComma,
    Locale::DecimalPoint,
];

fuzz_target!(|data: &[u8]| {
    if data.len() >= 9 {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&data[..8]);
        float_cell(f64::from_le_bytes(bytes), u32::from(data[8] % 12));
    }
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for locale in LOCALES {
        amount_text(s, locale);
    }
    date(s);
    period(s);
});

/// `value` printed plainly, in a way `locale` reads back unambiguously.
fn plain(value: Decimal, locale: Locale) -> String {
    let mut text = value.to_string();
    if locale == Locale::DecimalComma {
        text = text.replace('.', ",");
    }
    // `1.250` with the locale undeclared is ambiguous (1250 or 1.25): spaces between the
    // thousands of the integer part say the point is a decimal mark, or, with three digits or
    // fewer before it, a fourth decimal does.
    if locale == Locale::Undeclared
        && let Some((int, frac)) = text.split_once('.')
        && frac.len() == 3
    {
        let (sign, digits) = int.split_at(usize::from(int.starts_with('-')));
        if digits.len() <= 3 {
            text.push('0');
        } else {
            let first = digits.len() % 3;
            let mut grouped = digits[..first].to_string();
            for (i, group) in digits.as_bytes()[first..].chunks(3).enumerate() {
                if i > 0 || first > 0 {
                    grouped.push(' ');
                }
                grouped.push_str(std::str::from_utf8(group).unwrap_or_default());
            }
            text = format!("{sign}{grouped}.{frac}");
        }
    }
    text
}

fn amount_text(s: &str, locale: Locale) {
    let parsed = parse_amount_text(s, locale);
    for currency in [None, Some(Currency::XOF), Some(Currency::EUR)] {
        if let Ok((value, named)) = amount_cell_text(s, currency, locale) {
            let dp = named.or(currency).map_or(10, |c| c.minor_unit());
            assert!(
                value.scale() <= dp,
                "{s:?} in {locale:?} as {currency:?}: {value} has more than {dp} decimals"
            );
            assert_eq!(
                parsed.as_ref().ok().map(|(v, _)| *v),
                Some(value),
                "{s:?} in {locale:?}: the cell's amount differs from the text's"
            );
        }
    }
    let Ok((value, currency)) = parsed else {
        return;
    };
    let text = plain(value, locale);
    assert_eq!(
        parse_amount_text(&text, locale),
        Ok((value, None)),
        "{s:?} in {locale:?} reads as {value}, but its plain form {text:?} does not read back"
    );
    if currency.is_none() {
        let with = format!("{s} EUR");
        assert_eq!(
            parse_amount_text(&with, locale),
            Ok((value, Some(Currency::EUR))),
            "{s:?} in {locale:?} reads as {value}, but {with:?} does not read as {value} EUR"
        );
    }
    if locale == Locale::Undeclared {
        for declared in [Locale::DecimalComma, Locale::DecimalPoint] {
            assert_eq!(
                parse_amount_text(s, declared).map(|(v, _)| v),
                Ok(value),
                "{s:?} reads as {value} with the locale undeclared, but not in {declared:?}"
            );
        }
    }
}

fn float_cell(f: f64, dp: u32) {
    let Ok(value) = amount_float(f, dp, None) else {
        return;
    };
    assert!(value.scale() <= dp, "{f:?} with {dp} decimals: {value}");
    let back: f64 = value.to_string().parse().unwrap_or(f64::NAN);
    let step = 10f64.powi(-(dp as i32));
    assert!(
        (back - f).abs() <= step / 2.0 + f.abs() * 1e-12 + 1e-9,
        "{f:?} with {dp} decimals reads as {value}, too far from the float"
    );
}

fn date(s: &str) {
    let Ok(d) = date_text(s) else {
        return;
    };
    use chrono::Datelike;
    assert!((1900..=9999).contains(&d.year()), "{s:?} reads as {d}");
    for form in [
        d.format("%d/%m/%Y").to_string(),
        d.format("%Y-%m-%d").to_string(),
    ] {
        assert_eq!(
            date_text(&form),
            Ok(d),
            "{s:?} reads as {d}, but {form:?} does not read back"
        );
    }
}

fn period(s: &str) {
    let Ok(p) = s.parse::<FiscalPeriod>() else {
        return;
    };
    assert!((1900..=9999).contains(&p.year), "{s:?} reads as {p}");
    assert!(
        p.quarter.is_none_or(|q| (1..=4).contains(&q)),
        "{s:?} reads as {p}"
    );
    assert_eq!(
        p.to_string().parse::<FiscalPeriod>(),
        Ok(p),
        "{s:?} reads as {p}, but its display does not read back"
    );
}
