//! The progress report (rapport d'étape): cumulative execution at a cut-off date, per objective
//! and per fiscal year, the pace of payments so far and where that pace leads by the end of the
//! plan.
//!
//! Definitions, stated in the report itself ([`BURN_RATE_BASIS`], [`PROJECTION_RULE`]):
//! - `days_total`: calendar days of the plan period, first and last day included;
//! - `days_elapsed`: calendar days from the plan start to the cut-off, both included, at least 0
//!   and at most `days_total`;
//! - `elapsed_share = days_elapsed / days_total`, to four decimals (half away from zero);
//! - `burn_rate_per_day = paid / days_elapsed`, rounded to the plan currency's minor unit, half
//!   away from zero; none when no day has elapsed;
//! - `projected_paid = paid x days_total / days_elapsed`, computed exactly in minor units and
//!   rounded once per row to the minor unit, half away from zero; the total is the sum of the
//!   rows, so the table foots; none when no day has elapsed;
//! - `projected_variance = revised - projected_paid`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::ageing::{AgeingRow, AgeingSection, ageing};
use super::execution::Execution;
use super::labels::{label, labelled};
use super::variance::{Totals, VarianceRow, fold};
use super::{
    Grouping, PlanHeader, ReportError, ReportOptions, SIGN_CONVENTION, execution_rate,
    findings_table, grouped_table, key_value_table, over_budget_findings, pretty_json,
};
use crate::findings::Findings;
use crate::ledger::Ledger;
use crate::money::{
    MoneyError, ROUNDING_RULE, div_round_half_away, from_minor_units, to_minor_units,
};
use crate::plan::{Lang, Plan};
use crate::render::{Cell, Table};
use crate::validation::{Finding, FindingCode};

/// How the burn rate is computed, stated in every progress report.
pub const BURN_RATE_BASIS: &str = "burn_rate_per_day = paid to the cut-off / days_elapsed, where \
     days_elapsed counts the calendar days from the plan start to the cut-off, both included (at \
     most the plan's length); rounded to the plan currency's minor unit, half away from zero";

/// How the projection is computed, stated in every progress report.
pub const PROJECTION_RULE: &str = "projected_paid = paid x days_total / days_elapsed, computed \
     exactly and rounded once per row to the plan currency's minor unit, half away from zero; \
     the total is the sum of the rows; projected_variance = revised - projected_paid";

/// The keys of the summary table, in order (labels exist for each in French and English).
pub const SUMMARY_KEYS: [&str; 9] = [
    "days_total",
    "days_elapsed",
    "elapsed_share",
    "revised",
    "paid",
    "execution_rate",
    "burn_rate_per_day",
    "projected_paid",
    "projected_variance",
];

/// Options of the progress report.
///
/// ```
/// use planfin_core::report::ProgressOptions;
/// let options = ProgressOptions::new("2019-06-30".parse()?);
/// assert_eq!(options.tolerance, None);
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressOptions {
    /// The cut-off date: amendments and expenditures dated after it are left out.
    pub as_of: NaiveDate,
    /// Language of labels.
    pub lang: Lang,
    /// `over_tolerance` flags a row whose |variance| exceeds this percentage of its revised
    /// budget; `None`: no such flag.
    pub tolerance: Option<Decimal>,
    /// The age in days beyond which an open commitment is a `stale_commitment` finding.
    pub stale_days: u32,
}

impl ProgressOptions {
    /// Options at the cut-off `as_of`, in French, with no tolerance, commitments stale after
    /// [`ReportOptions::STALE_DAYS`].
    pub fn new(as_of: NaiveDate) -> ProgressOptions {
        ProgressOptions {
            as_of,
            lang: Lang::Fr,
            tolerance: None,
            stale_days: ReportOptions::STALE_DAYS,
        }
    }
}

/// Days of a period elapsed at the cut-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Elapsed {
    /// Calendar days of the period, first and last included (0 for a year outside the plan).
    pub days_total: i64,
    /// Days from the period's first day to the cut-off, both included, between 0 and
    /// `days_total`.
    pub days_elapsed: i64,
    /// `days_elapsed / days_total` to four decimals; none when `days_total` is 0.
    pub share: Option<Decimal>,
}

impl Elapsed {
    /// The days of `first..=last` elapsed at `as_of` (an empty period when `last < first`).
    ///
    /// ```
    /// use planfin_core::report::progress::Elapsed;
    /// let e = Elapsed::between("2018-01-01".parse()?, "2019-12-31".parse()?, "2018-12-31".parse()?);
    /// assert_eq!((e.days_total, e.days_elapsed), (730, 365));
    /// assert_eq!(e.share, Some(planfin_core::Decimal::new(5, 1)));
    /// # Ok::<(), chrono::ParseError>(())
    /// ```
    pub fn between(first: NaiveDate, last: NaiveDate, as_of: NaiveDate) -> Elapsed {
        // Dates are at most 262,000 years apart: the day counts fit an i64 with room to spare.
        let days = |to: NaiveDate| to.signed_duration_since(first).num_days().saturating_add(1);
        let days_total = days(last).max(0);
        let days_elapsed = days(as_of.min(last)).clamp(0, days_total);
        Elapsed {
            days_total,
            days_elapsed,
            share: execution_rate(Decimal::from(days_elapsed), Decimal::from(days_total)),
        }
    }

    /// `paid` projected to the end of the period at the pace so far: `paid x days_total /
    /// days_elapsed`, rounded once to `plan`'s minor unit, half away from zero. `None` when no
    /// day has elapsed.
    fn project(&self, paid: Decimal, plan: &Plan) -> Result<Option<Decimal>, MoneyError> {
        if self.days_elapsed == 0 {
            return Ok(None);
        }
        let units = to_minor_units(paid, plan.currency)?
            .checked_mul(i128::from(self.days_total))
            .ok_or(MoneyError::Overflow("a projection"))?;
        let projected = div_round_half_away(units, i128::from(self.days_elapsed))?;
        from_minor_units(projected, plan.currency).map(Some)
    }

    /// `paid / days_elapsed` rounded to `plan`'s minor unit; `None` when no day has elapsed.
    fn per_day(&self, paid: Decimal, plan: &Plan) -> Result<Option<Decimal>, MoneyError> {
        if self.days_elapsed == 0 {
            return Ok(None);
        }
        let units = to_minor_units(paid, plan.currency)?;
        let rate = div_round_half_away(units, i128::from(self.days_elapsed))?;
        from_minor_units(rate, plan.currency).map(Some)
    }
}

/// One objective of the progress report: its variance row at the cut-off and its projection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectiveProgress {
    /// Code, label, amounts, execution rate and flags at the cut-off.
    #[serde(flatten)]
    pub row: VarianceRow,
    /// Paid projected to the end of the plan at the pace so far; none when no day has elapsed.
    pub projected_paid: Option<Decimal>,
    /// `revised - projected_paid`.
    pub projected_variance: Option<Decimal>,
}

/// The totals of the objectives, with the projection (the sum of the rows' projections).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectiveTotals {
    /// Sums of the rows and the execution rate.
    #[serde(flatten)]
    pub totals: Totals,
    /// Sum of the rows' projected paid amounts.
    pub projected_paid: Option<Decimal>,
    /// `revised - projected_paid`.
    pub projected_variance: Option<Decimal>,
}

/// Execution by objective at the cut-off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectiveSection {
    /// One row per objective (then spending on unknown lines, key `?`).
    pub rows: Vec<ObjectiveProgress>,
    /// Sum of the rows.
    pub totals: ObjectiveTotals,
}

/// One fiscal year of the progress report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodProgress {
    /// The year's variance row at the cut-off.
    #[serde(flatten)]
    pub row: VarianceRow,
    /// Days of the year inside the plan period, and how many have elapsed.
    pub elapsed: Elapsed,
}

/// Execution by fiscal year at the cut-off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodSection {
    /// One row per year of the plan (and per year with spending outside it).
    pub rows: Vec<PeriodProgress>,
    /// Sum of the rows.
    pub totals: Totals,
}

/// The progress report (rapport d'étape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressReport {
    /// Always `progress`.
    pub report: &'static str,
    /// The plan.
    pub plan: PlanHeader,
    /// Currency of every amount.
    pub currency: String,
    /// The cut-off date.
    pub as_of: NaiveDate,
    /// Language of labels.
    pub lang: Lang,
    /// Percentage for `over_tolerance`, if any.
    pub tolerance: Option<Decimal>,
    /// Days after which an open commitment is stale.
    pub stale_days: u32,
    /// The sign convention.
    pub sign_convention: &'static str,
    /// The rounding rule.
    pub rounding: &'static str,
    /// The plan period elapsed at the cut-off.
    pub elapsed: Elapsed,
    /// Total paid per elapsed day ([`BURN_RATE_BASIS`]); none when no day has elapsed.
    pub burn_rate_per_day: Option<Decimal>,
    /// How the burn rate is computed.
    pub burn_rate_basis: &'static str,
    /// How the projection is computed.
    pub projection_rule: &'static str,
    /// Execution and projection by objective.
    pub by_objective: ObjectiveSection,
    /// Execution by fiscal year.
    pub by_period: PeriodSection,
    /// Remaining to pay of the open commitments by age, per objective and per line.
    pub ageing: AgeingSection,
    /// Warnings of validation, `over_budget` per line and `projected_over_budget` per objective.
    pub findings: Findings,
}

/// Computes the progress report of `plan` against `ledger` at `options.as_of`.
///
/// The execution per objective and per year is the variance report at the cut-off (same
/// validation, same sign convention); a report blocked by error findings returns
/// [`ReportError::Blocked`] as [`super::variance()`] does.
///
/// ```
/// use planfin_core::{cnltp, report::{progress, ProgressOptions}};
/// let report = progress(&cnltp::plan(), &cnltp::ledger(), &ProgressOptions::new("2018-12-31".parse()?))?;
/// assert_eq!(report.elapsed.days_total, 730);
/// assert_eq!(report.elapsed.days_elapsed, 365);
/// assert_eq!(report.by_objective.totals.totals.amounts.initial.to_string(), "206850000");
/// // Half the period has elapsed: the projection doubles what has been paid.
/// let paid = report.by_objective.totals.totals.amounts.paid;
/// assert_eq!(report.by_objective.totals.projected_paid, Some(paid * planfin_core::Decimal::TWO));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn progress(
    plan: &Plan,
    ledger: &Ledger,
    options: &ProgressOptions,
) -> Result<ProgressReport, ReportError> {
    let at = |by| ReportOptions {
        as_of: Some(options.as_of),
        by,
        tolerance: options.tolerance,
        lang: options.lang,
        stale_days: options.stale_days,
    };
    let execution = Execution::new(plan, ledger, Some(options.as_of), options.stale_days)?;
    let objectives = fold(&execution, &at(Grouping::Objective))?;
    let periods = fold(&execution, &at(Grouping::Period))?;
    let lines = fold(&execution, &at(Grouping::Line))?;
    let ageing = ageing(&execution, options.lang)?;
    let elapsed = Elapsed::between(plan.start, plan.end, options.as_of);

    let mut rows = Vec::with_capacity(objectives.rows.len());
    let mut projected_total: Option<Decimal> = Some(Decimal::ZERO);
    for row in objectives.rows {
        let projected_paid = elapsed.project(row.amounts.paid, plan)?;
        let projected_variance = variance_of(row.amounts.revised, projected_paid)?;
        projected_total = match (projected_total, projected_paid) {
            (Some(t), Some(p)) => Some(
                t.checked_add(p)
                    .ok_or(MoneyError::Overflow("the projected total"))?,
            ),
            _ => None,
        };
        rows.push(ObjectiveProgress {
            row,
            projected_paid,
            projected_variance,
        });
    }
    let totals = objectives.totals;
    let by_objective = ObjectiveSection {
        totals: ObjectiveTotals {
            projected_variance: variance_of(totals.amounts.revised, projected_total)?,
            projected_paid: projected_total,
            totals,
        },
        rows,
    };
    let by_period = PeriodSection {
        rows: periods
            .rows
            .into_iter()
            .map(|row| {
                let elapsed = year_elapsed(plan, row.year, options.as_of);
                PeriodProgress { row, elapsed }
            })
            .collect(),
        totals: periods.totals,
    };

    let mut findings = objectives.findings;
    findings.extend(over_budget_findings(&lines, plan));
    if elapsed.days_elapsed < elapsed.days_total {
        findings.extend(projected_overruns(&by_objective, &elapsed, plan));
    }
    Ok(ProgressReport {
        report: "progress",
        plan: PlanHeader::of(plan),
        currency: plan.currency.code().to_string(),
        as_of: options.as_of,
        lang: options.lang,
        tolerance: options.tolerance,
        stale_days: options.stale_days,
        sign_convention: SIGN_CONVENTION,
        rounding: ROUNDING_RULE,
        burn_rate_per_day: elapsed.per_day(by_objective.totals.totals.amounts.paid, plan)?,
        burn_rate_basis: BURN_RATE_BASIS,
        projection_rule: PROJECTION_RULE,
        elapsed,
        by_objective,
        by_period,
        ageing,
        findings,
    })
}

fn variance_of(
    revised: Decimal,
    projected: Option<Decimal>,
) -> Result<Option<Decimal>, MoneyError> {
    projected
        .map(|p| {
            revised
                .checked_sub(p)
                .ok_or(MoneyError::Overflow("a projected variance"))
        })
        .transpose()
}

/// The days of `year` that fall in the plan period, elapsed at `as_of`.
fn year_elapsed(plan: &Plan, year: Option<i32>, as_of: NaiveDate) -> Elapsed {
    let first = year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1));
    let last = year.and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31));
    match (first, last) {
        (Some(first), Some(last)) => {
            Elapsed::between(first.max(plan.start), last.min(plan.end), as_of)
        }
        _ => Elapsed {
            days_total: 0,
            days_elapsed: 0,
            share: None,
        },
    }
}

/// A `projected_over_budget` warning per objective whose projected paid exceeds its revised
/// budget (spending on unknown lines has its own findings).
fn projected_overruns(section: &ObjectiveSection, elapsed: &Elapsed, plan: &Plan) -> Vec<Finding> {
    let cur = plan.currency.code();
    section
        .rows
        .iter()
        .filter(|r| plan.objective(&r.row.key).is_some())
        .filter_map(|r| {
            let projected = r.projected_paid?;
            let over = projected.checked_sub(r.row.amounts.revised)?;
            (over > Decimal::ZERO).then(|| {
                Finding::warning(
                    FindingCode::ProjectedOverBudget,
                    planfin_messages::msg!(
                        "finding-projected-over-budget",
                        paid = r.row.amounts.paid,
                        currency = cur,
                        days_elapsed = elapsed.days_elapsed,
                        days_total = elapsed.days_total,
                        projected = projected,
                        end = plan.end,
                        over = over,
                        revised = r.row.amounts.revised,
                    ),
                    planfin_messages::msg!("location-objective", objective = &r.row.key),
                )
            })
        })
        .collect()
}

impl ProgressReport {
    /// The report as stable, pretty JSON: amounts as decimal strings, day counts as integers.
    ///
    /// ```
    /// use planfin_core::{cnltp, report::{progress, ProgressOptions}};
    /// let report = progress(&cnltp::plan(), &cnltp::ledger(), &ProgressOptions::new("2019-06-30".parse()?))?;
    /// let json = report.to_json();
    /// assert!(json.contains("\"report\": \"progress\""));
    /// assert!(json.contains("\"days_total\": 730"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> String {
        pretty_json(self)
    }

    /// The report as tables for the text, CSV and Markdown renderers: a summary, execution by
    /// objective with the projection, execution by fiscal year, the ageing of open commitments
    /// by objective and by line, and the findings.
    ///
    /// ```
    /// use planfin_core::{cnltp, render::text_table, report::{progress, ProgressOptions}};
    /// let report = progress(&cnltp::plan(), &cnltp::ledger(), &ProgressOptions::new("2019-06-30".parse()?))?;
    /// let tables = report.to_tables();
    /// assert_eq!(tables.len(), 6);
    /// assert!(text_table(&tables[1]).contains("OS5"));
    /// assert_eq!(tables[3].keys()[2..], ["age_0_30", "age_31_90", "age_91_180", "age_over_180", "age_total"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_tables(&self) -> Vec<Table> {
        let lang = self.lang;
        let title = |part: &str| {
            format!(
                "{} — {} — {} {} — {}",
                label("progress_title", lang),
                self.plan.title.get(lang),
                label("as_of", lang),
                planfin_messages::format_date(self.as_of, lang),
                label(part, lang)
            )
        };
        let totals = &self.by_objective.totals;
        let amounts = &totals.totals.amounts;
        let values = [
            Cell::Count(self.elapsed.days_total),
            Cell::Count(self.elapsed.days_elapsed),
            Cell::Rate(self.elapsed.share),
            Cell::Amount(amounts.revised),
            Cell::Amount(amounts.paid),
            Cell::Rate(amounts.payment_rate()),
            optional_amount(self.burn_rate_per_day),
            optional_amount(totals.projected_paid),
            optional_amount(totals.projected_variance),
        ];
        let summary = key_value_table(
            title("summary"),
            lang,
            SUMMARY_KEYS.into_iter().zip(values),
            self.notes(),
        );

        let projection = |paid, variance| vec![optional_amount(paid), optional_amount(variance)];
        let objectives = grouped_table(
            title("by_objective"),
            lang,
            "objective",
            &["projected_paid", "projected_variance"],
            self.by_objective
                .rows
                .iter()
                .map(|r| (&r.row, projection(r.projected_paid, r.projected_variance))),
            (
                &totals.totals,
                projection(totals.projected_paid, totals.projected_variance),
            ),
            self.notes(),
        );

        let periods = grouped_table(
            title("by_period"),
            lang,
            "period",
            &["elapsed_share"],
            self.by_period
                .rows
                .iter()
                .map(|r| (&r.row, vec![Cell::Rate(r.elapsed.share)])),
            (&self.by_period.totals, vec![Cell::Rate(self.elapsed.share)]),
            self.notes(),
        );
        let ageing = |part: &str, group: &str, rows: &[AgeingRow]| {
            ageing_table(title(part), lang, group, rows, &self.ageing, self.notes())
        };
        let by_objective = ageing(
            "ageing_by_objective",
            "objective",
            &self.ageing.by_objective,
        );
        let by_line = ageing("ageing_by_line", "line", &self.ageing.by_line);
        let findings = findings_table(title("findings"), &self.findings, lang);
        vec![
            summary,
            objectives,
            periods,
            by_objective,
            by_line,
            findings,
        ]
    }

    /// Currency, sign convention, burn rate and projection rules, in the report's language.
    fn notes(&self) -> Vec<String> {
        let lang = self.lang;
        [
            ("currency", self.currency.as_str()),
            ("sign_convention", label("sign_convention_text", lang)),
            ("burn_rate", label("burn_rate_text", lang)),
            ("projection", label("projection_text", lang)),
        ]
        .iter()
        .map(|(k, v)| labelled(k, v, lang))
        .collect()
    }
}

/// An ageing table: one row per objective or line, the totals.
fn ageing_table(
    title: String,
    lang: Lang,
    group: &str,
    rows: &[AgeingRow],
    section: &AgeingSection,
    notes: Vec<String>,
) -> Table {
    let mut keys = vec!["key".to_string(), "label".to_string()];
    keys.extend(section.totals.fields().map(|(k, _)| k.to_string()));
    let headers = keys
        .iter()
        .enumerate()
        .map(|(i, k)| label(if i == 0 { group } else { k }, lang).to_string())
        .collect();
    let cells = |key: &str, row_label: &str, a: &super::ageing::Ageing| {
        let mut cells = vec![Cell::Text(key.into()), Cell::Text(row_label.into())];
        cells.extend(a.fields().map(|(_, v)| Cell::Amount(v)));
        cells
    };
    Table {
        title,
        lang,
        columns: keys.iter().map(|k| super::columns::column(k)).collect(),
        headers,
        rows: rows
            .iter()
            .map(|r| cells(&r.key, &r.label, &r.ageing))
            .collect(),
        totals: Some(cells(label("total", lang), "", &section.totals)),
        notes,
    }
}

/// An amount, or an empty numeric cell (shown `-`, empty in CSV) when there is none.
fn optional_amount(amount: Option<Decimal>) -> Cell {
    match amount {
        Some(a) => Cell::Amount(a),
        None => Cell::Rate(None),
    }
}

#[cfg(test)]
mod tests {
    //! Expected values worked out by hand from the sample plan (see `report::sample`).

    use super::*;
    use crate::report::Flag;
    use crate::report::sample::{self, d, date};
    use crate::validation::Severity;

    fn at(as_of: &str) -> Option<ProgressReport> {
        let options = ProgressOptions {
            lang: Lang::En,
            ..ProgressOptions::new(date(as_of))
        };
        progress(&sample::plan(), &sample::ledger(), &options).ok()
    }

    fn objective<'a>(r: &'a ProgressReport, key: &str) -> Option<&'a ObjectiveProgress> {
        r.by_objective.rows.iter().find(|o| o.row.key == key)
    }

    #[test]
    fn at_mid_2019() {
        let r = at("2019-06-30");
        let r = r.as_ref();
        // 2018-01-01..2019-12-31 is 365 + 365 days; to 2019-06-30, 365 + 181 = 546 days.
        assert_eq!(
            r.map(|r| r.elapsed),
            Some(Elapsed {
                days_total: 730,
                days_elapsed: 546,
                share: Some(d("0.7479")), // 546 / 730 = 0.747945...
            })
        );
        // 580,001 paid / 546 days = 1,062.27... -> 1,062 francs a day.
        assert_eq!(r.and_then(|r| r.burn_rate_per_day), Some(d("1062")));
        // OS1: 200,001 x 730 / 546 = 267,400.60... -> 267,401; 450,000 - 267,401 = 182,599.
        let os1 = r.and_then(|r| objective(r, "OS1"));
        assert_eq!(os1.and_then(|o| o.projected_paid), Some(d("267401")));
        assert_eq!(os1.and_then(|o| o.projected_variance), Some(d("182599")));
        assert_eq!(os1.map(|o| o.row.amounts.paid), Some(d("200001")));
        // OS2: 380,000 x 730 / 546 = 508,058.61 -> 508,059; 580,000 - 508,059 = 71,941.
        let os2 = r.and_then(|r| objective(r, "OS2"));
        assert_eq!(os2.and_then(|o| o.projected_paid), Some(d("508059")));
        assert_eq!(os2.and_then(|o| o.projected_variance), Some(d("71941")));
        assert_eq!(
            os2.map(|o| o.row.amounts.remaining_to_pay),
            Some(d("109997"))
        );
        // Totals: 267,401 + 508,059 = 775,460; 1,030,000 - 775,460 = 254,540.
        let totals = r.map(|r| &r.by_objective.totals);
        assert_eq!(totals.and_then(|t| t.projected_paid), Some(d("775460")));
        assert_eq!(totals.and_then(|t| t.projected_variance), Some(d("254540")));
        assert_eq!(totals.map(|t| t.totals.amounts.revised), Some(d("1030000")));
    }

    #[test]
    fn by_year_with_the_share_of_each_year_elapsed() {
        let r = at("2019-06-30");
        let rows: Vec<(String, Decimal, Decimal, Elapsed)> = r
            .map(|r| r.by_period.rows)
            .unwrap_or_default()
            .into_iter()
            .map(|p| {
                (
                    p.row.key,
                    p.row.amounts.revised,
                    p.row.amounts.paid,
                    p.elapsed,
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                (
                    "2018".to_string(),
                    d("450000"),
                    d("220001"),
                    Elapsed {
                        days_total: 365,
                        days_elapsed: 365,
                        share: Some(Decimal::ONE),
                    }
                ),
                (
                    "2019".to_string(),
                    d("580000"),
                    d("360000"),
                    // 181 / 365 = 0.495890... -> 0.4959.
                    Elapsed {
                        days_total: 365,
                        days_elapsed: 181,
                        share: Some(d("0.4959")),
                    }
                ),
            ]
        );
    }

    #[test]
    fn over_budget_line_is_a_finding() {
        let r = at("2019-06-30");
        let findings = r.map(|r| r.findings).unwrap_or_default();
        // E3 (engaged 2018-11-20) is 222 days old and unpaid; L22 is engaged 329,997 against
        // 280,000 revised, and paid beyond it.
        let codes: Vec<FindingCode> = findings.iter().map(|f| f.code).collect();
        assert_eq!(
            codes,
            [
                FindingCode::StaleCommitment,
                FindingCode::OverCommitted,
                FindingCode::OverBudget
            ],
            "{findings:#?}"
        );
        let f = &findings[2];
        assert_eq!(f.code, FindingCode::OverBudget);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(
            f.location_text(crate::plan::Lang::En).as_deref(),
            Some("line L22")
        );
        // Paid 300,000 against 250,000 + 30,000 revised.
        assert!(
            f.message.to_string().contains("paid 300,000 XOF"),
            "{}",
            f.message
        );
        assert!(
            f.message.to_string().contains("20,000 XOF more"),
            "{}",
            f.message
        );
        assert!(f.message.to_string().contains("amendment"), "{}", f.message);
    }

    #[test]
    fn projected_over_budget_early_in_the_plan() {
        // 2018-02-10 is day 41; OS1 has paid E1, 120,000; A1 has not happened yet.
        let r = at("2018-02-10");
        let r = r.as_ref();
        let os1 = r.and_then(|r| objective(r, "OS1"));
        // 120,000 x 730 / 41 = 2,136,585.37 -> 2,136,585; 500,000 - 2,136,585 = -1,636,585.
        assert_eq!(os1.and_then(|o| o.projected_paid), Some(d("2136585")));
        assert_eq!(os1.and_then(|o| o.projected_variance), Some(d("-1636585")));
        let os2 = r.and_then(|r| objective(r, "OS2"));
        assert_eq!(os2.and_then(|o| o.projected_paid), Some(Decimal::ZERO));
        assert_eq!(
            os2.map(|o| o.row.flags.clone()),
            Some(vec![Flag::NotStarted])
        );
        let findings = r.map(|r| r.findings.clone()).unwrap_or_default();
        assert_eq!(findings.len(), 1, "{findings:#?}");
        let f = &findings[0];
        assert_eq!(f.code, FindingCode::ProjectedOverBudget);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(
            f.location_text(crate::plan::Lang::En).as_deref(),
            Some("objective OS1")
        );
        assert!(
            f.message
                .to_string()
                .contains("120,000 XOF paid in 41 of 730 days"),
            "{}",
            f.message
        );
        assert!(
            f.message
                .to_string()
                .contains("2,136,585 XOF by 2019-12-31"),
            "{}",
            f.message
        );
        assert!(
            f.message.to_string().contains("1,636,585 XOF more"),
            "{}",
            f.message
        );
    }

    #[test]
    fn before_the_start_nothing_is_projected() {
        let r = at("2017-12-31");
        let r = r.as_ref();
        assert_eq!(r.map(|r| r.elapsed.days_elapsed), Some(0));
        assert_eq!(r.and_then(|r| r.elapsed.share), Some(Decimal::ZERO));
        assert_eq!(r.map(|r| r.burn_rate_per_day), Some(None));
        assert_eq!(r.map(|r| r.by_objective.totals.projected_paid), Some(None));
        assert_eq!(
            r.and_then(|r| objective(r, "OS1"))
                .map(|o| o.projected_paid),
            Some(None)
        );
    }

    #[test]
    fn after_the_end_the_projection_is_what_was_paid() {
        let r = at("2020-03-31");
        let r = r.as_ref();
        assert_eq!(r.map(|r| r.elapsed.days_elapsed), Some(730));
        // Everything counts: OS1 paid 120,000 + 100,001 - 20,000 + 60,000 = 260,001.
        let os1 = r.and_then(|r| objective(r, "OS1"));
        assert_eq!(os1.and_then(|o| o.projected_paid), Some(d("260001")));
        let codes: Vec<FindingCode> = r
            .map(|r| r.findings.iter().map(|f| f.code).collect())
            .unwrap_or_default();
        // E5 (liquidated 2019-04-10) is now 356 days old as well.
        assert_eq!(
            codes,
            vec![
                FindingCode::StaleCommitment,
                FindingCode::StaleCommitment,
                FindingCode::OverCommitted,
                FindingCode::OverBudget
            ]
        );
    }

    #[test]
    fn blocked_by_errors() {
        let mut plan = sample::plan();
        plan.lines[0].objective = "OS9".into();
        let r = progress(
            &plan,
            &sample::ledger(),
            &ProgressOptions::new(date("2019-06-30")),
        );
        assert!(matches!(r, Err(ReportError::Blocked(f)) if f.iter().any(Finding::is_error)));
    }

    #[test]
    fn json_field_names_are_stable() {
        let json = at("2019-06-30").map(|r| r.to_json()).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        for key in [
            "report",
            "plan",
            "currency",
            "as_of",
            "lang",
            "tolerance",
            "sign_convention",
            "rounding",
            "elapsed",
            "burn_rate_per_day",
            "burn_rate_basis",
            "projection_rule",
            "by_objective",
            "by_period",
            "ageing",
            "findings",
        ] {
            assert!(value.get(key).is_some(), "{key}");
        }
        assert_eq!(value["burn_rate_per_day"], "1062");
        assert_eq!(value["elapsed"]["days_elapsed"], 546);
        assert_eq!(value["by_objective"]["totals"]["projected_paid"], "775460");
        assert_eq!(
            value["by_objective"]["rows"][0]["projected_variance"],
            "182599"
        );
        assert_eq!(value["by_objective"]["rows"][0]["paid"], "200001");
        assert_eq!(value["by_period"]["rows"][1]["elapsed"]["share"], "0.4959");
        assert_eq!(value["findings"][2]["code"], "over_budget");
        // Open at the cut-off: E3 80,000 (222 days), E5 29,997 (81 days), both on OS2.
        let os2 = &value["ageing"]["by_objective"][1];
        assert_eq!(
            (
                &os2["key"],
                &os2["age_31_90"],
                &os2["age_over_180"],
                &os2["age_total"]
            ),
            (
                &"OS2".into(),
                &"29997".into(),
                &"80000".into(),
                &"109997".into()
            )
        );
        assert_eq!(value["ageing"]["totals"]["age_0_30"], "0");
    }

    #[test]
    fn tables_for_the_renderers() {
        let tables = at("2019-06-30").map(|r| r.to_tables()).unwrap_or_default();
        assert_eq!(tables.len(), 6);
        let summary = crate::render::csv(&tables[0], false);
        assert!(summary.contains("burn_rate_per_day,Burn rate (paid per day),1062\r\n"));
        assert!(summary.contains("projected_paid,Projected paid at plan end,775460\r\n"));
        let objectives = crate::render::csv(&tables[1], false);
        assert!(objectives.starts_with(
            "key,label,initial,amendments,revised,engaged,liquidated,ordered,paid,\
             remaining_to_pay,available,variance,commitment_rate,payment_rate,projected_paid,\
             projected_variance,flags\r\n"
        ));
        // Engaged 109,997 + 580,001 = 689,998 (0.6699 of 1,030,000); liquidated adds E5.
        assert!(objectives.contains(
            "Total,,1000000,30000,1030000,689998,609998,580001,580001,109997,340002,449999,\
             0.6699,0.5631,775460,254540,\r\n"
        ));
        let ageing = crate::render::csv(&tables[4], false);
        assert!(
            ageing.contains("L22,Line L22,0,29997,0,0,29997\r\n"),
            "{ageing}"
        );
        assert!(crate::render::csv(&tables[5], false).contains("over_budget,warning,line L22,"));
    }
}
