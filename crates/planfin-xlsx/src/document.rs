//! A workbook whose kind is not known in advance: a plan or a ledger, told by its sheets.

use std::path::Path;

use planfin_core::ledger::Ledger;
use planfin_core::plan::Plan;

use crate::error::ImportError;
use crate::options::ImportOptions;
use crate::workbook::Workbook;
use crate::{Imported, display_name, read_ledger, read_plan};
use planfin_layout::{EXPENDITURES, LINES};

/// What a workbook holds.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Document {
    /// A plan workbook (a `Lignes` / `Lines` sheet and no `Depenses` / `Expenditures` sheet).
    Plan(Box<Plan>),
    /// A ledger workbook (a `Depenses` / `Expenditures` sheet, or a single sheet).
    Ledger(Box<Ledger>),
}

/// Reads a plan or a ledger workbook, telling which from its sheets: a `Depenses`
/// (`Expenditures`) sheet or a lone sheet makes it a ledger, else a `Lignes` (`Lines`) sheet a
/// plan (a ledger may carry a sheet of line codes for its drop-downs). For
/// `planfin validate` and `planfin convert`, which take either.
///
/// ```no_run
/// use planfin_xlsx::{read_document, Document, ImportOptions};
/// match read_document("budget.xlsx", &ImportOptions::default())?.value {
///     Document::Plan(plan) => println!("plan {} with {} lines", plan.code, plan.lines.len()),
///     Document::Ledger(ledger) => println!("ledger of {} expenditures", ledger.len()),
///     _ => {}
/// }
/// # Ok::<(), planfin_xlsx::ImportError>(())
/// ```
pub fn read_document(
    path: impl AsRef<Path>,
    options: &ImportOptions,
) -> Result<Imported<Document>, ImportError> {
    let path = path.as_ref();
    let file = display_name(path, options);
    let names = Workbook::open(path, &file, &options.limits)?
        .sheet_names()
        .to_vec();
    // A ledger has an expenditures sheet, which a plan never has; a plan has a lines sheet,
    // which a ledger may have too (the code lists of `template --kind ledger`): so the
    // expenditures sheet decides first.
    if EXPENDITURES.find(&names).is_some() || (names.len() == 1 && LINES.find(&names).is_none()) {
        let ledger = read_ledger(path, options)?;
        Ok(Imported {
            value: Document::Ledger(Box::new(ledger.value)),
            warnings: ledger.warnings,
        })
    } else if LINES.find(&names).is_some() {
        let plan = read_plan(path, options)?;
        Ok(Imported {
            value: Document::Plan(Box::new(plan.value)),
            warnings: plan.warnings,
        })
    } else {
        Err(ImportError::MissingSheet {
            file,
            sheet: planfin_messages::msg!(
                "import-sheet-plan-or-ledger",
                plan = crate::error::sheet_names(LINES.fr, LINES.en),
                ledger = crate::error::sheet_names(EXPENDITURES.fr, EXPENDITURES.en)
            ),
            sheet_fr: Box::new(planfin_messages::msg!(
                "import-sheet-either",
                first = LINES.fr,
                second = EXPENDITURES.fr
            )),
            found: names,
        })
    }
}
