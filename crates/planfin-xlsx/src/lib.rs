//! # planfin-xlsx
//!
//! Spreadsheets in for planfin (writing them is planfin-export's). It reads the finance team's plan and
//! ledger workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) as they really are (French or English
//! headers, title rows, shuffled columns, text amounts, totals rows) into the planfin-core
//! types, and refuses what it cannot read with errors naming the file, `Sheet!A1`, the value,
//! the rule and the fix. Hostile files (zip bombs, a cell at XFD1048576, entity expansion,
//! truncated or encrypted files) are refused in bounded time and memory.
//!
//! ```no_run
//! use planfin_xlsx::{read_ledger, read_plan, ImportOptions};
//! let options = ImportOptions::default();
//! let plan = read_plan("plan.xlsx", &options)?;
//! let ledger = read_ledger("ledger.ods", &options)?;
//! for w in plan.warnings.iter().chain(&ledger.warnings) {
//!     eprintln!("{w}");
//! }
//! println!("{} lines, {} expenditures", plan.value.lines.len(), ledger.value.len());
//! # Ok::<(), planfin_xlsx::ImportError>(())
//! ```

// The import code checks every operation on what it reads (tests may panic on overflow: that
// fails the test).
#![cfg_attr(not(test), warn(clippy::arithmetic_side_effects))]

mod amount;
mod cell;
mod date;
mod document;
mod error;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod ledger;
mod options;
mod plan;
mod preflight;
mod serial;
mod table;
mod workbook;

use std::path::Path;

pub use amount::Locale;
pub use document::{Document, read_document};
pub use error::{CellError, ImportError, Warning};
pub use ledger::{read_ledger, read_ledger_with_progress};
pub use options::{ImportOptions, Limits};
pub use plan::read_plan;
/// Sheet and column names: planfin-layout, the one description both directions use.
pub use planfin_layout as header;
pub use workbook::in_guarded_reader;

/// What an import produced, with what it noticed on the way (totals rows checked, rows
/// skipped).
///
/// ```
/// let imported = planfin_xlsx::Imported { value: 42, warnings: Vec::new() };
/// assert_eq!(imported.value, 42);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Imported<T> {
    /// The plan or ledger.
    pub value: T,
    /// What the import noticed and accepted.
    pub warnings: Vec<Warning>,
}

/// Whether `path` names a workbook planfin-xlsx reads, by its extension (xlsx, xlsm, xlsb,
/// xls, ods; any case). The content decides the reader, not the extension.
///
/// ```
/// assert!(planfin_xlsx::is_workbook_path("Budget 2019.XLSX"));
/// assert!(!planfin_xlsx::is_workbook_path("plan.json"));
/// ```
pub fn is_workbook_path(path: impl AsRef<Path>) -> bool {
    path.as_ref()
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            ["xlsx", "xlsm", "xlsb", "xls", "ods"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        })
}

fn display_name(path: &Path, options: &ImportOptions) -> String {
    options
        .display_name
        .clone()
        .unwrap_or_else(|| path.display().to_string())
}
