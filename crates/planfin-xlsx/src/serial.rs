//! Excel serial date-times as calendar dates (1900 and 1904 systems): the conversion both the
//! date reader and the display of a cell use.

use calamine::ExcelDateTime;
use chrono::NaiveDate;

/// Last serial day Excel knows: 9999-12-31 in the 1900 system.
const MAX_SERIAL: f64 = 2_958_466.0;

/// Why a serial date-time is no calendar date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NotADate {
    /// The cell is formatted as a duration.
    Duration,
    /// The serial number is outside the dates a spreadsheet can hold.
    OutOfRange(f64),
    /// The day does not exist (1900-02-29, the 1900 leap-year bug).
    NoSuchDay { y: u16, m: u8, day: u8 },
}

/// The date of an Excel serial date-time, in its workbook's date system (the time is dropped).
pub(crate) fn calendar_date(d: &ExcelDateTime) -> Result<NaiveDate, NotADate> {
    if d.is_duration() {
        return Err(NotADate::Duration);
    }
    let serial = d.as_f64();
    if !(serial.is_finite() && (0.0..MAX_SERIAL).contains(&serial)) {
        return Err(NotADate::OutOfRange(serial));
    }
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(day)).ok_or(NotADate::NoSuchDay {
        y,
        m,
        day,
    })
}
