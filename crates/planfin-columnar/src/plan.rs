//! A plan as one Arrow table, its lines (a row per line and period), with the plan's other
//! tables (its header, objectives, sources, amendments and rates) as the plan's JSON in the
//! schema's metadata (`planfin:plan`, the JSON plan format with `"lines": []`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, Int32Array, RecordBatch};
use arrow_schema::{ArrowError, DataType, Schema, SchemaRef};
use planfin_core::plan::{BudgetLine, FiscalPeriod, PeriodAmount, Plan, Text, UnitCosting};
use planfin_messages::Message;
use rust_decimal::Decimal;

use crate::columns::{
    Columns, Dictionary, Number, PRECISION, Rows, decimals, dictionary_type, field, in_slices,
    optional, scale_of, strings, units,
};
use crate::error::ColumnarError;
use crate::ledger::KIND_KEY;

/// The schema metadata key of a plan's other tables, as the JSON plan format with no lines.
pub const PLAN_KEY: &str = "planfin:plan";

/// The columns of a plan's lines table, in the order written.
pub mod line_column {
    /// The line's position in the plan, from 0: the rows of one line share it.
    pub const POSITION: &str = "position";
    /// The budget line code.
    pub const CODE: &str = "code";
    /// The objective's code.
    pub const OBJECTIVE: &str = "objective";
    /// The funding source's code.
    pub const SOURCE: &str = "source";
    /// The label in French.
    pub const LABEL_FR: &str = "label_fr";
    /// The label in English.
    pub const LABEL_EN: &str = "label_en";
    /// The period of the row's amount: a year (`2019`) or a quarter (`2019-Q3`); null for a
    /// line with no planned amount.
    pub const PERIOD: &str = "period";
    /// The amount planned for the period, in the plan currency.
    pub const AMOUNT: &str = "amount";
    /// The unit of the line's costing, if it has one.
    pub const COSTING_UNIT: &str = "costing_unit";
    /// The quantity of the line's costing.
    pub const COSTING_QUANTITY: &str = "costing_quantity";
    /// The unit cost of the line's costing.
    pub const COSTING_UNIT_COST: &str = "costing_unit_cost";
}

use line_column::*;

/// The Arrow schema of a plan's lines table, with the scales of its decimal columns.
pub fn plan_schema(amount_scale: u32, quantity_scale: u32, cost_scale: u32) -> Schema {
    let decimal = |scale: u32| DataType::Decimal128(PRECISION, i8::try_from(scale).unwrap_or(0));
    Schema::new(vec![
        field(POSITION, DataType::Int32, false),
        field(CODE, dictionary_type(), false),
        field(OBJECTIVE, dictionary_type(), false),
        field(SOURCE, dictionary_type(), false),
        field(LABEL_FR, DataType::Utf8, false),
        field(LABEL_EN, DataType::Utf8, false),
        field(PERIOD, dictionary_type(), true),
        field(AMOUNT, decimal(amount_scale), true),
        field(COSTING_UNIT, DataType::Utf8, true),
        field(COSTING_QUANTITY, decimal(quantity_scale), true),
        field(COSTING_UNIT_COST, decimal(cost_scale), true),
    ])
}

/// One row of the lines table: a line and one of its periods (none for a line without).
struct Row<'p> {
    position: usize,
    line: &'p BudgetLine,
    amount: Option<&'p PeriodAmount>,
}

/// The plan as one record batch: its lines, a row per line and period, the rest in the
/// schema's metadata. `path` names the output in errors.
///
/// ```
/// let plan = planfin_core::cnltp::plan();
/// let batch = planfin_columnar::plan_to_batch(&plan, std::path::Path::new("p.parquet"))?;
/// let back = planfin_columnar::plan_from_batches(&batch.schema(), [Ok(batch.clone())], "p.parquet")?;
/// assert_eq!(back, plan);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_to_batch(plan: &Plan, path: &Path) -> Result<RecordBatch, ColumnarError> {
    let rows: Vec<Row<'_>> = plan
        .lines
        .iter()
        .enumerate()
        .flat_map(|(position, line)| {
            let amounts: Vec<Option<&PeriodAmount>> = if line.amounts.is_empty() {
                vec![None]
            } else {
                line.amounts.iter().map(Some).collect()
            };
            amounts.into_iter().map(move |amount| Row {
                position,
                line,
                amount,
            })
        })
        .collect();
    let costings = || plan.lines.iter().filter_map(|l| l.costing.as_ref());
    let amount_scale = scale_of(
        rows.iter().filter_map(|r| r.amount.map(|a| a.amount)),
        plan.currency.minor_unit(),
    );
    let quantity_scale = scale_of(costings().map(|c| c.quantity), 0);
    let cost_scale = scale_of(costings().map(|c| c.unit_cost), 0);
    let too_many = |column| ColumnarError::TooManyTexts {
        path: path.to_path_buf(),
        column,
    };
    let mut positions = Vec::with_capacity(rows.len());
    let mut dicts: [Dictionary<&str>; 3] = Default::default();
    let mut periods = Vec::with_capacity(rows.len());
    let (mut amounts, mut quantities, mut costs) = (Vec::new(), Vec::new(), Vec::new());
    let exact = |value: Decimal, key: &str, column, scale| {
        units(value, scale).ok_or_else(|| ColumnarError::TooWide {
            path: path.to_path_buf(),
            key: key.to_string(),
            column,
            scale,
        })
    };
    for row in &rows {
        let line = row.line;
        positions.push(i32::try_from(row.position).map_err(|_| too_many(POSITION))?);
        for (dict, (text, column)) in dicts.iter_mut().zip([
            (&line.code, CODE),
            (&line.objective, OBJECTIVE),
            (&line.source, SOURCE),
        ]) {
            dict.push(Some(text.as_str()))
                .map_err(|_| too_many(column))?;
        }
        periods.push(row.amount.map(|a| a.period.to_string()));
        amounts.push(
            row.amount
                .map(|a| exact(a.amount, &line.code, AMOUNT, amount_scale))
                .transpose()?,
        );
        let costing = line.costing.as_ref();
        quantities.push(
            costing
                .map(|c| exact(c.quantity, &line.code, COSTING_QUANTITY, quantity_scale))
                .transpose()?,
        );
        costs.push(
            costing
                .map(|c| exact(c.unit_cost, &line.code, COSTING_UNIT_COST, cost_scale))
                .transpose()?,
        );
    }
    let mut period = Dictionary::default();
    for p in &periods {
        // A few periods per plan: never too many.
        let _ = period.push(p.as_deref());
    }
    let [code, objective, source] = dicts.map(|d| d.finish());
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int32Array::from(positions)),
        code,
        objective,
        source,
        strings(rows.iter().map(|r| Some(r.line.label.fr.as_str()))),
        strings(rows.iter().map(|r| Some(r.line.label.en.as_str()))),
        period.finish(),
        decimals(amounts, amount_scale),
        strings(
            rows.iter()
                .map(|r| r.line.costing.as_ref().map(|c| c.unit.as_str())),
        ),
        decimals(quantities, quantity_scale),
        decimals(costs, cost_scale),
    ];
    let rest = Plan {
        lines: Vec::new(),
        ..plan.clone()
    };
    let metadata = HashMap::from([
        (KIND_KEY.to_string(), "plan".to_string()),
        (
            PLAN_KEY.to_string(),
            serde_json::to_string(&rest).unwrap_or_default(),
        ),
    ]);
    let schema = plan_schema(amount_scale, quantity_scale, cost_scale).with_metadata(metadata);
    RecordBatch::try_new(Arc::new(schema), columns).map_err(|e| ColumnarError::Write {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

/// The plan's record batches of at most [`BATCH_ROWS`](crate::BATCH_ROWS) rows, with their
/// schema.
pub fn plan_batches(
    plan: &Plan,
    path: &Path,
) -> Result<(SchemaRef, Vec<RecordBatch>), ColumnarError> {
    plan_to_batch(plan, path).map(|batch| in_slices(&batch))
}

/// Reads a plan from its lines table's batches with `schema` (whose metadata holds the rest
/// of the plan); `file` names it in errors.
///
/// Consecutive rows of one `position` (or, without that column, of one `code`) are one line,
/// its periods in row order; a row with no period and no amount is a line with no planned
/// amount. The amount column needs at least the plan currency's decimals.
pub fn plan_from_batches(
    schema: &Schema,
    batches: impl IntoIterator<Item = Result<RecordBatch, ArrowError>>,
    file: &str,
) -> Result<Plan, ColumnarError> {
    let metadata = |detail: String| ColumnarError::Metadata {
        file: file.to_string(),
        key: PLAN_KEY,
        detail,
    };
    let text = schema
        .metadata()
        .get(PLAN_KEY)
        .ok_or_else(|| ColumnarError::NoPlan {
            file: file.to_string(),
        })?;
    let mut plan: Plan = serde_json::from_str(text).map_err(|e| metadata(e.to_string()))?;
    let c = Columns { schema, file };
    let code = c.required_text(CODE)?;
    let objective = c.required_text(OBJECTIVE)?;
    let source = c.required_text(SOURCE)?;
    let period = c.required_text(PERIOD)?;
    let amount = c.required_number(AMOUNT)?;
    let label = (c.optional_text(LABEL_FR)?, c.optional_text(LABEL_EN)?);
    let costing = (
        c.optional_text(COSTING_UNIT)?,
        c.optional_number(COSTING_QUANTITY)?,
        c.optional_number(COSTING_UNIT_COST)?,
    );
    let position = c.optional_number(POSITION)?;
    let minor = plan.currency.minor_unit();
    if i64::from(minor) > amount.scale() {
        return Err(ColumnarError::ScaleTooSmall {
            file: file.to_string(),
            column: AMOUNT,
            currency: plan.currency.code().to_string(),
            minor_unit: minor,
            scale: amount.scale(),
        });
    }
    let mut first = 1u64;
    // The key of the line being read: its position, or its code.
    let mut current: Option<String> = None;
    for batch in batches {
        let batch = batch.map_err(|e| ColumnarError::Unreadable {
            file: file.to_string(),
            detail: e.to_string(),
        })?;
        let rows = Rows {
            batch: &batch,
            file,
            first,
        };
        let codes = rows.texts(code);
        let objectives = rows.texts(objective);
        let sources = rows.texts(source);
        let periods = rows.texts(period);
        let labels = (
            label.0.map(|t| rows.texts(t)),
            label.1.map(|t| rows.texts(t)),
        );
        let units_of = costing.0.map(|t| rows.texts(t));
        for row in 0..batch.num_rows() {
            let code = rows.required_text(&codes, code, row)?;
            let key = match position {
                Some(p) => rows
                    .number(p, row)?
                    .ok_or_else(|| rows.null(row, POSITION))?
                    .to_string(),
                None => code.to_string(),
            };
            if current.as_deref() != Some(key.as_str()) {
                let label_in = |texts| optional(texts, row).unwrap_or_default().to_string();
                let number = |n: Option<Number>| -> Result<Option<Decimal>, ColumnarError> {
                    n.map(|n| rows.number(n, row))
                        .transpose()
                        .map(Option::flatten)
                };
                let unit = units_of.as_ref().and_then(|t| t.get(row));
                let costing = match (unit, number(costing.1)?, number(costing.2)?) {
                    (Some(unit), Some(quantity), Some(unit_cost)) => Some(UnitCosting {
                        unit: unit.to_string(),
                        quantity,
                        unit_cost,
                    }),
                    _ => None,
                };
                plan.lines.push(BudgetLine {
                    code: code.to_string(),
                    objective: rows.required_text(&objectives, objective, row)?.to_string(),
                    label: Text::new(label_in(&labels.0), label_in(&labels.1)),
                    source: rows.required_text(&sources, source, row)?.to_string(),
                    amounts: Vec::new(),
                    costing,
                });
                current = Some(key);
            }
            let value = rows.number(amount, row)?;
            let text = periods.get(row);
            let Some(line) = plan.lines.last_mut() else {
                continue;
            };
            match (text, value) {
                (None, None) => {}
                (Some(text), Some(amount)) => {
                    let period: FiscalPeriod = text.parse().map_err(|_| {
                        rows.bad(row, PERIOD, text, Message::new("columnar-reason-period"))
                    })?;
                    line.amounts.push(PeriodAmount { period, amount });
                }
                (None, Some(_)) => return Err(rows.null(row, PERIOD)),
                (Some(_), None) => return Err(rows.null(row, AMOUNT)),
            }
        }
        first = first.saturating_add(batch.num_rows() as u64);
    }
    Ok(plan)
}
