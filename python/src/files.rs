//! Files by extension: JSON is read here and parsed by `planfin_core::json`; workbooks belong
//! to planfin-xlsx. Reading and parsing run with the GIL released.

use std::path::Path;

use planfin_core::json::JsonError;
use pyo3::prelude::*;

use crate::errors;

/// The largest JSON file read (1 GiB), as the command line.
const MAX_INPUT_BYTES: u64 = 1 << 30;

/// The format of a file, from its extension (case-insensitive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.json`, or any extension that is not a workbook's.
    Json,
    /// `.xlsx`, `.xlsm`, `.xls` or `.ods`.
    Workbook,
}

impl Format {
    /// The format of `path`.
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("xlsx" | "xlsm" | "xls" | "ods") => Format::Workbook,
            _ => Format::Json,
        }
    }
}

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
    result.map_err(|failure| match failure {
        Failure::Io(e) => errors::io_error(py, &e, &file),
        Failure::TooLarge(size) => errors::json_file_error(
            py,
            format!("{file}: {size} bytes is larger than the {MAX_INPUT_BYTES} bytes planfin reads"),
            &file,
        ),
        Failure::NotJson => errors::json_file_error(
            py,
            format!(
                "{file}: this is a workbook or zip file, not JSON: name it .xlsx, .xls or .ods to read it as a workbook"
            ),
            &file,
        ),
        Failure::NotUtf8(offset) => errors::json_file_error(
            py,
            format!("{file}: not UTF-8 text (invalid byte at offset {offset}): save it as UTF-8 JSON"),
            &file,
        ),
        Failure::Json(e) => errors::json_error(py, e),
    })
}
