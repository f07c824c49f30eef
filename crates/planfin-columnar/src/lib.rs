//! # planfin-columnar
//!
//! Ledgers and plans as Arrow record batches, and as Parquet and Arrow IPC files, exactly
//! (`README.md`: the schema, and why arrow 59). Amounts are `Decimal128(38, s)` with `s` the
//! decimals the currencies present need, dates `Date32`, codes dictionary-encoded strings.
//!
//! ```
//! let dir = tempfile::tempdir()?;
//! let path = dir.path().join("ledger.parquet");
//! let ledger = planfin_core::cnltp::ledger();
//! planfin_columnar::write_ledger(&ledger, &path, &[])?;
//! assert_eq!(planfin_columnar::read_ledger(&path, "ledger.parquet")?, ledger);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod columns;
mod error;
mod files;
mod ledger;
mod plan;

use std::path::Path;

pub use columns::BATCH_ROWS;
pub use error::ColumnarError;
pub use files::Format;
pub use ledger::{
    DUPLICATES_KEY, KIND_KEY, column, ledger_batches, ledger_from_batches, ledger_schema,
    ledger_to_batch,
};
pub use plan::{
    PLAN_KEY, line_column, plan_batches, plan_from_batches, plan_schema, plan_to_batch,
};

use planfin_core::ledger::Ledger;
use planfin_core::plan::Plan;

/// The format of `path`, or `Parquet` for an extension that names neither.
fn format_of(path: &Path) -> Format {
    Format::of(path).unwrap_or(Format::Parquet)
}

/// Writes `ledger` to `path`, as Parquet or Arrow IPC by its extension (Parquet for any
/// other), atomically; an output that is one of `inputs` is refused.
pub fn write_ledger(ledger: &Ledger, path: &Path, inputs: &[&Path]) -> Result<(), ColumnarError> {
    let (schema, batches) = ledger_batches(ledger, path)?;
    files::write(path, inputs, format_of(path), &schema, &batches)
}

/// Reads a ledger from a Parquet or Arrow IPC file (by its extension, Parquet for any other);
/// `file` names it in errors and origins. See [`ledger_from_batches`].
pub fn read_ledger(path: &Path, file: &str) -> Result<Ledger, ColumnarError> {
    let (schema, batches) = files::open(path, format_of(path), file)?;
    ledger_from_batches(&schema, batches, file)
}

/// Writes `plan` to `path` (its lines table, the rest in the metadata), as Parquet or Arrow
/// IPC by its extension (Parquet for any other), atomically; an output that is one of
/// `inputs` is refused.
pub fn write_plan(plan: &Plan, path: &Path, inputs: &[&Path]) -> Result<(), ColumnarError> {
    let (schema, batches) = plan_batches(plan, path)?;
    files::write(path, inputs, format_of(path), &schema, &batches)
}

/// Reads a plan from a Parquet or Arrow IPC file planfin wrote; `file` names it in errors.
/// See [`plan_from_batches`].
pub fn read_plan(path: &Path, file: &str) -> Result<Plan, ColumnarError> {
    let (schema, batches) = files::open(path, format_of(path), file)?;
    plan_from_batches(&schema, batches, file)
}

/// A plan or a ledger, read from a columnar file.
#[derive(Debug)]
pub enum Document {
    /// A file whose metadata says `planfin:kind` is `plan`.
    Plan(Box<Plan>),
    /// Any other file: a ledger (a table another tool wrote has no `planfin:kind`).
    Ledger(Box<Ledger>),
}

/// Reads a plan or a ledger from a Parquet or Arrow IPC file, telling which from the
/// schema's `planfin:kind` metadata.
///
/// ```
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("plan.arrow");
/// planfin_columnar::write_plan(&planfin_core::cnltp::plan(), &path, &[])?;
/// let read = planfin_columnar::read_document(&path, "plan.arrow")?;
/// assert!(matches!(read, planfin_columnar::Document::Plan(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_document(path: &Path, file: &str) -> Result<Document, ColumnarError> {
    let (schema, batches) = files::open(path, format_of(path), file)?;
    if schema.metadata().get(KIND_KEY).map(String::as_str) == Some("plan") {
        plan_from_batches(&schema, batches, file).map(|p| Document::Plan(Box::new(p)))
    } else {
        ledger_from_batches(&schema, batches, file).map(|l| Document::Ledger(Box::new(l)))
    }
}
