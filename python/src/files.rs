//! Files by extension: workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`) are read by
//! planfin-xlsx; anything else is JSON, read here and parsed by `planfin_core::json`. Reading
//! and parsing run with the GIL released.

use std::collections::HashMap;
use std::path::Path;

use planfin_core::currency::Currency;
use planfin_core::json::JsonError;
use planfin_messages::msg;
use planfin_xlsx::{ImportError, ImportOptions, Imported, Locale, Warning};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::value_error;
use crate::errors;
use crate::lang::current;

/// The largest JSON file read (1 GiB), as the command line.
const MAX_INPUT_BYTES: u64 = 1 << 30;

/// The name of `path` as the caller gave it, for messages.
pub fn name(path: &Path) -> String {
    path.display().to_string()
}

enum Failure {
    Io(std::io::Error),
    TooLarge(u64),
    NotJson,
    NotUtf8(usize),
    Json(JsonError),
}

fn read_text(path: &Path) -> Result<String, Failure> {
    let meta = std::fs::metadata(path).map_err(Failure::Io)?;
    if meta.is_file() && meta.len() > MAX_INPUT_BYTES {
        return Err(Failure::TooLarge(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(Failure::Io)?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Failure::NotJson);
    }
    let text =
        String::from_utf8(bytes).map_err(|e| Failure::NotUtf8(e.utf8_error().valid_up_to()))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Reads the JSON file `path` and parses it with `parse(text, file)`, the GIL released.
pub fn read_json<T: Send>(
    py: Python<'_>,
    path: &Path,
    parse: fn(&str, &str) -> Result<T, JsonError>,
) -> PyResult<T> {
    let file = name(path);
    let result = py.detach(|| {
        let text = read_text(path)?;
        parse(&text, &file).map_err(Failure::Json)
    });
    result.map_err(|failure| {
        let message = match failure {
            Failure::Io(e) => return errors::io_error(py, &e, &file),
            Failure::Json(e) => return errors::json_error(py, e),
            Failure::TooLarge(size) => msg!(
                "python-file-too-large",
                file = &file,
                size = size,
                max = MAX_INPUT_BYTES
            ),
            Failure::NotJson => msg!("python-json-is-workbook", file = &file),
            Failure::NotUtf8(offset) => {
                msg!("python-json-not-utf8", file = &file, offset = offset)
            }
        };
        errors::json_file_error(py, message.render(current()), &file)
    })
}

/// Whether `path` is read as a workbook (by its extension).
pub fn is_workbook(path: &Path) -> bool {
    planfin_xlsx::is_workbook_path(path)
}

/// Import options from the Python arguments: `decimal_mark` `","` (French style: `1.250,50`),
/// `"."` (English style: `1,250.50`) or `None` (ambiguous `1,000` refused), the currency of
/// amounts that name none, and `limits`, safety limits by name (`{"max_range_cells": N}`).
pub fn import_options(
    decimal_mark: Option<&str>,
    currency: Option<Currency>,
    limits: Option<HashMap<String, u64>>,
) -> PyResult<ImportOptions> {
    let locale = match decimal_mark {
        None => Locale::Undeclared,
        Some(",") => Locale::DecimalComma,
        Some(".") => Locale::DecimalPoint,
        Some(other) => {
            // The value as Rust's `{:?}` shows it, without its quotes (the catalog's).
            let value = other.escape_debug().to_string();
            return Err(value_error(msg!("python-decimal-mark", value = value)));
        }
    };
    let mut options = ImportOptions {
        locale,
        currency,
        ..ImportOptions::default()
    };
    for (name, value) in limits.unwrap_or_default() {
        options
            .limits
            .set(&name, value)
            .map_err(|e| value_error(msg!("python-limits", message = e)))?;
    }
    Ok(options)
}

/// Reads the workbook `path` with `read`, the GIL released.
pub fn read_workbook<T: Send>(
    py: Python<'_>,
    path: &Path,
    options: &ImportOptions,
    read: fn(&Path, &ImportOptions) -> Result<Imported<T>, ImportError>,
) -> PyResult<Imported<T>> {
    py.detach(|| read(path, options))
        .map_err(|e| errors::import_error(py, e))
}

/// What an import noticed and accepted (a totals row checked, a row counted once), rendered
/// in the language of the call that read the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    place: String,
    message: String,
}

/// The import's `warnings`, in the language of the call in progress.
pub fn notes(warnings: Vec<Warning>) -> Vec<Note> {
    let lang = current();
    warnings
        .into_iter()
        .map(|w| Note {
            message: w.message.render(lang),
            place: w.place,
        })
        .collect()
}

/// The notes as `[{"place", "message"}]`.
pub fn warnings_to_py<'py>(py: Python<'py>, notes: &[Note]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for n in notes {
        let dict = PyDict::new(py);
        dict.set_item("place", &n.place)?;
        dict.set_item("message", &n.message)?;
        list.append(dict)?;
    }
    Ok(list)
}
