//! Why a columnar file was refused, or could not be written: every message from the catalog
//! (`columnar.ftl`), naming the file and the column.

use std::path::PathBuf;

use planfin_core::ledger::LedgerError;
use planfin_messages::{Message, msg};

/// What planfin-columnar refuses or fails at.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ColumnarError {
    /// The file could not be opened or read, or is not a Parquet or Arrow IPC file (the
    /// reader's own words, in English).
    #[error("{}", self.message())]
    Unreadable {
        /// The file, as the user named it.
        file: String,
        /// What the system or the reader said.
        detail: String,
    },
    /// A column the table needs is not in the file.
    #[error("{}", self.message())]
    MissingColumn {
        /// The file.
        file: String,
        /// The column's name.
        column: &'static str,
    },
    /// An amount or rate column of floating-point numbers: an amount is exact or refused.
    #[error("{}", self.message())]
    FloatColumn {
        /// The file.
        file: String,
        /// The column's name.
        column: &'static str,
        /// Its Arrow type, as Arrow writes it (`Float64`).
        found: String,
    },
    /// A column of another type than the one it must have.
    #[error("{}", self.message())]
    WrongType {
        /// The file.
        file: String,
        /// The column's name.
        column: &'static str,
        /// What it must hold (a `columnar-expected-*` message).
        expected: Message,
        /// Its Arrow type, as Arrow writes it.
        found: String,
    },
    /// An amount column with fewer decimals than a currency of its rows has.
    #[error("{}", self.message())]
    ScaleTooSmall {
        /// The file.
        file: String,
        /// The column's name.
        column: &'static str,
        /// The currency's code.
        currency: String,
        /// The currency's minor unit (its decimals).
        minor_unit: u32,
        /// The column's scale.
        scale: i64,
    },
    /// A value that does not convert: the row (1-based), the column, the value and why.
    #[error("{}", self.message())]
    Value {
        /// The file.
        file: String,
        /// The row, from 1.
        row: u64,
        /// The column's name.
        column: &'static str,
        /// The value as text.
        value: String,
        /// Why it does not convert.
        reason: Message,
    },
    /// A required value that is missing (null).
    #[error("{}", self.message())]
    Null {
        /// The file.
        file: String,
        /// The row, from 1.
        row: u64,
        /// The column's name.
        column: &'static str,
    },
    /// What planfin keeps in the file's metadata (a plan's tables, a ledger's duplicates) is
    /// missing or cannot be read.
    #[error("{}", self.message())]
    Metadata {
        /// The file.
        file: String,
        /// The metadata key.
        key: &'static str,
        /// What went wrong (serde's words, in English).
        detail: String,
    },
    /// A table read as a plan without the plan's metadata (`planfin:plan`).
    #[error("{}", self.message())]
    NoPlan {
        /// The file.
        file: String,
    },
    /// Vouchers that conflict inside the file.
    #[error("{}", self.message())]
    Conflicts {
        /// The file.
        file: String,
        /// Every conflict.
        conflicts: Vec<LedgerError>,
    },
    /// An amount or rate too wide for 38 digits at the column's scale.
    #[error("{}", self.message())]
    TooWide {
        /// The output file.
        path: PathBuf,
        /// The voucher (or plan line) whose value does not fit.
        key: String,
        /// The column.
        column: &'static str,
        /// The column's scale.
        scale: u32,
    },
    /// More than 2,147,483,647 distinct texts in one dictionary column (its keys are `Int32`).
    #[error("{}", self.message())]
    TooManyTexts {
        /// The output file.
        path: PathBuf,
        /// The column.
        column: &'static str,
    },
    /// The output is one of the inputs.
    #[error("{}", self.message())]
    OutputIsInput {
        /// The output file.
        path: PathBuf,
        /// The input it designates.
        input: PathBuf,
    },
    /// Writing the output failed (the system's or the writer's words, in English).
    #[error("{}", self.message())]
    Write {
        /// The output file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
}

impl ColumnarError {
    /// What went wrong and how to fix it, for a person.
    pub fn message(&self) -> Message {
        match self {
            ColumnarError::Unreadable { file, detail } => {
                msg!("columnar-unreadable", file = file, detail = detail)
            }
            ColumnarError::MissingColumn { file, column } => {
                msg!("columnar-missing-column", file = file, column = *column)
            }
            ColumnarError::FloatColumn {
                file,
                column,
                found,
            } => msg!(
                "columnar-float-column",
                file = file,
                column = *column,
                found = found
            ),
            ColumnarError::WrongType {
                file,
                column,
                expected,
                found,
            } => msg!(
                "columnar-wrong-type",
                file = file,
                column = *column,
                expected = expected.clone(),
                found = found
            ),
            ColumnarError::ScaleTooSmall {
                file,
                column,
                currency,
                minor_unit,
                scale,
            } => msg!(
                "columnar-scale-too-small",
                file = file,
                column = *column,
                currency = currency,
                minor = *minor_unit,
                scale = *scale
            ),
            ColumnarError::Value {
                file,
                row,
                column,
                value,
                reason,
            } => msg!(
                "columnar-value",
                file = file,
                row = *row,
                column = *column,
                value = value,
                reason = reason.clone()
            ),
            ColumnarError::Null { file, row, column } => {
                msg!("columnar-null", file = file, row = *row, column = *column)
            }
            ColumnarError::Metadata { file, key, detail } => msg!(
                "columnar-metadata",
                file = file,
                key = *key,
                detail = detail
            ),
            ColumnarError::NoPlan { file } => {
                msg!("columnar-no-plan", file = file, key = crate::PLAN_KEY)
            }
            ColumnarError::Conflicts { file, conflicts } => {
                planfin_core::ledger::conflicts_message(file, conflicts)
            }
            ColumnarError::TooWide {
                path,
                key,
                column,
                scale,
            } => msg!(
                "columnar-too-wide",
                path = shown(path),
                key = key,
                column = *column,
                scale = *scale
            ),
            ColumnarError::TooManyTexts { path, column } => msg!(
                "columnar-too-many-texts",
                path = shown(path),
                column = *column
            ),
            ColumnarError::OutputIsInput { path, input } => msg!(
                "export-output-is-input",
                path = shown(path),
                input = shown(input)
            ),
            ColumnarError::Write { path, detail } => {
                msg!("export-io", path = shown(path), detail = detail)
            }
        }
    }
}

fn shown(path: &std::path::Path) -> String {
    path.display().to_string()
}

impl From<planfin_atomic::Error> for ColumnarError {
    fn from(e: planfin_atomic::Error) -> Self {
        match e {
            planfin_atomic::Error::OutputIsInput { path, input } => {
                ColumnarError::OutputIsInput { path, input }
            }
            planfin_atomic::Error::Io { path, source } => ColumnarError::Write {
                path,
                detail: source.to_string(),
            },
            // A kind of failure added to planfin-atomic later: its words, as a write error.
            other => ColumnarError::Write {
                path: PathBuf::new(),
                detail: other.to_string(),
            },
        }
    }
}
