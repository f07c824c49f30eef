//! Writing workbooks: where a plan or ledger came from (the provenance inputs of the workbooks
//! written from it), and the export itself, run with the GIL released.

use std::path::PathBuf;

use planfin_core::json::{ledger_to_json, plan_to_json};
use planfin_core::ledger::Ledger as CoreLedger;
use planfin_core::plan::Plan as CorePlan;
use planfin_export::{ExportError, ExportSummary, InputFile};
use planfin_messages::{Message, msg};
use pyo3::marker::Ungil;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::errors;

/// Where a plan or ledger came from, for the provenance of the workbooks written from it.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file, hashed when a workbook is written (and never overwritten by one).
    File(PathBuf),
    /// Data embedded in planfin: the catalog id of its description, and its JSON text.
    Embedded(&'static str, &'static str),
    /// Built in Python: hashed from its JSON form when a workbook is written.
    Memory,
}

/// The provenance inputs of `sources`; `memory` gives the description and JSON text of data
/// built in Python.
fn inputs(
    sources: &[Source],
    memory: impl Fn() -> (String, String),
) -> Result<Vec<InputFile>, ExportError> {
    let mut out = Vec::new();
    let mut memory_done = false;
    for source in sources {
        match source {
            Source::File(path) => out.push(InputFile::of_file(path)?),
            Source::Embedded(id, text) => {
                let name = Message::new(id).render(crate::lang::current());
                out.push(InputFile::of_bytes(name, text.as_bytes()));
            }
            Source::Memory if !memory_done => {
                let (name, text) = memory();
                out.push(InputFile::of_bytes(name, text.as_bytes()));
                memory_done = true;
            }
            Source::Memory => {}
        }
    }
    Ok(out)
}

/// The provenance input of `plan`, read from `source`; a plan built in Python is described
/// in the call's language (the provenance sheet shows it).
pub fn plan_inputs(plan: &CorePlan, source: &Source) -> Result<Vec<InputFile>, ExportError> {
    inputs(std::slice::from_ref(source), || {
        let label = msg!("python-plan-built", code = plan.code.as_str());
        (label.render(crate::lang::current()), plan_to_json(plan))
    })
}

/// The provenance inputs of `ledger`, read from `sources`; a ledger built in Python is
/// described in the call's language (the provenance sheet shows it).
pub fn ledger_inputs(
    ledger: &CoreLedger,
    sources: &[Source],
) -> Result<Vec<InputFile>, ExportError> {
    inputs(sources, || {
        let label = msg!("python-ledger-built", count = ledger.len());
        (label.render(crate::lang::current()), ledger_to_json(ledger))
    })
}

fn summary_to_py<'py>(py: Python<'py>, summary: &ExportSummary) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for f in &summary.findings {
        let dict = PyDict::new(py);
        dict.set_item("code", f.code)?;
        dict.set_item("location", &f.location)?;
        dict.set_item("message", f.message.render(crate::lang::current()))?;
        list.append(dict)?;
    }
    Ok(list)
}

/// Runs `write` with the GIL released, as every `to_xlsx` does: returns the values it wrote
/// as exact text, as `[{"code", "location", "message"}]`, or raises `planfin.ExportError`.
pub fn write_workbook<'py, F>(py: Python<'py>, write: F) -> PyResult<Bound<'py, PyList>>
where
    F: Ungil + FnOnce() -> Result<ExportSummary, ExportError>,
{
    match py.detach(write) {
        Ok(summary) => summary_to_py(py, &summary),
        Err(e) => Err(errors::export_error(py, e)),
    }
}
