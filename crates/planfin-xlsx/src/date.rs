//! Dates: Excel serial dates (1900 and 1904 systems), ODS ISO dates, and date text
//! (`31/12/2019`, `31-12-2019`, `2019-12-31`).

use calamine::ExcelDateTime;
use chrono::NaiveDate;

use planfin_messages::{Message, msg};

use crate::cell::{Problem, Value, common_problem};
use crate::serial::{NotADate, calendar_date};

/// What a date cell should hold, in messages.
fn what() -> Message {
    msg!("import-expected-date")
}

/// A date problem: the rule, and the fix every date problem shares.
fn bad(rule: Message) -> Problem {
    Problem::new(what(), rule, msg!("import-fix-date"))
}

/// A date from a cell.
pub(crate) fn date(v: &Value<'_>) -> Result<NaiveDate, Problem> {
    if let Some(p) = common_problem(v, what) {
        return Err(p);
    }
    match v {
        Value::Date(d) => from_serial(d),
        Value::IsoDate(s) => from_text(s),
        Value::Text(s) => from_text(s),
        Value::Int(_) | Value::Float(_) => Err(bad(msg!("import-rule-date-is-number"))),
        _ => Err(bad(msg!("import-rule-not-a-date"))),
    }
}

/// The date of an Excel serial date-time, in its workbook's date system (the time is dropped).
/// Serial numbers outside Excel's range, durations and 1900-02-29 (which Excel counts but never
/// existed) are refused.
pub(crate) fn from_serial(d: &ExcelDateTime) -> Result<NaiveDate, Problem> {
    calendar_date(d).map_err(|e| match e {
        NotADate::Duration => bad(msg!("import-rule-duration")),
        NotADate::OutOfRange(serial) => bad(msg!(
            "import-rule-serial-out-of-range",
            serial = serial.to_string()
        )),
        NotADate::NoSuchDay { y, m, day } => bad(msg!(
            "import-rule-leap-year-bug",
            date = format!("{day:02}/{m:02}/{y}")
        )),
    })
}

/// A date typed as text: `dd/mm/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, `yyyy-mm-dd`, and a date
/// with a time of day (`2019-12-31T00:00:00`, as ods files store dates, or
/// `31/12/2019 14:30`). Anything else after the date is refused: `31/12/2019 xyz` is not a
/// date.
pub(crate) fn from_text(s: &str) -> Result<NaiveDate, Problem> {
    let s = s.trim();
    let (head, time) = match s.split_once(['T', ' ']) {
        Some((head, time)) => (head, Some(time.trim_start())),
        None => (s, None),
    };
    if time.is_some_and(|t| !is_time_of_day(t)) {
        return Err(bad(msg!("import-rule-time-after-date")));
    }
    let parts: Vec<&str> = head.split(['/', '-', '.']).collect();
    let number = |p: &str| -> Option<u32> {
        if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            p.parse().ok()
        }
    };
    if parts.len() != 3 {
        return Err(bad(msg!("import-rule-date-order")));
    }
    let (Some(a), Some(b), Some(c)) = (number(parts[0]), number(parts[1]), number(parts[2])) else {
        return Err(bad(msg!("import-rule-date-order")));
    };
    let (year, month, day) = if parts[0].len() == 4 {
        (a, b, c)
    } else if parts[2].len() == 4 {
        (c, b, a)
    } else {
        return Err(bad(msg!("import-rule-year-digits")));
    };
    if !(1900..=9999).contains(&year) {
        return Err(bad(msg!("import-rule-year-range")));
    }
    if month > 12 && parts[2].len() == 4 {
        return Err(bad(msg!("import-rule-month-above-12")));
    }
    i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
        .ok_or_else(|| bad(msg!("import-rule-no-such-day")))
}

/// Whether `t` is a time of day: `hh:mm`, `hh:mm:ss` or `hh:mm:ss.fff`, as Excel, LibreOffice
/// and ISO 8601 write it.
fn is_time_of_day(t: &str) -> bool {
    ["%H:%M", "%H:%M:%S", "%H:%M:%S%.f"]
        .iter()
        .any(|f| chrono::NaiveTime::parse_from_str(t, f).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;
    use planfin_messages::Lang;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn serial(v: f64, is_1904: bool) -> Result<NaiveDate, Problem> {
        date(&Value::Date(ExcelDateTime::new(
            v,
            ExcelDateTimeType::DateTime,
            is_1904,
        )))
    }

    #[test]
    fn serial_dates_in_both_systems() {
        assert_eq!(serial(43101.0, false), Ok(ymd(2018, 1, 1)));
        assert_eq!(serial(43101.75, false), Ok(ymd(2018, 1, 1)));
        assert_eq!(serial(41639.0, true), Ok(ymd(2018, 1, 1)));
        assert_eq!(serial(61.0, false), Ok(ymd(1900, 3, 1)));
        assert_eq!(serial(1.0, false), Ok(ymd(1900, 1, 1)));
        assert_eq!(serial(0.0, true), Ok(ymd(1904, 1, 1)));
    }

    #[test]
    fn impossible_serials_are_refused() {
        assert!(serial(60.0, false).is_err());
        assert!(serial(-1.0, false).is_err());
        assert!(serial(1e300, false).is_err());
        assert!(serial(f64::NAN, false).is_err());
        let duration = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert!(date(&Value::Date(duration)).is_err());
    }

    #[test]
    fn date_text_in_french_and_iso_order() {
        for s in [
            "31/12/2019",
            "31-12-2019",
            "31.12.2019",
            "2019-12-31",
            " 2019-12-31T00:00:00 ",
            "2019-12-31T14:30:00.000",
            "31/12/2019 14:30",
        ] {
            assert_eq!(from_text(s), Ok(ymd(2019, 12, 31)), "{s}");
        }
        assert_eq!(from_text("1/3/2019"), Ok(ymd(2019, 3, 1)));
        assert_eq!(
            date(&Value::IsoDate("2018-06-30".into())),
            Ok(ymd(2018, 6, 30))
        );
    }

    #[test]
    fn bad_date_text_is_refused() {
        for s in [
            "12/31/2019",
            "31/12/19",
            "30/02/2019",
            "hier",
            "2019",
            "31/12/2019/1",
            "31/12/2019 xyz",
            "2019-12-31Tomorrow",
            "31/12/2019 25:00",
        ] {
            assert!(from_text(s).is_err(), "{s}");
        }
        let e = from_text("31/12/2019 xyz").map_err(|p| p.rule.render(Lang::En));
        assert_eq!(
            e,
            Err("only a time of day (14:30 or 14:30:00) may follow the date".to_string())
        );
        let e = from_text("12/31/2019").map_err(|p| p.rule.render(Lang::En));
        assert_eq!(
            e,
            Err("the month is above 12: dates are day/month/year".to_string())
        );
    }

    #[test]
    fn plain_numbers_are_not_dates() {
        assert!(date(&Value::Float(43101.0)).is_err());
    }
}
