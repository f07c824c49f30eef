//! A ledger as one Arrow table (the schema is in the README), and back through
//! [`Ledger::append_entry`], the path the JSON reader takes.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Schema, SchemaRef};
use planfin_core::currency::Currency;
use planfin_core::expenditure::{Entry, Stage};
use planfin_core::ledger::{Appended, DuplicateVoucher, Ledger, Origin};

use crate::columns::{
    Columns, Dictionary, Number, PRECISION, Rows, Text, date32, dates, decimals, dictionary_type,
    field, in_slices, optional, scale_of, strings, units,
};
use crate::error::ColumnarError;

/// The schema metadata key naming what a file holds: `ledger` or `plan`.
pub const KIND_KEY: &str = "planfin:kind";
/// The schema metadata key of a ledger's duplicates (records seen twice, counted once), as
/// JSON: a list of `{voucher, date, first, again}`.
pub const DUPLICATES_KEY: &str = "planfin:duplicates";

/// The ledger's columns, in the order written.
pub mod column {
    /// The voucher reference.
    pub const VOUCHER: &str = "voucher";
    /// The record's date.
    pub const DATE: &str = "date";
    /// The budget line code.
    pub const LINE: &str = "line";
    /// The stage code (`engagement`, `liquidation`, `ordonnancement`, `paiement`).
    pub const STAGE: &str = "stage";
    /// The amount, in its currency.
    pub const AMOUNT: &str = "amount";
    /// The amount's ISO 4217 code.
    pub const CURRENCY: &str = "currency";
    /// The rate to the plan currency, when the record gives one.
    pub const RATE: &str = "rate";
    /// The payee.
    pub const PAYEE: &str = "payee";
    /// The description.
    pub const DESCRIPTION: &str = "description";
    /// The supporting document, if any.
    pub const DOCUMENT: &str = "document";
    /// The voucher of the commitment the record belongs to, if any.
    pub const COMMITMENT: &str = "commitment";
    /// The file the record was first read from.
    pub const ORIGIN_FILE: &str = "origin_file";
    /// The place in that file (`Depenses!A12`, `expenditures[3]`).
    pub const ORIGIN_PLACE: &str = "origin_place";
}

use column::*;

/// The dictionary-encoded columns of borrowed texts, in the order [`ledger_to_batch`] builds
/// them.
const DICTIONARY_COLUMNS: [&str; 5] = [VOUCHER, LINE, STAGE, PAYEE, COMMITMENT];

/// The scales a ledger's decimal columns need: the amounts' (at least the largest minor unit
/// of the currencies present) and the rates'.
fn scales(ledger: &Ledger) -> (u32, u32) {
    let minor = ledger
        .iter()
        .map(|e| e.currency.minor_unit())
        .max()
        .unwrap_or(0);
    let amount = scale_of(ledger.iter().map(|e| e.amount), minor);
    let rate = scale_of(ledger.iter().filter_map(|e| e.rate), 0);
    (amount, rate)
}

/// The Arrow schema of a ledger whose amounts have `amount_scale` decimals and rates
/// `rate_scale`.
pub fn ledger_schema(amount_scale: u32, rate_scale: u32) -> Schema {
    let decimal = |scale: u32| DataType::Decimal128(PRECISION, i8::try_from(scale).unwrap_or(0));
    Schema::new(vec![
        field(VOUCHER, dictionary_type(), false),
        field(DATE, DataType::Date32, false),
        field(LINE, dictionary_type(), false),
        field(STAGE, dictionary_type(), false),
        field(AMOUNT, decimal(amount_scale), false),
        field(CURRENCY, dictionary_type(), false),
        field(RATE, decimal(rate_scale), true),
        field(PAYEE, dictionary_type(), false),
        field(DESCRIPTION, DataType::Utf8, false),
        field(DOCUMENT, DataType::Utf8, true),
        field(COMMITMENT, dictionary_type(), true),
        field(ORIGIN_FILE, dictionary_type(), true),
        field(ORIGIN_PLACE, DataType::Utf8, true),
    ])
}

/// The ledger as one record batch (every entry, its origin; the duplicates in the schema's
/// metadata). `path` names the output in errors.
///
/// ```
/// let ledger = planfin_core::cnltp::ledger();
/// let batch = planfin_columnar::ledger_to_batch(&ledger, std::path::Path::new("l.parquet"))?;
/// assert_eq!(batch.num_rows(), ledger.len());
/// assert_eq!(batch.schema().field_with_name("amount")?.data_type().to_string(), "Decimal128(38, 2)");
/// let back = planfin_columnar::ledger_from_batches(&batch.schema(), [Ok(batch.clone())], "l.parquet")?;
/// assert_eq!(back, ledger);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn ledger_to_batch(ledger: &Ledger, path: &Path) -> Result<RecordBatch, ColumnarError> {
    let (amount_scale, rate_scale) = scales(ledger);
    let too_wide = |e: &Entry<'_>, column, scale| ColumnarError::TooWide {
        path: path.to_path_buf(),
        key: e.voucher.to_string(),
        column,
        scale,
    };
    let n = ledger.len();
    let mut amounts = Vec::with_capacity(n);
    let mut rates = Vec::with_capacity(n);
    let mut days = Vec::with_capacity(n);
    let mut currencies = Vec::with_capacity(n);
    let mut dicts: [Dictionary<&str>; 5] = Default::default();
    let mut origin_files: Dictionary<Arc<str>> = Dictionary::default();
    let mut places = StringBuilder::new();
    let too_many = |column| ColumnarError::TooManyTexts {
        path: path.to_path_buf(),
        column,
    };
    for (i, e) in ledger.iter().enumerate() {
        days.push(date32(e.date));
        amounts.push(Some(
            units(e.amount, amount_scale).ok_or_else(|| too_wide(&e, AMOUNT, amount_scale))?,
        ));
        rates.push(match e.rate {
            None => None,
            Some(r) => Some(units(r, rate_scale).ok_or_else(|| too_wide(&e, RATE, rate_scale))?),
        });
        currencies.push(e.currency);
        let texts = [
            Some(e.voucher),
            Some(e.line),
            Some(e.stage.code()),
            Some(e.payee),
            e.commitment,
        ];
        for ((dict, text), column) in dicts.iter_mut().zip(texts).zip(DICTIONARY_COLUMNS) {
            dict.push(text).map_err(|_| too_many(column))?;
        }
        let origin = ledger.origin(i).unwrap_or_default();
        origin_files
            .push(origin.file)
            .map_err(|_| too_many(ORIGIN_FILE))?;
        places.append_option(origin.place);
    }
    let mut currency = Dictionary::default();
    for c in &currencies {
        // At most a few hundred codes: never too many.
        let _ = currency.push(Some(c.code()));
    }
    let currency = currency.finish();
    let [voucher, line, stage, payee, commitment] = dicts.map(Dictionary::finish);
    let columns: Vec<ArrayRef> = vec![
        voucher,
        dates(days),
        line,
        stage,
        decimals(amounts, amount_scale),
        currency,
        decimals(rates, rate_scale),
        payee,
        strings(ledger.iter().map(|e| Some(e.description))),
        strings(ledger.iter().map(|e| e.document)),
        commitment,
        origin_files.finish(),
        Arc::new(places.finish()),
    ];
    let mut metadata = HashMap::from([(KIND_KEY.to_string(), "ledger".to_string())]);
    if !ledger.duplicates().is_empty() {
        metadata.insert(
            DUPLICATES_KEY.to_string(),
            serde_json::to_string(ledger.duplicates()).unwrap_or_default(),
        );
    }
    let schema = Arc::new(ledger_schema(amount_scale, rate_scale).with_metadata(metadata));
    RecordBatch::try_new(schema, columns).map_err(|e| ColumnarError::Write {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

/// The ledger's record batches of at most [`BATCH_ROWS`](crate::BATCH_ROWS) rows, sharing
/// one dictionary per column, with their schema.
pub fn ledger_batches(
    ledger: &Ledger,
    path: &Path,
) -> Result<(SchemaRef, Vec<RecordBatch>), ColumnarError> {
    ledger_to_batch(ledger, path).map(|batch| in_slices(&batch))
}

/// The ledger's columns found in a file's schema, checked before any row is read.
struct LedgerColumns {
    voucher: Text,
    date: crate::columns::Date,
    line: Text,
    stage: Option<Text>,
    amount: Number,
    currency: Text,
    rate: Option<Number>,
    payee: Option<Text>,
    description: Option<Text>,
    document: Option<Text>,
    commitment: Option<Text>,
    /// The stored origins, when the file has them.
    origin: Option<(Text, Text)>,
}

impl LedgerColumns {
    fn find(c: &Columns<'_>) -> Result<LedgerColumns, ColumnarError> {
        Ok(LedgerColumns {
            voucher: c.required_text(VOUCHER)?,
            date: c.required(DATE).and_then(|i| c.date(DATE, i))?,
            line: c.required_text(LINE)?,
            amount: c.required_number(AMOUNT)?,
            currency: c.required_text(CURRENCY)?,
            stage: c.optional_text(STAGE)?,
            rate: c.optional_number(RATE)?,
            payee: c.optional_text(PAYEE)?,
            description: c.optional_text(DESCRIPTION)?,
            document: c.optional_text(DOCUMENT)?,
            commitment: c.optional_text(COMMITMENT)?,
            origin: match (
                c.optional_text(ORIGIN_FILE)?,
                c.optional_text(ORIGIN_PLACE)?,
            ) {
                (Some(file), Some(place)) => Some((file, place)),
                _ => None,
            },
        })
    }
}

/// Reads a ledger from record batches with `schema`; `file` names it in errors and in the
/// origins of rows that carry none (`file #12`, the 1-based row).
///
/// Each row is appended with [`Ledger::append_entry`], as the JSON reader does: a row seen
/// twice is counted once, a voucher's later stages are its history, and every conflict is
/// collected and refused at the end. Required columns: `voucher`, `date`, `line`, `amount`,
/// `currency`; an absent `stage` reads `paiement`, an absent `payee` or `description` empty.
/// Amounts and rates are decimals or integers (a float column is refused), each amount column
/// with at least its currencies' decimals.
pub fn ledger_from_batches(
    schema: &Schema,
    batches: impl IntoIterator<Item = Result<RecordBatch, ArrowError>>,
    file: &str,
) -> Result<Ledger, ColumnarError> {
    let columns = LedgerColumns::find(&Columns { schema, file })?;
    let mut reader = LedgerReader {
        file,
        file_name: Arc::from(file),
        columns,
        ledger: Ledger::new(),
        conflicts: Vec::new(),
        checked: HashSet::new(),
        origin: Origin::default(),
        next_row: 1,
    };
    for batch in batches {
        let batch = batch.map_err(|e| ColumnarError::Unreadable {
            file: file.to_string(),
            detail: e.to_string(),
        })?;
        reader.ledger.reserve(batch.num_rows());
        reader.batch(&batch)?;
    }
    let LedgerReader {
        mut ledger,
        conflicts,
        ..
    } = reader;
    if !conflicts.is_empty() {
        return Err(ColumnarError::Conflicts {
            file: file.to_string(),
            conflicts,
        });
    }
    if let Some(text) = schema.metadata().get(DUPLICATES_KEY) {
        restore_duplicates(&mut ledger, text, file)?;
    }
    Ok(ledger)
}

struct LedgerReader<'f> {
    file: &'f str,
    file_name: Arc<str>,
    columns: LedgerColumns,
    ledger: Ledger,
    conflicts: Vec<planfin_core::ledger::LedgerError>,
    /// The currencies whose minor unit was checked against the amount column's scale.
    checked: HashSet<Currency>,
    /// The origin of the row being read, its texts reused from row to row.
    origin: Origin,
    /// The 1-based number of the next row in the file.
    next_row: u64,
}

impl LedgerReader<'_> {
    fn batch(&mut self, batch: &RecordBatch) -> Result<(), ColumnarError> {
        let rows = Rows {
            batch,
            file: self.file,
            first: self.next_row,
        };
        let c = &self.columns;
        let voucher = rows.texts(c.voucher);
        let line = rows.texts(c.line);
        let currency = rows.texts(c.currency);
        let stage = c.stage.map(|s| rows.texts(s));
        let payee = c.payee.map(|s| rows.texts(s));
        let description = c.description.map(|s| rows.texts(s));
        let document = c.document.map(|s| rows.texts(s));
        let commitment = c.commitment.map(|s| rows.texts(s));
        let origin = c.origin.map(|(f, p)| (rows.texts(f), rows.texts(p)));
        for row in 0..batch.num_rows() {
            let code = rows.required_text(&currency, c.currency, row)?;
            let currency: Currency =
                code.parse()
                    .map_err(|e: planfin_core::currency::UnknownCurrency| {
                        rows.bad(row, c.currency.column, code, e.message())
                    })?;
            if self.checked.insert(currency) && i64::from(currency.minor_unit()) > c.amount.scale()
            {
                return Err(ColumnarError::ScaleTooSmall {
                    file: self.file.to_string(),
                    column: c.amount.column,
                    currency: currency.code().to_string(),
                    minor_unit: currency.minor_unit(),
                    scale: c.amount.scale(),
                });
            }
            let stage = match optional(&stage, row) {
                None => Stage::default(),
                Some(word) => word
                    .parse()
                    .map_err(|reason| rows.bad(row, STAGE, word, reason))?,
            };
            let entry = Entry {
                voucher: rows.required_text(&voucher, c.voucher, row)?,
                date: rows.date(c.date, row)?,
                line: rows.required_text(&line, c.line, row)?,
                amount: rows
                    .number(c.amount, row)?
                    .ok_or_else(|| rows.null(row, AMOUNT))?,
                currency,
                rate: match c.rate {
                    Some(rate) => rows.number(rate, row)?,
                    None => None,
                },
                stage,
                payee: optional(&payee, row).unwrap_or_default(),
                description: optional(&description, row).unwrap_or_default(),
                document: optional(&document, row),
                commitment: optional(&commitment, row),
            };
            match &origin {
                Some((files, places)) => {
                    let stored = files.get(row);
                    if self.origin.file.as_deref() != stored {
                        self.origin.file = stored.map(Arc::from);
                    }
                    set_place(&mut self.origin.place, places.get(row));
                }
                None => {
                    if self.origin.file.is_none() {
                        self.origin.file = Some(self.file_name.clone());
                    }
                    let place = self.origin.place.get_or_insert_default();
                    place.clear();
                    place.push('#');
                    place.push_str(&rows.first.saturating_add(row as u64).to_string());
                }
            }
            if let Err(conflict) = self.ledger.append_entry(entry, &self.origin) {
                self.conflicts.push(conflict);
            }
        }
        self.next_row = self.next_row.saturating_add(batch.num_rows() as u64);
        Ok(())
    }
}

fn set_place(place: &mut Option<String>, stored: Option<&str>) {
    match stored {
        None => *place = None,
        Some(text) => {
            let p = place.get_or_insert_default();
            p.clear();
            p.push_str(text);
        }
    }
}

/// Appends again the records the duplicates name, from the origins they name: the ledger's
/// duplicates come back as they were written.
fn restore_duplicates(ledger: &mut Ledger, text: &str, file: &str) -> Result<(), ColumnarError> {
    let metadata = |detail: String| ColumnarError::Metadata {
        file: file.to_string(),
        key: DUPLICATES_KEY,
        detail,
    };
    let duplicates: Vec<DuplicateVoucher> =
        serde_json::from_str(text).map_err(|e| metadata(e.to_string()))?;
    let named: HashSet<&str> = duplicates.iter().map(|d| d.voucher.as_str()).collect();
    let mut records: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, e) in ledger.iter().enumerate() {
        if named.contains(e.voucher) {
            records.entry(e.voucher).or_default().push(i);
        }
    }
    let again: Vec<_> = duplicates
        .iter()
        .map(|d| {
            records
                .get(d.voucher.as_str())
                .into_iter()
                .flatten()
                .find(|&&i| {
                    ledger.entry(i).is_some_and(|e| e.date == d.date)
                        && ledger.origin(i).as_ref() == Some(&d.first)
                })
                .and_then(|&i| ledger.entry(i))
                .map(|e| (e.to_expenditure(), d.again.clone()))
                .ok_or_else(|| {
                    metadata(format!(
                        "no record of voucher {:?} at {}",
                        d.voucher, d.first
                    ))
                })
        })
        .collect::<Result<_, _>>()?;
    for (expenditure, origin) in again {
        match ledger.append(expenditure, origin) {
            Ok(Appended::Duplicate) => {}
            Ok(Appended::New) | Err(_) => {
                return Err(metadata("a duplicate that is not one".to_string()));
            }
        }
    }
    Ok(())
}
