//! Reports: pure functions of (plan, ledger, options).
//!
//! One sign convention everywhere, stated in every output ([`SIGN_CONVENTION`]): `engaged`,
//! `liquidated`, `ordered` and `paid` count what has reached that stage of the expenditure
//! chain or beyond (`docs/expenditure-chain.md`), each record converted to the plan currency
//! and rounded on its own, then summed; `remaining_to_pay = engaged - paid` (alias
//! `committed`); `available = revised - engaged`; `variance = revised - paid`;
//! `commitment_rate = engaged / revised`; `payment_rate = paid / revised` (alias
//! `execution_rate`; none when revised is 0).

pub mod activity;
pub mod ageing;
mod chain;
pub mod columns;
mod execution;
pub mod final_report;
mod groupings;
pub mod labels;
pub mod progress;
#[cfg(test)]
pub(crate) mod sample;
pub mod variance;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::MoneyError;
use crate::plan::{Lang, Plan, Text};
use crate::render::{Cell, Column, Table};
use crate::validation::{Finding, FindingCode};

use labels::label;

pub use activity::{Activity, Transaction, YearBudget, activity};
pub use final_report::{FinalOptions, FinalReport, Reconciliation, final_report};
pub use groupings::variance_reports;
pub use progress::{ProgressOptions, ProgressReport, progress};
pub use variance::{VarianceReport, VarianceRow, variance};

use variance::Totals;

/// The sign convention, stated in every report.
pub const SIGN_CONVENTION: &str = "engaged, liquidated, ordered, paid: what has reached the stage or \
     beyond, cumulative; remaining_to_pay (alias committed) = engaged - paid; available = \
     revised - engaged; variance = revised - paid (positive: money left, negative: overspent); \
     commitment_rate = engaged / revised; payment_rate (alias execution_rate) = paid / revised";

/// What the rows of a report are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grouping {
    /// One row per strategic objective.
    #[default]
    Objective,
    /// One row per budget line.
    Line,
    /// One row per funding source.
    Source,
    /// One row per fiscal year.
    Period,
}

impl Grouping {
    /// Every grouping.
    pub const ALL: [Grouping; 4] = [
        Grouping::Objective,
        Grouping::Line,
        Grouping::Source,
        Grouping::Period,
    ];

    /// The stable code (`objective`, `line`, `source`, `period`).
    pub fn code(&self) -> &'static str {
        match self {
            Grouping::Objective => "objective",
            Grouping::Line => "line",
            Grouping::Source => "source",
            Grouping::Period => "period",
        }
    }

    /// Where a finding about the group `key` is: `line 0201`, `objective OS1`, ...
    pub fn location(&self, key: &str) -> planfin_messages::Message {
        use planfin_messages::msg;
        match self {
            Grouping::Objective => msg!("location-objective", objective = key),
            Grouping::Line => msg!("location-line", line = key),
            Grouping::Source => msg!("location-source", source = key),
            Grouping::Period => msg!("location-period", period = key),
        }
    }
}

impl fmt::Display for Grouping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Grouping {
    type Err = planfin_messages::Message;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Grouping::ALL
            .into_iter()
            .find(|g| g.code() == s.trim().to_ascii_lowercase())
            .ok_or_else(|| {
                let codes: Vec<&str> = Grouping::ALL.iter().map(Grouping::code).collect();
                planfin_messages::msg!(
                    "error-grouping-unknown",
                    value = s,
                    codes = codes.join(", ")
                )
            })
    }
}

/// Options of a report.
///
/// ```
/// use planfin_core::report::{Grouping, ReportOptions};
/// let options = ReportOptions { by: Grouping::Line, ..ReportOptions::default() };
/// assert_eq!(options.tolerance, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// Cut-off date: amendments and expenditures dated after it are left out. `None`: the
    /// later of the plan's end and the last dated amendment or expenditure (nothing left out).
    pub as_of: Option<NaiveDate>,
    /// The rows.
    pub by: Grouping,
    /// `over_tolerance` flags a row whose |variance| exceeds this percentage of its revised
    /// budget. `None` (the default): no such flag.
    pub tolerance: Option<Decimal>,
    /// Language of labels.
    pub lang: Lang,
    /// `stale_commitment` flags a commitment engaged and not fully paid more than this many
    /// days before the as-of date (default [`ReportOptions::STALE_DAYS`]).
    pub stale_days: u32,
}

impl ReportOptions {
    /// The default age of a stale commitment, in days.
    pub const STALE_DAYS: u32 = 90;
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            as_of: None,
            by: Grouping::Objective,
            tolerance: None,
            lang: Lang::Fr,
            stale_days: ReportOptions::STALE_DAYS,
        }
    }
}

/// The amount fields of a row or of the totals, in the plan currency.
///
/// The four stage figures are cumulative: each counts what has reached that stage or beyond
/// (`docs/expenditure-chain.md`), so `engaged >= liquidated >= ordered >= paid` for every
/// commitment. As JSON, the fields in the order of [`Amounts::fields`], with `committed`
/// (the alias of `remaining_to_pay`) after `remaining_to_pay`, then the rates
/// `commitment_rate`, `payment_rate` and `execution_rate` (the alias of `payment_rate`).
///
/// ```
/// use planfin_core::{report::Amounts, Decimal};
/// let a = Amounts::derive(Decimal::from(1000), Decimal::from(-100), [600, 500, 450, 300].map(Decimal::from))?;
/// assert_eq!((a.revised, a.remaining_to_pay, a.available, a.variance), (900.into(), 300.into(), 300.into(), 600.into()));
/// assert_eq!(a.payment_rate().map(|r| r.to_string()), Some("0.3333".into()));
/// let json = serde_json::to_string(&a)?;
/// assert!(json.contains(r#""remaining_to_pay":"300","committed":"300""#), "{json}");
/// assert!(json.contains(r#""payment_rate":"0.3333","execution_rate":"0.3333""#), "{json}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounts {
    /// Initial budget.
    pub initial: Decimal,
    /// Net amendments up to the as-of date.
    pub amendments: Decimal,
    /// Revised budget = initial + amendments.
    pub revised: Decimal,
    /// Committed (engagement reached), cumulative.
    pub engaged: Decimal,
    /// Liquidated (service done, amount due), cumulative.
    pub liquidated: Decimal,
    /// Ordered (mandated), cumulative.
    pub ordered: Decimal,
    /// Paid.
    pub paid: Decimal,
    /// Restes à payer: engaged - paid.
    pub remaining_to_pay: Decimal,
    /// Crédits disponibles: revised - engaged.
    pub available: Decimal,
    /// revised - paid.
    pub variance: Decimal,
}

impl Amounts {
    /// The number of [`Amounts::fields`].
    pub const LEN: usize = 10;

    /// The ten fields with their stable names, in order.
    pub fn fields(&self) -> [(&'static str, Decimal); Amounts::LEN] {
        [
            ("initial", self.initial),
            ("amendments", self.amendments),
            ("revised", self.revised),
            ("engaged", self.engaged),
            ("liquidated", self.liquidated),
            ("ordered", self.ordered),
            ("paid", self.paid),
            ("remaining_to_pay", self.remaining_to_pay),
            ("available", self.available),
            ("variance", self.variance),
        ]
    }

    /// Amounts from the budget and the four cumulative stage figures (engaged, liquidated,
    /// ordered, paid), deriving revised, remaining to pay, available and variance.
    pub fn derive(
        initial: Decimal,
        amendments: Decimal,
        stages: [Decimal; 4],
    ) -> Result<Amounts, MoneyError> {
        let of = || MoneyError::Overflow("a report row");
        let [engaged, liquidated, ordered, paid] = stages;
        let revised = initial.checked_add(amendments).ok_or_else(of)?;
        Ok(Amounts {
            initial,
            amendments,
            revised,
            engaged,
            liquidated,
            ordered,
            paid,
            remaining_to_pay: engaged.checked_sub(paid).ok_or_else(of)?,
            available: revised.checked_sub(engaged).ok_or_else(of)?,
            variance: revised.checked_sub(paid).ok_or_else(of)?,
        })
    }

    /// Field-wise sum.
    pub fn checked_add(&self, other: &Amounts) -> Result<Amounts, MoneyError> {
        let of = || MoneyError::Overflow("report totals");
        let add = |a: Decimal, b: Decimal| a.checked_add(b).ok_or_else(of);
        Ok(Amounts {
            initial: add(self.initial, other.initial)?,
            amendments: add(self.amendments, other.amendments)?,
            revised: add(self.revised, other.revised)?,
            engaged: add(self.engaged, other.engaged)?,
            liquidated: add(self.liquidated, other.liquidated)?,
            ordered: add(self.ordered, other.ordered)?,
            paid: add(self.paid, other.paid)?,
            remaining_to_pay: add(self.remaining_to_pay, other.remaining_to_pay)?,
            available: add(self.available, other.available)?,
            variance: add(self.variance, other.variance)?,
        })
    }

    /// engaged / revised, to four decimals (half away from zero); `None` when revised is 0.
    pub fn commitment_rate(&self) -> Option<Decimal> {
        execution_rate(self.engaged, self.revised)
    }

    /// paid / revised, to four decimals (half away from zero); `None` when revised is 0.
    pub fn payment_rate(&self) -> Option<Decimal> {
        execution_rate(self.paid, self.revised)
    }

    /// The alias of [`Amounts::payment_rate`], its name before the expenditure chain.
    pub fn execution_rate(&self) -> Option<Decimal> {
        self.payment_rate()
    }
}

impl Serialize for Amounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Amounts", Amounts::LEN + 4)?;
        for (key, value) in self.fields() {
            s.serialize_field(key, &value)?;
            if key == "remaining_to_pay" {
                s.serialize_field("committed", &value)?;
            }
        }
        s.serialize_field("commitment_rate", &self.commitment_rate())?;
        s.serialize_field("payment_rate", &self.payment_rate())?;
        s.serialize_field("execution_rate", &self.payment_rate())?;
        s.end()
    }
}

/// `part / whole` to exactly four decimals, half away from zero; `None` when `whole` is 0.
///
/// ```
/// use planfin_core::{report::execution_rate, Decimal};
/// assert_eq!(execution_rate(Decimal::from(1), Decimal::from(3)).map(|r| r.to_string()), Some("0.3333".into()));
/// assert_eq!(execution_rate(Decimal::from(3), Decimal::from(10)).map(|r| r.to_string()), Some("0.3000".into()));
/// assert_eq!(execution_rate(Decimal::from(1), Decimal::ZERO), None);
/// ```
pub fn execution_rate(part: Decimal, whole: Decimal) -> Option<Decimal> {
    part.checked_div(whole).map(|r| {
        let mut r =
            r.round_dp_with_strategy(4, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        // Always four decimals ("0.3000", not "0.3"), so that scripts see one shape.
        r.rescale(4);
        r
    })
}

/// A flag on a report row. Stable codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// paid > revised.
    OverBudget,
    /// Engaged beyond the revised budget (`available` < 0): the *contrôle de disponibilité
    /// des crédits* forbids it.
    OverCommitted,
    /// |variance| beyond the tolerance.
    OverTolerance,
    /// Nothing committed or paid.
    NotStarted,
    /// Spending dated outside the plan period.
    OutsidePeriod,
    /// Spending on a line the plan does not have.
    UnknownLine,
    /// A voucher of this row was seen twice (counted once).
    DuplicateVoucher,
}

impl Flag {
    /// Every flag, in the order they are listed.
    pub const ALL: [Flag; 7] = [
        Flag::OverBudget,
        Flag::OverCommitted,
        Flag::OverTolerance,
        Flag::NotStarted,
        Flag::OutsidePeriod,
        Flag::UnknownLine,
        Flag::DuplicateVoucher,
    ];

    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Flag::OverBudget => "over_budget",
            Flag::OverCommitted => "over_committed",
            Flag::OverTolerance => "over_tolerance",
            Flag::NotStarted => "not_started",
            Flag::OutsidePeriod => "outside_period",
            Flag::UnknownLine => "unknown_line",
            Flag::DuplicateVoucher => "duplicate_voucher",
        }
    }
}

/// The plan, as reports describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanHeader {
    /// Plan code.
    pub code: String,
    /// Title.
    pub title: Text,
    /// Organisation.
    pub organisation: String,
    /// Plan currency code.
    pub currency: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// Ceiling.
    pub ceiling: Decimal,
}

impl PlanHeader {
    /// The header of `plan`.
    pub fn of(plan: &Plan) -> PlanHeader {
        PlanHeader {
            code: plan.code.clone(),
            title: plan.title.clone(),
            organisation: plan.organisation.clone(),
            currency: plan.currency.code().to_string(),
            start: plan.start,
            end: plan.end,
            ceiling: plan.ceiling,
        }
    }
}

/// Why a report could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// Validation found errors; every finding is attached.
    #[error("{}", self.render(Lang::En))]
    Blocked(Vec<Finding>),
    /// An amount too large to compute exactly.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl ReportError {
    /// The error as a person reads it in `lang`: how many findings block the report and the
    /// first of them, or what overflowed.
    pub fn render(&self, lang: Lang) -> String {
        self.message().render(lang)
    }

    /// The error as a message, to render or to nest in another.
    pub fn message(&self) -> planfin_messages::Message {
        match self {
            ReportError::Blocked(findings) => {
                let errors = findings.iter().filter(|f| f.is_error());
                let first = errors.clone().next().map(Finding::line);
                planfin_messages::msg!(
                    "error-report-blocked",
                    count = errors.count(),
                    first =
                        first.unwrap_or_else(|| planfin_messages::msg!("common-text", text = "")),
                )
            }
            ReportError::Money(e) => e.message(),
        }
    }
}

/// A table with one row per group: the group's code and label, the ten amounts, the
/// commitment and payment rates, then the `extra` columns, then the flags; each row of `rows` with the cells
/// of its `extra` columns, then the totals (labelled `total`) with theirs.
pub(crate) fn grouped_table<'a>(
    title: String,
    lang: Lang,
    group: &str,
    extra: &[&str],
    rows: impl IntoIterator<Item = (&'a VarianceRow, Vec<Cell>)>,
    totals: (&Totals, Vec<Cell>),
    notes: Vec<String>,
) -> Table {
    let (columns, headers) = grouped_columns(group, extra, lang);
    let rows = rows
        .into_iter()
        .map(|(r, extra)| grouped_cells(&r.key, &r.label, &r.amounts, extra, &r.flags))
        .collect();
    let (sums, extra) = totals;
    let totals = grouped_cells(label("total", lang), "", &sums.amounts, extra, &[]);
    Table {
        title,
        lang,
        columns,
        headers,
        rows,
        totals: Some(totals),
        notes,
    }
}

/// A table of one row per `(key, value)`: the key, its label in `lang`, the value.
pub(crate) fn key_value_table<'k>(
    title: String,
    lang: Lang,
    values: impl IntoIterator<Item = (&'k str, Cell)>,
    notes: Vec<String>,
) -> Table {
    Table {
        title,
        lang,
        columns: ["key", "label", "value"].map(Column::plain).to_vec(),
        headers: ["key", "label", "value"]
            .iter()
            .map(|k| label(k, lang).to_string())
            .collect(),
        rows: values
            .into_iter()
            .map(|(k, v)| {
                vec![
                    Cell::Text(k.to_string()),
                    Cell::Text(label(k, lang).to_string()),
                    v,
                ]
            })
            .collect(),
        totals: None,
        notes,
    }
}

/// A report as stable, pretty JSON, ending with a newline.
pub(crate) fn pretty_json(report: &impl Serialize) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default() + "\n"
}

/// The columns and the headers (in `lang`) of a [`grouped_table`].
fn grouped_columns(group: &str, extra: &[&str], lang: Lang) -> (Vec<Column>, Vec<String>) {
    let mut keys = vec!["key".to_string(), "label".to_string()];
    keys.extend(Amounts::default().fields().map(|(k, _)| k.to_string()));
    keys.push("commitment_rate".to_string());
    keys.push("payment_rate".to_string());
    keys.extend(extra.iter().map(|k| k.to_string()));
    keys.push("flags".to_string());
    let headers = keys
        .iter()
        .enumerate()
        .map(|(i, k)| match i {
            0 => label(group, lang).to_string(),
            _ => label(k, lang).to_string(),
        })
        .collect();
    (keys.iter().map(|k| columns::column(k)).collect(), headers)
}

/// The cells of one row of a [`grouped_table`].
fn grouped_cells(
    key: &str,
    row_label: &str,
    amounts: &Amounts,
    extra: Vec<Cell>,
    flags: &[Flag],
) -> Vec<Cell> {
    let mut cells = vec![
        Cell::Text(key.to_string()),
        Cell::Text(row_label.to_string()),
    ];
    cells.extend(amounts.fields().map(|(_, v)| Cell::Amount(v)));
    cells.push(Cell::Rate(amounts.commitment_rate()));
    cells.push(Cell::Rate(amounts.payment_rate()));
    cells.extend(extra);
    cells.push(Cell::Flags(flags.iter().map(Flag::code).collect()));
    cells
}

/// Every finding about `ledger` against `plan` as the reports find them: each record's checks
/// (unknown line, precision, rates, period, duplicates) and the expenditure chain's
/// (`payment_without_commitment`, `commitment_other_line`, `stage_exceeds_previous`,
/// `stage_regression`, `stale_commitment` after `stale_days` at the end of the ledger,
/// `over_committed`). The plan's own findings are left out: [`validate_plan`] gives them. When
/// the plan has errors, the chain is not computed and only the records' checks are given.
///
/// [`validate_plan`]: crate::validation::validate_plan
///
/// ```
/// use planfin_core::{cnltp, report::{ledger_findings, ReportOptions}};
/// let found = ledger_findings(&cnltp::plan(), &cnltp::ledger(), ReportOptions::STALE_DAYS)?;
/// assert!(found.iter().any(|f| f.code.code() == "stale_commitment"));
/// assert!(found.iter().any(|f| f.code.code() == "unknown_line"));
/// # Ok::<(), planfin_core::money::MoneyError>(())
/// ```
pub fn ledger_findings(
    plan: &Plan,
    ledger: &crate::ledger::Ledger,
    stale_days: u32,
) -> Result<Vec<Finding>, MoneyError> {
    let execution = execution::Execution::new(plan, ledger, None, stale_days)?;
    Ok(execution.findings[execution.of_plan..].to_vec())
}

/// Every finding as a table (code, severity, location, message), for the reports that render
/// their findings as a table of their own; with no finding, a note says so.
///
/// ```
/// use planfin_core::{plan::Lang, report::findings_table};
/// let table = findings_table("Findings".into(), &[], Lang::En);
/// assert_eq!(table.headers, ["Code", "Severity", "Location", "Message"]);
/// assert_eq!(table.notes, ["No findings."]);
/// ```
pub fn findings_table(title: String, findings: &[Finding], lang: Lang) -> Table {
    let keys = ["code", "severity", "location", "message"];
    let headers = keys.iter().map(|k| label(k, lang).to_string()).collect();
    let rows = findings
        .iter()
        .map(|f| {
            vec![
                Cell::Text(f.code.code().to_string()),
                Cell::Text(f.severity.message().render(lang)),
                Cell::Text(f.location_text(lang).unwrap_or_default()),
                Cell::Text(f.message.render(lang)),
            ]
        })
        .collect();
    let notes = if findings.is_empty() {
        vec![label("no_findings", lang).to_string()]
    } else {
        Vec::new()
    };
    Table {
        title,
        lang,
        columns: keys.map(Column::plain).to_vec(),
        headers,
        rows,
        totals: None,
        notes,
    }
}

/// One `over_budget` warning per budget line of `by_line` (a variance report by line) whose
/// paid amount exceeds its revised budget. Lines the plan does not have are left out: their
/// spending already has an `unknown_line` finding per expenditure.
pub(crate) fn over_budget_findings(by_line: &VarianceReport, plan: &Plan) -> Vec<Finding> {
    let cur = &by_line.currency;
    by_line
        .rows
        .iter()
        .filter(|r| r.flags.contains(&Flag::OverBudget) && plan.line(&r.key).is_some())
        .map(|r| {
            let a = &r.amounts;
            Finding::warning(
                FindingCode::OverBudget,
                planfin_messages::msg!(
                    "finding-over-budget",
                    paid = a.paid,
                    currency = cur,
                    as_of = by_line.as_of,
                    over = a.variance.abs(),
                    revised = a.revised,
                ),
                by_line.by.location(&r.key),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flag_and_amount_field_has_both_labels() {
        let keys = Flag::ALL
            .iter()
            .map(|f| f.code())
            .chain(Amounts::default().fields().map(|(k, _)| k))
            .chain(final_report::Reconciliation::KEYS.iter().copied())
            .chain(progress::SUMMARY_KEYS.iter().copied());
        for key in keys {
            assert_ne!(label(key, Lang::Fr), key, "{key} fr");
            assert_ne!(label(key, Lang::En), key, "{key} en");
        }
    }
}
