//! # planfin-export
//!
//! Spreadsheets out for planfin: workbooks an auditor can check cell by cell, written with
//! rust_xlsxwriter (reading them is planfin-xlsx's).
//!
//! - [`write_variance_report`] (of `planfin_core::report::variance_reports`),
//!   [`write_progress_report`] and [`write_final_report`]: one sheet per table, totals and derived columns as live
//!   formulas whose stored results are the exact Decimal values, a findings sheet and a
//!   provenance sheet (SHA-256 of every input, options, version).
//! - [`write_plan`] and [`write_ledger`]: the layout the importer reads (the sheet and column
//!   names of planfin-layout), so that `read(write(x)) == x`.
//! - [`write_template`]: empty plan and ledger workbooks with drop-down validation.
//!
//! Every writer goes through [`write_atomically`] (temporary file, sync, rename; an output
//! that is an input is refused) and through the cell rules of [`cell`] (text stays text, no
//! amount silently rounded by Excel's `f64`).
//!
//! ```
//! use planfin_core::{cnltp, plan::Lang, report::{variance_reports, ReportOptions}};
//! use planfin_export::{write_ledger, write_variance_report, ExportOptions};
//! let dir = tempfile::tempdir()?;
//! let summary = write_ledger(&cnltp::ledger(), Lang::En, &dir.path().join("ledger.xlsx"))?;
//! assert_eq!(summary.sheets, ["Expenditures"]);
//! let reports = variance_reports(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
//! let out = dir.path().join("variance.xlsx");
//! write_variance_report(&reports, &ExportOptions::default(), &out)?;
//! assert!(out.exists());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// Unlike planfin-xlsx's import code, `clippy::arithmetic_side_effects` is left off here: the
// writers lay out figures the domain computed (row and column indexes of sheets whose size
// `sheet::fits` bounds first), they do not compute with what a file says.

mod atomic;
pub mod cell;
mod exact;
mod layout;
mod ledger;
mod plan;
mod report;
mod sheet;
mod template;

use std::io;
use std::path::{Path, PathBuf};

use planfin_core::report::ReportError;
use planfin_messages::{Lang, Message, msg};
use sha2::{Digest, Sha256};

pub use atomic::{refuse_input_as_output, write_atomically};
pub use cell::ExportFinding;
pub use ledger::{write_ledger, write_ledger_with};
pub use plan::{write_plan, write_plan_with};
pub use report::{ExportSummary, write_final_report, write_progress_report, write_variance_report};
pub use template::{TemplateKind, write_template};

/// Why an export failed. Nothing is left at the target path when it fails: the previous file,
/// if any, is untouched. Every message names the path and says how to fix the problem, in
/// French or English from the catalog (the `export-*` messages of planfin-messages); `Display`
/// is English.
///
/// ```
/// use planfin_core::{cnltp, plan::Lang};
/// use planfin_export::{write_plan_with, ExportError, ExportOptions, Provenance};
/// let dir = tempfile::tempdir()?;
/// let input = dir.path().join("plan.xlsx");
/// std::fs::write(&input, b"the user's plan")?;
/// let options = ExportOptions { provenance: Provenance::of_files([&input])? };
/// let err = write_plan_with(&cnltp::plan(), Lang::Fr, &options, &input).unwrap_err();
/// assert!(matches!(err, ExportError::OutputIsInput { .. }));
/// assert!(err.to_string().ends_with("choose another output file name"));
/// assert!(err.render(Lang::Fr).ends_with("choisissez un autre nom de fichier de sortie"));
/// assert_eq!(err.message().id(), "export-output-is-input");
/// assert_eq!(err.path(), Some(input.as_path()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The output path is one of the input files.
    #[error("{}", self.render(Lang::En))]
    OutputIsInput {
        /// The output path.
        path: PathBuf,
        /// The input it designates.
        input: PathBuf,
    },
    /// Writing the file failed.
    #[error("{}", self.render(Lang::En))]
    Io {
        /// The output path (empty until the writer knows it).
        path: PathBuf,
        /// The system error.
        source: io::Error,
    },
    /// An input file could not be read to compute its SHA-256.
    #[error("{}", self.render(Lang::En))]
    Input {
        /// The input path.
        path: PathBuf,
        /// The system error.
        source: io::Error,
    },
    /// rust_xlsxwriter refused a value or a setting.
    #[error("{}", self.render(Lang::En))]
    Xlsx {
        /// The output path.
        path: PathBuf,
        /// `Sheet!A1`, or the part of the workbook.
        location: String,
        /// The library error.
        source: rust_xlsxwriter::XlsxError,
    },
    /// A text longer than a cell holds (32,767 characters).
    #[error("{}", self.render(Lang::En))]
    TextTooLong {
        /// The output path.
        path: PathBuf,
        /// `Sheet!A1`.
        location: String,
        /// Its length.
        chars: usize,
    },
    /// More rows than a sheet holds (1,048,576 including the header).
    #[error("{}", self.render(Lang::En))]
    TooManyRows {
        /// The output path.
        path: PathBuf,
        /// The sheet.
        sheet: String,
        /// The rows it would need.
        rows: usize,
    },
    /// The reports could not be computed.
    #[error("{}", self.render(Lang::En))]
    Report {
        /// The output path.
        path: PathBuf,
        /// Why.
        source: ReportError,
    },
    /// A report writer was given no report.
    #[error("{}", self.render(Lang::En))]
    NoReport {
        /// The output path.
        path: PathBuf,
    },
}

impl ExportError {
    /// The same error, naming `target` as the output where it did not yet.
    pub(crate) fn at(self, target: &Path) -> ExportError {
        let fill = |p: PathBuf| {
            if p.as_os_str().is_empty() {
                target.to_path_buf()
            } else {
                p
            }
        };
        match self {
            ExportError::Io { path, source } => ExportError::Io {
                path: fill(path),
                source,
            },
            ExportError::Xlsx {
                path,
                location,
                source,
            } => ExportError::Xlsx {
                path: fill(path),
                location,
                source,
            },
            ExportError::TextTooLong {
                path,
                location,
                chars,
            } => ExportError::TextTooLong {
                path: fill(path),
                location,
                chars,
            },
            ExportError::TooManyRows { path, sheet, rows } => ExportError::TooManyRows {
                path: fill(path),
                sheet,
                rows,
            },
            other => other,
        }
    }

    /// The error as a message of the catalog: the path, what went wrong and the fix; a
    /// report that could not be computed is nested, so that it follows the language; the
    /// texts of the system and of rust_xlsxwriter pass through as they are (English).
    ///
    /// ```
    /// use planfin_export::ExportError;
    /// use planfin_messages::Lang;
    /// let e = ExportError::TooManyRows { path: "big.xlsx".into(), sheet: "Depenses".into(), rows: 2_000_000 };
    /// assert_eq!(e.message().id(), "export-too-many-rows");
    /// assert!(e.render(Lang::En).starts_with("cannot write big.xlsx: sheet Depenses would need 2,000,000 rows"));
    /// assert!(e.render(Lang::Fr).starts_with(
    ///     "impossible d'écrire big.xlsx\u{a0}: la feuille Depenses demanderait 2\u{202f}000\u{202f}000 lignes"
    /// ));
    /// ```
    pub fn message(&self) -> Message {
        let shown = |p: &Path| p.display().to_string();
        match self {
            ExportError::OutputIsInput { path, input } => msg!(
                "export-output-is-input",
                path = shown(path),
                input = shown(input)
            ),
            ExportError::Io { path, source } => {
                msg!("export-io", path = shown(path), detail = source.to_string())
            }
            ExportError::Input { path, source } => {
                msg!(
                    "export-input",
                    path = shown(path),
                    detail = source.to_string()
                )
            }
            ExportError::Xlsx {
                path,
                location,
                source,
            } => msg!(
                "export-xlsx",
                path = shown(path),
                detail = source.to_string(),
                location = location
            ),
            ExportError::TextTooLong {
                path,
                location,
                chars,
            } => msg!(
                "export-text-too-long",
                path = shown(path),
                location = location,
                chars = *chars
            ),
            ExportError::TooManyRows { path, sheet, rows } => msg!(
                "export-too-many-rows",
                path = shown(path),
                sheet = sheet,
                rows = *rows
            ),
            ExportError::Report { path, source } => msg!(
                "export-report",
                path = shown(path),
                reason = source.message()
            ),
            ExportError::NoReport { path } => msg!("export-no-report", path = shown(path)),
        }
    }

    /// The error as a person reads it in `lang` ([`ExportError::message`] rendered).
    pub fn render(&self, lang: Lang) -> String {
        self.message().render(lang)
    }

    /// The output path the error is about, when it has one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            ExportError::OutputIsInput { path, .. }
            | ExportError::Io { path, .. }
            | ExportError::Input { path, .. }
            | ExportError::Xlsx { path, .. }
            | ExportError::TextTooLong { path, .. }
            | ExportError::TooManyRows { path, .. }
            | ExportError::Report { path, .. }
            | ExportError::NoReport { path } => Some(path),
        }
    }
}

impl From<planfin_atomic::Error> for ExportError {
    fn from(e: planfin_atomic::Error) -> Self {
        match e {
            planfin_atomic::Error::OutputIsInput { path, input } => {
                ExportError::OutputIsInput { path, input }
            }
            planfin_atomic::Error::Io { path, source } => ExportError::Io { path, source },
            // A kind of failure added to planfin-atomic later: its message, as an I/O error.
            other => ExportError::Io {
                path: PathBuf::new(),
                source: io::Error::other(other.to_string()),
            },
        }
    }
}

impl From<io::Error> for ExportError {
    fn from(source: io::Error) -> Self {
        ExportError::Io {
            path: PathBuf::new(),
            source,
        }
    }
}

/// One input of a report, as recorded in its provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The file as the user named it (or a description, for embedded data).
    pub name: String,
    /// The path, for a real file: used to refuse writing the output over it.
    pub path: Option<PathBuf>,
    /// SHA-256 of its bytes, lower-case hex.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
}

impl InputFile {
    /// Reads `path` and records its SHA-256.
    ///
    /// ```
    /// let dir = tempfile::tempdir()?;
    /// let path = dir.path().join("empty.json");
    /// std::fs::write(&path, b"")?;
    /// let input = planfin_export::InputFile::of_file(&path)?;
    /// // SHA-256 of no bytes.
    /// assert_eq!(input.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_file(path: impl AsRef<Path>) -> Result<InputFile, ExportError> {
        let path = path.as_ref();
        let input_err = |source| ExportError::Input {
            path: path.to_path_buf(),
            source,
        };
        let mut file = std::fs::File::open(path).map_err(input_err)?;
        let mut hasher = Sha256::new();
        let bytes = io::copy(&mut file, &mut hasher).map_err(input_err)?;
        Ok(InputFile {
            name: path.display().to_string(),
            path: Some(path.to_path_buf()),
            sha256: hex(&hasher.finalize()),
            bytes,
        })
    }

    /// Records data that is not a file (the embedded CNLTP plan, a Python object, ...).
    ///
    /// ```
    /// use planfin_export::InputFile;
    /// let input = InputFile::of_bytes("embedded", b"abc");
    /// assert_eq!(input.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /// ```
    pub fn of_bytes(name: impl Into<String>, bytes: &[u8]) -> InputFile {
        InputFile {
            name: name.into(),
            path: None,
            sha256: hex(&Sha256::digest(bytes)),
            bytes: bytes.len() as u64,
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Where a report comes from: its inputs with their SHA-256, the options it was run with,
/// and the planfin version. Written on the provenance sheet and in the document properties.
///
/// ```
/// use planfin_export::Provenance;
/// let dir = tempfile::tempdir()?;
/// let plan = dir.path().join("plan.json");
/// std::fs::write(&plan, "{}")?;
/// let provenance = Provenance::of_files([&plan])?.with_option("tolerance", "10");
/// assert_eq!(provenance.inputs[0].sha256.len(), 64);
/// assert_eq!(provenance.options, vec![("tolerance".to_string(), "10".to_string())]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The inputs, in the order given.
    pub inputs: Vec<InputFile>,
    /// Options as the user gave them (`("as_of", "2019-06-30")`, ...), in order.
    pub options: Vec<(String, String)>,
    /// The planfin version that wrote the workbook.
    pub version: String,
}

impl Default for Provenance {
    fn default() -> Self {
        Provenance {
            inputs: Vec::new(),
            options: Vec::new(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

impl Provenance {
    /// The provenance of reading `paths`: each file hashed with SHA-256.
    pub fn of_files<P: AsRef<Path>>(
        paths: impl IntoIterator<Item = P>,
    ) -> Result<Provenance, ExportError> {
        let inputs = paths
            .into_iter()
            .map(InputFile::of_file)
            .collect::<Result<_, _>>()?;
        Ok(Provenance {
            inputs,
            ..Provenance::default()
        })
    }

    /// Adds an input.
    pub fn with_input(mut self, input: InputFile) -> Provenance {
        self.inputs.push(input);
        self
    }

    /// Adds an option as the user gave it.
    pub fn with_option(mut self, key: impl Into<String>, value: impl Into<String>) -> Provenance {
        self.options.push((key.into(), value.into()));
        self
    }

    /// The paths of the inputs that are files.
    pub fn input_paths(&self) -> Vec<&Path> {
        self.inputs
            .iter()
            .filter_map(|i| i.path.as_deref())
            .collect()
    }
}

/// Options of the report writers.
///
/// ```
/// use planfin_export::{ExportOptions, InputFile, Provenance};
/// let options = ExportOptions {
///     provenance: Provenance::default()
///         .with_input(InputFile::of_bytes("ledger.json", b"{}"))
///         .with_option("by", "objective"),
/// };
/// assert_eq!(options.provenance.inputs.len(), 1);
/// assert!(options.provenance.input_paths().is_empty()); // no file path: nothing to protect
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// Inputs, options and version, written on the provenance sheet. The output path is
    /// refused when it is one of these inputs.
    pub provenance: Provenance,
}
