//! The final report (rapport final): the whole plan period, the reconciliation of the ceiling
//! with the amendments and the spending, the variance by objective and by funding source, and
//! every finding.
//!
//! The reconciliation reads top to bottom, each figure derived from the ones above:
//! - `unallocated = ceiling - initial_allocation` (the lines' initial budgets);
//! - `transfers_net` is the net effect of transfers between lines (zero: a transfer takes from
//!   one line what it gives to another; `transfers_gross` is the amount moved);
//! - `raises_cuts_net = raises + cuts` (cuts are negative);
//! - `amendments = transfers_net + raises_cuts_net`;
//! - `revised = initial_allocation + amendments`;
//! - `remaining_to_pay = engaged - paid`; `available = revised - engaged`;
//!   `unspent = revised - paid`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::execution::Execution;
use super::labels::{label, labelled};
use super::variance::{Totals, VarianceReport, VarianceRow, fold};
use super::{
    Grouping, PlanHeader, ReportError, ReportOptions, SIGN_CONVENTION, findings_table,
    grouped_table, key_value_table, over_budget_findings, pretty_json,
};
use crate::findings::Findings;
use crate::ledger::Ledger;
use crate::money::{MoneyError, ROUNDING_RULE, at_minor_unit};
use crate::plan::{Lang, Plan};
use crate::render::{Cell, Table};
use crate::validation::distinct_amendments;

/// Options of the final report.
///
/// ```
/// use planfin_core::{plan::Lang, report::final_report::FinalOptions};
/// let options = FinalOptions { lang: Lang::En, ..FinalOptions::default() };
/// assert_eq!(options.tolerance, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinalOptions {
    /// Language of labels.
    pub lang: Lang,
    /// `over_tolerance` flags a row whose |variance| exceeds this percentage of its revised
    /// budget; `None`: no such flag.
    pub tolerance: Option<Decimal>,
    /// The age in days beyond which an open commitment is a `stale_commitment` finding.
    pub stale_days: u32,
}

impl Default for FinalOptions {
    fn default() -> FinalOptions {
        FinalOptions {
            lang: Lang::default(),
            tolerance: None,
            stale_days: ReportOptions::STALE_DAYS,
        }
    }
}

/// From the ceiling to what is left unspent, in the plan currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reconciliation {
    /// The plan's ceiling (plafond).
    pub ceiling: Decimal,
    /// Sum of the lines' initial budgets.
    pub initial_allocation: Decimal,
    /// `ceiling - initial_allocation`.
    pub unallocated: Decimal,
    /// Total amount moved by transfers between lines.
    pub transfers_gross: Decimal,
    /// Net effect of the transfers on the total budget (zero).
    pub transfers_net: Decimal,
    /// Sum of the raises (amendments that add to a line only).
    pub raises: Decimal,
    /// Sum of the cuts (amendments that take from a line only), negative.
    pub cuts: Decimal,
    /// `raises + cuts`.
    pub raises_cuts_net: Decimal,
    /// `transfers_net + raises_cuts_net`.
    pub amendments: Decimal,
    /// `initial_allocation + amendments`.
    pub revised: Decimal,
    /// Engaged (cumulative commitments).
    pub engaged: Decimal,
    /// Paid.
    pub paid: Decimal,
    /// Restes à payer: `engaged - paid`.
    pub remaining_to_pay: Decimal,
    /// The alias of `remaining_to_pay`, its name before the expenditure chain (JSON only).
    pub committed: Decimal,
    /// Crédits disponibles: `revised - engaged`.
    pub available: Decimal,
    /// `revised - paid`.
    pub unspent: Decimal,
}

impl Reconciliation {
    /// The stable names of the fields, in order (labels exist for each).
    pub const KEYS: [&'static str; 15] = [
        "ceiling",
        "initial_allocation",
        "unallocated",
        "transfers_gross",
        "transfers_net",
        "raises",
        "cuts",
        "raises_cuts_net",
        "amendments",
        "revised",
        "engaged",
        "paid",
        "remaining_to_pay",
        "available",
        "unspent",
    ];

    /// The fields with their stable names, in the order of [`Reconciliation::KEYS`].
    pub fn fields(&self) -> [(&'static str, Decimal); 15] {
        let values = [
            self.ceiling,
            self.initial_allocation,
            self.unallocated,
            self.transfers_gross,
            self.transfers_net,
            self.raises,
            self.cuts,
            self.raises_cuts_net,
            self.amendments,
            self.revised,
            self.engaged,
            self.paid,
            self.remaining_to_pay,
            self.available,
            self.unspent,
        ];
        let mut out = [("", Decimal::ZERO); 15];
        for (slot, (key, value)) in out.iter_mut().zip(Self::KEYS.iter().zip(values)) {
            *slot = (key, value);
        }
        out
    }

    /// The reconciliation of `plan` with the variance `totals`, counting the amendments dated
    /// up to `as_of` as the variance report does.
    fn of(plan: &Plan, totals: &Totals, as_of: NaiveDate) -> Result<Reconciliation, MoneyError> {
        let of = || MoneyError::Overflow("the reconciliation");
        let add = |a: Decimal, b: Decimal| a.checked_add(b).ok_or_else(of);
        let sub = |a: Decimal, b: Decimal| a.checked_sub(b).ok_or_else(of);
        let (mut gross, mut net, mut raises, mut cuts) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for a in distinct_amendments(plan).filter(|a| a.date <= as_of) {
            let effect = a
                .effects()
                .filter(|(line, _)| plan.line(line).is_some())
                .try_fold(Decimal::ZERO, |acc, (_, d)| add(acc, d))?;
            match (&a.from, &a.to) {
                (Some(_), Some(_)) => {
                    gross = add(gross, a.amount)?;
                    net = add(net, effect)?;
                }
                (None, Some(_)) => raises = add(raises, effect)?,
                (Some(_), None) => cuts = add(cuts, effect)?,
                (None, None) => {}
            }
        }
        // Every figure with the currency's decimals, as the variance rows have them.
        let exact = |d: Decimal| at_minor_unit(d, plan.currency);
        let (ceiling, gross, net) = (exact(plan.ceiling)?, exact(gross)?, exact(net)?);
        let (raises, cuts) = (exact(raises)?, exact(cuts)?);
        let initial = totals.amounts.initial;
        let raises_cuts_net = add(raises, cuts)?;
        let amendments = add(net, raises_cuts_net)?;
        let revised = add(initial, amendments)?;
        let engaged = totals.amounts.engaged;
        let paid = totals.amounts.paid;
        let remaining_to_pay = sub(engaged, paid)?;
        Ok(Reconciliation {
            ceiling,
            initial_allocation: initial,
            unallocated: sub(ceiling, initial)?,
            transfers_gross: gross,
            transfers_net: net,
            raises,
            cuts,
            raises_cuts_net,
            amendments,
            revised,
            engaged,
            paid,
            remaining_to_pay,
            committed: remaining_to_pay,
            available: sub(revised, engaged)?,
            unspent: sub(revised, paid)?,
        })
    }
}

/// Rows and totals of a variance grouping, as the final report shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VarianceSection {
    /// One row per group.
    pub rows: Vec<VarianceRow>,
    /// Sum of the rows.
    pub totals: Totals,
}

impl From<VarianceReport> for VarianceSection {
    fn from(report: VarianceReport) -> VarianceSection {
        VarianceSection {
            rows: report.rows,
            totals: report.totals,
        }
    }
}

/// The final report (rapport final).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FinalReport {
    /// Always `final`.
    pub report: &'static str,
    /// The plan.
    pub plan: PlanHeader,
    /// Currency of every amount.
    pub currency: String,
    /// Everything dated up to this day counts: the later of the plan's end and its last
    /// amendment or expenditure, so that nothing is left out.
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
    /// From the ceiling to what is left unspent.
    pub reconciliation: Reconciliation,
    /// Variance by objective.
    pub by_objective: VarianceSection,
    /// Variance by funding source.
    pub by_source: VarianceSection,
    /// Every warning of validation, then an `over_budget` finding per over-budget line.
    pub findings: Findings,
}

/// Computes the final report of `plan` against `ledger` over the whole period.
///
/// A report blocked by error findings returns [`ReportError::Blocked`], as
/// [`super::variance()`] does.
///
/// ```
/// use planfin_core::{cnltp, report::{final_report, final_report::FinalOptions}};
/// let report = final_report(&cnltp::plan(), &cnltp::ledger(), &FinalOptions::default())?;
/// let r = &report.reconciliation;
/// assert_eq!(r.ceiling.to_string(), "206850000");
/// assert_eq!(r.revised, r.initial_allocation + r.amendments);
/// assert_eq!(r.paid, report.by_source.totals.amounts.paid);
/// # Ok::<(), planfin_core::report::ReportError>(())
/// ```
pub fn final_report(
    plan: &Plan,
    ledger: &Ledger,
    options: &FinalOptions,
) -> Result<FinalReport, ReportError> {
    let whole = |by| ReportOptions {
        as_of: None,
        by,
        tolerance: options.tolerance,
        lang: options.lang,
        stale_days: options.stale_days,
    };
    let execution = Execution::new(plan, ledger, None, options.stale_days)?;
    let objectives = fold(&execution, &whole(Grouping::Objective))?;
    let sources = fold(&execution, &whole(Grouping::Source))?;
    let lines = fold(&execution, &whole(Grouping::Line))?;
    let as_of = objectives.as_of;
    let reconciliation = Reconciliation::of(plan, &objectives.totals, as_of)?;
    let mut findings = objectives.findings.clone();
    findings.extend(over_budget_findings(&lines, plan));
    Ok(FinalReport {
        report: "final",
        plan: PlanHeader::of(plan),
        currency: plan.currency.code().to_string(),
        as_of,
        lang: options.lang,
        tolerance: options.tolerance,
        stale_days: options.stale_days,
        sign_convention: SIGN_CONVENTION,
        rounding: ROUNDING_RULE,
        reconciliation,
        by_objective: objectives.into(),
        by_source: sources.into(),
        findings,
    })
}

impl FinalReport {
    /// The report as stable, pretty JSON: amounts as decimal strings.
    ///
    /// ```
    /// use planfin_core::{cnltp, report::{final_report, final_report::FinalOptions}};
    /// let report = final_report(&cnltp::plan(), &cnltp::ledger(), &FinalOptions::default())?;
    /// assert!(report.to_json().contains("\"unallocated\": \"0\""));
    /// # Ok::<(), planfin_core::report::ReportError>(())
    /// ```
    pub fn to_json(&self) -> String {
        pretty_json(self)
    }

    /// The report as tables for the text, CSV and Markdown renderers: the reconciliation, the
    /// variance by objective and by funding source, and the findings.
    ///
    /// ```
    /// use planfin_core::{cnltp, render::markdown, report::{final_report, final_report::FinalOptions}};
    /// let report = final_report(&cnltp::plan(), &cnltp::ledger(), &FinalOptions::default())?;
    /// let tables = report.to_tables();
    /// assert_eq!(tables.len(), 4);
    /// assert!(markdown(&tables[0]).contains("| ceiling | Plafond | 206 850 000 |"));
    /// # Ok::<(), planfin_core::report::ReportError>(())
    /// ```
    pub fn to_tables(&self) -> Vec<Table> {
        let lang = self.lang;
        let title = |part: &str| {
            format!(
                "{} — {} — {} {} {} — {}",
                label("final_title", lang),
                self.plan.title.get(lang),
                planfin_messages::format_date(self.plan.start, lang),
                label("to", lang),
                planfin_messages::format_date(self.plan.end, lang),
                label(part, lang)
            )
        };
        let notes = vec![
            labelled("currency", &self.currency, lang),
            labelled("as_of", self.as_of, lang),
            labelled("sign_convention", label("sign_convention_text", lang), lang),
            labelled("rounding", label("rounding_text", lang), lang),
        ];
        let reconciliation = key_value_table(
            title("reconciliation"),
            lang,
            self.reconciliation
                .fields()
                .iter()
                .map(|(k, v)| (*k, Cell::Amount(*v))),
            notes.clone(),
        );
        let section = |part: &str, group: &str, s: &VarianceSection| {
            grouped_table(
                title(part),
                lang,
                group,
                &[],
                s.rows.iter().map(|r| (r, Vec::new())),
                (&s.totals, Vec::new()),
                notes.clone(),
            )
        };
        vec![
            reconciliation,
            section("by_objective_final", "objective", &self.by_objective),
            section("by_source_final", "source", &self.by_source),
            findings_table(title("findings"), &self.findings, lang),
        ]
    }
}

#[cfg(test)]
mod tests {
    //! Expected values worked out by hand from the sample plan (see `report::sample`), here
    //! with a ceiling of 1,050,000 so that 50,000 is left unallocated.

    use super::*;
    use crate::report::sample::{self, d};
    use crate::report::{Amounts, Flag};
    use crate::validation::{FindingCode, Severity};

    fn report() -> Option<FinalReport> {
        let mut plan = sample::plan();
        plan.ceiling = d("1050000");
        let options = FinalOptions {
            lang: Lang::En,
            ..FinalOptions::default()
        };
        final_report(&plan, &sample::ledger(), &options).ok()
    }

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

    #[test]
    fn reconciliation_from_ceiling_to_unspent() {
        let r = report();
        // The whole period: the plan ends after the last amendment (A3, 2019-09-01) and the
        // last expenditure (E7, 2019-08-15).
        assert_eq!(
            r.as_ref().map(|r| r.as_of),
            Some(sample::date("2019-12-31"))
        );
        let expected = Reconciliation {
            ceiling: d("1050000"),
            initial_allocation: d("1000000"),
            unallocated: d("50000"),
            // A1 moves 50,000 from L11 to L21.
            transfers_gross: d("50000"),
            transfers_net: d("0"),
            // A2 raises L22 by 30,000; A3 cuts L12 by 20,000.
            raises: d("30000"),
            cuts: d("-20000"),
            raises_cuts_net: d("10000"),
            amendments: d("10000"),
            revised: d("1010000"),
            // E3 80,000 + E5 29,997 + what was paid.
            engaged: d("749998"),
            // E1 120,000 + E2 100,001 + E4 80,000 + E6 -20,000 + E7 60,000 + E8 300,000.
            paid: d("640001"),
            // E3 80,000 + E5 29,997, engaged and not paid.
            remaining_to_pay: d("109997"),
            committed: d("109997"),
            // 1,010,000 - 109,997 - 640,001.
            available: d("260002"),
            // 1,010,000 - 640,001.
            unspent: d("369999"),
        };
        assert_eq!(r.map(|r| r.reconciliation), Some(expected));
    }

    #[test]
    fn variance_by_objective_and_by_source() {
        let r = report();
        let rows = |s: Option<&VarianceSection>| -> Vec<(String, Amounts, Vec<Flag>)> {
            s.map(|s| {
                s.rows
                    .iter()
                    .map(|r| (r.key.clone(), r.amounts, r.flags.clone()))
                    .collect()
            })
            .unwrap_or_default()
        };
        assert_eq!(
            rows(r.as_ref().map(|r| &r.by_objective)),
            vec![
                (
                    "OS1".to_string(),
                    amounts([
                        "500000", "-70000", "430000", "260001", "260001", "260001", "260001", "0",
                        "169999", "169999"
                    ]),
                    vec![]
                ),
                (
                    "OS2".to_string(),
                    amounts([
                        "500000", "80000", "580000", "489997", "409997", "380000", "380000",
                        "109997", "90003", "200000"
                    ]),
                    vec![]
                ),
            ]
        );
        // PTF: 450,000 + 30,000 - 20,000 = 460,000 revised; paid 100,001 + 60,000 + 300,000 =
        // 460,001: over by the one franc that rounding 152.45 EUR up gave; with 29,997 engaged
        // too, available is -29,998: over committed.
        assert_eq!(
            rows(r.as_ref().map(|r| &r.by_source)),
            vec![
                (
                    "ETAT".to_string(),
                    amounts([
                        "550000", "0", "550000", "260000", "180000", "180000", "180000", "80000",
                        "290000", "370000"
                    ]),
                    vec![]
                ),
                (
                    "PTF".to_string(),
                    amounts([
                        "450000", "10000", "460000", "489998", "489998", "460001", "460001",
                        "29997", "-29998", "-1"
                    ]),
                    vec![Flag::OverBudget, Flag::OverCommitted]
                ),
            ]
        );
    }

    #[test]
    fn every_finding() {
        let findings = report().map(|r| r.findings).unwrap_or_default();
        let locations: Vec<Option<String>> = findings
            .iter()
            .map(|f| f.location_text(crate::plan::Lang::En))
            .collect();
        let summary: Vec<(FindingCode, Severity, Option<&str>)> = findings
            .iter()
            .zip(&locations)
            .map(|(f, at)| (f.code, f.severity, at.as_deref()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    FindingCode::CeilingMismatch,
                    Severity::Warning,
                    Some("plan")
                ),
                // Open at 2019-12-31: E3 (engaged 2018-11-20, 406 days) and E5 (liquidated
                // 2019-04-10, 265 days), both beyond 90 days.
                (
                    FindingCode::StaleCommitment,
                    Severity::Warning,
                    Some("voucher E3")
                ),
                (
                    FindingCode::StaleCommitment,
                    Severity::Warning,
                    Some("voucher E5")
                ),
                // L22: engaged 29,997 + 300,000 = 329,997 against 280,000 revised.
                (
                    FindingCode::OverCommitted,
                    Severity::Warning,
                    Some("line L22")
                ),
                (FindingCode::OverBudget, Severity::Warning, Some("line L22")),
            ]
        );
        assert!(
            findings[0]
                .message
                .to_string()
                .contains("difference 50,000"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn blocked_by_errors() {
        let mut plan = sample::plan();
        plan.ceiling = d("999999");
        let r = final_report(&plan, &sample::ledger(), &FinalOptions::default());
        assert!(
            matches!(r, Err(ReportError::Blocked(f)) if f.iter().any(|f| f.code == FindingCode::CeilingMismatch))
        );
    }

    #[test]
    fn json_and_tables() {
        let r = report();
        let json = r.as_ref().map(FinalReport::to_json).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(value["report"], "final");
        for (key, expected) in [
            ("unallocated", "50000"),
            ("transfers_gross", "50000"),
            ("cuts", "-20000"),
            ("unspent", "369999"),
        ] {
            assert_eq!(value["reconciliation"][key], expected, "{key}");
        }
        assert_eq!(value["by_source"]["rows"][1]["variance"], "-1");
        assert_eq!(value["by_objective"]["totals"]["paid"], "640001");
        let tables = r.map(|r| r.to_tables()).unwrap_or_default();
        assert_eq!(tables.len(), 4);
        let csv = crate::render::csv(&tables[0], false);
        assert!(
            csv.contains("unallocated,Unallocated ceiling,50000\r\n"),
            "{csv}"
        );
        assert!(crate::render::csv(&tables[2], false).contains("PTF,Partner,450000,10000"));
    }
}
