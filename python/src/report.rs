//! The reports: `planfin.VarianceReport`.

use planfin_core::render::{csv, markdown, text_table};
use planfin_core::report::{Amounts, Flag, VarianceReport as CoreVarianceReport};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rust_decimal::Decimal;

use crate::convert::{
    date_to_py, decimal_to_py, findings_to_py, lang_code, optional_decimal_to_py, text_to_py,
};

/// The columns of a report's rows, in order.
const ROW_COLUMNS: [&str; 11] = [
    "key",
    "label",
    "initial",
    "amendments",
    "revised",
    "committed",
    "paid",
    "variance",
    "available",
    "execution_rate",
    "flags",
];

/// The columns that hold decimals.
const DECIMAL_COLUMNS: [&str; 8] = [
    "initial",
    "amendments",
    "revised",
    "committed",
    "paid",
    "variance",
    "available",
    "execution_rate",
];

fn amounts_into<'py>(
    py: Python<'py>,
    dict: &Bound<'py, PyDict>,
    amounts: &Amounts,
    rate: Option<Decimal>,
) -> PyResult<()> {
    for (name, value) in amounts.fields() {
        dict.set_item(name, decimal_to_py(py, value)?)?;
    }
    dict.set_item("execution_rate", optional_decimal_to_py(py, rate)?)
}

/// The budget-vs-actual variance report: one row per objective, line, funding source or
/// fiscal year, the totals, and the warnings of validation.
///
/// Sign convention: `variance = revised - paid` (positive: money left, negative:
/// overspent); `available = revised - committed - paid`; `execution_rate = paid / revised`
/// (`None` when revised is 0). Amounts are `decimal.Decimal` in the plan currency.
#[pyclass(module = "planfin._planfin", name = "VarianceReport", frozen)]
pub struct VarianceReport {
    inner: CoreVarianceReport,
}

impl From<CoreVarianceReport> for VarianceReport {
    fn from(inner: CoreVarianceReport) -> Self {
        VarianceReport { inner }
    }
}

#[pymethods]
impl VarianceReport {
    /// The plan: `{"code", "title": {"fr", "en"}, "organisation", "currency", "start", "end",
    /// "ceiling"}`.
    #[getter]
    fn plan<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let p = &self.inner.plan;
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

    /// ISO 4217 code of every amount (the plan currency).
    #[getter]
    fn currency(&self) -> &str {
        &self.inner.currency
    }

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

    /// The names of the columns of `rows`, in order.
    #[getter]
    fn columns(&self) -> Vec<&'static str> {
        ROW_COLUMNS.to_vec()
    }

    /// One dict per row: `key`, `label` (str), `initial`, `amendments`, `revised`,
    /// `committed`, `paid`, `variance`, `available` (`decimal.Decimal`), `execution_rate`
    /// (`decimal.Decimal` or `None`), `flags` (list of str: `over_budget`,
    /// `over_tolerance`, `not_started`, `outside_period`, `unknown_line`,
    /// `duplicate_voucher`).
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for row in &self.inner.rows {
            let dict = PyDict::new(py);
            dict.set_item("key", &row.key)?;
            dict.set_item("label", &row.label)?;
            amounts_into(py, &dict, &row.amounts, row.execution_rate)?;
            let flags: Vec<&str> = row.flags.iter().map(Flag::code).collect();
            dict.set_item("flags", flags)?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// The totals: the amount fields summed over the rows, and their `execution_rate`.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        let t = &self.inner.totals;
        amounts_into(py, &dict, &t.amounts, t.execution_rate)?;
        Ok(dict)
    }

    /// Warnings of validation printed with the report: `[{"code", "severity", "message",
    /// "location"}]` (errors would have blocked it).
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        findings_to_py(py, &self.inner.findings)
    }

    /// The rows as a pandas DataFrame (pandas is imported now, not before), one column per
    /// entry of `columns`. Amounts are `decimal.Decimal` in object columns, exact;
    /// `float_amounts=True` converts them to float64 for plotting (no longer exact).
    #[pyo3(signature = (float_amounts=false))]
    fn to_pandas<'py>(&self, py: Python<'py>, float_amounts: bool) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.rows(py)?;
        py.import("planfin._pandas")?.call_method1(
            "frame",
            (
                rows,
                ROW_COLUMNS.to_vec(),
                DECIMAL_COLUMNS.to_vec(),
                float_amounts,
            ),
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

    fn _repr_markdown_(&self, py: Python<'_>) -> String {
        self.to_markdown(py)
    }

    fn __str__(&self, py: Python<'_>) -> String {
        self.to_text(py)
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
}
