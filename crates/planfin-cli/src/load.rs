//! Reading the inputs: plan and ledger files, dispatched by extension.
//!
//! JSON files are read here and parsed by `planfin_core::json`. Spreadsheets (`.xlsx`, `.xlsm`,
//! `.xlsb`, `.xls`, `.ods`) belong to planfin-xlsx: until the command line is wired to it they
//! are refused with a clear message, and [`Format::of`] is the one place that dispatch goes
//! through.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use planfin_core::json::{JsonError, ledger_from_json, plan_from_json};
use planfin_core::ledger::Ledger;
use planfin_core::plan::Plan;

use crate::error::Failure;

/// The largest input read (1 GiB): a JSON ledger of a few million entries fits well below it.
const MAX_INPUT_BYTES: u64 = 1 << 30;

/// The format of an input file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON (`.json`, or any extension that is not a spreadsheet's).
    Json,
    /// A workbook: `.xlsx`, `.xlsm`, `.xlsb`, `.xls` or `.ods`.
    Spreadsheet,
}

impl Format {
    /// The format of `path`, by extension (case-insensitive).
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods") => Format::Spreadsheet,
            _ => Format::Json,
        }
    }
}

/// A plan or a ledger, for commands that accept either.
#[derive(Debug)]
pub enum Document {
    /// A plan file.
    Plan(Box<Plan>),
    /// A ledger file.
    Ledger(Ledger),
}

/// The name of `path` as the user wrote it, for messages.
pub fn name(path: &Path) -> String {
    path.display().to_string()
}

fn spreadsheet_refused(path: &Path) -> Failure {
    Failure::refused(format!(
        "{}: spreadsheet import is not available yet (it comes with planfin-xlsx): \
         give the plan or ledger as JSON (the format is in the README)",
        name(path)
    ))
}

/// Reads `path` as UTF-8 text, refusing directories, huge files, binary workbooks and
/// non-UTF-8 bytes with a message that names the file.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let file = name(path);
    let io = |e: std::io::Error| {
        Failure::refused(match e.kind() {
            ErrorKind::NotFound => format!("{file}: no such file"),
            ErrorKind::PermissionDenied => format!("{file}: permission denied"),
            _ => format!("{file}: cannot be read: {e}"),
        })
    };
    let meta = fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(Failure::refused(format!(
            "{file}: is a directory, not a file"
        )));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Failure::refused(format!(
            "{file}: {} bytes is larger than the {MAX_INPUT_BYTES} bytes planfin reads",
            meta.len()
        )));
    }
    let bytes = fs::read(path).map_err(io)?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Failure::refused(format!(
            "{file}: this is a spreadsheet or zip file, not JSON: spreadsheet import is not \
             available yet (it comes with planfin-xlsx)"
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::refused(format!(
            "{file}: not UTF-8 text (invalid byte at offset {}): save it as UTF-8 JSON",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// `file:line:column: message`, without the position serde repeats at the end of its message.
fn at_position(file: &str, line: usize, column: usize, message: &str) -> String {
    let message = message
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(message);
    format!("{file}:{line}:{column}: {message}")
}

/// The messages of a JSON error: the syntax error with `file:line:column`, or every
/// conflicting voucher.
fn json_failure(e: JsonError) -> Failure {
    match e {
        JsonError::Conflicts { conflicts, .. } => {
            Failure::Refused(conflicts.iter().map(ToString::to_string).collect())
        }
        JsonError::Syntax {
            file,
            line,
            column,
            message,
        } => Failure::refused(at_position(&file, line, column, &message)),
        other => Failure::refused(other.to_string()),
    }
}

/// Reads a plan file.
pub fn plan(path: &Path) -> Result<Plan, Failure> {
    match Format::of(path) {
        Format::Spreadsheet => Err(spreadsheet_refused(path)),
        Format::Json => plan_from_json(&read_text(path)?, &name(path)).map_err(json_failure),
    }
}

/// Reads one ledger file. Duplicate vouchers inside it are recognised; conflicting ones refused.
pub fn ledger(path: &Path) -> Result<Ledger, Failure> {
    match Format::of(path) {
        Format::Spreadsheet => Err(spreadsheet_refused(path)),
        Format::Json => ledger_from_json(&read_text(path)?, &name(path)).map_err(json_failure),
    }
}

/// Reads several ledger files (one journal per month, say) into one ledger, in order. A voucher
/// present in two files with the same content is counted once; with different content it is a
/// conflict naming both files. Every file is read and every conflict reported before failing.
pub fn ledgers(paths: &[impl AsRef<Path>]) -> Result<Ledger, Failure> {
    let mut all = Ledger::new();
    let mut errors = Vec::new();
    for path in paths {
        match ledger(path.as_ref()) {
            Ok(one) => errors.extend(all.extend(one).iter().map(ToString::to_string)),
            Err(Failure::Refused(lines)) => errors.extend(lines),
            Err(usage) => return Err(usage),
        }
    }
    if errors.is_empty() {
        Ok(all)
    } else {
        Err(Failure::Refused(errors))
    }
}

/// Reads a plan or a ledger, telling which from the content: a JSON object with an
/// `expenditures` member is a ledger; one with `lines`, `objectives` or `ceiling` is a plan.
pub fn document(path: &Path) -> Result<Document, Failure> {
    if Format::of(path) == Format::Spreadsheet {
        return Err(spreadsheet_refused(path));
    }
    let file = name(path);
    let text = read_text(path)?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Failure::refused(at_position(&file, e.line(), e.column(), &e.to_string())))?;
    let has = |key: &str| value.get(key).is_some();
    if has("expenditures") {
        ledger_from_json(&text, &file)
            .map(Document::Ledger)
            .map_err(json_failure)
    } else if has("lines") || has("objectives") || has("ceiling") {
        plan_from_json(&text, &file)
            .map(|p| Document::Plan(Box::new(p)))
            .map_err(json_failure)
    } else {
        Err(Failure::refused(format!(
            "{file}: neither a plan (an object with \"lines\") nor a ledger (an object with \
             \"expenditures\"): see the JSON formats in the README"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheets_are_told_by_extension() {
        for f in ["a.xlsx", "b.XLS", "c.ods", "d.xlsm", "e.xlsb"] {
            assert_eq!(Format::of(Path::new(f)), Format::Spreadsheet, "{f}");
        }
        for f in ["a.json", "b", "c.txt"] {
            assert_eq!(Format::of(Path::new(f)), Format::Json, "{f}");
        }
    }

    #[test]
    fn a_spreadsheet_is_refused_with_the_reason() {
        let Err(Failure::Refused(lines)) = plan(Path::new("budget.xlsx")) else {
            panic!("a spreadsheet must be refused");
        };
        assert!(lines[0].starts_with("budget.xlsx: spreadsheet import is not available yet"));
    }

    #[test]
    fn a_missing_file_is_named() {
        let Err(Failure::Refused(lines)) = ledger(Path::new("nowhere/l.json")) else {
            panic!("a missing file must be refused");
        };
        assert_eq!(lines, ["nowhere/l.json: no such file"]);
    }
}
