//! Import errors: what went wrong, where (`file`, `Sheet!A1`), the value found, the rule and the
//! fix. Every message is one line per problem, written for the finance officer who has to fix
//! the workbook.

use std::fmt;

use planfin_core::ledger::LedgerError;

/// One cell that could not be imported.
///
/// ```
/// use planfin_xlsx::CellError;
/// let e = CellError {
///     file: "ledger.xlsx".into(),
///     sheet: "Depenses".into(),
///     cell: "E9".into(),
///     value: "12,5 kF".into(),
///     expected: "an amount".into(),
///     rule: "\"kF\" is not a currency".into(),
///     fix: "write the full amount, e.g. 12500".into(),
/// };
/// assert_eq!(
///     e.to_string(),
///     "ledger.xlsx: Depenses!E9: \"12,5 kF\" is not an amount: \"kF\" is not a currency; write the full amount, e.g. 12500"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// The file, as the caller named it.
    pub file: String,
    /// The sheet, as named in the workbook.
    pub sheet: String,
    /// The cell in A1 notation (`E9`).
    pub cell: String,
    /// The value found, as text (empty for an empty cell).
    pub value: String,
    /// What the cell should hold (`an amount`, `a date`, ...).
    pub expected: String,
    /// The rule the value breaks.
    pub rule: String,
    /// How to fix it.
    pub fix: String,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}!{}: ", self.file, self.sheet, self.cell)?;
        if self.value.is_empty() {
            write!(f, "empty cell, expected {}", self.expected)?;
        } else {
            write!(f, "\"{}\" is not {}", shown(&self.value), self.expected)?;
        }
        write!(f, ": {}; {}", self.rule, self.fix)
    }
}

/// A value as shown in a message: control characters escaped, long values shortened.
fn shown(value: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Why a workbook was not imported. Nothing is imported unless all of it is.
///
/// ```
/// use planfin_xlsx::ImportError;
/// let e = ImportError::PasswordProtected { file: "plan.xlsx".into() };
/// assert_eq!(
///     e.to_string(),
///     "plan.xlsx: the workbook is protected by a password: planfin cannot read encrypted \
///      workbooks; open it, remove the password (File > Info > Protect Workbook) and save a copy"
/// );
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// Cells that break the cell rules: all of the file's, up to a cap, with the total count.
    #[error("{}", cells_message(file, errors, *total))]
    Cells {
        /// The file.
        file: String,
        /// The errors, in sheet and row order (at most [`crate::Limits::max_errors`]).
        errors: Vec<CellError>,
        /// How many errors there were in all.
        total: usize,
    },
    /// A required sheet is not in the workbook.
    #[error(
        "{file}: no sheet named {sheet}: the workbook has {}; name the sheet that holds them \"{sheet_fr}\"",
        list_or_none(found)
    )]
    MissingSheet {
        /// The file.
        file: String,
        /// The names looked for, French and English (`"Lignes" or "Lines"`).
        sheet: String,
        /// The French name to use.
        sheet_fr: String,
        /// The sheets found.
        found: Vec<String>,
    },
    /// A sheet's header row lacks required columns.
    #[error(
        "{file}: {sheet}: missing column(s) {}: the header row{} has {}; add the column(s) with these names (French or English) or rename the existing ones",
        missing.join(", "),
        row.as_ref().map(|r| format!(" ({r})")).unwrap_or_default(),
        list_or_none(found)
    )]
    MissingColumns {
        /// The file.
        file: String,
        /// The sheet.
        sheet: String,
        /// The header row as `Sheet!A3`-style row reference (`row 3`), when one was found.
        row: Option<String>,
        /// The columns missing.
        missing: Vec<String>,
        /// The headers found.
        found: Vec<String>,
    },
    /// The workbook is encrypted or protected by a password.
    #[error(
        "{file}: the workbook is protected by a password: planfin cannot read encrypted workbooks; \
         open it, remove the password (File > Info > Protect Workbook) and save a copy"
    )]
    PasswordProtected {
        /// The file.
        file: String,
    },
    /// The file goes beyond a safety limit (size, entries, compression ratio, cells, text).
    #[error(
        "{file}: {what}, beyond the limit of {limit}: planfin refuses it to stay safe; if the workbook is genuine, split it or raise {setting} (planfin --limit {setting}=N; limits={{\"{setting}\": N}} in Python)"
    )]
    TooLarge {
        /// The file.
        file: String,
        /// What is too large.
        what: String,
        /// The limit, with its unit.
        limit: String,
        /// The name of the limit in [`crate::Limits`] (one of [`crate::Limits::NAMES`]).
        setting: &'static str,
    },
    /// The file is not a spreadsheet planfin reads.
    #[error(
        "{file}: not a workbook: {reason}; save it from Excel or LibreOffice as .xlsx, .xls or .ods"
    )]
    NotAWorkbook {
        /// The file.
        file: String,
        /// What it looks like instead.
        reason: String,
    },
    /// The workbook is damaged: its content cannot be read.
    #[error(
        "{file}: the workbook cannot be read ({reason}); open it in Excel or LibreOffice, repair it if asked, and save it again"
    )]
    Unreadable {
        /// The file.
        file: String,
        /// What the reader said.
        reason: String,
    },
    /// The file cannot be opened.
    #[error("{file}: cannot open the file: {source}")]
    Io {
        /// The file.
        file: String,
        /// The system error.
        source: std::io::Error,
    },
    /// Vouchers that conflict inside the ledger workbook.
    #[error("{}", conflicts_message(file, conflicts))]
    Conflicts {
        /// The file.
        file: String,
        /// Every conflict.
        conflicts: Vec<LedgerError>,
    },
}

impl ImportError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            ImportError::Cells { file, .. }
            | ImportError::MissingSheet { file, .. }
            | ImportError::MissingColumns { file, .. }
            | ImportError::PasswordProtected { file }
            | ImportError::TooLarge { file, .. }
            | ImportError::NotAWorkbook { file, .. }
            | ImportError::Unreadable { file, .. }
            | ImportError::Io { file, .. }
            | ImportError::Conflicts { file, .. } => file,
        }
    }

    /// The cell errors, when the error is about cells (empty otherwise).
    pub fn cell_errors(&self) -> &[CellError] {
        match self {
            ImportError::Cells { errors, .. } => errors,
            _ => &[],
        }
    }
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items
            .iter()
            .map(|s| format!("\"{}\"", shown(s)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn cells_message(file: &str, errors: &[CellError], total: usize) -> String {
    let mut lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    if total > errors.len() {
        lines.push(format!(
            "{file}: {} more error(s) not shown ({total} in all); fix these and import again",
            total.saturating_sub(errors.len())
        ));
    }
    lines.join("\n")
}

fn conflicts_message(file: &str, conflicts: &[LedgerError]) -> String {
    let mut lines = vec![format!(
        "{file}: {} conflicting voucher(s)",
        conflicts.len()
    )];
    lines.extend(conflicts.iter().map(ToString::to_string));
    lines.join("\n")
}

/// Something the import noticed and accepted: a totals row checked, rows skipped, a sheet used
/// by default.
///
/// ```
/// let w = planfin_xlsx::Warning { place: "ledger.xlsx Depenses!A120".into(), message: "totals row checked".into() };
/// assert_eq!(w.to_string(), "ledger.xlsx Depenses!A120: totals row checked");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where (`file Sheet!A1`).
    pub place: String,
    /// What.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Collects the cell errors of one file, keeping the first `cap` and counting them all.
#[derive(Debug)]
pub(crate) struct Errors {
    pub(crate) file: String,
    pub(crate) list: Vec<CellError>,
    pub(crate) total: usize,
    cap: usize,
}

impl Errors {
    pub(crate) fn new(file: &str, cap: usize) -> Errors {
        Errors {
            file: file.to_string(),
            list: Vec::new(),
            total: 0,
            cap,
        }
    }

    pub(crate) fn push(&mut self, e: CellError) {
        self.total = self.total.saturating_add(1);
        if self.list.len() < self.cap {
            self.list.push(e);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// `Ok(())` when there was no error, else the [`ImportError::Cells`] of them all.
    pub(crate) fn into_result(self) -> Result<(), ImportError> {
        if self.total == 0 {
            Ok(())
        } else {
            Err(ImportError::Cells {
                file: self.file,
                errors: self.list,
                total: self.total,
            })
        }
    }
}
