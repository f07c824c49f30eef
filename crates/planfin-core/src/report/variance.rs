//! The budget-vs-actual variance report.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::execution::{Execution, SlotLine, Tally};
use super::labels::{label, labelled};
use super::{
    Amounts, Flag, Grouping, PlanHeader, ReportError, ReportOptions, SIGN_CONVENTION,
    grouped_table, pretty_json,
};
use crate::findings::Findings;
use crate::ledger::Ledger;
use crate::money::{MoneyError, ROUNDING_RULE, at_minor_unit, from_minor_units};
use crate::plan::{Lang, Plan};
use crate::render::{Cell, Table};
use crate::validation::Finding;

/// One row of a variance report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VarianceRow {
    /// Objective, line or source code, or the year.
    pub key: String,
    /// Its title in the report's language.
    pub label: String,
    /// The amounts, with their rates.
    #[serde(flatten)]
    pub amounts: Amounts,
    /// Flags, in the order of [`Flag::ALL`].
    pub flags: Vec<Flag>,
    /// The fiscal year of a row by period (`None` in the other groupings).
    #[serde(skip)]
    pub year: Option<i32>,
}

/// The totals of a variance report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Sum of every row, field by field, with its rates.
    #[serde(flatten)]
    pub amounts: Amounts,
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
    /// Days after which an open commitment is stale.
    pub stale_days: u32,
    /// The sign convention.
    pub sign_convention: &'static str,
    /// The rounding rule.
    pub rounding: &'static str,
    /// One row per group.
    pub rows: Vec<VarianceRow>,
    /// Sum of the rows.
    pub totals: Totals,
    /// Warnings of validation (errors block the report).
    pub findings: Findings,
}

impl VarianceReport {
    /// The report as stable, pretty JSON (its shape is in README.md, "For analysts"): amounts as
    /// decimal strings.
    ///
    /// ```
    /// use planfin_core::{cnltp, report::{variance, ReportOptions}};
    /// let report = variance(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
    /// let json = report.to_json();
    /// assert!(json.contains("\"ceiling\": \"206850000\""));
    /// # Ok::<(), planfin_core::report::ReportError>(())
    /// ```
    pub fn to_json(&self) -> String {
        pretty_json(self)
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
        let mut notes = vec![
            labelled("currency", &self.currency, lang),
            labelled("sign_convention", label("sign_convention_text", lang), lang),
        ];
        notes.extend(self.findings.iter().map(|f| f.render(lang)));
        let title = format!(
            "{} — {} — {} {} — {}",
            label("variance_title", lang),
            self.plan.title.get(lang),
            label("as_of", lang),
            planfin_messages::format_date(self.as_of, lang),
            labelled(
                "ceiling",
                Cell::Amount(self.plan.ceiling).human(lang) + " " + &self.currency,
                lang
            ),
        );
        grouped_table(
            title,
            lang,
            self.by.code(),
            &[],
            self.rows.iter().map(|r| (r, Vec::new())),
            (&self.totals, Vec::new()),
            notes,
        )
    }
}

#[derive(Default)]
struct Acc {
    key: String,
    /// The fiscal year of a row by period.
    year: Option<i32>,
    label: String,
    initial: Decimal,
    amendments: Decimal,
    /// Engaged, liquidated, ordered, paid, in minor units of the plan currency (exact
    /// integers add fastest).
    stages: [i128; 4],
    entries: usize,
    outside_period: bool,
    unknown_line: bool,
    duplicate: bool,
    /// Created for spending on lines the plan does not have: listed last.
    unknown_row: bool,
}

impl Acc {
    fn add(&mut self, cell: &Tally, unknown_line: bool) -> Result<(), MoneyError> {
        let of = || MoneyError::Overflow("a report row");
        self.initial = self.initial.checked_add(cell.initial).ok_or_else(of)?;
        self.amendments = self
            .amendments
            .checked_add(cell.amendments)
            .ok_or_else(of)?;
        for (sum, units) in self.stages.iter_mut().zip(cell.stages) {
            *sum = sum.checked_add(units).ok_or_else(of)?;
        }
        self.entries = self.entries.saturating_add(cell.entries);
        self.outside_period |= cell.outside_period;
        self.unknown_line |= unknown_line;
        self.duplicate |= cell.duplicate;
        Ok(())
    }
}

/// The rows being built, in output order, found by key.
struct Rows {
    rows: Vec<Acc>,
    index: HashMap<String, usize>,
}

impl Rows {
    fn new() -> Rows {
        Rows {
            rows: Vec::new(),
            index: HashMap::new(),
        }
    }

    fn get_or_insert(&mut self, key: &str, label: impl FnOnce() -> String) -> usize {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        let row = self.rows.len();
        self.rows.push(Acc {
            key: key.to_string(),
            label: label(),
            ..Acc::default()
        });
        self.index.insert(key.to_string(), row);
        row
    }

    fn year(&mut self, year: i32) -> usize {
        let key = year.to_string();
        let row = self.get_or_insert(&key, || key.clone());
        self.rows[row].year = Some(year);
        row
    }

    /// The row of spending on a line the plan does not have: its own row by line, `?` else.
    fn unknown(&mut self, by: Grouping, code: &str, lang: Lang) -> usize {
        let key = match by {
            Grouping::Line => code,
            _ => "?",
        };
        let row = self.get_or_insert(key, || label("unknown_line", lang).to_string());
        self.rows[row].unknown_row = true;
        row
    }
}

/// Computes the variance report of `plan` against `ledger`.
///
/// Validation runs first: any error finding blocks the report ([`ReportError::Blocked`] carries
/// every finding); warnings are attached to the report. The ledger is read once: each entry is
/// checked and added up in the same pass (see `docs/expenditure-chain.md` for the stages).
///
/// ```
/// use planfin_core::{cnltp, report::{variance, Grouping, ReportOptions}};
/// let report = variance(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
/// assert_eq!(report.by, Grouping::Objective);
/// // The five objectives, then spending on lines the plan does not have.
/// assert_eq!(report.rows.len(), 6);
/// assert_eq!(report.rows[5].key, "?");
/// assert_eq!(report.totals.amounts.initial.to_string(), "206850000");
/// let t = &report.totals.amounts;
/// assert_eq!(t.remaining_to_pay, t.engaged - t.paid);
/// # Ok::<(), planfin_core::report::ReportError>(())
/// ```
pub fn variance(
    plan: &Plan,
    ledger: &Ledger,
    options: &ReportOptions,
) -> Result<VarianceReport, ReportError> {
    let execution = Execution::new(plan, ledger, options.as_of, options.stale_days)?;
    fold(&execution, options)
}

/// The variance report of `execution` grouped by `options.by` (whose cut-off must be the one
/// `execution` was computed at).
pub(crate) fn fold(
    execution: &Execution<'_>,
    options: &ReportOptions,
) -> Result<VarianceReport, ReportError> {
    if execution.blocked {
        return Err(ReportError::Blocked(execution.findings.to_vec()));
    }
    let (plan, by, lang) = (execution.plan, options.by, options.lang);
    let (mut rows, line_row) = plan_rows(plan, by, lang);
    for slot in &execution.slots {
        for (year, cell) in &slot.years {
            let row = match (by, slot.line) {
                (Grouping::Period, _) => rows.year(*year),
                (_, SlotLine::Plan(i)) => line_row[i],
                (by, SlotLine::Unknown(key)) => {
                    rows.unknown(by, execution.ledger.line_code(key), lang)
                }
            };
            let unknown = matches!(slot.line, SlotLine::Unknown(_));
            rows.rows[row].add(cell, unknown)?;
        }
    }
    finish(execution, options, rows.rows)
}

/// The report of the rows added up: sorted, their amounts and flags, the totals.
fn finish(
    execution: &Execution<'_>,
    options: &ReportOptions,
    mut rows: Vec<Acc>,
) -> Result<VarianceReport, ReportError> {
    let (by, plan) = (options.by, execution.plan);
    sort_rows(&mut rows, by);
    let mut out_rows = Vec::with_capacity(rows.len());
    let mut totals = Amounts::default();
    for acc in rows {
        let amounts =
            row_amounts(&acc, plan.currency).and_then(|a| totals.checked_add(&a).map(|t| (a, t)));
        let Ok((amounts, sum)) = amounts else {
            let mut findings = execution.findings.to_vec();
            findings.push(row_overflow(by, &acc.key));
            return Err(ReportError::Blocked(findings));
        };
        totals = sum;
        out_rows.push(VarianceRow {
            flags: flags(&acc, &amounts, options.tolerance),
            year: acc.year,
            key: acc.key,
            label: acc.label,
            amounts,
        });
    }
    Ok(VarianceReport {
        plan: PlanHeader::of(plan),
        currency: plan.currency.code().to_string(),
        as_of: execution.as_of,
        by,
        lang: options.lang,
        tolerance: options.tolerance,
        stale_days: options.stale_days,
        sign_convention: SIGN_CONVENTION,
        rounding: ROUNDING_RULE,
        rows: out_rows,
        totals: Totals { amounts: totals },
        findings: execution.findings.in_lang(options.lang),
    })
}

/// The rows of the plan's groups (objectives, sources, lines or the plan's years), in the
/// plan's order, and the row of each line.
fn plan_rows(plan: &Plan, by: Grouping, lang: Lang) -> (Rows, Vec<usize>) {
    let mut rows = Rows::new();
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
    let line_row = plan
        .lines
        .iter()
        .map(|line| match by {
            Grouping::Objective => rows.get_or_insert(&line.objective, String::new),
            Grouping::Source => rows.get_or_insert(&line.source, String::new),
            Grouping::Line => rows.get_or_insert(&line.code, || line.label.get(lang).to_string()),
            Grouping::Period => 0,
        })
        .collect();
    if by == Grouping::Period {
        for year in plan.start.year()..=plan.end.year() {
            rows.year(year);
        }
    }
    (rows, line_row)
}

/// Years in order; else the plan's rows in the plan's order, then the unknown-line rows by
/// code, so that the order of the ledger does not matter (the sort is stable).
fn sort_rows(rows: &mut [Acc], by: Grouping) {
    if by == Grouping::Period {
        rows.sort_by(|a, b| a.key.cmp(&b.key));
        return;
    }
    rows.sort_by(|a, b| {
        a.unknown_row.cmp(&b.unknown_row).then_with(|| {
            if a.unknown_row && b.unknown_row {
                a.key.cmp(&b.key)
            } else {
                std::cmp::Ordering::Equal
            }
        })
    });
}

/// The flags of a row, in the order of [`Flag::ALL`].
fn flags(acc: &Acc, amounts: &Amounts, tolerance: Option<Decimal>) -> Vec<Flag> {
    let over_tolerance = tolerance.is_some_and(|tol| {
        let limit = acc_limit(amounts.revised, tol);
        limit.is_none_or(|limit| amounts.variance.abs() > limit)
    });
    Flag::ALL
        .into_iter()
        .filter(|f| match f {
            Flag::OverBudget => amounts.paid > amounts.revised,
            Flag::OverCommitted => amounts.available < Decimal::ZERO,
            Flag::OverTolerance => over_tolerance,
            Flag::NotStarted => acc.entries == 0,
            Flag::OutsidePeriod => acc.outside_period,
            Flag::UnknownLine => acc.unknown_line,
            Flag::DuplicateVoucher => acc.duplicate,
        })
        .collect()
}

/// The amounts of a row, derived from what was added up.
fn row_amounts(acc: &Acc, currency: crate::currency::Currency) -> Result<Amounts, MoneyError> {
    let mut stages = [Decimal::ZERO; 4];
    for (amount, units) in stages.iter_mut().zip(acc.stages) {
        *amount = from_minor_units(units, currency)?;
    }
    Amounts::derive(
        at_minor_unit(acc.initial, currency)?,
        at_minor_unit(acc.amendments, currency)?,
        stages,
    )
}

/// The blocking finding for a row (or the totals up to it) too large to compute exactly.
fn row_overflow(by: Grouping, key: &str) -> Finding {
    Finding::error(
        crate::validation::FindingCode::Overflow,
        planfin_messages::Message::new("finding-overflow-row"),
        by.location(key),
    )
}

/// The largest |variance| within `tolerance` percent of `revised`; `None` when that overflows.
fn acc_limit(revised: Decimal, tolerance: Decimal) -> Option<Decimal> {
    revised
        .abs()
        .checked_mul(tolerance)?
        .checked_div(Decimal::ONE_HUNDRED)
}

#[cfg(test)]
mod tests {
    //! Expected values worked out by hand from the sample plan (see `report::sample`).

    use super::*;
    use crate::currency::Currency;
    use crate::expenditure::Stage;
    use crate::report::sample::{self, d, date, expenditure};
    use crate::validation::FindingCode;

    /// initial, amendments, revised, engaged, liquidated, ordered, paid, remaining_to_pay,
    /// available, variance (engaged = what was committed + what was paid; liquidated adds E5,
    /// the one record at liquidation).
    fn amounts(v: [&str; 10]) -> Amounts {
        Amounts {
            initial: d(v[0]),
            amendments: d(v[1]),
            revised: d(v[2]),
            engaged: d(v[3]),
            liquidated: d(v[4]),
            ordered: d(v[5]),
            paid: d(v[6]),
            remaining_to_pay: d(v[7]),
            available: d(v[8]),
            variance: d(v[9]),
        }
    }

    fn report(by: Grouping, as_of: &str, tolerance: Option<&str>) -> Option<VarianceReport> {
        let options = ReportOptions {
            as_of: Some(date(as_of)),
            by,
            tolerance: tolerance.map(d),
            lang: Lang::En,
            ..ReportOptions::default()
        };
        variance(&sample::plan(), &sample::ledger(), &options).ok()
    }

    fn row<'a>(report: &'a VarianceReport, key: &str) -> Option<&'a VarianceRow> {
        report.rows.iter().find(|r| r.key == key)
    }

    fn keys(report: &VarianceReport) -> Vec<&str> {
        report.rows.iter().map(|r| r.key.as_str()).collect()
    }

    #[test]
    fn by_objective_at_the_cut_off() {
        let r = report(Grouping::Objective, "2019-06-30", None);
        let r = r.as_ref();
        assert_eq!(r.map(keys), Some(vec!["OS1", "OS2"]));
        // OS1 = L11 + L12: A1 takes 50,000 from L11; A3 (2019-09-01) is after the cut-off;
        // paid E1 120,000 + E2 100,001 + E6 -20,000; E7 (2019-08-15) is after the cut-off.
        let os1 = r.and_then(|r| row(r, "OS1"));
        assert_eq!(
            os1.map(|r| r.amounts),
            Some(amounts([
                "500000", "-50000", "450000", "200001", "200001", "200001", "200001", "0",
                "249999", "249999"
            ]))
        );
        // 200,001 / 450,000 = 0.444446... -> 0.4444.
        assert_eq!(
            os1.and_then(|r| r.amounts.payment_rate()),
            Some(d("0.4444"))
        );
        assert_eq!(os1.map(|r| r.flags.clone()), Some(vec![]));
        assert_eq!(os1.map(|r| r.label.as_str()), Some("Objective 1"));
        // OS2 = L21 + L22: A1 gives 50,000 to L21, A2 raises L22 by 30,000; committed E3 80,000
        // + E5 29,997; paid E4 80,000 + E8 300,000 (dated on the cut-off: included).
        let os2 = r.and_then(|r| row(r, "OS2"));
        assert_eq!(
            os2.map(|r| r.amounts),
            Some(amounts([
                "500000", "80000", "580000", "489997", "409997", "380000", "380000", "109997",
                "90003", "200000"
            ]))
        );
        // 380,000 / 580,000 = 0.655172... -> 0.6552.
        assert_eq!(
            os2.and_then(|r| r.amounts.payment_rate()),
            Some(d("0.6552"))
        );
        assert_eq!(
            r.map(|r| r.totals.amounts),
            Some(amounts([
                "1000000", "30000", "1030000", "689998", "609998", "580001", "580001", "109997",
                "340002", "449999"
            ]))
        );
        // 580,001 / 1,030,000 = 0.563107... -> 0.5631.
        assert_eq!(
            r.and_then(|r| r.totals.amounts.payment_rate()),
            Some(d("0.5631"))
        );
    }

    #[test]
    fn by_line_with_eur_at_the_peg_committed_and_a_correction() {
        let r = report(Grouping::Line, "2019-06-30", None);
        let r = r.as_ref();
        assert_eq!(r.map(keys), Some(vec!["L11", "L12", "L21", "L22"]));
        let get = |key| r.and_then(|r| row(r, key));
        // L11: 120,000 then a correction of -20,000.
        assert_eq!(
            get("L11").map(|r| r.amounts),
            Some(amounts([
                "300000", "-50000", "250000", "100000", "100000", "100000", "100000", "0",
                "150000", "150000"
            ]))
        );
        // L12: 152.45 EUR = 100,000.64465 XOF -> 100,001.
        assert_eq!(
            get("L12").map(|r| r.amounts),
            Some(amounts([
                "200000", "0", "200000", "100001", "100001", "100001", "100001", "0", "99999",
                "99999"
            ]))
        );
        // L21: 80,000 engaged (committed) and 80,000 paid.
        assert_eq!(
            get("L21").map(|r| r.amounts),
            Some(amounts([
                "250000", "50000", "300000", "160000", "80000", "80000", "80000", "80000",
                "140000", "220000"
            ]))
        );
        // L22: 45.73 EUR = 29,996.91361 XOF -> 29,997 committed; 300,000 paid > 280,000 revised.
        assert_eq!(
            get("L22").map(|r| r.amounts),
            Some(amounts([
                "250000", "30000", "280000", "329997", "329997", "300000", "300000", "29997",
                "-49997", "-20000"
            ]))
        );
        // Paid beyond the revised budget, and engaged beyond it: available -49,997.
        assert_eq!(
            get("L22").map(|r| r.flags.clone()),
            Some(vec![Flag::OverBudget, Flag::OverCommitted])
        );
        assert_eq!(get("L11").map(|r| r.flags.clone()), Some(vec![]));
    }

    #[test]
    fn by_source_puts_a_raise_on_its_source() {
        let r = report(Grouping::Source, "2019-06-30", None);
        let r = r.as_ref();
        assert_eq!(r.map(keys), Some(vec!["ETAT", "PTF"]));
        // ETAT = L11 + L21: the transfer A1 between them nets to zero.
        assert_eq!(
            r.and_then(|r| row(r, "ETAT")).map(|r| r.amounts),
            Some(amounts([
                "550000", "0", "550000", "260000", "180000", "180000", "180000", "80000", "290000",
                "370000"
            ]))
        );
        // PTF = L12 + L22, raised by A2.
        assert_eq!(
            r.and_then(|r| row(r, "PTF")).map(|r| r.amounts),
            Some(amounts([
                "450000", "30000", "480000", "429998", "429998", "400001", "400001", "29997",
                "50002", "79999"
            ]))
        );
    }

    #[test]
    fn by_period_groups_by_year_of_the_amount_amendment_and_expenditure() {
        let r = report(Grouping::Period, "2019-06-30", None);
        let r = r.as_ref();
        assert_eq!(r.map(keys), Some(vec!["2018", "2019"]));
        // 2018: initial 200,000 + 150,000 + 100,000; A1 nets to 0; committed E3; paid E1 + E2.
        assert_eq!(
            r.and_then(|r| row(r, "2018")).map(|r| r.amounts),
            Some(amounts([
                "450000", "0", "450000", "300001", "220001", "220001", "220001", "80000", "149999",
                "229999"
            ]))
        );
        // 2019: initial 100,000 + 50,000 + 250,000 + 150,000; A2; committed E5; paid E4 + E6 + E8.
        assert_eq!(
            r.and_then(|r| row(r, "2019")).map(|r| r.amounts),
            Some(amounts([
                "550000", "30000", "580000", "389997", "389997", "360000", "360000", "29997",
                "190003", "220000"
            ]))
        );
        assert_eq!(
            r.map(|r| r.totals.amounts.paid),
            Some(d("580001")),
            "the same totals as by objective"
        );
    }

    #[test]
    fn an_amendment_and_an_expenditure_count_from_their_date() {
        // On 2019-09-01, A3 (that day) and E7 (2019-08-15) count.
        let r = report(Grouping::Line, "2019-09-01", None);
        assert_eq!(
            r.as_ref().and_then(|r| row(r, "L12")).map(|r| r.amounts),
            Some(amounts([
                "200000", "-20000", "180000", "160001", "160001", "160001", "160001", "0", "19999",
                "19999"
            ]))
        );
        // The day before, neither does.
        let r = report(Grouping::Line, "2019-08-14", None);
        assert_eq!(
            r.as_ref().and_then(|r| row(r, "L12")).map(|r| r.amounts),
            Some(amounts([
                "200000", "0", "200000", "100001", "100001", "100001", "100001", "0", "99999",
                "99999"
            ]))
        );
    }

    #[test]
    fn tolerance_flag_only_when_asked() {
        // 40 %: OS1 may differ by 180,000 and differs by 249,999; OS2 by 232,000 and 200,000.
        let r = report(Grouping::Objective, "2019-06-30", Some("40"));
        let flags = |r: &Option<VarianceReport>, key| {
            r.as_ref()
                .and_then(|r| row(r, key))
                .map(|r| r.flags.clone())
        };
        assert_eq!(flags(&r, "OS1"), Some(vec![Flag::OverTolerance]));
        assert_eq!(flags(&r, "OS2"), Some(vec![]));
        assert_eq!(r.as_ref().and_then(|r| r.tolerance), Some(d("40")));
        let r = report(Grouping::Objective, "2019-06-30", None);
        assert_eq!(flags(&r, "OS1"), Some(vec![]));
        assert_eq!(flags(&r, "OS2"), Some(vec![]));
    }

    #[test]
    fn lines_with_nothing_yet_are_not_started() {
        // On 2018-03-31 only E1 (L11) has happened.
        let r = report(Grouping::Line, "2018-03-31", None);
        let flags: Vec<(String, Vec<Flag>)> = r
            .map(|r| r.rows.into_iter().map(|r| (r.key, r.flags)).collect())
            .unwrap_or_default();
        let not_started = vec![Flag::NotStarted];
        assert_eq!(
            flags,
            vec![
                ("L11".to_string(), vec![]),
                ("L12".to_string(), not_started.clone()),
                ("L21".to_string(), not_started.clone()),
                ("L22".to_string(), not_started),
            ]
        );
    }

    #[test]
    fn unknown_lines_go_last_sorted_by_code_whatever_the_ledger_order() {
        let mut entries = sample::entries();
        entries.push(expenditure(
            "Z-b",
            "2018-03-01",
            "Z2",
            "10",
            Currency::XOF,
            Stage::Paiement,
        ));
        entries.push(expenditure(
            "Z-a",
            "2018-03-01",
            "Z1",
            "5",
            Currency::XOF,
            Stage::Paiement,
        ));
        let options = ReportOptions {
            by: Grouping::Line,
            ..ReportOptions::default()
        };
        let r = variance(&sample::plan(), &sample::ledger_of(entries), &options).ok();
        let r = r.as_ref();
        assert_eq!(
            r.map(keys),
            Some(vec!["L11", "L12", "L21", "L22", "Z1", "Z2"])
        );
        assert_eq!(
            r.and_then(|r| row(r, "Z1")).map(|r| r.flags.clone()),
            Some(vec![
                Flag::OverBudget,
                Flag::OverCommitted,
                Flag::UnknownLine
            ])
        );
        let unknown = r.map(|r| {
            let unknown = r
                .findings
                .iter()
                .filter(|f| f.code == FindingCode::UnknownLine);
            unknown.count()
        });
        assert_eq!(unknown, Some(2), "one unknown_line warning per expenditure");
    }

    #[test]
    fn errors_block_with_every_finding_of_plan_and_ledger() {
        let mut plan = sample::plan();
        plan.lines[1].code = "L11".into();
        let mut entries = sample::entries();
        entries.push(expenditure(
            "U1",
            "2018-03-01",
            "L11",
            "10",
            Currency::USD,
            Stage::Paiement,
        ));
        let r = variance(
            &plan,
            &sample::ledger_of(entries),
            &ReportOptions::default(),
        );
        let codes: Vec<&str> = match &r {
            Err(ReportError::Blocked(findings)) => findings.iter().map(|f| f.code.code()).collect(),
            _ => Vec::new(),
        };
        assert!(codes.contains(&"duplicate_code"), "{codes:?}");
        assert!(codes.contains(&"no_rate"), "{codes:?}");
    }

    #[test]
    fn json_amounts_are_decimal_strings() {
        let r = report(Grouping::Objective, "2019-06-30", None);
        let json = r.map(|r| r.to_json()).unwrap_or_default();
        assert!(json.contains("\"paid\": \"580001\""), "{json}");
        assert!(json.contains("\"execution_rate\": \"0.5631\""), "{json}");
        assert!(json.contains("\"as_of\": \"2019-06-30\""), "{json}");
    }

    #[test]
    fn findings_after_the_cut_off_are_left_out() {
        let (plan, ledger) = (crate::cnltp::plan(), crate::cnltp::ledger());
        let codes = |as_of: Option<&str>| -> Vec<FindingCode> {
            let options = ReportOptions {
                as_of: as_of.map(date),
                ..ReportOptions::default()
            };
            let recorded = [
                FindingCode::UnknownLine,
                FindingCode::OutsidePeriod,
                FindingCode::DuplicateVoucher,
            ];
            variance(&plan, &ledger, &options)
                .map(|r| r.findings.iter().map(|f| f.code).collect::<Vec<_>>())
                .unwrap_or_default()
                .into_iter()
                .filter(|c| recorded.contains(c))
                .collect()
        };
        // The whole ledger: the 2019 voucher on line 0306, the 2020 voucher, the 2018 duplicate.
        assert_eq!(
            codes(None),
            [
                FindingCode::UnknownLine,
                FindingCode::OutsidePeriod,
                FindingCode::DuplicateVoucher
            ]
        );
        // At the end of 2018 only the duplicate of 2018 is in the report.
        assert_eq!(codes(Some("2018-12-31")), [FindingCode::DuplicateVoucher]);
    }
}
