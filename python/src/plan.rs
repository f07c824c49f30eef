//! `planfin.Plan` and `planfin.cnltp_plan`.

use std::path::PathBuf;
use std::sync::Arc;

use planfin_core::json::{plan_from_json, plan_to_json};
use planfin_core::plan::{BudgetLine, Plan as CorePlan};
use planfin_core::report::{
    FinalOptions, ProgressOptions, ReportOptions, final_report, ledger_findings, progress, variance,
};
use planfin_core::validation::validate_plan;
use planfin_export::{ExportError, ExportOptions, InputFile, Provenance, write_plan_with};
use planfin_xlsx::Warning;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{self, date_to_py, decimal_to_py, findings_to_py, text_to_py};
use crate::errors;
use crate::export::{self, Source, write_workbook};
use crate::files;
use crate::ledger::Ledger;
use crate::report::{Basis, FinalReport, ProgressReport, VarianceReport};

/// A budget plan: ceiling, period, objectives, budget lines, funding sources, amendments.
///
/// Read one with `planfin.read_plan(path)` or take the embedded CNLTP plan with
/// `planfin.cnltp_plan()`. A plan is immutable; amounts are `decimal.Decimal`, dates
/// `datetime.date`.
#[pyclass(module = "planfin._planfin", name = "Plan", frozen)]
pub struct Plan {
    /// The plan, shared with the reports made from it.
    pub(crate) inner: Arc<CorePlan>,
    warnings: Vec<files::Note>,
    source: Source,
}

impl Plan {
    fn new(inner: CorePlan, source: Source) -> Self {
        Plan {
            inner: Arc::new(inner),
            warnings: Vec::new(),
            source,
        }
    }

    /// A plan read from the file `path`, with what its import noticed.
    pub(crate) fn read(inner: CorePlan, warnings: Vec<Warning>, path: PathBuf) -> Self {
        Plan {
            inner: Arc::new(inner),
            warnings: files::notes(warnings),
            source: Source::File(path),
        }
    }

    /// The provenance input of this plan.
    fn inputs(&self) -> Result<Vec<InputFile>, ExportError> {
        export::plan_inputs(&self.inner, &self.source)
    }

    /// What a report of this plan against `ledger` keeps of them for its workbook.
    fn basis(&self, ledger: &Ledger) -> Basis {
        Basis {
            plan: Arc::clone(&self.inner),
            plan_source: self.source.clone(),
            ledger: Arc::clone(&ledger.inner),
            ledger_sources: ledger.sources().to_vec(),
        }
    }
}

fn line_to_py<'py>(py: Python<'py>, line: &BudgetLine) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("code", &line.code)?;
    dict.set_item("objective", &line.objective)?;
    dict.set_item("label", text_to_py(py, &line.label)?)?;
    dict.set_item("source", &line.source)?;
    let amounts = PyList::empty(py);
    for pa in &line.amounts {
        let item = PyDict::new(py);
        item.set_item("period", pa.period.to_string())?;
        item.set_item("amount", decimal_to_py(py, pa.amount)?)?;
        amounts.append(item)?;
    }
    dict.set_item("amounts", amounts)?;
    let initial = line.initial().map_err(|e| errors::money_error(py, &e))?;
    dict.set_item("initial", decimal_to_py(py, initial)?)?;
    match &line.costing {
        Some(c) => {
            let costing = PyDict::new(py);
            costing.set_item("unit", &c.unit)?;
            costing.set_item("quantity", decimal_to_py(py, c.quantity)?)?;
            costing.set_item("unit_cost", decimal_to_py(py, c.unit_cost)?)?;
            dict.set_item("costing", costing)?;
        }
        None => dict.set_item("costing", py.None())?,
    }
    Ok(dict)
}

#[pymethods]
impl Plan {
    /// Reads a plan from JSON text (the format of `Plan.to_json()`).
    ///
    /// Raises `planfin.JsonError` (with `.line` and `.column`) when the text is not a plan.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Plan> {
        py.detach(|| plan_from_json(text, "<string>"))
            .map(|inner| Plan::new(inner, Source::Memory))
            .map_err(|e| errors::json_error(py, e))
    }

    /// Short code of the plan (`"CNLTP-2018-2019"`).
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }

    /// Title in French and English: `{"fr": ..., "en": ...}`.
    #[getter]
    fn title<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        text_to_py(py, &self.inner.title)
    }

    /// The organisation that executes the plan.
    #[getter]
    fn organisation(&self) -> &str {
        &self.inner.organisation
    }

    /// The plan currency as an ISO 4217 code (`"XOF"`): every report is in it.
    #[getter]
    fn currency(&self) -> &str {
        self.inner.currency.code()
    }

    /// First day of the plan period.
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.inner.start)
    }

    /// Last day of the plan period.
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.inner.end)
    }

    /// The budget ceiling (plafond), exact.
    #[getter]
    fn ceiling<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, self.inner.ceiling)
    }

    /// Strategic objectives: `[{"code", "title": {"fr", "en"}}]`.
    #[getter]
    fn objectives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for o in &self.inner.objectives {
            let dict = PyDict::new(py);
            dict.set_item("code", &o.code)?;
            dict.set_item("title", text_to_py(py, &o.title)?)?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// Funding sources: `[{"code", "name": {"fr", "en"}, "kind"}]`, kind being
    /// `"state_budget"`, `"donor"` or `"other"`.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for s in &self.inner.sources {
            let dict = PyDict::new(py);
            dict.set_item("code", &s.code)?;
            dict.set_item("name", text_to_py(py, &s.name)?)?;
            dict.set_item("kind", s.kind.code())?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// Budget lines: `[{"code", "objective", "label": {"fr", "en"}, "source",
    /// "amounts": [{"period", "amount"}], "initial", "costing"}]`; `costing` is `None` or
    /// `{"unit", "quantity", "unit_cost"}`.
    #[getter]
    fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = self
            .inner
            .lines
            .iter()
            .map(|l| line_to_py(py, l))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// Amendments (virements, revisions): `[{"reference", "date", "from", "to", "amount",
    /// "source", "reason", "approved_by"}]`; `from`, `to` and `source` may be `None`.
    #[getter]
    fn amendments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for a in &self.inner.amendments {
            let dict = PyDict::new(py);
            dict.set_item("reference", &a.reference)?;
            dict.set_item("date", date_to_py(py, a.date)?)?;
            dict.set_item("from", a.from.as_deref())?;
            dict.set_item("to", a.to.as_deref())?;
            dict.set_item("amount", decimal_to_py(py, a.amount)?)?;
            dict.set_item("source", a.source.as_deref())?;
            dict.set_item("reason", &a.reason)?;
            dict.set_item("approved_by", &a.approved_by)?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// Exchange rates supplied with the plan: `[{"date", "from", "to", "rate"}]`.
    #[getter]
    fn rates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for r in &self.inner.rates {
            let dict = PyDict::new(py);
            dict.set_item("date", date_to_py(py, r.date)?)?;
            dict.set_item("from", r.from.code())?;
            dict.set_item("to", r.to.code())?;
            dict.set_item("rate", decimal_to_py(py, r.rate)?)?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// What the workbook import noticed and accepted (a totals row checked, a sheet read by
    /// default), as `[{"place", "message"}]`; empty for JSON.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        files::warnings_to_py(py, &self.warnings)
    }

    /// Every finding of validation, errors and warnings, as
    /// `[{"code", "severity", "message", "location", "args"}]`: the plan's, and the ledger's
    /// against the plan when a ledger is given. An empty list means nothing to report. The
    /// messages and locations are in `lang` (`"fr"`, `"en"`; default: `PLANFIN_LANG`, then the
    /// locale, then French); `args` holds the message's arguments (amounts as exact text).
    #[pyo3(signature = (ledger=None, lang=None))]
    fn validate<'py>(
        &self,
        py: Python<'py>,
        ledger: Option<&Bound<'py, Ledger>>,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyList>> {
        let (lang, _scope) = crate::lang::enter(lang)?;
        let plan = &self.inner;
        let ledger = ledger.map(|l| &l.get().inner);
        let findings = py.detach(|| {
            let mut findings = validate_plan(plan);
            if let Some(ledger) = ledger {
                findings.extend(ledger_findings(plan, ledger, ReportOptions::STALE_DAYS)?);
            }
            Ok(findings)
        });
        let findings = findings.map_err(|e| errors::money_error(py, &e))?;
        findings_to_py(py, &findings, lang)
    }

    /// The budget-vs-actual variance report of this plan against `ledger`.
    ///
    /// - `as_of`: cut-off `datetime.date`; amendments and expenditures dated after it are
    ///   left out. `None`: nothing is left out.
    /// - `by`: `"objective"`, `"line"`, `"source"` or `"period"`.
    /// - `lang`: `"fr"` or `"en"`, for labels, findings and exceptions (default:
    ///   `PLANFIN_LANG`, then the locale, then French).
    /// - `tolerance`: a percentage (`Decimal` or `int`); rows whose |variance| exceeds it of
    ///   their revised budget are flagged `over_tolerance`.
    ///
    /// - `stale_days`: an open commitment engaged more than this many days before the
    ///   cut-off is a `stale_commitment` finding (default 90).
    ///
    /// Raises `planfin.ValidationError` (with every finding in `.findings`) when validation
    /// finds errors. The computation runs with the GIL released.
    #[pyo3(signature = (ledger, as_of=None, by="objective", lang=None, tolerance=None, stale_days=90))]
    #[allow(clippy::too_many_arguments)]
    fn variance(
        &self,
        py: Python<'_>,
        ledger: &Bound<'_, Ledger>,
        as_of: Option<&Bound<'_, PyAny>>,
        by: &str,
        lang: Option<&str>,
        tolerance: Option<&Bound<'_, PyAny>>,
        stale_days: u32,
    ) -> PyResult<VarianceReport> {
        let (lang, _scope) = crate::lang::enter(lang)?;
        let options = ReportOptions {
            as_of: convert::optional_date(as_of, "as_of")?,
            by: convert::grouping(by)?,
            tolerance: convert::optional_amount(tolerance, "tolerance")?,
            lang,
            stale_days,
        };
        let (plan, book) = (&*self.inner, &*ledger.get().inner);
        let report = py
            .detach(|| variance(plan, book, &options))
            .map_err(|e| errors::report_error(py, e))?;
        Ok(VarianceReport::new(report, self.basis(ledger.get())))
    }

    /// The progress report (rapport d'étape) of this plan against `ledger` at the cut-off
    /// `as_of` (a `datetime.date`): cumulative execution per objective and per fiscal year,
    /// the burn rate, the spend projected to the end of the plan at that pace, the ageing of
    /// open commitments, and the findings. `lang`, `tolerance` and `stale_days` as for
    /// `variance`.
    ///
    /// Raises `planfin.ValidationError` when validation finds errors. Runs with the GIL
    /// released.
    #[pyo3(signature = (ledger, as_of, lang=None, tolerance=None, stale_days=90))]
    fn progress(
        &self,
        py: Python<'_>,
        ledger: &Bound<'_, Ledger>,
        as_of: &Bound<'_, PyAny>,
        lang: Option<&str>,
        tolerance: Option<&Bound<'_, PyAny>>,
        stale_days: u32,
    ) -> PyResult<ProgressReport> {
        let (lang, _scope) = crate::lang::enter(lang)?;
        let options = ProgressOptions {
            as_of: convert::date(as_of, "as_of")?,
            lang,
            tolerance: convert::optional_amount(tolerance, "tolerance")?,
            stale_days,
        };
        let (plan, book) = (&*self.inner, &*ledger.get().inner);
        let report = py
            .detach(|| progress(plan, book, &options))
            .map_err(|e| errors::report_error(py, e))?;
        Ok(ProgressReport::new(report, self.basis(ledger.get())))
    }

    /// The final report (rapport final) of this plan against `ledger` over the whole period:
    /// the reconciliation of ceiling, amendments and spend, the variance by objective and by
    /// funding source, and every finding. `lang`, `tolerance` and `stale_days` as for
    /// `variance`.
    ///
    /// Raises `planfin.ValidationError` when validation finds errors. Runs with the GIL
    /// released.
    #[pyo3(signature = (ledger, lang=None, tolerance=None, stale_days=90))]
    fn final_report(
        &self,
        py: Python<'_>,
        ledger: &Bound<'_, Ledger>,
        lang: Option<&str>,
        tolerance: Option<&Bound<'_, PyAny>>,
        stale_days: u32,
    ) -> PyResult<FinalReport> {
        let (lang, _scope) = crate::lang::enter(lang)?;
        let options = FinalOptions {
            lang,
            tolerance: convert::optional_amount(tolerance, "tolerance")?,
            stale_days,
        };
        let (plan, book) = (&*self.inner, &*ledger.get().inner);
        let report = py
            .detach(|| final_report(plan, book, &options))
            .map_err(|e| errors::report_error(py, e))?;
        Ok(FinalReport::new(report, self.basis(ledger.get())))
    }

    /// Writes the plan as a workbook (`.xlsx`) in the layout `read_plan` reads, so that
    /// `read_plan(path) == plan`; `lang` chooses the sheet and column names (`"fr"`, `"en"`).
    /// Written atomically; the file the plan was read from is never overwritten. Returns the
    /// values written as exact text, as `[{"code", "location", "message"}]`. Raises
    /// `planfin.ExportError`.
    #[pyo3(signature = (path, lang="fr"))]
    fn to_xlsx<'py>(
        &self,
        py: Python<'py>,
        path: PathBuf,
        lang: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let lang = convert::lang(lang)?;
        write_workbook(py, || {
            let provenance = Provenance {
                inputs: self.inputs()?,
                ..Provenance::default()
            };
            write_plan_with(&self.inner, lang, &ExportOptions { provenance }, &path)
        })
    }

    /// The plan as pretty JSON, readable by `planfin.read_plan` and `Plan.from_json`.
    fn to_json(&self, py: Python<'_>) -> String {
        let plan = &self.inner;
        py.detach(|| plan_to_json(plan))
    }

    fn __eq__(&self, other: &Bound<'_, Plan>) -> bool {
        self.inner == other.get().inner
    }

    fn __repr__(&self) -> String {
        let p = &self.inner;
        format!(
            "<Plan {} {}..{} ceiling={} {} objectives={} lines={} amendments={}>",
            p.code,
            p.start,
            p.end,
            p.ceiling,
            p.currency,
            p.objectives.len(),
            p.lines.len(),
            p.amendments.len()
        )
    }
}

/// The embedded CNLTP plan: Mali's national committee against trafficking in persons,
/// advocacy action plan 2018-2019, ceiling 206,850,000 XOF, five objectives. Its lines,
/// sources and amendments are illustrative.
#[pyfunction]
pub fn cnltp_plan() -> Plan {
    Plan::new(
        planfin_core::cnltp::plan(),
        Source::Embedded("python-embedded-plan", planfin_core::cnltp::PLAN_JSON),
    )
}
