//! The budget-vs-actual variance report.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::labels::label;
use super::{
    Amounts, Flag, Grouping, PlanHeader, ReportError, ReportOptions, SIGN_CONVENTION,
    grouped_cells, grouped_columns,
};
use crate::ledger::Ledger;
use crate::money::{MoneyError, ROUNDING_RULE, converted_units, from_minor_units, to_minor_units};
use crate::plan::{Lang, LineIndex, Plan};
use crate::render::{Cell, Table};
use crate::validation::{
    Finding, check_expenditure, distinct_amendments, duplicate_findings, validate_plan,
};

/// One row of a variance report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VarianceRow {
    /// Objective, line or source code, or the year.
    pub key: String,
    /// Its title in the report's language.
    pub label: String,
    /// The amounts.
    #[serde(flatten)]
    pub amounts: Amounts,
    /// paid / revised to four decimals; `None` when revised is 0.
    pub execution_rate: Option<Decimal>,
    /// Flags, in the order of [`Flag::ALL`].
    pub flags: Vec<Flag>,
}

/// The totals of a variance report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Sum of every row, field by field.
    #[serde(flatten)]
    pub amounts: Amounts,
    /// paid / revised of the totals.
    pub execution_rate: Option<Decimal>,
}

/// The variance report: rows, totals that foot, and the findings of validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VarianceReport {
    /// The plan.
    pub plan: PlanHeader,
    /// Currency of every amount.
    pub currency: String,
    /// Cut-off date.
    pub as_of: NaiveDate,
    /// What the rows are.
    pub by: Grouping,
    /// Language of labels.
    pub lang: Lang,
    /// Percentage for `over_tolerance`, if any.
    pub tolerance: Option<Decimal>,
    /// The sign convention.
    pub sign_convention: &'static str,
    /// The rounding rule.
    pub rounding: &'static str,
    /// One row per group.
    pub rows: Vec<VarianceRow>,
    /// Sum of the rows.
    pub totals: Totals,
    /// Warnings of validation (errors block the report).
    pub findings: Vec<Finding>,
}

impl VarianceReport {
    /// The report as stable, pretty JSON (DESIGN section 4): amounts as decimal strings.
    ///
    /// ```
    /// use planfin_core::{cnltp, report::{variance, ReportOptions}};
    /// let report = variance(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
    /// let json = report.to_json();
    /// assert!(json.contains("\"ceiling\": \"206850000\""));
    /// # Ok::<(), planfin_core::report::ReportError>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// The title of the grouping column in the report's language.
    pub fn group_label(&self) -> &'static str {
        label(self.by.code(), self.lang)
    }

    /// The report as a [`Table`] for the text, CSV and Markdown renderers: one row per group,
    /// the totals, and notes stating the currency, the sign convention and the findings.
    ///
    /// ```
    /// use planfin_core::{cnltp, render::text_table, report::{variance, ReportOptions}};
    /// let report = variance(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
    /// let text = text_table(&report.to_table());
    /// assert!(text.contains("206 850 000"));
    /// # Ok::<(), planfin_core::report::ReportError>(())
    /// ```
    pub fn to_table(&self) -> Table {
        let lang = self.lang;
        let (keys, headers) = grouped_columns(self.by.code(), &[], lang);
        let rows = self
            .rows
            .iter()
            .map(|r| {
                grouped_cells(
                    &r.key,
                    &r.label,
                    &r.amounts,
                    r.execution_rate,
                    Vec::new(),
                    &r.flags,
                )
            })
            .collect();
        let totals = grouped_cells(
            label("total", lang),
            "",
            &self.totals.amounts,
            self.totals.execution_rate,
            Vec::new(),
            &[],
        );
        let mut notes = vec![
            format!("{} : {}", label("currency", lang), self.currency),
            format!(
                "{} : {}",
                label("sign_convention", lang),
                label("sign_convention_text", lang)
            ),
        ];
        notes.extend(self.findings.iter().map(ToString::to_string));
        Table {
            title: format!(
                "{} — {} — {} {} — {} : {}",
                label("variance_title", lang),
                self.plan.title.get(lang),
                label("as_of", lang),
                self.as_of,
                label("ceiling", lang),
                Cell::Amount(self.plan.ceiling).human(lang) + " " + &self.currency,
            ),
            lang,
            keys,
            headers,
            rows,
            totals: Some(totals),
            notes,
        }
    }
}

#[derive(Default)]
struct Acc {
    key: String,
    label: String,
    initial: Decimal,
    amendments: Decimal,
    /// Committed, in minor units of the plan currency (exact integers add fastest).
    committed: i128,
    /// Paid, in minor units of the plan currency.
    paid: i128,
    entries: usize,
    outside_period: bool,
    unknown_line: bool,
    duplicate: bool,
    /// Created for spending on lines the plan does not have: listed last.
    unknown_row: bool,
}

/// The rows being built, in output order, found by key.
struct Rows {
    rows: Vec<Acc>,
    index: HashMap<String, usize>,
    /// Row of each year met so far, so that grouping by period formats no string per entry.
    years: Vec<(i32, usize)>,
}

impl Rows {
    fn new() -> Rows {
        Rows {
            rows: Vec::new(),
            index: HashMap::new(),
            years: Vec::new(),
        }
    }

    fn get_or_insert(&mut self, key: &str, label: impl FnOnce() -> String) -> usize {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        self.rows.push(Acc {
            key: key.to_string(),
            label: label(),
            ..Acc::default()
        });
        self.index.insert(key.to_string(), self.rows.len() - 1);
        self.rows.len() - 1
    }

    fn year(&mut self, year: i32) -> usize {
        if let Some(&(_, row)) = self.years.iter().find(|(y, _)| *y == year) {
            return row;
        }
        let key = year.to_string();
        let row = self.get_or_insert(&key, || key.clone());
        self.years.push((year, row));
        row
    }
}

fn add(a: &mut Decimal, b: Decimal) -> Result<(), MoneyError> {
    *a = a
        .checked_add(b)
        .ok_or(MoneyError::Overflow("a report row"))?;
    Ok(())
}

/// The default as-of date: the later of the plan's end and its last dated event.
pub(crate) fn default_as_of(plan: &Plan, ledger: &Ledger) -> NaiveDate {
    let last_spend = ledger.entries().iter().map(|e| e.date).max();
    let last_amendment = plan.amendments.iter().map(|a| a.date).max();
    [Some(plan.end), last_spend, last_amendment]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(plan.end)
}

/// Computes the variance report of `plan` against `ledger`.
///
/// Validation runs first: any error finding blocks the report ([`ReportError::Blocked`] carries
/// every finding); warnings are attached to the report. The ledger is read once: each entry is
/// checked and added up in the same pass.
///
/// ```
/// use planfin_core::{cnltp, report::{variance, Grouping, ReportOptions}};
/// let report = variance(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
/// assert_eq!(report.by, Grouping::Objective);
/// // The five objectives, then spending on lines the plan does not have.
/// assert_eq!(report.rows.len(), 6);
/// assert_eq!(report.rows[5].key, "?");
/// assert_eq!(report.totals.amounts.initial.to_string(), "206850000");
/// # Ok::<(), planfin_core::report::ReportError>(())
/// ```
pub fn variance(
    plan: &Plan,
    ledger: &Ledger,
    options: &ReportOptions,
) -> Result<VarianceReport, ReportError> {
    let mut findings = validate_plan(plan);
    let as_of = options.as_of.unwrap_or_else(|| default_as_of(plan, ledger));
    let lang = options.lang;
    let by = options.by;
    let currency = plan.currency;

    let mut rows = Rows::new();
    // Row of each line (unused when grouping by period, where the date decides).
    let mut line_row = Vec::with_capacity(plan.lines.len());
    match by {
        Grouping::Objective => {
            for o in &plan.objectives {
                rows.get_or_insert(&o.code, || o.title.get(lang).to_string());
            }
        }
        Grouping::Source => {
            for s in &plan.sources {
                rows.get_or_insert(&s.code, || s.name.get(lang).to_string());
            }
        }
        Grouping::Line | Grouping::Period => {}
    }
    for line in &plan.lines {
        let row = match by {
            Grouping::Objective => rows.get_or_insert(&line.objective, String::new),
            Grouping::Source => rows.get_or_insert(&line.source, String::new),
            Grouping::Line => rows.get_or_insert(&line.code, || line.label.get(lang).to_string()),
            Grouping::Period => 0,
        };
        line_row.push(row);
    }
    let line_index = LineIndex::new(plan);
    if by == Grouping::Period {
        for year in plan.start.year()..=plan.end.year() {
            rows.year(year);
        }
    }

    // Amounts are added up only while nothing blocks the report; checking goes on to the end,
    // so that every finding is reported at once.
    let mut blocked = findings.iter().any(Finding::is_error);
    if !blocked {
        for (i, line) in plan.lines.iter().enumerate() {
            for pa in &line.amounts {
                let row = if by == Grouping::Period {
                    rows.year(pa.period.year)
                } else {
                    line_row[i]
                };
                add(&mut rows.rows[row].initial, pa.amount)?;
            }
        }
        for a in distinct_amendments(plan).filter(|a| a.date <= as_of) {
            for (line, delta) in a.effects() {
                let Some(i) = line_index.get(line) else {
                    continue;
                };
                let row = match (by, &a.source) {
                    (Grouping::Period, _) => rows.year(a.date.year()),
                    (Grouping::Source, Some(source)) => rows.get_or_insert(source, String::new),
                    _ => line_row[i],
                };
                add(&mut rows.rows[row].amendments, delta)?;
            }
        }
    }

    let duplicated: HashSet<&str> = ledger
        .duplicates()
        .iter()
        .map(|d| d.voucher.as_str())
        .collect();
    let unknown_label = label("unknown_line", lang);
    let overflow = || MoneyError::Overflow("a report row");
    for (e, origin) in ledger.entries().iter().zip(ledger.origins()) {
        let known = line_index.get(&e.line);
        let before = findings.len();
        check_expenditure(plan, e, origin, known.is_some(), &mut findings);
        if findings.len() > before {
            blocked |= findings[before..].iter().any(Finding::is_error);
        }
        if blocked || e.date > as_of {
            continue;
        }
        let row = match (by, known) {
            (Grouping::Period, _) => rows.year(e.date.year()),
            (_, Some(i)) => line_row[i],
            (_, None) => {
                let key = if by == Grouping::Line {
                    e.line.as_str()
                } else {
                    "?"
                };
                let row = rows.get_or_insert(key, || unknown_label.to_string());
                rows.rows[row].unknown_row = true;
                row
            }
        };
        let units = if e.currency == currency && e.rate.is_none() {
            to_minor_units(e.amount, currency)?
        } else {
            let rate =
                e.rate
                    .or_else(|| plan.rate_on(e.currency, e.date))
                    .ok_or(MoneyError::NoRate {
                        from: e.currency,
                        to: currency,
                    })?;
            converted_units(e.amount, rate, currency)?
        };
        let acc = &mut rows.rows[row];
        let sum = if e.stage.is_committed() {
            &mut acc.committed
        } else {
            &mut acc.paid
        };
        *sum = sum.checked_add(units).ok_or_else(overflow)?;
        acc.entries += 1;
        acc.outside_period |= !plan.in_period(e.date);
        acc.unknown_line |= known.is_none();
        acc.duplicate |= !duplicated.is_empty() && duplicated.contains(e.voucher.as_str());
    }
    findings.extend(duplicate_findings(ledger));
    if blocked {
        return Err(ReportError::Blocked(findings));
    }

    if by == Grouping::Period {
        rows.rows.sort_by(|a, b| a.key.cmp(&b.key));
    } else {
        // Unknown-line rows go last, by code, so that the order of the ledger does not matter
        // (the sort is stable: the plan's rows keep the plan's order).
        rows.rows.sort_by(|a, b| {
            a.unknown_row.cmp(&b.unknown_row).then_with(|| {
                if a.unknown_row && b.unknown_row {
                    a.key.cmp(&b.key)
                } else {
                    std::cmp::Ordering::Equal
                }
            })
        });
    }
    let mut out_rows = Vec::with_capacity(rows.rows.len());
    let mut totals = Amounts::default();
    for acc in rows.rows {
        let amounts = Amounts::derive(
            acc.initial,
            acc.amendments,
            from_minor_units(acc.committed, currency)?,
            from_minor_units(acc.paid, currency)?,
        )?;
        totals = totals.checked_add(&amounts)?;
        let over_tolerance = options.tolerance.is_some_and(|tol| {
            let limit = acc_limit(amounts.revised, tol);
            limit.is_none_or(|limit| amounts.variance.abs() > limit)
        });
        let flags = Flag::ALL
            .into_iter()
            .filter(|f| match f {
                Flag::OverBudget => amounts.paid > amounts.revised,
                Flag::OverTolerance => over_tolerance,
                Flag::NotStarted => acc.entries == 0,
                Flag::OutsidePeriod => acc.outside_period,
                Flag::UnknownLine => acc.unknown_line,
                Flag::DuplicateVoucher => acc.duplicate,
            })
            .collect();
        out_rows.push(VarianceRow {
            key: acc.key,
            label: acc.label,
            execution_rate: amounts.execution_rate(),
            amounts,
            flags,
        });
    }
    Ok(VarianceReport {
        plan: PlanHeader::of(plan),
        currency: currency.code().to_string(),
        as_of,
        by,
        lang,
        tolerance: options.tolerance,
        sign_convention: SIGN_CONVENTION,
        rounding: ROUNDING_RULE,
        rows: out_rows,
        totals: Totals {
            execution_rate: totals.execution_rate(),
            amounts: totals,
        },
        findings,
    })
}

/// The largest |variance| within `tolerance` percent of `revised`; `None` when that overflows.
fn acc_limit(revised: Decimal, tolerance: Decimal) -> Option<Decimal> {
    revised
        .abs()
        .checked_mul(tolerance)?
        .checked_div(Decimal::ONE_HUNDRED)
}
