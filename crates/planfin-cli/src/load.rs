//! Reading the inputs: plan and ledger files, dispatched by extension in [`Format::of`].
//!
//! JSON files are read here and parsed by `planfin_core::json`; workbooks (`.xlsx`, `.xlsm`,
//! `.xlsb`, `.xls`, `.ods`) are read by planfin-xlsx, which refuses a damaged or hostile file
//! and names every bad cell as `file: Sheet!A1`; Parquet and Arrow IPC files (`.parquet`,
//! `.arrow`) by planfin-columnar, which names the column (and the row) it refuses. What an import noticed and accepted (a totals
//! row checked, rows skipped) comes back as notes for the command to print.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use planfin_core::currency::Currency;
use planfin_core::json::{JsonError, ledger_from_json, plan_from_json};
use planfin_core::ledger::Ledger;
use planfin_core::plan::Plan;
use planfin_xlsx::{ImportError, ImportOptions, Limits, Locale};

use crate::cli::{DecimalMark, ReadArgs};
use crate::error::{Failure, name};
use crate::lang::say;
use crate::progress_bar::Progress;
use planfin_messages::msg;

/// The largest JSON input read (1 GiB): a JSON ledger of a few million entries fits well below
/// it. Workbooks have planfin-xlsx's own limits.
const MAX_INPUT_BYTES: u64 = 1 << 30;

/// The format of an input file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON (`.json`, or any extension that is not a spreadsheet's).
    Json,
    /// A workbook: `.xlsx`, `.xlsm`, `.xlsb`, `.xls` or `.ods`, read by planfin-xlsx.
    Spreadsheet,
    /// Parquet (`.parquet`, `.pq`) or Arrow IPC (`.arrow`, `.feather`, `.ipc`), read by
    /// planfin-columnar.
    Columnar,
}

impl Format {
    /// The format of `path`, by extension (case-insensitive).
    pub fn of(path: &Path) -> Format {
        if planfin_xlsx::is_workbook_path(path) {
            Format::Spreadsheet
        } else if planfin_columnar::Format::of(path).is_some() {
            Format::Columnar
        } else {
            Format::Json
        }
    }
}

/// A plan or a ledger, for commands that accept either.
#[derive(Debug)]
pub enum Document {
    /// A plan file.
    Plan(Box<Plan>),
    /// A ledger file.
    Ledger(Box<Ledger>),
}

/// What was read, with the notes of a workbook import (`file Sheet!A1: note: what was
/// accepted`).
#[derive(Debug)]
pub struct Loaded<T> {
    /// The plan, ledger or document.
    pub value: T,
    /// What the import noticed and accepted, one line each.
    pub notes: Vec<String>,
}

impl<T> Loaded<T> {
    fn bare(value: T) -> Loaded<T> {
        Loaded {
            value,
            notes: Vec::new(),
        }
    }
}

/// How inputs are read: the options the user gave that matter to workbooks.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    /// How `1,000` and `1.000` in text amounts are read.
    pub decimal_mark: Option<DecimalMark>,
    /// The reader's safety limits, as raised or lowered by `--limit`.
    pub limits: Limits,
    /// The currency of journal amounts that name none: the plan's, once it is known.
    pub currency: Option<Currency>,
}

impl From<&ReadArgs> for Reader {
    fn from(args: &ReadArgs) -> Reader {
        let mut limits = Limits::default();
        for (name, value) in &args.limits {
            // Checked when the command line was parsed.
            let _ = limits.set(name, *value);
        }
        Reader {
            decimal_mark: args.decimal_mark,
            limits,
            currency: None,
        }
    }
}

impl Reader {
    fn options(&self, path: &Path) -> ImportOptions {
        ImportOptions {
            locale: match self.decimal_mark {
                None => Locale::Undeclared,
                Some(DecimalMark::Comma) => Locale::DecimalComma,
                Some(DecimalMark::Point) => Locale::DecimalPoint,
            },
            display_name: Some(name(path)),
            limits: self.limits.clone(),
            currency: self.currency,
        }
    }

    /// Reads a plan file.
    pub fn plan(&self, path: &Path) -> Result<Loaded<Plan>, Failure> {
        match Format::of(path) {
            Format::Spreadsheet => {
                let _bar = Progress::reading(path);
                let imported =
                    planfin_xlsx::read_plan(path, &self.options(path)).map_err(import_failure)?;
                Ok(Loaded {
                    value: imported.value,
                    notes: notes(&imported.warnings),
                })
            }
            Format::Columnar => {
                metadata(path)?;
                planfin_columnar::read_plan(path, &name(path))
                    .map(Loaded::bare)
                    .map_err(columnar_failure)
            }
            Format::Json => plan_from_json(&read_text(path)?, &name(path))
                .map(Loaded::bare)
                .map_err(json_failure),
        }
    }

    /// Reads one ledger file. Duplicate vouchers inside it are recognised; conflicting ones
    /// refused. A workbook shows a progress bar with the rows read, on a terminal.
    pub fn ledger(&self, path: &Path) -> Result<Loaded<Ledger>, Failure> {
        match Format::of(path) {
            Format::Spreadsheet => {
                let bar = Progress::reading(path);
                let imported = planfin_xlsx::read_ledger_with_progress(
                    path,
                    &self.options(path),
                    &mut |rows| bar.rows(rows),
                )
                .map_err(import_failure)?;
                Ok(Loaded {
                    value: imported.value,
                    notes: notes(&imported.warnings),
                })
            }
            Format::Columnar => {
                metadata(path)?;
                planfin_columnar::read_ledger(path, &name(path))
                    .map(Loaded::bare)
                    .map_err(columnar_failure)
            }
            Format::Json => ledger_from_json(&read_text(path)?, &name(path))
                .map(Loaded::bare)
                .map_err(json_failure),
        }
    }

    /// Reads several ledger files (one journal per month, say) into one ledger, in order. A
    /// voucher present in two files with the same content is counted once; with different
    /// content it is a conflict naming both files. Every file is read and every conflict
    /// reported before failing.
    pub fn ledgers(&self, paths: &[impl AsRef<Path>]) -> Result<Loaded<Ledger>, Failure> {
        let mut all = Ledger::new();
        let mut notes = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            match self.ledger(path.as_ref()) {
                Ok(one) => {
                    notes.extend(one.notes);
                    errors.extend(all.extend(one.value).iter().map(|c| say(c.message())));
                }
                Err(Failure::Refused(lines)) => errors.extend(lines),
                Err(usage) => return Err(usage),
            }
        }
        if errors.is_empty() {
            Ok(Loaded { value: all, notes })
        } else {
            Err(Failure::Refused(errors))
        }
    }

    /// Reads a plan or a ledger, telling which from the content: a workbook with a `Depenses`
    /// (`Expenditures`) sheet, or a single sheet, is a ledger, else one with a `Lignes`
    /// (`Lines`) sheet a plan; a JSON object with an `expenditures` member is a ledger, one with
    /// `lines`, `objectives` or `ceiling` a plan; a Parquet or Arrow file whose metadata says
    /// `planfin:kind` is `plan` is a plan, any other a ledger.
    pub fn document(&self, path: &Path) -> Result<Loaded<Document>, Failure> {
        if Format::of(path) == Format::Columnar {
            metadata(path)?;
            let value = match planfin_columnar::read_document(path, &name(path))
                .map_err(columnar_failure)?
            {
                planfin_columnar::Document::Plan(plan) => Document::Plan(plan),
                planfin_columnar::Document::Ledger(ledger) => Document::Ledger(ledger),
            };
            return Ok(Loaded::bare(value));
        }
        if Format::of(path) == Format::Spreadsheet {
            // Spins while the workbook is read (read_document reports no row count).
            let _spinner = Progress::reading(path);
            let options = self.options(path);
            let imported = planfin_xlsx::read_document(path, &options).map_err(import_failure)?;
            let value = match imported.value {
                planfin_xlsx::Document::Plan(plan) => Document::Plan(plan),
                planfin_xlsx::Document::Ledger(ledger) => Document::Ledger(ledger),
                _ => {
                    return Err(Failure::refused(say(msg!(
                        "cli-workbook-unknown",
                        file = name(path)
                    ))));
                }
            };
            return Ok(Loaded {
                value,
                notes: notes(&imported.warnings),
            });
        }
        let file = name(path);
        let text = read_text(path)?;
        // Only the top-level keys tell a plan from a ledger: the values are skipped, not built
        // (a million-entry ledger as a `serde_json::Value` tree took over 1 GB).
        let keys: std::collections::HashMap<String, serde::de::IgnoredAny> =
            match serde_json::from_str(&text) {
                Ok(keys) => keys,
                // Valid JSON but not an object: neither a plan nor a ledger, said below.
                Err(e) if e.is_data() => std::collections::HashMap::new(),
                Err(e) => return Err(json_failure(JsonError::syntax(&file, &e))),
            };
        let has = |key: &str| keys.contains_key(key);
        if has("expenditures") {
            ledger_from_json(&text, &file)
                .map(|l| Loaded::bare(Document::Ledger(Box::new(l))))
                .map_err(json_failure)
        } else if has("lines") || has("objectives") || has("ceiling") {
            plan_from_json(&text, &file)
                .map(|p| Loaded::bare(Document::Plan(Box::new(p))))
                .map_err(json_failure)
        } else {
            Err(Failure::refused(say(msg!("cli-json-unknown", file = file))))
        }
    }
}

/// An import's warnings as `file Sheet!A1: note: what was accepted`.
fn notes(warnings: &[planfin_xlsx::Warning]) -> Vec<String> {
    warnings
        .iter()
        .map(|w| {
            say(msg!(
                "cli-import-note",
                place = &w.place,
                message = w.message.clone()
            ))
        })
        .collect()
}

/// A workbook refused: one line per problem (every bad cell as `file: Sheet!A1: ...`, then
/// the count of those not shown).
fn import_failure(e: ImportError) -> Failure {
    let text = e.render(crate::lang::get());
    Failure::Refused(text.lines().map(str::to_string).collect())
}

/// Why `file` cannot be read, from the system's error.
fn io_failure(file: &str, e: &std::io::Error) -> Failure {
    Failure::refused(say(match e.kind() {
        ErrorKind::NotFound => msg!("cli-no-such-file", file = file),
        ErrorKind::PermissionDenied => msg!("cli-permission-denied", file = file),
        _ => msg!("cli-cannot-read", file = file, detail = e.to_string()),
    }))
}

/// The metadata of the input `path`, refusing a missing or unreadable file and a directory
/// with a message that names it.
fn metadata(path: &Path) -> Result<fs::Metadata, Failure> {
    let file = name(path);
    let meta = fs::metadata(path).map_err(|e| io_failure(&file, &e))?;
    if meta.is_dir() {
        return Err(Failure::refused(say(msg!(
            "cli-is-directory",
            file = &file
        ))));
    }
    Ok(meta)
}

/// Reads `path` as UTF-8 text, refusing directories, huge files, binary workbooks and
/// non-UTF-8 bytes with a message that names the file.
pub fn read_text(path: &Path) -> Result<String, Failure> {
    let file = name(path);
    let meta = metadata(path)?;
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Failure::refused(say(msg!(
            "cli-too-large",
            file = &file,
            size = meta.len(),
            max = MAX_INPUT_BYTES,
        ))));
    }
    let bytes = fs::read(path).map_err(|e| io_failure(&file, &e))?;
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Failure::refused(say(msg!("cli-not-json", file = &file))));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::refused(say(msg!(
            "cli-not-utf8",
            file = &file,
            offset = e.utf8_error().valid_up_to(),
        )))
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// The messages of a JSON error: the syntax error with `file:line:column`, or every
/// conflicting voucher.
fn json_failure(e: JsonError) -> Failure {
    match e {
        JsonError::Conflicts { conflicts, .. } => {
            Failure::Refused(conflicts.iter().map(|c| say(c.message())).collect())
        }
        other => Failure::refused(say(other.message())),
    }
}

/// The messages of a columnar file refused (every conflicting voucher, or the one refusal,
/// naming the column and the row of a value) or not written.
pub fn columnar_failure(e: planfin_columnar::ColumnarError) -> Failure {
    match e {
        planfin_columnar::ColumnarError::Conflicts { conflicts, .. } => {
            Failure::Refused(conflicts.iter().map(|c| say(c.message())).collect())
        }
        other => Failure::refused(say(other.message())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheets_are_told_by_extension() {
        crate::lang::english_for_tests();
        for f in ["a.xlsx", "b.XLS", "c.ods", "d.xlsm", "e.xlsb"] {
            assert_eq!(Format::of(Path::new(f)), Format::Spreadsheet, "{f}");
        }
        for f in ["a.json", "b", "c.txt"] {
            assert_eq!(Format::of(Path::new(f)), Format::Json, "{f}");
        }
    }

    #[test]
    fn a_missing_workbook_is_named() {
        crate::lang::english_for_tests();
        let Err(Failure::Refused(lines)) = Reader::default().plan(Path::new("budget.xlsx")) else {
            panic!("a missing workbook must be refused");
        };
        assert!(lines[0].starts_with("budget.xlsx: "), "{lines:?}");
    }

    #[test]
    fn a_missing_file_is_named() {
        crate::lang::english_for_tests();
        let Err(Failure::Refused(lines)) = Reader::default().ledger(Path::new("nowhere/l.json"))
        else {
            panic!("a missing file must be refused");
        };
        assert_eq!(lines, ["nowhere/l.json: no such file"]);
    }
}
