//! Import errors: what went wrong, where (`file`, `Sheet!A1`), the value found, the rule and the
//! fix. Every message is one line per problem, written for the finance officer who has to fix
//! the workbook, in French or English from the catalog (`import-*` messages of
//! planfin-messages); `Display` is English.

use std::fmt;

use planfin_core::ledger::LedgerError;
use planfin_messages::{Lang, Message, msg};

/// One cell that could not be imported.
///
/// ```
/// use planfin_messages::{msg, Lang};
/// use planfin_xlsx::CellError;
/// let e = CellError {
///     file: "ledger.xlsx".into(),
///     sheet: "Depenses".into(),
///     cell: "E9".into(),
///     value: "12,5 kF".into(),
///     expected: msg!("import-expected-amount"),
///     rule: msg!("import-rule-not-part-of-amount", text = "kF"),
///     fix: msg!("import-fix-amount-text"),
/// };
/// assert_eq!(
///     e.to_string(),
///     "ledger.xlsx: Depenses!E9: \"12,5 kF\" is not an amount: \"kF\" is not part of an amount; \
///      write digits with spaces between thousands, one decimal mark and an optional currency \
///      (FCFA, XOF, EUR, €), e.g. 1 250 000 or 12 500,50"
/// );
/// assert!(e.render(Lang::Fr).starts_with(
///     "ledger.xlsx\u{a0}: Depenses!E9\u{a0}: «\u{a0}12,5 kF\u{a0}» n'est pas un montant\u{a0}: \
///      «\u{a0}kF\u{a0}» ne fait pas partie d'un montant\u{202f};"
/// ));
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
    /// What the cell should hold (`import-expected-amount`: an amount, ...).
    pub expected: Message,
    /// The rule the value breaks.
    pub rule: Message,
    /// How to fix it.
    pub fix: Message,
}

impl CellError {
    /// The whole line as one message of the catalog (`import-cell`, or `import-cell-empty` for
    /// an empty cell).
    ///
    /// ```
    /// use planfin_messages::msg;
    /// let e = planfin_xlsx::CellError {
    ///     file: "plan.xlsx".into(),
    ///     sheet: "Lignes".into(),
    ///     cell: "B4".into(),
    ///     value: String::new(),
    ///     expected: msg!("import-expected-code"),
    ///     rule: msg!("import-rule-required"),
    ///     fix: msg!("import-fix-required"),
    /// };
    /// assert_eq!(e.message().id(), "import-cell-empty");
    /// ```
    pub fn message(&self) -> Message {
        let place = format!("{}!{}", self.sheet, self.cell);
        let m = if self.value.is_empty() {
            msg!("import-cell-empty", file = &self.file, place = place)
        } else {
            msg!(
                "import-cell",
                file = &self.file,
                place = place,
                value = shown(&self.value)
            )
        };
        m.with("expected", self.expected.clone())
            .with("rule", self.rule.clone())
            .with("fix", self.fix.clone())
    }

    /// The line in `lang`: `file: Sheet!E9: "value" is not ...: rule; fix`.
    ///
    /// ```
    /// use planfin_messages::{msg, Lang};
    /// let e = planfin_xlsx::CellError {
    ///     file: "plan.xlsx".into(),
    ///     sheet: "Lignes".into(),
    ///     cell: "B4".into(),
    ///     value: String::new(),
    ///     expected: msg!("import-expected-code"),
    ///     rule: msg!("import-rule-required"),
    ///     fix: msg!("import-fix-required"),
    /// };
    /// assert_eq!(
    ///     e.render(Lang::En),
    ///     "plan.xlsx: Lignes!B4: empty cell, expected a code: this column is required; \
    ///      fill in the cell, or delete the row if it is not an entry"
    /// );
    /// assert_eq!(
    ///     e.render(Lang::Fr),
    ///     "plan.xlsx\u{a0}: Lignes!B4\u{a0}: cellule vide, il faut un code\u{a0}: \
    ///      cette colonne est obligatoire\u{202f}; remplissez la cellule, ou supprimez la \
    ///      ligne si ce n'est pas une écriture"
    /// );
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        self.message().render(lang)
    }
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A text of a library or of the system (calamine, zip, the OS), passed on as it is: those
/// texts are English.
pub(crate) fn detail(text: impl Into<String>) -> Message {
    msg!("import-detail", detail = text.into())
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

/// `items` joined into one message by the two-part message `id` (`import-join-lines`,
/// `import-join-list`), as a balanced tree: its depth grows with the logarithm of the count,
/// so that rendering thousands of items stays shallow. `None` for no item.
pub(crate) fn join(id: &'static str, mut items: Vec<Message>) -> Option<Message> {
    match items.len() {
        0 => None,
        1 => items.pop(),
        n => {
            let second = items.split_off(n / 2);
            let first = join(id, items)?;
            let second = join(id, second)?;
            Some(Message::new(id).with("first", first).with("second", second))
        }
    }
}

/// A list of values found (sheet names, headers) as `"a", "b"`, or `none` (`empty`: the
/// message for no item).
fn list_or_none(items: &[String], empty: &'static str) -> Message {
    let quoted = items
        .iter()
        .map(|s| msg!("import-quoted", value = shown(s)))
        .collect();
    join("import-join-list", quoted).unwrap_or_else(|| Message::new(empty))
}

/// The name of a sheet looked for, as messages show it: `"Plan"`, or `"Lignes" or "Lines"`
/// when the French and English names differ.
pub(crate) fn sheet_names(fr: &str, en: &str) -> Message {
    if fr == en {
        msg!("import-quoted", value = fr)
    } else {
        msg!("import-sheet-either", first = fr, second = en)
    }
}

/// Why a workbook was not imported. Nothing is imported unless all of it is.
///
/// ```
/// use planfin_messages::Lang;
/// use planfin_xlsx::ImportError;
/// let e = ImportError::PasswordProtected { file: "plan.xlsx".into() };
/// assert_eq!(
///     e.to_string(),
///     "plan.xlsx: the workbook is protected by a password: planfin cannot read encrypted \
///      workbooks; open it, remove the password (File > Info > Protect Workbook) and save a copy"
/// );
/// assert_eq!(
///     e.render(Lang::Fr),
///     "plan.xlsx\u{a0}: le classeur est protégé par un mot de passe\u{a0}: planfin ne lit pas \
///      les classeurs chiffrés\u{202f}; ouvrez-le, retirez le mot de passe (Fichier > \
///      Informations > Protéger le classeur) et enregistrez-en une copie"
/// );
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ImportError {
    /// Cells that break the cell rules: all of the file's, up to a cap, with the total count.
    Cells {
        /// The file.
        file: String,
        /// The errors, in sheet and row order (at most [`crate::Limits::max_errors`]).
        errors: Vec<CellError>,
        /// How many errors there were in all.
        total: usize,
    },
    /// A required sheet is not in the workbook.
    MissingSheet {
        /// The file.
        file: String,
        /// The names looked for, French and English (`"Lignes" or "Lines"`).
        sheet: Message,
        /// The French name(s) to use, quoted (`"Lignes"`); boxed to keep the error small.
        sheet_fr: Box<Message>,
        /// The sheets found.
        found: Vec<String>,
    },
    /// A sheet's header row lacks required columns.
    MissingColumns {
        /// The file.
        file: String,
        /// The sheet.
        sheet: String,
        /// The header row (1-based row number), when one was found.
        row: Option<u32>,
        /// The columns missing (their names, or a name with how to give it).
        missing: Vec<Message>,
        /// The headers found.
        found: Vec<String>,
    },
    /// The workbook is encrypted or protected by a password.
    PasswordProtected {
        /// The file.
        file: String,
    },
    /// The file goes beyond a safety limit (size, entries, compression ratio, cells, text).
    TooLarge {
        /// The file.
        file: String,
        /// What is too large.
        what: Message,
        /// The limit, with its unit.
        limit: Message,
        /// The name of the limit in [`crate::Limits`] (one of [`crate::Limits::NAMES`]).
        setting: &'static str,
    },
    /// The file is not a spreadsheet planfin reads.
    NotAWorkbook {
        /// The file.
        file: String,
        /// What it looks like instead.
        reason: Message,
    },
    /// The workbook is damaged: its content cannot be read.
    Unreadable {
        /// The file.
        file: String,
        /// What the reader said.
        reason: Message,
    },
    /// The file cannot be opened.
    Io {
        /// The file.
        file: String,
        /// The system error.
        source: std::io::Error,
    },
    /// Vouchers that conflict inside the ledger workbook.
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

    /// The error as one message of the catalog: one line per problem (every cell error, then
    /// the count of those not shown; every conflicting voucher after their count).
    ///
    /// ```
    /// use planfin_messages::Lang;
    /// let e = planfin_xlsx::ImportError::PasswordProtected { file: "plan.xlsx".into() };
    /// assert_eq!(e.message().id(), "import-password-protected");
    /// assert_eq!(e.message().render(Lang::En), e.to_string());
    /// ```
    pub fn message(&self) -> Message {
        match self {
            ImportError::Cells {
                file,
                errors,
                total,
            } => {
                let mut lines: Vec<Message> = errors.iter().map(CellError::message).collect();
                if *total > errors.len() {
                    lines.push(msg!(
                        "import-more-errors",
                        file = file,
                        more = total.saturating_sub(errors.len()),
                        total = *total
                    ));
                }
                join("import-join-lines", lines)
                    .unwrap_or_else(|| msg!("import-no-error", file = file))
            }
            ImportError::MissingSheet {
                file,
                sheet,
                sheet_fr,
                found,
            } => msg!(
                "import-missing-sheet",
                file = file,
                sheet = sheet.clone(),
                found = list_or_none(found, "import-no-sheet"),
                sheet_fr = Message::clone(sheet_fr)
            ),
            ImportError::MissingColumns {
                file,
                sheet,
                row,
                missing,
                found,
            } => {
                let list = join("import-join-list", missing.clone())
                    .unwrap_or_else(|| Message::new("import-no-header"));
                let found = list_or_none(found, "import-no-header");
                let m = match row {
                    Some(row) => msg!("import-missing-columns-row", row = *row),
                    None => Message::new("import-missing-columns"),
                };
                m.with("file", file)
                    .with("sheet", sheet)
                    .with("count", missing.len())
                    .with("missing", list)
                    .with("found", found)
            }
            ImportError::PasswordProtected { file } => {
                msg!("import-password-protected", file = file)
            }
            ImportError::TooLarge {
                file,
                what,
                limit,
                setting,
            } => msg!(
                "import-too-large",
                file = file,
                what = what.clone(),
                limit = limit.clone(),
                setting = *setting,
                cli = format!("planfin --limit {setting}=N"),
                python = format!("limits={{\"{setting}\": N}}")
            ),
            ImportError::NotAWorkbook { file, reason } => {
                msg!(
                    "import-not-a-workbook",
                    file = file,
                    reason = reason.clone()
                )
            }
            ImportError::Unreadable { file, reason } => {
                msg!("import-unreadable", file = file, reason = reason.clone())
            }
            // The system's text of the error stays as the system gives it.
            ImportError::Io { file, source } => {
                msg!("import-io", file = file, detail = source.to_string())
            }
            ImportError::Conflicts { file, conflicts } => {
                let mut lines = vec![msg!(
                    "import-conflicts",
                    file = file,
                    count = conflicts.len()
                )];
                lines.extend(conflicts.iter().map(LedgerError::message));
                join("import-join-lines", lines).unwrap_or_else(|| Message::new("import-no-error"))
            }
        }
    }

    /// The error in `lang`, one line per problem.
    ///
    /// ```
    /// use planfin_messages::{msg, Lang};
    /// let e = planfin_xlsx::ImportError::NotAWorkbook {
    ///     file: "notes.xlsx".into(),
    ///     reason: msg!("import-reason-pdf"),
    /// };
    /// assert_eq!(
    ///     e.render(Lang::En),
    ///     "notes.xlsx: not a workbook: a PDF document; save it from Excel or LibreOffice as \
    ///      .xlsx, .xls or .ods"
    /// );
    /// assert_eq!(
    ///     e.render(Lang::Fr),
    ///     "notes.xlsx\u{a0}: ce n'est pas un classeur\u{a0}: un document PDF\u{202f}; \
    ///      enregistrez-le depuis Excel ou LibreOffice au format .xlsx, .xls ou .ods"
    /// );
    /// ```
    pub fn render(&self, lang: Lang) -> String {
        self.message().render(lang)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Something the import noticed and accepted: a totals row checked, rows skipped, a sheet used
/// by default.
///
/// ```
/// use planfin_messages::{msg, Lang};
/// let w = planfin_xlsx::Warning {
///     place: "ledger.xlsx Depenses!A120".into(),
///     message: msg!("import-warn-below-totals"),
/// };
/// assert_eq!(w.to_string(), "ledger.xlsx Depenses!A120: below the totals row: not imported");
/// assert_eq!(
///     w.render(Lang::Fr),
///     "ledger.xlsx Depenses!A120\u{a0}: sous la ligne de total\u{a0}: non importée"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where (`file Sheet!A1`).
    pub place: String,
    /// What.
    pub message: Message,
}

impl Warning {
    /// The warning in `lang`: `place: what`.
    pub fn render(&self, lang: Lang) -> String {
        msg!(
            "import-warning",
            place = &self.place,
            message = self.message.clone()
        )
        .render(lang)
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
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
