//! The reports: `planfin.VarianceReport`, `planfin.ProgressReport`, `planfin.FinalReport`.
//!
//! Each keeps the plan and ledger it was computed from (their core data, shared with the
//! `Plan` and `Ledger`, and where they came from), so that `to_xlsx` can record them in the
//! workbook's provenance.

use std::path::PathBuf;
use std::sync::Arc;

use planfin_core::ledger::Ledger as CoreLedger;
use planfin_core::plan::Plan as CorePlan;
use planfin_core::render::{Table, csv, markdown, text_table};
use planfin_core::report::variance_reports;
use planfin_core::report::{
    Amounts, FinalReport as CoreFinalReport, Flag, PlanHeader,
    ProgressReport as CoreProgressReport, ReportOptions, VarianceReport as CoreVarianceReport,
    VarianceRow,
    ageing::{Ageing, AgeingRow},
    variance::Totals,
};
use planfin_export::{
    ExportError, ExportOptions, Provenance, write_final_report, write_progress_report,
    write_variance_report,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rust_decimal::Decimal;

use crate::convert::{
    date_to_py, decimal_to_py, findings_to_py, lang_code, optional_decimal_to_py, text_to_py,
};
use crate::export::{self, Source, write_workbook};

/// The columns of a variance row, in order: the amounts with the aliases `committed` (of
/// `remaining_to_pay`) and `execution_rate` (of `payment_rate`) beside their new names.
const ROW_COLUMNS: [&str; 17] = [
    "key",
    "label",
    "initial",
    "amendments",
    "revised",
    "engaged",
    "liquidated",
    "ordered",
    "paid",
    "remaining_to_pay",
    "committed",
    "available",
    "variance",
    "commitment_rate",
    "payment_rate",
    "execution_rate",
    "flags",
];

/// The columns of a variance row that hold decimals.
const DECIMAL_COLUMNS: [&str; 14] = [
    "initial",
    "amendments",
    "revised",
    "engaged",
    "liquidated",
    "ordered",
    "paid",
    "remaining_to_pay",
    "committed",
    "available",
    "variance",
    "commitment_rate",
    "payment_rate",
    "execution_rate",
];

/// The extra columns of the progress report's objective rows.
const PROJECTION_COLUMNS: [&str; 2] = ["projected_paid", "projected_variance"];

fn amounts_into<'py>(
    py: Python<'py>,
    dict: &Bound<'py, PyDict>,
    amounts: &Amounts,
) -> PyResult<()> {
    for (name, value) in amounts.fields() {
        dict.set_item(name, decimal_to_py(py, value)?)?;
    }
    dict.set_item("committed", decimal_to_py(py, amounts.remaining_to_pay)?)?;
    let rates = [
        ("commitment_rate", amounts.commitment_rate()),
        ("payment_rate", amounts.payment_rate()),
        ("execution_rate", amounts.payment_rate()),
    ];
    for (name, rate) in rates {
        dict.set_item(name, optional_decimal_to_py(py, rate)?)?;
    }
    Ok(())
}

fn row_to_py<'py>(py: Python<'py>, row: &VarianceRow) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("key", &row.key)?;
    dict.set_item("label", &row.label)?;
    amounts_into(py, &dict, &row.amounts)?;
    let flags: Vec<&str> = row.flags.iter().map(Flag::code).collect();
    dict.set_item("flags", flags)?;
    Ok(dict)
}

fn totals_to_py<'py>(py: Python<'py>, totals: &Totals) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    amounts_into(py, &dict, &totals.amounts)?;
    Ok(dict)
}

fn rows_to_py<'py>(py: Python<'py>, rows: &[VarianceRow]) -> PyResult<Bound<'py, PyList>> {
    let items = rows
        .iter()
        .map(|r| row_to_py(py, r))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

fn plan_header_to_py<'py>(py: Python<'py>, p: &PlanHeader) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("code", &p.code)?;
    dict.set_item("title", text_to_py(py, &p.title)?)?;
    dict.set_item("organisation", &p.organisation)?;
    dict.set_item("currency", &p.currency)?;
    dict.set_item("start", date_to_py(py, p.start)?)?;
    dict.set_item("end", date_to_py(py, p.end)?)?;
    dict.set_item("ceiling", decimal_to_py(py, p.ceiling)?)?;
    Ok(dict)
}

/// A DataFrame of `rows` (through `planfin._pandas`).
fn frame<'py>(
    py: Python<'py>,
    rows: Bound<'py, PyList>,
    columns: Vec<&str>,
    decimal_columns: Vec<&str>,
    float_amounts: bool,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("planfin._pandas")?
        .call_method1("frame", (rows, columns, decimal_columns, float_amounts))
}

fn markdown_all(tables: &[Table]) -> String {
    tables.iter().map(markdown).collect::<Vec<_>>().join("\n")
}

fn text_all(tables: &[Table]) -> String {
    tables.iter().map(text_table).collect::<Vec<_>>().join("\n")
}

/// The objective table (the second of `tables`) as CSV.
fn objectives_csv(tables: &[Table], bom: bool) -> String {
    tables.get(1).map(|t| csv(t, bom)).unwrap_or_default()
}

/// The plan and ledger a report was computed from, and where they came from: the core data
/// is shared with the `Plan` and `Ledger` (not copied), and the inputs are hashed when a
/// workbook is written, as for theirs.
pub struct Basis {
    pub plan: Arc<CorePlan>,
    pub plan_source: Source,
    pub ledger: Arc<CoreLedger>,
    pub ledger_sources: Vec<Source>,
}

impl Basis {
    /// The provenance of a report of the plan against the ledger, with the options given.
    fn provenance(&self, options: Vec<(String, String)>) -> Result<Provenance, ExportError> {
        let mut inputs = export::plan_inputs(&self.plan, &self.plan_source)?;
        inputs.extend(export::ledger_inputs(&self.ledger, &self.ledger_sources)?);
        Ok(Provenance {
            inputs,
            options,
            ..Provenance::default()
        })
    }
}

fn common_options(
    as_of: Option<chrono::NaiveDate>,
    lang: planfin_core::plan::Lang,
    tolerance: Option<Decimal>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(d) = as_of {
        out.push(("as_of".to_string(), d.to_string()));
    }
    out.push(("lang".to_string(), lang_code(lang).to_string()));
    if let Some(t) = tolerance {
        out.push(("tolerance".to_string(), t.to_string()));
    }
    out
}

/// The `#[pymethods]` block of the report class `$report`: its own `$items`, then the
/// getters and methods every report has the same (its `inner` core report has `plan`,
/// `currency`, `lang`, `tolerance`, `sign_convention` and `rounding`; the class has its own
/// `to_markdown` and `to_text`). One block per class, as pyo3 wants without its
/// `multiple-pymethods` feature.
macro_rules! report_pymethods {
    ($report:ident { $($items:tt)* }) => {
        #[pymethods]
        impl $report {
            $($items)*

            /// The plan: `{"code", "title": {"fr", "en"}, "organisation", "currency", "start",
            /// "end", "ceiling"}`.
            #[getter]
            fn plan<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                plan_header_to_py(py, &self.inner.plan)
            }

            /// ISO 4217 code of every amount (the plan currency).
            #[getter]
            fn currency(&self) -> &str {
                &self.inner.currency
            }

            /// Language of labels: `"fr"` or `"en"`.
            #[getter]
            fn lang(&self) -> &'static str {
                lang_code(self.inner.lang)
            }

            /// The `over_tolerance` percentage, or `None`.
            #[getter]
            fn tolerance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                optional_decimal_to_py(py, self.inner.tolerance)
            }

            /// The sign convention, as stated in every report.
            #[getter]
            fn sign_convention(&self) -> &'static str {
                self.inner.sign_convention
            }

            /// The rounding rule of conversions.
            #[getter]
            fn rounding(&self) -> &'static str {
                self.inner.rounding
            }

            fn _repr_markdown_(&self, py: Python<'_>) -> String {
                self.to_markdown(py)
            }

            fn __str__(&self, py: Python<'_>) -> String {
                self.to_text(py)
            }
        }
    };
}

/// The budget-vs-actual variance report: one row per objective, line, funding source or
/// fiscal year, the totals, and the warnings of validation.
///
/// Sign convention: `engaged`, `liquidated`, `ordered` and `paid` count what has reached
/// that stage of the expenditure chain or beyond; `remaining_to_pay = engaged - paid` (alias
/// `committed`); `available = revised - engaged`; `variance = revised - paid` (positive:
/// money left, negative: overspent); `commitment_rate = engaged / revised`; `payment_rate =
/// paid / revised` (alias `execution_rate`; `None` when revised is 0). Amounts are
/// `decimal.Decimal` in the plan currency.
#[pyclass(module = "planfin._planfin", name = "VarianceReport", frozen)]
pub struct VarianceReport {
    inner: CoreVarianceReport,
    basis: Basis,
}

impl VarianceReport {
    /// The report `inner` of the plan against the ledger of `basis`.
    pub fn new(inner: CoreVarianceReport, basis: Basis) -> Self {
        VarianceReport { inner, basis }
    }
}

report_pymethods!(VarianceReport {
    /// Cut-off date: amendments and expenditures dated after it are left out.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.inner.as_of)
    }

    /// What the rows are: `"objective"`, `"line"`, `"source"` or `"period"`.
    #[getter]
    fn by(&self) -> &'static str {
        self.inner.by.code()
    }

    /// The names of the columns of `rows`, in order.
    #[getter]
    fn columns(&self) -> Vec<&'static str> {
        ROW_COLUMNS.to_vec()
    }

    /// One dict per row: `key`, `label` (str), `initial`, `amendments`, `revised`,
    /// `engaged`, `liquidated`, `ordered`, `paid`, `remaining_to_pay` (and its alias
    /// `committed`), `available`, `variance` (`decimal.Decimal`), `commitment_rate`,
    /// `payment_rate` (and its alias `execution_rate`; `decimal.Decimal` or `None`), `flags`
    /// (list of str: `over_budget`, `over_committed`, `over_tolerance`, `not_started`,
    /// `outside_period`, `unknown_line`, `duplicate_voucher`).
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        rows_to_py(py, &self.inner.rows)
    }

    /// The totals: the amount fields summed over the rows, and their rates.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        totals_to_py(py, &self.inner.totals)
    }

    /// Warnings of validation printed with the report: `[{"code", "severity", "message",
    /// "location"}]` (errors would have blocked it).
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_to_py(py, &self.inner.findings, self.inner.findings.lang())
    }

    /// The rows as a pandas DataFrame (pandas is imported now, not before), one column per
    /// entry of `columns`. Amounts are `decimal.Decimal` in object columns, exact;
    /// `float_amounts=True` converts them to float64 for plotting (no longer exact).
    #[pyo3(signature = (float_amounts=false))]
    fn to_pandas<'py>(&self, py: Python<'py>, float_amounts: bool) -> PyResult<Bound<'py, PyAny>> {
        frame(
            py,
            self.rows(py)?,
            ROW_COLUMNS.to_vec(),
            DECIMAL_COLUMNS.to_vec(),
            float_amounts,
        )
    }

    /// The report as stable JSON: amounts as decimal strings (`"206850000"`).
    fn to_json(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        py.detach(|| report.to_json())
    }

    /// The rows and totals as CSV (RFC 4180, CRLF line ends, plain decimals, stable column
    /// keys as header); `bom=True` adds a UTF-8 byte order mark for Excel.
    #[pyo3(signature = (bom=false))]
    fn to_csv(&self, py: Python<'_>, bom: bool) -> String {
        let report = &self.inner;
        py.detach(|| csv(&report.to_table(), bom))
    }

    /// The report as a Markdown table, with its title, totals and notes.
    fn to_markdown(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        py.detach(|| markdown(&report.to_table()))
    }

    /// The report as an aligned text table, as the command line prints it.
    fn to_text(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        py.detach(|| text_table(&report.to_table()))
    }

    /// Writes the variance workbook to `path` (`.xlsx`): this report on the summary sheet
    /// (with a chart of revised budget vs paid), the other groupings on their own sheets,
    /// totals and derived columns as live formulas whose stored results are the exact values,
    /// the findings, and the provenance (SHA-256 of the input files, options, version).
    ///
    /// The file is written to a temporary file and renamed: an existing file is never left
    /// half-written; a path that is one of the inputs is refused. Returns the values that
    /// could not be written as Excel numbers (written as exact text), as
    /// `[{"code", "location", "message"}]`. Raises `planfin.ExportError`. Runs with the GIL
    /// released.
    fn to_xlsx<'py>(&self, py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyList>> {
        let (basis, report) = (&self.basis, &self.inner);
        let _scope = crate::lang::scope(report.lang);
        let options = ReportOptions {
            as_of: Some(report.as_of),
            by: report.by,
            tolerance: report.tolerance,
            lang: report.lang,
            stale_days: report.stale_days,
        };
        let mut given = common_options(Some(report.as_of), report.lang, report.tolerance);
        given.insert(0, ("by".to_string(), report.by.code().to_string()));
        write_workbook(py, || {
            let provenance = basis.provenance(given)?;
            let reports = variance_reports(&basis.plan, &basis.ledger, &options).map_err(|e| {
                ExportError::Report {
                    path: path.clone(),
                    source: e,
                }
            })?;
            write_variance_report(&reports, &ExportOptions { provenance }, &path)
        })
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        format!(
            "<VarianceReport by={} as_of={} rows={} total_revised={} {}>",
            r.by,
            r.as_of,
            r.rows.len(),
            r.totals.amounts.revised,
            r.currency
        )
    }
});

/// The progress report (rapport d'étape) at a cut-off date: cumulative execution per
/// objective (with the spend projected to the end of the plan at the pace so far) and per
/// fiscal year, the burn rate, and the findings.
///
/// `rows` and `totals` are the objectives' (variance fields plus `projected_paid` and
/// `projected_variance`); `by_period` holds the years'. Amounts are `decimal.Decimal`.
#[pyclass(module = "planfin._planfin", name = "ProgressReport", frozen)]
pub struct ProgressReport {
    inner: CoreProgressReport,
    basis: Basis,
}

impl ProgressReport {
    /// The report `inner` of the plan against the ledger of `basis`.
    pub fn new(inner: CoreProgressReport, basis: Basis) -> Self {
        ProgressReport { inner, basis }
    }
}

report_pymethods!(ProgressReport {
    /// The cut-off date.
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.inner.as_of)
    }

    /// How the burn rate is computed.
    #[getter]
    fn burn_rate_basis(&self) -> &'static str {
        self.inner.burn_rate_basis
    }

    /// How the projection is computed.
    #[getter]
    fn projection_rule(&self) -> &'static str {
        self.inner.projection_rule
    }

    /// The plan period elapsed at the cut-off: `{"days_total", "days_elapsed", "share"}`
    /// (`share` a `decimal.Decimal` to four decimals, or `None`).
    #[getter]
    fn elapsed<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let e = &self.inner.elapsed;
        let dict = PyDict::new(py);
        dict.set_item("days_total", e.days_total)?;
        dict.set_item("days_elapsed", e.days_elapsed)?;
        dict.set_item("share", optional_decimal_to_py(py, e.share)?)?;
        Ok(dict)
    }

    /// Total paid per elapsed day, or `None` when no day has elapsed.
    #[getter]
    fn burn_rate_per_day<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        optional_decimal_to_py(py, self.inner.burn_rate_per_day)
    }

    /// The ageing of open commitments (engaged, not fully paid) at the cut-off:
    /// `{"by_objective": [...], "by_line": [...], "totals": {...}}`, each row a dict with
    /// `key`, `label` and the remaining to pay by age, `age_0_30`, `age_31_90`,
    /// `age_91_180`, `age_over_180` and their sum `age_total` (`decimal.Decimal`).
    #[getter]
    fn ageing<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let section = &self.inner.ageing;
        let buckets = |dict: &Bound<'py, PyDict>, a: &Ageing| -> PyResult<()> {
            for (key, value) in a.fields() {
                dict.set_item(key, decimal_to_py(py, value)?)?;
            }
            Ok(())
        };
        let rows = |rows: &[AgeingRow]| -> PyResult<Bound<'py, PyList>> {
            let items = rows
                .iter()
                .map(|r| {
                    let dict = PyDict::new(py);
                    dict.set_item("key", &r.key)?;
                    dict.set_item("label", &r.label)?;
                    buckets(&dict, &r.ageing)?;
                    Ok(dict)
                })
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)
        };
        let dict = PyDict::new(py);
        dict.set_item("by_objective", rows(&section.by_objective)?)?;
        dict.set_item("by_line", rows(&section.by_line)?)?;
        let totals = PyDict::new(py);
        buckets(&totals, &section.totals)?;
        dict.set_item("totals", totals)?;
        Ok(dict)
    }

    /// The names of the columns of `rows`, in order.
    #[getter]
    fn columns(&self) -> Vec<&'static str> {
        let mut columns = ROW_COLUMNS.to_vec();
        columns.extend(PROJECTION_COLUMNS);
        columns
    }

    /// One dict per objective (then `?` for spending on unknown lines): the variance fields
    /// at the cut-off, and `projected_paid` and `projected_variance`.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for r in &self.inner.by_objective.rows {
            let dict = row_to_py(py, &r.row)?;
            dict.set_item(
                "projected_paid",
                optional_decimal_to_py(py, r.projected_paid)?,
            )?;
            dict.set_item(
                "projected_variance",
                optional_decimal_to_py(py, r.projected_variance)?,
            )?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// The objectives' totals, with the projection.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let t = &self.inner.by_objective.totals;
        let dict = totals_to_py(py, &t.totals)?;
        dict.set_item(
            "projected_paid",
            optional_decimal_to_py(py, t.projected_paid)?,
        )?;
        dict.set_item(
            "projected_variance",
            optional_decimal_to_py(py, t.projected_variance)?,
        )?;
        Ok(dict)
    }

    /// Execution by fiscal year: `{"rows": [...], "totals": {...}}`, each row with the
    /// variance fields and `days_total`, `days_elapsed`, `elapsed_share`.
    #[getter]
    fn by_period<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let section = &self.inner.by_period;
        let rows = PyList::empty(py);
        for r in &section.rows {
            let dict = row_to_py(py, &r.row)?;
            dict.set_item("days_total", r.elapsed.days_total)?;
            dict.set_item("days_elapsed", r.elapsed.days_elapsed)?;
            dict.set_item(
                "elapsed_share",
                optional_decimal_to_py(py, r.elapsed.share)?,
            )?;
            rows.append(dict)?;
        }
        let dict = PyDict::new(py);
        dict.set_item("rows", rows)?;
        dict.set_item("totals", totals_to_py(py, &section.totals)?)?;
        Ok(dict)
    }

    /// Warnings of validation, `over_budget` per line and `projected_over_budget` per
    /// objective: `[{"code", "severity", "message", "location"}]`.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_to_py(py, &self.inner.findings, self.inner.findings.lang())
    }

    /// The objective rows as a pandas DataFrame (Decimal amounts in object columns unless
    /// `float_amounts=True`).
    #[pyo3(signature = (float_amounts=false))]
    fn to_pandas<'py>(&self, py: Python<'py>, float_amounts: bool) -> PyResult<Bound<'py, PyAny>> {
        let mut decimals = DECIMAL_COLUMNS.to_vec();
        decimals.extend(PROJECTION_COLUMNS);
        frame(py, self.rows(py)?, self.columns(), decimals, float_amounts)
    }

    /// The report as stable JSON: amounts as decimal strings, day counts as integers.
    fn to_json(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        py.detach(|| report.to_json())
    }

    /// The objective table as CSV (RFC 4180); `bom=True` adds a UTF-8 byte order mark.
    #[pyo3(signature = (bom=false))]
    fn to_csv(&self, py: Python<'_>, bom: bool) -> String {
        let report = &self.inner;
        py.detach(|| objectives_csv(&report.to_tables(), bom))
    }

    /// Every table of the report (summary, objectives, years, findings) as Markdown.
    fn to_markdown(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        py.detach(|| markdown_all(&report.to_tables()))
    }

    /// Every table of the report as aligned text, as the command line prints it.
    fn to_text(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        py.detach(|| text_all(&report.to_tables()))
    }

    /// Writes the progress workbook to `path` (summary, objectives with the chart, years,
    /// findings, provenance), atomically. Returns the values written as exact text, as
    /// `[{"code", "location", "message"}]`. Raises `planfin.ExportError`.
    fn to_xlsx<'py>(&self, py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyList>> {
        let (basis, report) = (&self.basis, &self.inner);
        let _scope = crate::lang::scope(report.lang);
        let given = common_options(Some(report.as_of), report.lang, report.tolerance);
        write_workbook(py, || {
            let provenance = basis.provenance(given)?;
            write_progress_report(report, &ExportOptions { provenance }, &path)
        })
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        let t = &r.by_objective.totals;
        format!(
            "<ProgressReport as_of={} elapsed={}/{} days paid={} projected_paid={} {}>",
            r.as_of,
            r.elapsed.days_elapsed,
            r.elapsed.days_total,
            t.totals.amounts.paid,
            t.projected_paid
                .map(|p| p.to_string())
                .unwrap_or_else(|| "-".into()),
            r.currency
        )
    }
});

/// The final report (rapport final) over the whole plan period: the reconciliation of the
/// ceiling with the amendments and the spending, the variance by objective (`rows`,
/// `totals`) and by funding source (`by_source`), and every finding.
#[pyclass(module = "planfin._planfin", name = "FinalReport", frozen)]
pub struct FinalReport {
    inner: CoreFinalReport,
    basis: Basis,
}

impl FinalReport {
    /// The report `inner` of the plan against the ledger of `basis`.
    pub fn new(inner: CoreFinalReport, basis: Basis) -> Self {
        FinalReport { inner, basis }
    }
}

report_pymethods!(FinalReport {
    /// Everything dated up to this day counts (the later of the plan's end and its last
    /// dated event).
    #[getter]
    fn as_of<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.inner.as_of)
    }

    /// From the ceiling to what is left unspent, as a dict of `decimal.Decimal`: `ceiling`,
    /// `initial_allocation`, `unallocated`, `transfers_gross`, `transfers_net`, `raises`,
    /// `cuts`, `raises_cuts_net`, `amendments`, `revised`, `engaged`, `paid`,
    /// `remaining_to_pay` (and its alias `committed`), `available`, `unspent`.
    #[getter]
    fn reconciliation<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let r = &self.inner.reconciliation;
        for (key, value) in r.fields() {
            dict.set_item(key, decimal_to_py(py, value)?)?;
        }
        dict.set_item("committed", decimal_to_py(py, r.committed)?)?;
        Ok(dict)
    }

    /// The names of the columns of `rows`, in order.
    #[getter]
    fn columns(&self) -> Vec<&'static str> {
        ROW_COLUMNS.to_vec()
    }

    /// The variance by objective, one dict per row (as `VarianceReport.rows`).
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        rows_to_py(py, &self.inner.by_objective.rows)
    }

    /// The totals of the objectives.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        totals_to_py(py, &self.inner.by_objective.totals)
    }

    /// The variance by funding source: `{"rows": [...], "totals": {...}}`.
    #[getter]
    fn by_source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("rows", rows_to_py(py, &self.inner.by_source.rows)?)?;
        dict.set_item("totals", totals_to_py(py, &self.inner.by_source.totals)?)?;
        Ok(dict)
    }

    /// Every warning of validation, then an `over_budget` finding per over-budget line.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_to_py(py, &self.inner.findings, self.inner.findings.lang())
    }

    /// The objective rows as a pandas DataFrame (Decimal amounts in object columns unless
    /// `float_amounts=True`).
    #[pyo3(signature = (float_amounts=false))]
    fn to_pandas<'py>(&self, py: Python<'py>, float_amounts: bool) -> PyResult<Bound<'py, PyAny>> {
        frame(
            py,
            self.rows(py)?,
            ROW_COLUMNS.to_vec(),
            DECIMAL_COLUMNS.to_vec(),
            float_amounts,
        )
    }

    /// The report as stable JSON: amounts as decimal strings.
    fn to_json(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        py.detach(|| report.to_json())
    }

    /// The objective table as CSV (RFC 4180); `bom=True` adds a UTF-8 byte order mark.
    #[pyo3(signature = (bom=false))]
    fn to_csv(&self, py: Python<'_>, bom: bool) -> String {
        let report = &self.inner;
        py.detach(|| objectives_csv(&report.to_tables(), bom))
    }

    /// Every table of the report (reconciliation, objectives, sources, findings) as Markdown.
    fn to_markdown(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        py.detach(|| markdown_all(&report.to_tables()))
    }

    /// Every table of the report as aligned text, as the command line prints it.
    fn to_text(&self, py: Python<'_>) -> String {
        let report = &self.inner;
        py.detach(|| text_all(&report.to_tables()))
    }

    /// Writes the final workbook to `path` (reconciliation, objectives with the chart,
    /// sources, findings, provenance), atomically. Returns the values written as exact text,
    /// as `[{"code", "location", "message"}]`. Raises `planfin.ExportError`.
    fn to_xlsx<'py>(&self, py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyList>> {
        let (basis, report) = (&self.basis, &self.inner);
        let _scope = crate::lang::scope(report.lang);
        let given = common_options(None, report.lang, report.tolerance);
        write_workbook(py, || {
            let provenance = basis.provenance(given)?;
            write_final_report(report, &ExportOptions { provenance }, &path)
        })
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        let c = &r.reconciliation;
        format!(
            "<FinalReport {}..{} ceiling={} revised={} paid={} unspent={} {}>",
            r.plan.start, r.plan.end, c.ceiling, c.revised, c.paid, c.unspent, r.currency
        )
    }
});
