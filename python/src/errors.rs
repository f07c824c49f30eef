//! Rust errors to Python exceptions, one-to-one.
//!
//! The exception classes are Python classes (`planfin/_errors.py`, so that their attributes are
//! plain, typed and picklable); this module instantiates them with their attributes:
//!
//! | Rust | Python |
//! |---|---|
//! | `json::JsonError::Syntax` | `JsonError` (`.path`, `.line`, `.column`) |
//! | `json::JsonError::Conflicts`, `ledger::LedgerError` | `LedgerConflictError` (`.path`, `.conflicts`) |
//! | `report::ReportError::Blocked` | `ValidationError` (`.findings`) |
//! | `money::MoneyError`, `report::ReportError::Money` | `MoneyError` (also a `ValueError`) |
//! | a bad record given to `Ledger.from_records` | `RecordError` (`.index`, `.field`; also a `ValueError`) |
//! | `planfin_xlsx::ImportError` | `WorkbookError` (`.path`, `.kind`, `.sheet`, `.cell`, `.errors`, `.total`); its `Io` kind an `OSError`, its `Conflicts` kind a `LedgerConflictError` |
//! | `planfin_export::ExportError` | `ExportError` (`.path`); its `Report` kind as a report error |
//! | `std::io::Error` | `OSError` and its subclasses (`FileNotFoundError`, ...), with the file name |

use planfin_core::json::JsonError;
use planfin_core::ledger::{LedgerError, Origin};
use planfin_core::money::MoneyError;
use planfin_core::report::ReportError;
use planfin_export::ExportError;
use planfin_xlsx::ImportError;
use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::findings_to_py;
use crate::lang::current;

/// An instance of `planfin.<class>` raised with `message` and keyword attributes.
fn raise(py: Python<'_>, class: &str, message: String, attrs: &Bound<'_, PyDict>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let cls = py.import("planfin._errors")?.getattr(class)?;
        let instance = cls.call((message,), Some(attrs))?;
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|e| e)
}

fn attrs<'py>(py: Python<'py>, items: &[(&str, Option<&str>)]) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (k, v) in items {
        dict.set_item(k, v)?;
    }
    Ok(dict)
}

/// `PlanfinError(message, path=path)`.
pub fn planfin_error(py: Python<'_>, message: String, path: Option<&str>) -> PyErr {
    match attrs(py, &[("path", path)]) {
        Ok(a) => raise(py, "PlanfinError", message, &a),
        Err(e) => e,
    }
}

/// The exception for a JSON file that could not be read.
pub fn json_error(py: Python<'_>, error: JsonError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        Ok(match &error {
            JsonError::Syntax {
                file, line, column, ..
            } => {
                let a = attrs(py, &[("path", Some(file))])?;
                a.set_item("line", line)?;
                a.set_item("column", column)?;
                raise(py, "JsonError", error.message().render(current()), &a)
            }
            JsonError::Conflicts { file, conflicts } => ledger_conflicts(
                py,
                conflicts_text(Some(file), conflicts),
                Some(file),
                conflicts,
            ),
            other => planfin_error(py, other.message().render(current()), None),
        })
    };
    build().unwrap_or_else(|e| e)
}

/// `conflicts` as lines in the call's language: how many (in `file`), then each.
fn conflicts_text(file: Option<&str>, conflicts: &[LedgerError]) -> String {
    let lang = current();
    let count = match file {
        Some(file) => planfin_messages::msg!("import-conflicts", file = file),
        None => planfin_messages::Message::new("python-conflicts"),
    };
    let mut lines = vec![count.with("count", conflicts.len()).render(lang)];
    lines.extend(conflicts.iter().map(|c| c.message().render(lang)));
    lines.join("\n")
}

/// A JSON error about a file's bytes (not UTF-8, a workbook given as JSON).
pub fn json_file_error(py: Python<'_>, message: String, path: &str) -> PyErr {
    match attrs(py, &[("path", Some(path))]) {
        Ok(a) => raise(py, "JsonError", message, &a),
        Err(e) => e,
    }
}

fn origin_to_py<'py>(py: Python<'py>, origin: &Origin) -> PyResult<Bound<'py, PyDict>> {
    attrs(
        py,
        &[
            ("file", origin.file.as_deref()),
            ("place", origin.place.as_deref()),
        ],
    )
}

/// `LedgerConflictError` carrying every conflict as `{"voucher", "first", "again"}`.
pub fn ledger_conflicts(
    py: Python<'_>,
    message: String,
    path: Option<&str>,
    conflicts: &[LedgerError],
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let list = PyList::empty(py);
        for c in conflicts {
            let item = PyDict::new(py);
            item.set_item("message", c.message().render(current()))?;
            if let LedgerError::ConflictingVoucher {
                voucher,
                first,
                again,
            } = c
            {
                item.set_item("voucher", voucher)?;
                item.set_item("first", origin_to_py(py, first)?)?;
                item.set_item("again", origin_to_py(py, again)?)?;
            }
            list.append(item)?;
        }
        let a = attrs(py, &[("path", path)])?;
        a.set_item("conflicts", list)?;
        Ok(raise(py, "LedgerConflictError", message, &a))
    };
    build().unwrap_or_else(|e| e)
}

/// The exception for conflicts found while building a ledger.
pub fn ledger_errors(py: Python<'_>, conflicts: &[LedgerError]) -> PyErr {
    let message = match conflicts {
        [one] => one.message().render(current()),
        many => conflicts_text(None, many),
    };
    ledger_conflicts(py, message, None, conflicts)
}

/// `MoneyError`.
pub fn money_error(py: Python<'_>, error: &MoneyError) -> PyErr {
    match attrs(py, &[]) {
        Ok(a) => raise(py, "MoneyError", error.message().render(current()), &a),
        Err(e) => e,
    }
}

/// The exception for a report that could not be computed.
pub fn report_error(py: Python<'_>, error: ReportError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        Ok(match &error {
            ReportError::Blocked(findings) => {
                let a = PyDict::new(py);
                a.set_item("findings", findings_to_py(py, findings, current())?)?;
                raise(py, "ValidationError", error.render(current()), &a)
            }
            ReportError::Money(m) => money_error(py, m),
            other => planfin_error(py, other.render(current()), None),
        })
    };
    build().unwrap_or_else(|e| e)
}

/// `RecordError`: record `index` of an iterable given to `Ledger.from_records` is wrong.
pub fn record_error(py: Python<'_>, message: String, index: usize, field: Option<&str>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let a = attrs(py, &[("field", field)])?;
        a.set_item("index", index)?;
        Ok(raise(py, "RecordError", message, &a))
    };
    build().unwrap_or_else(|e| e)
}

/// `OSError(errno, strerror, filename)`: Python picks the subclass (`FileNotFoundError`,
/// `IsADirectoryError`, `PermissionError`, ...) from the error number.
pub fn io_error(py: Python<'_>, error: &std::io::Error, path: &str) -> PyErr {
    let message = error.to_string();
    let strerror = message
        .split(" (os error")
        .next()
        .unwrap_or(message.as_str())
        .to_string();
    let Some(errno) = error.raw_os_error() else {
        return PyOSError::new_err(format!("{path}: {message}"));
    };
    match py
        .get_type::<PyOSError>()
        .call1((errno, strerror, path.to_string()))
    {
        Ok(instance) => PyErr::from_value(instance),
        Err(e) => e,
    }
}

/// The exception for a workbook that could not be imported.
pub fn import_error(py: Python<'_>, error: ImportError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let file = error.file().to_string();
        let a = attrs(py, &[("path", Some(&file))])?;
        let kind = match &error {
            ImportError::Io { source, .. } => return Ok(io_error(py, source, &file)),
            ImportError::Conflicts { conflicts, .. } => {
                return Ok(ledger_conflicts(
                    py,
                    error.render(current()),
                    Some(&file),
                    conflicts,
                ));
            }
            ImportError::Cells { errors, total, .. } => {
                let list = PyList::empty(py);
                for e in errors {
                    let item = PyDict::new(py);
                    item.set_item("file", &e.file)?;
                    item.set_item("sheet", &e.sheet)?;
                    item.set_item("cell", &e.cell)?;
                    item.set_item("value", &e.value)?;
                    let lang = current();
                    item.set_item("expected", e.expected.render(lang))?;
                    item.set_item("rule", e.rule.render(lang))?;
                    item.set_item("fix", e.fix.render(lang))?;
                    item.set_item("message", e.render(lang))?;
                    list.append(item)?;
                }
                if let Some(first) = errors.first() {
                    a.set_item("sheet", &first.sheet)?;
                    a.set_item("cell", &first.cell)?;
                }
                a.set_item("errors", list)?;
                a.set_item("total", total)?;
                "cells"
            }
            ImportError::MissingSheet { .. } => "missing_sheet",
            ImportError::MissingColumns { sheet, .. } => {
                a.set_item("sheet", sheet)?;
                "missing_columns"
            }
            ImportError::PasswordProtected { .. } => "password_protected",
            ImportError::TooLarge { .. } => "too_large",
            ImportError::NotAWorkbook { .. } => "not_a_workbook",
            ImportError::Unreadable { .. } => "unreadable",
            _ => "other",
        };
        a.set_item("kind", kind)?;
        Ok(raise(py, "WorkbookError", error.render(current()), &a))
    };
    build().unwrap_or_else(|e| e)
}

/// The exception for a workbook that could not be written.
pub fn export_error(py: Python<'_>, error: ExportError) -> PyErr {
    if let ExportError::Report { source, .. } = error {
        return report_error(py, source);
    }
    let path = error.path().map(|p| p.display().to_string());
    match attrs(py, &[("path", path.as_deref())]) {
        Ok(a) => raise(py, "ExportError", error.render(current()), &a),
        Err(e) => e,
    }
}
