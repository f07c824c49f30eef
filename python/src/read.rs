//! `planfin.read_plan` and `planfin.read_ledger`: plan and ledger files, read into a `Plan`
//! and a `Ledger` (a ledger workbook's amounts default to the plan's currency).

use std::collections::HashMap;
use std::path::PathBuf;
use std::str::FromStr;

use planfin_core::currency::Currency;
use planfin_core::json::{ledger_from_json, plan_from_json};
use pyo3::prelude::*;

use crate::errors;
use crate::files;
use crate::ledger::Ledger;
use crate::plan::Plan;

/// Reads a plan file: a workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`: French or English
/// sheet and column names, title rows, text amounts, totals rows checked) or JSON (any other
/// extension).
///
/// `decimal_mark` says how text amounts such as `1.250,50` are read: `","` (French style),
/// `"."` (English style) or `None` (an ambiguous `1,000` is refused). `limits` sets the
/// workbook reader's safety limits by name, for a genuine workbook refused as too large
/// (`{"max_range_cells": 20_000_000}`; the names are in the error that refuses it).
///
/// Raises `FileNotFoundError` (and the other `OSError`s) when the file cannot be opened,
/// `planfin.WorkbookError` for a workbook that cannot be imported (every bad cell in
/// `.errors`, the first in `.sheet` and `.cell`), `planfin.JsonError` for malformed JSON,
/// `ValueError` for an unknown limit. Their messages are in `lang` (`"fr"`, `"en"`; default:
/// `PLANFIN_LANG`, then the locale, then French); their attributes do not depend on it.
/// Reading runs with the GIL released.
#[pyfunction]
#[pyo3(signature = (path, *, decimal_mark=None, limits=None, lang=None))]
pub fn read_plan(
    py: Python<'_>,
    path: PathBuf,
    decimal_mark: Option<&str>,
    limits: Option<HashMap<String, u64>>,
    lang: Option<&str>,
) -> PyResult<Plan> {
    let (_, _scope) = crate::lang::enter(lang)?;
    if files::is_workbook(&path) {
        let options = files::import_options(decimal_mark, None, limits)?;
        let imported =
            files::read_workbook(py, &path, &options, |p, o| planfin_xlsx::read_plan(p, o))?;
        Ok(Plan::read(imported.value, imported.warnings, path))
    } else {
        let inner = files::read_json(py, &path, plan_from_json)?;
        Ok(Plan::read(inner, Vec::new(), path))
    }
}

/// Reads a ledger file: a workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`: French or English
/// column names in any order, title rows, text amounts, totals rows checked) or JSON (any other
/// extension).
///
/// A workbook's amounts that name no currency (no `Devise` column, no currency in the text or
/// the header) are in `currency`, else in the currency of `plan`, else XOF. `decimal_mark`
/// says how text amounts such as `1.250,50` are read: `","` (French style), `"."` (English
/// style) or `None` (an ambiguous `1,000` is refused).
///
/// Raises `FileNotFoundError` (and the other `OSError`s) when the file cannot be opened,
/// `planfin.WorkbookError` for a workbook that cannot be imported (every bad cell in
/// `.errors`, the first in `.sheet` and `.cell`), `planfin.JsonError` for malformed JSON,
/// `planfin.LedgerConflictError` for conflicting vouchers, `ValueError` for an unknown limit.
/// `limits` sets the workbook reader's safety limits by name, and `lang` the language of the
/// exceptions' messages, as for `read_plan`. Reading runs with the GIL released.
#[pyfunction]
#[pyo3(signature = (path, plan=None, *, currency=None, decimal_mark=None, limits=None, lang=None))]
pub fn read_ledger(
    py: Python<'_>,
    path: PathBuf,
    plan: Option<&Bound<'_, Plan>>,
    currency: Option<&str>,
    decimal_mark: Option<&str>,
    limits: Option<HashMap<String, u64>>,
    lang: Option<&str>,
) -> PyResult<Ledger> {
    let (_, _scope) = crate::lang::enter(lang)?;
    if files::is_workbook(&path) {
        let currency = match currency {
            Some(code) => {
                Some(Currency::from_str(code).map_err(|e| errors::money_error(py, &e.into()))?)
            }
            None => plan.map(|p| p.get().inner.currency),
        };
        let options = files::import_options(decimal_mark, currency, limits)?;
        let imported =
            files::read_workbook(py, &path, &options, |p, o| planfin_xlsx::read_ledger(p, o))?;
        Ok(Ledger::read(imported.value, imported.warnings, path))
    } else {
        let inner = files::read_json(py, &path, ledger_from_json)?;
        Ok(Ledger::read(inner, Vec::new(), path))
    }
}
