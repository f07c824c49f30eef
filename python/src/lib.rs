//! `planfin._planfin`: the Python extension module of planfin.
//!
//! Glue only: it converts Python values to planfin-core's and back (`decimal.Decimal` and
//! `int` amounts, `datetime.date` dates, dicts and lists) and maps Rust errors onto the
//! `planfin.PlanfinError` hierarchy. The budget logic lives in planfin-core; the typed Python
//! package around this module is `python/planfin/`.

mod convert;
mod errors;
mod export;
mod files;
mod lang;
mod ledger;
mod plan;
mod read;
mod report;

use pyo3::prelude::*;

/// planfin's compiled core; import `planfin`, not this module.
#[pymodule(gil_used = false)]
fn _planfin(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<plan::Plan>()?;
    m.add_class::<ledger::Ledger>()?;
    m.add_class::<ledger::Expenditure>()?;
    m.add_class::<report::VarianceReport>()?;
    m.add_class::<report::ProgressReport>()?;
    m.add_class::<report::FinalReport>()?;
    m.add_function(wrap_pyfunction!(read::read_plan, m)?)?;
    m.add_function(wrap_pyfunction!(plan::cnltp_plan, m)?)?;
    m.add_function(wrap_pyfunction!(read::read_ledger, m)?)?;
    m.add_function(wrap_pyfunction!(ledger::cnltp_ledger, m)?)?;
    Ok(())
}
