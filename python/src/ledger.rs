//! `planfin.Ledger`, `planfin.Expenditure` and `planfin.cnltp_ledger`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use planfin_core::currency::Currency;
use planfin_core::expenditure::{Entry, Expenditure as CoreExpenditure, Stage};
use planfin_core::json::{ledger_from_json, ledger_to_json};
use planfin_core::ledger::{Ledger as CoreLedger, Origin};
use planfin_export::{ExportError, ExportOptions, InputFile, Provenance, write_ledger_with};
use planfin_messages::{Message, msg};
use planfin_xlsx::Warning;
use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyMapping, PyString};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::convert::{self, What, date_to_py, decimal_to_py, optional_decimal_to_py, type_error};
use crate::errors;
use crate::export::{self, Source, write_workbook};
use crate::files;

/// The names of a record's fields, in the order of `Expenditure.to_dict()`.
const FIELDS: [&str; 11] = [
    "voucher",
    "date",
    "line",
    "amount",
    "currency",
    "rate",
    "stage",
    "payee",
    "description",
    "document",
    "commitment",
];

/// The fields every record has (`currency` unless `Ledger.from_records` is given one).
const REQUIRED: [&str; 5] = ["voucher", "date", "line", "amount", "currency"];

/// How records are named in messages and origins: `records[3]` (`Ledger.from_records`) or
/// `row 3` (`Ledger.from_pandas`).
#[derive(Clone, Copy)]
enum Places {
    Records,
    Rows,
}

/// The record at `index` of an iterable.
#[derive(Clone, Copy)]
struct At {
    places: Places,
    index: usize,
}

impl At {
    /// Where the record came from, kept in its origin (`records[3]`, `row 3`): data, the same
    /// in every language.
    fn origin(self) -> String {
        match self.places {
            Places::Records => format!("records[{}]", self.index),
            Places::Rows => format!("row {}", self.index),
        }
    }

    /// The record as messages name it, in the call's language.
    fn message(self) -> Message {
        match self.places {
            Places::Records => msg!("common-text", text = self.origin()),
            Places::Rows => msg!("python-row", index = self.index.to_string()),
        }
    }
}

/// A field as messages name it: `amount`, or `records[3]: amount` in a record.
struct Field {
    at: Option<At>,
    name: &'static str,
}

impl What for Field {
    fn message(&self) -> Message {
        match self.at {
            Some(at) => msg!("python-field-at", place = at.message(), field = self.name),
            None => msg!("common-text", text = self.name),
        }
    }
}

/// One entry of the expenditure journal.
///
/// `Expenditure(voucher, date, line, amount, currency, rate=None, stage="paiement",
/// payee="", description="", document=None, commitment=None)`: `amount` and `rate` are `decimal.Decimal` or
/// `int` (a float is refused), `date` a `datetime.date`, `currency` an ISO 4217 code, `stage`
/// one of engagement, liquidation, ordonnancement, paiement (French or English names).
#[pyclass(module = "planfin._planfin", name = "Expenditure", frozen)]
pub struct Expenditure {
    inner: CoreExpenditure,
    origin: Origin,
}

/// A string field, or `None` when absent; any other type is refused.
fn text(obj: Option<&Bound<'_, PyAny>>, what: impl What) -> PyResult<Option<String>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    match obj.cast::<PyString>() {
        Ok(s) => Ok(Some(s.to_cow()?.into_owned())),
        Err(_) => {
            let id = if obj.is_instance_of::<pyo3::types::PyInt>() {
                "python-not-str-code"
            } else {
                "python-not-str"
            };
            Err(type_error(msg!(
                id,
                what = what.message(),
                got = convert::described(obj)
            )))
        }
    }
}

/// What went wrong with a field: a bad value (a `RecordError` naming the record) or a wrong
/// type (a `TypeError` whose message already names it).
enum FieldError {
    Missing(&'static str),
    Value(&'static str, Message),
    Python(PyErr),
}

impl From<PyErr> for FieldError {
    fn from(e: PyErr) -> Self {
        FieldError::Python(e)
    }
}

/// Builds an expenditure from its fields; `get(name)` returns a field or `None`, and `at`
/// names the record in messages (`records[3]: amount`).
fn expenditure_from_fields<'py>(
    get: impl Fn(&'static str) -> PyResult<Option<Bound<'py, PyAny>>>,
    at: At,
    default_currency: Option<Currency>,
) -> Result<CoreExpenditure, FieldError> {
    let what = |name: &'static str| Field { at: Some(at), name };
    let required = |field: &'static str| -> Result<Bound<'py, PyAny>, FieldError> {
        get(field)?.ok_or(FieldError::Missing(field))
    };
    let voucher = text(Some(&required("voucher")?), what("voucher"))?
        .ok_or(FieldError::Missing("voucher"))?;
    let date = convert::date(&required("date")?, what("date"))?;
    let line = text(Some(&required("line")?), what("line"))?.ok_or(FieldError::Missing("line"))?;
    let amount = convert::amount(&required("amount")?, what("amount"))?;
    let currency = match text(get("currency")?.as_ref(), what("currency"))? {
        Some(code) => {
            Currency::from_str(&code).map_err(|e| FieldError::Value("currency", e.message()))?
        }
        None => default_currency.ok_or(FieldError::Missing("currency"))?,
    };
    let rate = convert::optional_amount(get("rate")?.as_ref(), what("rate"))?;
    let stage = match text(get("stage")?.as_ref(), what("stage"))? {
        Some(s) => Stage::from_str(&s).map_err(|e| FieldError::Value("stage", e))?,
        None => Stage::default(),
    };
    Ok(CoreExpenditure {
        voucher,
        date,
        line,
        amount,
        currency,
        rate,
        stage,
        payee: text(get("payee")?.as_ref(), what("payee"))?.unwrap_or_default(),
        description: text(get("description")?.as_ref(), what("description"))?.unwrap_or_default(),
        document: text(get("document")?.as_ref(), what("document"))?,
        commitment: text(get("commitment")?.as_ref(), what("commitment"))?,
    })
}

fn expenditure_to_dict<'py>(py: Python<'py>, e: &Entry<'_>) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("voucher", e.voucher)?;
    dict.set_item("date", date_to_py(py, e.date)?)?;
    dict.set_item("line", e.line)?;
    dict.set_item("amount", decimal_to_py(py, e.amount)?)?;
    dict.set_item("currency", e.currency.code())?;
    dict.set_item("rate", optional_decimal_to_py(py, e.rate)?)?;
    dict.set_item("stage", e.stage.code())?;
    dict.set_item("payee", e.payee)?;
    dict.set_item("description", e.description)?;
    dict.set_item("document", e.document)?;
    dict.set_item("commitment", e.commitment)?;
    Ok(dict)
}

fn origin_text(origin: &Origin) -> Option<String> {
    (origin.file.is_some() || origin.place.is_some()).then(|| origin.to_string())
}

#[pymethods]
impl Expenditure {
    #[new]
    #[pyo3(signature = (voucher, date, line, amount, currency, rate=None, stage="paiement", payee="", description="", document=None, commitment=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        voucher: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        line: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        currency: &str,
        rate: Option<&Bound<'_, PyAny>>,
        stage: &str,
        payee: &str,
        description: &str,
        document: Option<&str>,
        commitment: Option<&str>,
    ) -> PyResult<Expenditure> {
        let required = |obj: &Bound<'_, PyAny>, what: &'static str| {
            text(Some(obj), what)?.ok_or_else(|| {
                type_error(msg!(
                    "python-not-str",
                    what = Field {
                        at: None,
                        name: what
                    }
                    .message(),
                    got = "None"
                ))
            })
        };
        let inner = CoreExpenditure {
            voucher: required(voucher, "voucher")?,
            date: convert::date(date, "date")?,
            line: required(line, "line")?,
            amount: convert::amount(amount, "amount")?,
            currency: Currency::from_str(currency)
                .map_err(|e| errors::money_error(py, &e.into()))?,
            rate: convert::optional_amount(rate, "rate")?,
            stage: Stage::from_str(stage)
                .map_err(|m| PyValueError::new_err(m.render(crate::lang::current())))?,
            payee: payee.to_string(),
            description: description.to_string(),
            document: document.map(str::to_string),
            commitment: commitment.map(str::to_string),
        };
        Ok(Expenditure {
            inner,
            origin: Origin::default(),
        })
    }

    /// Voucher reference (numero de piece), unique in a ledger.
    #[getter]
    fn voucher(&self) -> &str {
        &self.inner.voucher
    }

    /// Date of the operation.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        date_to_py(py, self.inner.date)
    }

    /// Code of the budget line charged (text: `"0201"`).
    #[getter]
    fn line(&self) -> &str {
        &self.inner.line
    }

    /// Amount in `currency`, exact; negative for a correction.
    #[getter]
    fn amount<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_to_py(py, self.inner.amount)
    }

    /// ISO 4217 code of the amount's currency.
    #[getter]
    fn currency(&self) -> &str {
        self.inner.currency.code()
    }

    /// Rate to the plan currency where no peg applies, or `None`.
    #[getter]
    fn rate<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        optional_decimal_to_py(py, self.inner.rate)
    }

    /// Stage in the expenditure chain: `"engagement"`, `"liquidation"`, `"ordonnancement"`
    /// or `"paiement"`.
    #[getter]
    fn stage(&self) -> &'static str {
        self.inner.stage.code()
    }

    /// Who is paid.
    #[getter]
    fn payee(&self) -> &str {
        &self.inner.payee
    }

    /// What for.
    #[getter]
    fn description(&self) -> &str {
        &self.inner.description
    }

    /// Supporting document reference, or `None`.
    #[getter]
    fn document(&self) -> Option<&str> {
        self.inner.document.as_deref()
    }

    /// The voucher of the commitment (engagement) this entry belongs to, or `None` for an
    /// entry that describes its own voucher.
    #[getter]
    fn commitment(&self) -> Option<&str> {
        self.inner.commitment.as_deref()
    }

    /// Where the entry came from (`"ledger.json expenditures[3]"`, `"records[3]"`), or `None`.
    #[getter]
    fn origin(&self) -> Option<String> {
        origin_text(&self.origin)
    }

    /// The fields as a dict (the keys `Ledger.from_records` reads).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        expenditure_to_dict(py, &self.inner.as_entry())
    }

    fn __eq__(&self, other: &Bound<'_, Expenditure>) -> bool {
        self.inner == other.get().inner
    }

    fn __repr__(&self) -> String {
        let e = &self.inner;
        format!(
            "<Expenditure {} {} line={} {} {} {}>",
            e.voucher, e.date, e.line, e.amount, e.currency, e.stage
        )
    }
}

/// The expenditure journal: append-only, keyed by voucher.
///
/// The same voucher twice with the same content is recognised and counted once (see
/// `duplicates`); the same voucher with different content raises
/// `planfin.LedgerConflictError`. `len(ledger)` counts distinct entries; iterating yields
/// `Expenditure` objects in the order they were read.
#[pyclass(module = "planfin._planfin", name = "Ledger", frozen, sequence)]
pub struct Ledger {
    /// The entries, shared with the reports made from the ledger.
    pub(crate) inner: Arc<CoreLedger>,
    warnings: Vec<files::Note>,
    sources: Vec<Source>,
}

impl From<CoreLedger> for Ledger {
    /// A ledger built in Python.
    fn from(inner: CoreLedger) -> Self {
        Ledger {
            inner: Arc::new(inner),
            warnings: Vec::new(),
            sources: vec![Source::Memory],
        }
    }
}

/// The record at `index` of an iterable: a mapping or an `Expenditure`.
fn record(
    item: &Bound<'_, PyAny>,
    at: At,
    default_currency: Option<Currency>,
) -> PyResult<CoreExpenditure> {
    let py = item.py();
    if let Ok(e) = item.cast::<Expenditure>() {
        return Ok(e.get().inner.clone());
    }
    let index = at.index;
    let result = if let Ok(dict) = item.cast::<PyDict>() {
        check_fields(py, dict.keys().iter(), at)?;
        expenditure_from_fields(
            |f| Ok(dict.get_item(f)?.filter(|o| !o.is_none())),
            at,
            default_currency,
        )
    } else if let Ok(mapping) = item.cast::<PyMapping>() {
        let keys = mapping.keys()?;
        check_fields(py, keys.iter(), at)?;
        expenditure_from_fields(
            |f| {
                Ok(if mapping.contains(f)? {
                    Some(mapping.get_item(f)?).filter(|o| !o.is_none())
                } else {
                    None
                })
            },
            at,
            default_currency,
        )
    } else {
        let name = item.get_type().name()?;
        return Err(type_error(msg!(
            "python-record-type",
            place = at.message(),
            got = name.to_cow()?.into_owned()
        )));
    };
    let lang = crate::lang::current();
    result.map_err(|e| match e {
        FieldError::Missing(field) => {
            let (last, head) = REQUIRED.split_last().unwrap_or((&"", &[]));
            let required = msg!("python-list-and", head = head.join(", "), last = *last);
            let message = msg!(
                "python-record-missing",
                place = at.message(),
                field = field,
                required = required
            );
            errors::record_error(py, message.render(lang), index, Some(field))
        }
        FieldError::Value(field, message) => {
            let message = msg!("python-at-place", place = at.message(), message = message);
            errors::record_error(py, message.render(lang), index, Some(field))
        }
        FieldError::Python(e) => e,
    })
}

/// Refuses a record with a field planfin does not know (a typo would otherwise be ignored).
fn check_fields<'py>(
    py: Python<'py>,
    keys: impl Iterator<Item = Bound<'py, PyAny>>,
    at: At,
) -> PyResult<()> {
    for key in keys {
        let known = key
            .cast::<PyString>()
            .ok()
            .and_then(|s| s.to_str().ok().map(|s| FIELDS.contains(&s)))
            .unwrap_or(false);
        if !known {
            let shown = key.repr()?;
            let message = msg!(
                "python-record-unknown-field",
                place = at.message(),
                key = shown.to_cow()?.into_owned(),
                fields = FIELDS.join(", ")
            );
            return Err(errors::record_error(
                py,
                message.render(crate::lang::current()),
                at.index,
                None,
            ));
        }
    }
    Ok(())
}

impl Ledger {
    fn build(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        currency: Option<&str>,
        source: Option<&str>,
        places: Places,
    ) -> PyResult<Ledger> {
        let default_currency = currency
            .map(Currency::from_str)
            .transpose()
            .map_err(|e| errors::money_error(py, &e.into()))?;
        let mut entries = Vec::new();
        for (i, item) in records.try_iter()?.enumerate() {
            let item = item?;
            let at = At { places, index: i };
            let e = record(&item, at, default_currency)?;
            let origin = Origin {
                file: source.map(Into::into),
                place: Some(at.origin()),
            };
            entries.push((e, origin));
        }
        let (inner, conflicts) = py.detach(|| CoreLedger::from_entries(entries));
        if conflicts.is_empty() {
            Ok(Ledger::from(inner))
        } else {
            Err(errors::ledger_errors(py, &conflicts))
        }
    }

    /// A ledger read from the file `path`, with what its import noticed.
    pub(crate) fn read(inner: CoreLedger, warnings: Vec<Warning>, path: PathBuf) -> Ledger {
        Ledger {
            inner: Arc::new(inner),
            warnings: files::notes(warnings),
            sources: vec![Source::File(path)],
        }
    }

    /// Where the entries came from.
    pub(crate) fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The provenance inputs of this ledger.
    fn inputs(&self) -> Result<Vec<InputFile>, ExportError> {
        export::ledger_inputs(&self.inner, &self.sources)
    }

    fn entry(&self, index: usize) -> Option<Expenditure> {
        let inner = self.inner.entry(index)?.to_expenditure();
        let origin = self.inner.origin(index).unwrap_or_default();
        Some(Expenditure { inner, origin })
    }
}

#[pymethods]
impl Ledger {
    /// An empty ledger.
    #[new]
    fn new() -> Ledger {
        Ledger::from(CoreLedger::new())
    }

    /// A ledger from an iterable of records: dicts (or other mappings) with the keys
    /// `voucher`, `date`, `line`, `amount`, `currency` and optionally `rate`, `stage`,
    /// `payee`, `description`, `document`, `commitment`, or `Expenditure` objects.
    ///
    /// Amounts must be `decimal.Decimal` or `int` (a float raises `TypeError`), dates
    /// `datetime.date`, codes `str`. `currency` is the currency of records that have none;
    /// `source` names the records in messages and origins (`"january"`). A bad record raises
    /// `planfin.RecordError` (or `TypeError`) naming it (`records[3]`); vouchers that conflict
    /// raise `planfin.LedgerConflictError`.
    #[staticmethod]
    #[pyo3(signature = (records, *, currency=None, source=None))]
    fn from_records(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        currency: Option<&str>,
        source: Option<&str>,
    ) -> PyResult<Ledger> {
        Ledger::build(py, records, currency, source, Places::Records)
    }

    /// A ledger from a pandas DataFrame with one row per expenditure and the columns of
    /// `Ledger.from_records` (extra columns are refused). Missing values (NaN, None, NaT)
    /// are absent fields; datetime64 columns holding dates only are read as dates. Messages
    /// name rows by position (`row 3`).
    #[staticmethod]
    #[pyo3(signature = (df, *, currency=None, source=None))]
    fn from_pandas(
        py: Python<'_>,
        df: &Bound<'_, PyAny>,
        currency: Option<&str>,
        source: Option<&str>,
    ) -> PyResult<Ledger> {
        let records = py
            .import("planfin._pandas")?
            .call_method1("records_of_frame", (df,))?;
        Ledger::build(py, &records, currency, source, Places::Rows)
    }

    /// Reads a ledger from JSON text (the format of `Ledger.to_json()`).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Ledger> {
        py.detach(|| ledger_from_json(text, "<string>"))
            .map(Ledger::from)
            .map_err(|e| errors::json_error(py, e))
    }

    /// A new ledger with the entries of this one, then those of `other`: a voucher present
    /// in both with the same content is counted once (and listed in `duplicates`); with
    /// different content, `planfin.LedgerConflictError` is raised.
    fn merge(&self, py: Python<'_>, other: &Bound<'_, Ledger>) -> PyResult<Ledger> {
        let first = &self.inner;
        let second = &other.get().inner;
        let (inner, conflicts) = py.detach(|| {
            let mut merged = CoreLedger::clone(first);
            let conflicts = merged.extend(CoreLedger::clone(second));
            (merged, conflicts)
        });
        if conflicts.is_empty() {
            let other = other.get();
            Ok(Ledger {
                inner: Arc::new(inner),
                warnings: self
                    .warnings
                    .iter()
                    .chain(&other.warnings)
                    .cloned()
                    .collect(),
                sources: self.sources.iter().chain(&other.sources).cloned().collect(),
            })
        } else {
            Err(errors::ledger_errors(py, &conflicts))
        }
    }

    /// What the workbook import noticed and accepted (a totals row checked, rows skipped), as
    /// `[{"place", "message"}]`; empty for JSON and records.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        files::warnings_to_py(py, &self.warnings)
    }

    /// The entry with `voucher`, or `None`.
    fn get(&self, voucher: &str) -> Option<Expenditure> {
        let index = self.inner.iter().position(|e| e.voucher == voucher)?;
        self.entry(index)
    }

    /// Vouchers seen twice with identical content (counted once):
    /// `[{"voucher", "first", "again"}]`, the last two being where each copy was read.
    #[getter]
    fn duplicates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for d in self.inner.duplicates() {
            let dict = PyDict::new(py);
            dict.set_item("voucher", &d.voucher)?;
            dict.set_item("first", d.first.to_string())?;
            dict.set_item("again", d.again.to_string())?;
            list.append(dict)?;
        }
        Ok(list)
    }

    /// The entries as a list of dicts (the keys `Ledger.from_records` reads).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = self
            .inner
            .iter()
            .map(|e| expenditure_to_dict(py, &e))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }

    /// The entries as a pandas DataFrame (pandas is imported now, not before). Amounts and
    /// rates are `decimal.Decimal` in object columns, exact; `float_amounts=True` converts
    /// them to float64 for plotting (no longer exact). Dates are `datetime.date`.
    #[pyo3(signature = (float_amounts=false))]
    fn to_pandas<'py>(&self, py: Python<'py>, float_amounts: bool) -> PyResult<Bound<'py, PyAny>> {
        let entries: Vec<Entry<'_>> = self.inner.iter().collect();
        // Column by column; a ledger has few distinct dates: one datetime.date each.
        let mut dates: HashMap<chrono::NaiveDate, Bound<'py, PyAny>> = HashMap::new();
        let mut date_column = Vec::with_capacity(entries.len());
        for e in &entries {
            let date = match dates.get(&e.date) {
                Some(d) => d.clone(),
                None => {
                    let d = date_to_py(py, e.date)?;
                    dates.insert(e.date, d.clone());
                    d
                }
            };
            date_column.push(date);
        }
        let amount = |value: Option<Decimal>| -> PyResult<Bound<'py, PyAny>> {
            match value {
                None => Ok(py.None().into_bound(py)),
                // Asked for: floats for plotting, no longer exact.
                Some(v) if float_amounts => {
                    Ok(PyFloat::new(py, v.to_f64().unwrap_or(f64::NAN)).into_any())
                }
                Some(v) => decimal_to_py(py, v),
            }
        };
        let columns = PyDict::new(py);
        let text = |f: for<'e> fn(&'e Entry<'e>) -> Option<&'e str>| {
            PyList::new(py, entries.iter().map(f))
        };
        columns.set_item("voucher", text(|e| Some(e.voucher))?)?;
        columns.set_item("date", PyList::new(py, date_column)?)?;
        columns.set_item("line", text(|e| Some(e.line))?)?;
        let amounts = entries
            .iter()
            .map(|e| amount(Some(e.amount)))
            .collect::<PyResult<Vec<_>>>()?;
        columns.set_item("amount", PyList::new(py, amounts)?)?;
        columns.set_item("currency", text(|e| Some(e.currency.code()))?)?;
        let rates = entries
            .iter()
            .map(|e| amount(e.rate))
            .collect::<PyResult<Vec<_>>>()?;
        columns.set_item("rate", PyList::new(py, rates)?)?;
        columns.set_item("stage", text(|e| Some(e.stage.code()))?)?;
        columns.set_item("payee", text(|e| Some(e.payee))?)?;
        columns.set_item("description", text(|e| Some(e.description))?)?;
        columns.set_item("document", text(|e| e.document)?)?;
        columns.set_item("commitment", text(|e| e.commitment)?)?;
        py.import("planfin._pandas")?.call_method1(
            "frame_of_columns",
            (columns, vec!["amount", "rate"], float_amounts),
        )
    }

    /// The ledger as pretty JSON, readable by `planfin.read_ledger` and `Ledger.from_json`.
    fn to_json(&self, py: Python<'_>) -> String {
        let ledger = &self.inner;
        py.detach(|| ledger_to_json(ledger))
    }

    /// Writes the ledger as a workbook (`.xlsx`) in the layout `read_ledger` reads, so that
    /// `read_ledger(path) == ledger`; `lang` chooses the sheet and column names (`"fr"`,
    /// `"en"`). Written atomically; a file the ledger was read from is never overwritten.
    /// Returns the values written as exact text, as `[{"code", "location", "message"}]`.
    /// Raises `planfin.ExportError`.
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
            write_ledger_with(&self.inner, lang, &ExportOptions { provenance }, &path)
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<Expenditure> {
        let len = self.inner.len();
        let position = if index < 0 {
            len.checked_sub(index.unsigned_abs())
        } else {
            Some(index.unsigned_abs())
        };
        position.and_then(|i| self.entry(i)).ok_or_else(|| {
            let message = msg!(
                "python-ledger-index",
                index = i64::try_from(index).unwrap_or(i64::MAX),
                count = len
            );
            PyIndexError::new_err(message.render(crate::lang::current()))
        })
    }

    fn __iter__(slf: Bound<'_, Self>) -> LedgerIterator {
        LedgerIterator {
            ledger: slf.unbind(),
            next: AtomicUsize::new(0),
        }
    }

    fn __eq__(&self, other: &Bound<'_, Ledger>) -> bool {
        self.inner.iter().eq(other.get().inner.iter())
    }

    fn __repr__(&self) -> String {
        let entries = &self.inner;
        let first = entries.iter().map(|e| e.date).min();
        let last = entries.iter().map(|e| e.date).max();
        match (first, last) {
            (Some(first), Some(last)) => format!(
                "<Ledger entries={} duplicates={} {first}..{last}>",
                entries.len(),
                self.inner.duplicates().len()
            ),
            _ => "<Ledger entries=0>".to_string(),
        }
    }
}

/// Iterator over a ledger's entries.
#[pyclass(module = "planfin._planfin", name = "LedgerIterator", frozen)]
pub struct LedgerIterator {
    ledger: Py<Ledger>,
    next: AtomicUsize,
}

#[pymethods]
impl LedgerIterator {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__(&self) -> Option<Expenditure> {
        let index = self.next.fetch_add(1, Ordering::Relaxed);
        self.ledger.get().entry(index)
    }
}

/// The illustrative sample ledger of the embedded CNLTP plan (370 vouchers exercising every
/// flag and stage).
#[pyfunction]
pub fn cnltp_ledger() -> Ledger {
    Ledger {
        inner: Arc::new(planfin_core::cnltp::ledger()),
        warnings: Vec::new(),
        sources: vec![Source::Embedded(
            "python-embedded-ledger",
            planfin_core::cnltp::LEDGER_JSON,
        )],
    }
}
