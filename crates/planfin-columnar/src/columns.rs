//! The columns of a table, both ways: building the Arrow arrays planfin writes (dictionary
//! strings, `Decimal128`, `Date32`) and reading the ones it accepts (plain or dictionary
//! strings, decimals or integers for amounts, `Date32` dates), each checked against the schema
//! before any row is read.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use arrow_array::builder::StringBuilder;
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Decimal128Type, Int32Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, Date32Array, Decimal128Array, DictionaryArray, Int32Array, LargeStringArray,
    RecordBatch, StringArray, StringViewArray,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use planfin_messages::Message;
use rust_decimal::Decimal;

use crate::error::ColumnarError;

/// The precision of every decimal column: the most `Decimal128` holds.
pub(crate) const PRECISION: u8 = 38;

/// The days from 0001-01-01 (chrono's day 1) to 1970-01-01 (Arrow's day 0).
const EPOCH_FROM_CE: i32 = 719_163;

/// The type of a dictionary-encoded string column.
pub(crate) fn dictionary_type() -> DataType {
    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
}

/// A column's field: `name`, `data_type`, nullable or not.
pub(crate) fn field(name: &str, data_type: DataType, nullable: bool) -> Field {
    Field::new(name, data_type, nullable)
}

/// A dictionary-encoded string column being built: each distinct text once, in the order it
/// first appears, and a key per row. The texts are borrowed (`&str`) or shared (`Arc<str>`).
pub(crate) struct Dictionary<K> {
    keys: Vec<Option<i32>>,
    positions: HashMap<K, i32>,
    values: Vec<K>,
}

impl<K> Default for Dictionary<K> {
    fn default() -> Self {
        Dictionary {
            keys: Vec::new(),
            positions: HashMap::new(),
            values: Vec::new(),
        }
    }
}

impl<K: Borrow<str> + Hash + Eq + Clone> Dictionary<K> {
    /// Adds a row; `None` is a null.
    pub(crate) fn push(&mut self, text: Option<K>) -> Result<(), TooMany> {
        let key = match text {
            None => None,
            Some(t) => Some(match self.positions.get(t.borrow()) {
                Some(&k) => k,
                None => {
                    let k = i32::try_from(self.values.len()).map_err(|_| TooMany)?;
                    self.positions.insert(t.clone(), k);
                    self.values.push(t);
                    k
                }
            }),
        };
        self.keys.push(key);
        Ok(())
    }

    /// The finished column.
    pub(crate) fn finish(self) -> ArrayRef {
        let keys = Int32Array::from(self.keys);
        let values = Arc::new(StringArray::from_iter_values(
            self.values.iter().map(|v| v.borrow()),
        ));
        // The keys were made as positions in `values`: always valid.
        Arc::new(DictionaryArray::<Int32Type>::new(keys, values))
    }
}

/// More than 2,147,483,647 distinct texts in one dictionary column (its keys are `Int32`).
#[derive(Debug)]
pub(crate) struct TooMany;

/// A plain string column being built.
pub(crate) fn strings<'a>(texts: impl Iterator<Item = Option<&'a str>>) -> ArrayRef {
    let mut b = StringBuilder::new();
    for t in texts {
        b.append_option(t);
    }
    Arc::new(b.finish())
}

/// A date as Arrow's `Date32` (days since 1970-01-01).
pub(crate) fn date32(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    // chrono's dates span about 262,000 years each side: the difference never overflows.
    date.num_days_from_ce().saturating_sub(EPOCH_FROM_CE)
}

/// A date column.
pub(crate) fn dates(days: Vec<i32>) -> ArrayRef {
    Arc::new(Date32Array::from(days))
}

/// The decimals a column needs to hold every value exactly, at least `floor`.
pub(crate) fn scale_of(values: impl Iterator<Item = Decimal>, floor: u32) -> u32 {
    values.map(|d| d.scale()).fold(floor, u32::max)
}

/// `value` as an integer of units of `10^-scale`, if it fits in 38 digits.
pub(crate) fn units(value: Decimal, scale: u32) -> Option<i128> {
    let shift = scale.checked_sub(value.scale())?;
    let units = value.mantissa().checked_mul(10_i128.checked_pow(shift)?)?;
    (units.unsigned_abs() < 10_u128.pow(u32::from(PRECISION))).then_some(units)
}

/// A `Decimal128(38, scale)` column.
pub(crate) fn decimals(units: Vec<Option<i128>>, scale: u32) -> ArrayRef {
    let scale = i8::try_from(scale).unwrap_or(i8::MAX);
    // The scale is at most 28 (rust_decimal's) and the units were checked to fit 38 digits.
    Arc::new(
        Decimal128Array::from(units)
            .with_precision_and_scale(PRECISION, scale)
            .unwrap_or_else(|_| Decimal128Array::from(Vec::<i128>::new())),
    )
}

/// Where a table's columns are found in a file, by name.
pub(crate) struct Columns<'s> {
    pub(crate) schema: &'s Schema,
    pub(crate) file: &'s str,
}

impl Columns<'_> {
    /// The position of `name`, or why a required column is refused.
    pub(crate) fn required(&self, name: &'static str) -> Result<usize, ColumnarError> {
        self.schema
            .index_of(name)
            .map_err(|_| ColumnarError::MissingColumn {
                file: self.file.to_string(),
                column: name,
            })
    }

    /// The position of `name`, if the file has it.
    pub(crate) fn optional(&self, name: &str) -> Option<usize> {
        self.schema.index_of(name).ok()
    }

    /// The required text column `name`, checked.
    pub(crate) fn required_text(&self, name: &'static str) -> Result<Text, ColumnarError> {
        self.required(name).and_then(|i| self.text(name, i))
    }

    /// The text column `name`, checked, if the file has it.
    pub(crate) fn optional_text(&self, name: &'static str) -> Result<Option<Text>, ColumnarError> {
        self.optional(name).map(|i| self.text(name, i)).transpose()
    }

    /// The required number column `name`, checked.
    pub(crate) fn required_number(&self, name: &'static str) -> Result<Number, ColumnarError> {
        self.required(name).and_then(|i| self.number(name, i))
    }

    /// The number column `name`, checked, if the file has it.
    pub(crate) fn optional_number(
        &self,
        name: &'static str,
    ) -> Result<Option<Number>, ColumnarError> {
        self.optional(name)
            .map(|i| self.number(name, i))
            .transpose()
    }

    fn data_type(&self, index: usize) -> &DataType {
        self.schema.field(index).data_type()
    }

    fn wrong(&self, column: &'static str, index: usize, expected: &'static str) -> ColumnarError {
        ColumnarError::WrongType {
            file: self.file.to_string(),
            column,
            expected: Message::new(expected),
            found: self.data_type(index).to_string(),
        }
    }

    /// Checks that column `index` holds text (plain, large, view or a dictionary of them).
    fn text(&self, column: &'static str, index: usize) -> Result<Text, ColumnarError> {
        if is_text(self.data_type(index)) {
            Ok(Text { index, column })
        } else {
            Err(self.wrong(column, index, "columnar-expected-text"))
        }
    }

    /// Checks that column `index` holds `Date32` dates.
    pub(crate) fn date(&self, column: &'static str, index: usize) -> Result<Date, ColumnarError> {
        match self.data_type(index) {
            DataType::Date32 => Ok(Date { index, column }),
            _ => Err(self.wrong(column, index, "columnar-expected-date")),
        }
    }

    /// Checks that column `index` holds exact numbers: decimals, or integers (scale 0).
    fn number(&self, column: &'static str, index: usize) -> Result<Number, ColumnarError> {
        let kind = match self.data_type(index) {
            DataType::Decimal128(_, scale) => NumberKind::Decimal(i64::from(*scale)),
            DataType::Int64 => NumberKind::Int64,
            DataType::Int32 => NumberKind::Int32,
            t @ (DataType::Float16 | DataType::Float32 | DataType::Float64) => {
                return Err(ColumnarError::FloatColumn {
                    file: self.file.to_string(),
                    column,
                    found: t.to_string(),
                });
            }
            _ => return Err(self.wrong(column, index, "columnar-expected-number")),
        };
        Ok(Number {
            index,
            column,
            kind,
        })
    }
}

fn is_text(t: &DataType) -> bool {
    match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(key, value) => key.is_integer() && is_text(value),
        _ => false,
    }
}

/// A text column, checked.
#[derive(Clone, Copy)]
pub(crate) struct Text {
    index: usize,
    pub(crate) column: &'static str,
}

/// A date column, checked.
#[derive(Clone, Copy)]
pub(crate) struct Date {
    index: usize,
    pub(crate) column: &'static str,
}

/// An exact number column, checked.
#[derive(Clone, Copy)]
pub(crate) struct Number {
    index: usize,
    pub(crate) column: &'static str,
    kind: NumberKind,
}

#[derive(Clone, Copy)]
enum NumberKind {
    Decimal(i64),
    Int64,
    Int32,
}

impl Number {
    /// The column's scale (0 for integers).
    pub(crate) fn scale(&self) -> i64 {
        match self.kind {
            NumberKind::Decimal(s) => s,
            NumberKind::Int64 | NumberKind::Int32 => 0,
        }
    }
}

/// The texts of one column of one batch, whatever their encoding.
pub(crate) enum Texts<'b> {
    /// `Utf8`.
    Utf8(&'b StringArray),
    /// `LargeUtf8`.
    Large(&'b LargeStringArray),
    /// `Utf8View`.
    View(&'b StringViewArray),
    /// A dictionary: the key of each row, the values.
    Dictionary {
        array: &'b dyn Array,
        keys: Vec<usize>,
        values: Box<Texts<'b>>,
    },
    /// Not text: every row reads as null (the schema was checked, so never met).
    None,
}

impl<'b> Texts<'b> {
    fn new(array: &'b dyn Array) -> Texts<'b> {
        if let Some(d) = array.as_any_dictionary_opt() {
            return Texts::Dictionary {
                array,
                // Without values every key is null (and arrow cannot normalise them).
                keys: if d.values().is_empty() {
                    Vec::new()
                } else {
                    d.normalized_keys()
                },
                values: Box::new(Texts::new(d.values().as_ref())),
            };
        }
        if let Some(a) = array.as_string_opt::<i32>() {
            Texts::Utf8(a)
        } else if let Some(a) = array.as_string_opt::<i64>() {
            Texts::Large(a)
        } else if let Some(a) = array.as_string_view_opt() {
            Texts::View(a)
        } else {
            Texts::None
        }
    }

    /// The text of `row`, `None` when null.
    pub(crate) fn get(&self, row: usize) -> Option<&'b str> {
        match self {
            Texts::Utf8(a) => a.is_valid(row).then(|| a.value(row)),
            Texts::Large(a) => a.is_valid(row).then(|| a.value(row)),
            Texts::View(a) => a.is_valid(row).then(|| a.value(row)),
            Texts::Dictionary {
                array,
                keys,
                values,
            } => {
                if array.is_null(row) {
                    None
                } else {
                    values.get(*keys.get(row)?)
                }
            }
            Texts::None => None,
        }
    }
}

/// The text of `row` in an optional column.
pub(crate) fn optional<'b>(texts: &Option<Texts<'b>>, row: usize) -> Option<&'b str> {
    texts.as_ref().and_then(|t| t.get(row))
}

/// The rows of one record batch planfin writes.
pub const BATCH_ROWS: usize = 65_536;

/// `batch` as batches of at most [`BATCH_ROWS`] rows (slices sharing its buffers and its
/// dictionaries), with its schema.
pub(crate) fn in_slices(batch: &RecordBatch) -> (SchemaRef, Vec<RecordBatch>) {
    let rows = batch.num_rows();
    let slices = (0..rows)
        .step_by(BATCH_ROWS)
        .map(|start| batch.slice(start, BATCH_ROWS.min(rows.saturating_sub(start))))
        .collect();
    (batch.schema(), slices)
}

/// The columns of one batch, read row by row, with the errors that name the file, the row
/// and the column.
pub(crate) struct Rows<'b> {
    pub(crate) batch: &'b RecordBatch,
    pub(crate) file: &'b str,
    /// The 1-based number of the batch's first row in the file.
    pub(crate) first: u64,
}

impl<'b> Rows<'b> {
    fn row(&self, row: usize) -> u64 {
        self.first.saturating_add(row as u64)
    }

    /// The texts of a text column.
    pub(crate) fn texts(&self, column: Text) -> Texts<'b> {
        Texts::new(self.batch.column(column.index).as_ref())
    }

    /// A required value is missing.
    pub(crate) fn null(&self, row: usize, column: &'static str) -> ColumnarError {
        ColumnarError::Null {
            file: self.file.to_string(),
            row: self.row(row),
            column,
        }
    }

    /// A value that does not convert.
    pub(crate) fn bad(
        &self,
        row: usize,
        column: &'static str,
        value: impl Into<String>,
        reason: Message,
    ) -> ColumnarError {
        ColumnarError::Value {
            file: self.file.to_string(),
            row: self.row(row),
            column,
            value: value.into(),
            reason,
        }
    }

    /// The text of a required text column.
    pub(crate) fn required_text(
        &self,
        texts: &Texts<'b>,
        column: Text,
        row: usize,
    ) -> Result<&'b str, ColumnarError> {
        texts.get(row).ok_or_else(|| self.null(row, column.column))
    }

    /// The date of `row` in a date column.
    pub(crate) fn date(&self, column: Date, row: usize) -> Result<NaiveDate, ColumnarError> {
        let array = self.batch.column(column.index);
        let dates = array
            .as_primitive_opt::<Date32Type>()
            .filter(|_| array.is_valid(row))
            .ok_or_else(|| self.null(row, column.column))?;
        let days = dates.value(row);
        days.checked_add(EPOCH_FROM_CE)
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .ok_or_else(|| {
                self.bad(
                    row,
                    column.column,
                    days.to_string(),
                    Message::new("columnar-reason-date"),
                )
            })
    }

    /// The number of `row` in a number column, `None` when null, as an exact decimal with its
    /// trailing zeros removed (`1500.00` reads `1500`).
    pub(crate) fn number(
        &self,
        column: Number,
        row: usize,
    ) -> Result<Option<Decimal>, ColumnarError> {
        let array = self.batch.column(column.index);
        if array.is_null(row) {
            return Ok(None);
        }
        let (units, scale) = match column.kind {
            NumberKind::Decimal(scale) => (
                array
                    .as_primitive_opt::<Decimal128Type>()
                    .map(|a| a.value(row)),
                scale,
            ),
            NumberKind::Int64 => (
                array
                    .as_primitive_opt::<Int64Type>()
                    .map(|a| i128::from(a.value(row))),
                0,
            ),
            NumberKind::Int32 => (
                array
                    .as_primitive_opt::<Int32Type>()
                    .map(|a| i128::from(a.value(row))),
                0,
            ),
        };
        let units = units.ok_or_else(|| self.null(row, column.column))?;
        decimal(units, scale)
            .map(|d| Some(d.normalize()))
            .ok_or_else(|| {
                self.bad(
                    row,
                    column.column,
                    text_of(units, scale),
                    Message::new("columnar-reason-amount"),
                )
            })
    }
}

/// `units * 10^-scale` as a `Decimal`, if it has at most 28 significant digits (trailing
/// zeros beyond what rust_decimal holds are dropped, never other digits).
fn decimal(mut units: i128, mut scale: i64) -> Option<Decimal> {
    while scale < 0 {
        units = units.checked_mul(10)?;
        scale = scale.checked_add(1)?;
    }
    loop {
        if let Ok(s) = u32::try_from(scale)
            && let Ok(d) = Decimal::try_from_i128_with_scale(units, s)
        {
            return Some(d);
        }
        if scale == 0 || units % 10 != 0 {
            return None;
        }
        units /= 10;
        scale = scale.checked_sub(1)?;
    }
}

/// How a decimal that does not convert reads: its digits with the point placed.
fn text_of(units: i128, scale: i64) -> String {
    if scale <= 0 {
        return format!("{units}e{}", -scale);
    }
    format!("{units}e-{scale}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_convert_exactly_or_not_at_all() {
        assert_eq!(decimal(150_000, 2), Some(Decimal::new(150_000, 2)));
        assert_eq!(decimal(15, -3), Some(Decimal::from(15_000)));
        assert_eq!(decimal(1_000_000, 32), Some(Decimal::new(100, 28)));
        assert_eq!(decimal(1, 32), None);
        // Decimal::MAX at 3 decimals: 32 digits, 3 of them trailing zeros.
        assert_eq!(
            decimal(79_228_162_514_264_337_593_543_950_335_000, 3),
            Some(Decimal::MAX)
        );
        assert_eq!(decimal(79_228_162_514_264_337_593_543_950_335_001, 3), None);
        assert_eq!(decimal(i128::MAX, 0), None);
        assert_eq!(units(Decimal::new(12_345, 2), 4), Some(1_234_500));
        assert_eq!(units(Decimal::new(12_345, 2), 1), None);
        assert_eq!(units(Decimal::MAX, 28), None);
        assert_eq!(text_of(12, 3), "12e-3");
    }
}
