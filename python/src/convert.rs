//! Conversions between Python values and planfin-core's: `decimal.Decimal` and `int` to
//! [`Decimal`] (floats, booleans and strings refused), `datetime.date` to [`NaiveDate`]
//! (datetimes and strings refused), and core values to plain Python dicts and lists.
//!
//! pyo3's own `rust_decimal` and `chrono` conversions are not used: the first accepts floats,
//! strings and booleans silently, the second a `datetime` (dropping its time).

use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use planfin_core::plan::{Lang, Text};
use planfin_core::report::Grouping;
use planfin_core::validation::Finding;
use planfin_messages::{Message, msg};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString, PyType};
use rust_decimal::Decimal;

use crate::lang::current;

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE.import(py, "datetime", "date")
}

fn datetime_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATETIME.import(py, "datetime", "datetime")
}

/// What a message names: an argument (`"tolerance"`, a Python name, as it is) or a field of a
/// record at a place (`records[3]: amount`), built only when a message is.
pub trait What {
    /// The name, as a message argument.
    fn message(&self) -> Message;
}

impl What for str {
    fn message(&self) -> Message {
        msg!("common-text", text = self)
    }
}

impl<T: What + ?Sized> What for &T {
    fn message(&self) -> Message {
        (**self).message()
    }
}

/// A `TypeError` saying `message` in the call's language.
pub fn type_error(message: Message) -> PyErr {
    PyTypeError::new_err(message.render(current()))
}

/// A `ValueError` saying `message` in the call's language.
pub fn value_error(message: Message) -> PyErr {
    PyValueError::new_err(message.render(current()))
}

/// A refused value as error messages show it: `float 0.1`, `str '12'`, or the repr alone
/// when it names the type already (`Decimal('NaN')`, `datetime.datetime(2019, 1, 1, 10, 0)`).
pub fn described(obj: &Bound<'_, PyAny>) -> String {
    if obj.is_none() {
        return "None".to_string();
    }
    let name = obj
        .get_type()
        .name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "object".to_string());
    let repr = obj
        .repr()
        .map(|r| r.to_string_lossy().into_owned())
        .unwrap_or_default();
    let head = repr.split('(').next().unwrap_or_default();
    if repr.contains('(') && (head == name || head.ends_with(&format!(".{name}"))) {
        shorten(&repr)
    } else {
        format!("{name} {}", shorten(&repr))
    }
}

/// At most 60 characters of `text`, so that a message stays one readable line.
fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        text.chars().take(MAX - 1).chain(['…']).collect()
    }
}

/// An amount from Python: a `decimal.Decimal` or an `int` (or an integer type with
/// `__index__`, such as numpy's), exactly. A float, a bool or a str is refused with a
/// `TypeError` that says how to write it; `what` names the value in the message.
pub fn amount(obj: &Bound<'_, PyAny>, what: impl What) -> PyResult<Decimal> {
    let py = obj.py();
    if obj.is_instance(decimal_type(py)?)? {
        let text = obj.str()?;
        return decimal_from_text(&text.to_cow()?, obj, &what);
    }
    let refused = || {
        type_error(msg!(
            "python-amount-type",
            what = what.message(),
            got = described(obj)
        ))
    };
    let refused_with = |got: String, code: String| {
        type_error(msg!(
            "python-amount-type-hint",
            what = what.message(),
            got = got,
            code = code
        ))
    };
    if obj.is_instance_of::<PyBool>() {
        return Err(refused());
    }
    if obj.is_instance_of::<PyFloat>() {
        // str, not repr: numpy's float64 (a float subclass) shows as np.float64(0.5).
        let text = obj.str()?;
        let text = text.to_cow()?;
        let name = obj.get_type().name()?;
        return Err(refused_with(
            format!("{} {text}", name.to_cow()?),
            format!("Decimal('{text}')"),
        ));
    }
    if obj.is_instance_of::<PyString>() {
        let repr = obj.repr()?;
        return Err(refused_with(
            described(obj),
            format!("Decimal({})", shorten(&repr.to_cow()?)),
        ));
    }
    let int = if obj.is_instance_of::<PyInt>() {
        obj.clone()
    } else if obj.hasattr(pyo3::intern!(py, "__index__"))? {
        // An integer type of another library (numpy.int64): floats have no __index__.
        obj.call_method0(pyo3::intern!(py, "__index__"))?
    } else {
        return Err(refused());
    };
    let value: i128 = int.extract().map_err(|_| too_large(obj, &what))?;
    Decimal::try_from_i128_with_scale(value, 0).map_err(|_| too_large(obj, &what))
}

fn too_large(obj: &Bound<'_, PyAny>, what: &impl What) -> PyErr {
    value_error(msg!(
        "python-amount-too-large",
        what = what.message(),
        got = described(obj)
    ))
}

/// A [`Decimal`] from the text of a Python `Decimal` (`"1250000"`, `"-0.5"`, `"1E+3"`).
fn decimal_from_text(text: &str, obj: &Bound<'_, PyAny>, what: &impl What) -> PyResult<Decimal> {
    let parsed = if text.contains(['e', 'E']) {
        Decimal::from_scientific(text)
    } else {
        Decimal::from_str_exact(text)
    };
    parsed.map_err(|_| {
        let lower = text.to_ascii_lowercase();
        let id = if lower.contains("nan") || lower.contains("inf") {
            "python-amount-not-finite"
        } else {
            "python-amount-inexact"
        };
        value_error(msg!(id, what = what.message(), got = described(obj)))
    })
}

/// An optional amount: `None` stays `None`.
pub fn optional_amount(
    obj: Option<&Bound<'_, PyAny>>,
    what: impl What,
) -> PyResult<Option<Decimal>> {
    match obj {
        Some(o) if !o.is_none() => amount(o, what).map(Some),
        _ => Ok(None),
    }
}

/// A `decimal.Decimal` holding `value` exactly (its scale kept: `1000.10` stays `1000.10`).
pub fn decimal_to_py(py: Python<'_>, value: Decimal) -> PyResult<Bound<'_, PyAny>> {
    decimal_type(py)?.call1((value.to_string(),))
}

/// An optional `decimal.Decimal`.
pub fn optional_decimal_to_py(
    py: Python<'_>,
    value: Option<Decimal>,
) -> PyResult<Bound<'_, PyAny>> {
    match value {
        Some(v) => decimal_to_py(py, v),
        None => Ok(py.None().into_bound(py)),
    }
}

/// A date from a `datetime.date`. A `datetime.datetime` (a subclass of date) and a str are
/// refused with a `TypeError` that says how to pass a date.
pub fn date(obj: &Bound<'_, PyAny>, what: impl What) -> PyResult<NaiveDate> {
    let py = obj.py();
    if obj.is_instance(datetime_type(py)?)? {
        return Err(type_error(msg!(
            "python-date-datetime",
            what = what.message(),
            got = described(obj)
        )));
    }
    if !obj.is_instance(date_type(py)?)? {
        let message = if obj.is_instance_of::<PyString>() {
            msg!(
                "python-date-type-hint",
                what = what.message(),
                got = described(obj),
                code = format!(
                    "datetime.date.fromisoformat({})",
                    shorten(&obj.repr()?.to_cow()?)
                )
            )
        } else {
            msg!(
                "python-date-type",
                what = what.message(),
                got = described(obj)
            )
        };
        return Err(type_error(message));
    }
    let year: i32 = obj.getattr(pyo3::intern!(py, "year"))?.extract()?;
    let month: u32 = obj.getattr(pyo3::intern!(py, "month"))?.extract()?;
    let day: u32 = obj.getattr(pyo3::intern!(py, "day"))?.extract()?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        value_error(msg!(
            "python-date-invalid",
            what = what.message(),
            got = described(obj)
        ))
    })
}

/// An optional date: `None` stays `None`.
pub fn optional_date(
    obj: Option<&Bound<'_, PyAny>>,
    what: impl What,
) -> PyResult<Option<NaiveDate>> {
    match obj {
        Some(o) if !o.is_none() => date(o, what).map(Some),
        _ => Ok(None),
    }
}

/// A `datetime.date`.
pub fn date_to_py(py: Python<'_>, value: NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    date_type(py)?.call1((value.year(), value.month(), value.day()))
}

/// A text in two languages as `{"fr": ..., "en": ...}`.
pub fn text_to_py<'py>(py: Python<'py>, text: &Text) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("fr", &text.fr)?;
    dict.set_item("en", &text.en)?;
    Ok(dict)
}

/// A finding as `{"code", "severity", "message", "location", "args"}`, its message and location
/// in `lang`, its arguments as text (amounts exact, dates ISO 8601) or integers (counts).
pub fn finding_to_py<'py>(
    py: Python<'py>,
    finding: &Finding,
    lang: Lang,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("code", finding.code.code())?;
    dict.set_item("severity", finding.severity.to_string())?;
    dict.set_item("message", finding.message.render(lang))?;
    dict.set_item("location", finding.location_text(lang))?;
    let args = PyDict::new(py);
    for (name, arg) in finding.message.args() {
        match arg.to_json(lang) {
            serde_json::Value::Number(n) => args.set_item(*name, n.as_i64())?,
            serde_json::Value::String(s) => args.set_item(*name, s)?,
            other => args.set_item(*name, other.to_string())?,
        }
    }
    dict.set_item("args", args)?;
    Ok(dict)
}

/// Findings as a list of dicts, read in `lang`.
pub fn findings_to_py<'py>(
    py: Python<'py>,
    findings: &[Finding],
    lang: Lang,
) -> PyResult<Bound<'py, pyo3::types::PyList>> {
    let items = findings
        .iter()
        .map(|f| finding_to_py(py, f, lang))
        .collect::<PyResult<Vec<_>>>()?;
    pyo3::types::PyList::new(py, items)
}

/// A report language from `"fr"` or `"en"` (any case); anything else is a `ValueError`
/// saying `lang-unknown` in the call's language.
pub fn lang(code: &str) -> PyResult<Lang> {
    Lang::from_str(code.trim()).map_err(value_error)
}

/// The code of a language (`"fr"`, `"en"`).
pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// A report grouping from `"objective"`, `"line"`, `"source"` or `"period"`.
pub fn grouping(code: &str) -> PyResult<Grouping> {
    Grouping::from_str(code).map_err(|m| PyValueError::new_err(m.render(crate::lang::current())))
}
