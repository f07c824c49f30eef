//! The plan as a donor's activity: its budget per year and its ledger as dated transactions
//! (what an IATI activity file says, `planfin-iati`). A fold of the one computation
//! ([`Execution`]): the budget is the variance report by year, the transactions are the
//! records the execution counted, listed one by one.
//!
//! A record standing alone counts where it is read: at stage s it is engaged (a commitment on
//! its date) and, at paiement, paid (a payment on its date), as in the report
//! (`docs/expenditure-chain.md`). A commitment's records are added up by the chain's rules:
//! on each date of one of its records, what its cumulative engaged and paid figures gained
//! since the date before is a commitment and a payment on that date. The commitments thus add
//! up to the report's `engaged`, the payments to its `paid`, as of the same date.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::chain::{self, Record};
use super::execution::{Execution, SlotLine};
use super::variance::fold;
use super::{Grouping, ReportError, ReportOptions};
use crate::currency::Currency;
use crate::expenditure::Stage;
use crate::findings::Findings;
use crate::ledger::Ledger;
use crate::money::{MoneyError, from_minor_units};
use crate::plan::{Plan, Text};

/// The budget of one year of the plan period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearBudget {
    /// The fiscal year.
    pub year: i32,
    /// Its first day within the plan period (1 January, or the plan's start).
    pub start: NaiveDate,
    /// Its last day within the plan period (31 December, or the plan's end).
    pub end: NaiveDate,
    /// The initial budgets of the year.
    pub original: Decimal,
    /// The original plus the amendments dated in the year up to the as-of date (the variance
    /// report's `revised` for the year).
    pub revised: Decimal,
}

impl YearBudget {
    /// Whether amendments changed the year's budget.
    pub fn is_revised(&self) -> bool {
        self.revised != self.original
    }
}

/// One dated movement of the ledger on a budget line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    /// Its date.
    pub date: NaiveDate,
    /// The budget line's code.
    pub line: String,
    /// The line's label; `None` for a line code the plan does not have.
    pub label: Option<Text>,
    /// The amount in minor units of the plan currency (negative for a correction).
    pub units: i128,
}

/// The plan's activity as of a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// The plan currency: every amount is in it.
    pub currency: Currency,
    /// The as-of date (as the reports decide it).
    pub as_of: NaiveDate,
    /// One per year of the plan period, in order.
    pub budgets: Vec<YearBudget>,
    /// What was engaged, by date (then line, then ledger order).
    pub commitments: Vec<Transaction>,
    /// What was paid, by date (then line, then ledger order).
    pub payments: Vec<Transaction>,
    /// The report's `engaged` total, which the commitments add up to.
    pub engaged: Decimal,
    /// The report's `paid` total, which the payments add up to.
    pub paid: Decimal,
    /// The findings of the plan and the ledger (warnings; errors block).
    pub findings: Findings,
}

impl Activity {
    /// The amount of `transaction` in the plan currency, with exactly its decimals.
    pub fn amount(&self, transaction: &Transaction) -> Result<Decimal, MoneyError> {
        from_minor_units(transaction.units, self.currency)
    }

    /// The date of the first commitment, if anything was engaged.
    pub fn first_spending(&self) -> Option<NaiveDate> {
        self.commitments.iter().map(|t| t.date).min()
    }
}

/// The activity of `plan` by `ledger` as of `options.as_of` (`options.by` is not used: the
/// budget is by year).
///
/// ```
/// use planfin_core::{cnltp, report::{activity, ReportOptions}};
/// let a = activity(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
/// assert_eq!(a.budgets.iter().map(|b| b.year).collect::<Vec<_>>(), [2018, 2019]);
/// let paid: i128 = a.payments.iter().map(|t| t.units).sum();
/// assert_eq!(rust_decimal::Decimal::from(paid), a.paid);
/// # Ok::<(), planfin_core::report::ReportError>(())
/// ```
pub fn activity(
    plan: &Plan,
    ledger: &Ledger,
    options: &ReportOptions,
) -> Result<Activity, ReportError> {
    let execution = Execution::keeping_records(plan, ledger, options.as_of, options.stale_days)?;
    let by_year = fold(
        &execution,
        &ReportOptions {
            by: Grouping::Period,
            ..options.clone()
        },
    )?;
    let budgets = by_year
        .rows
        .iter()
        .filter_map(|row| {
            let year = row.year?;
            let first = NaiveDate::from_ymd_opt(year, 1, 1)?.max(plan.start);
            let last = NaiveDate::from_ymd_opt(year, 12, 31)?.min(plan.end);
            (first <= last).then_some(YearBudget {
                year,
                start: first,
                end: last,
                original: row.amounts.initial,
                revised: row.amounts.revised,
            })
        })
        .collect();
    let (commitments, payments) = movements(&execution)?;
    let line = |m: &Movement| -> (String, Option<Text>) {
        match execution.slots[m.slot].line {
            SlotLine::Plan(i) => (
                plan.lines[i].code.clone(),
                Some(plan.lines[i].label.clone()),
            ),
            SlotLine::Unknown(key) => (ledger.line_code(key).to_string(), None),
        }
    };
    let transactions = |mut list: Vec<Movement>| -> Vec<Transaction> {
        list.sort_unstable_by_key(|m| (m.date, m.slot, m.index));
        list.iter()
            .map(|m| {
                let (line, label) = line(m);
                Transaction {
                    date: m.date,
                    line,
                    label,
                    units: m.units,
                }
            })
            .collect()
    };
    Ok(Activity {
        currency: plan.currency,
        as_of: execution.as_of,
        budgets,
        commitments: transactions(commitments),
        payments: transactions(payments),
        engaged: by_year.totals.amounts.engaged,
        paid: by_year.totals.amounts.paid,
        findings: by_year.findings,
    })
}

/// A transaction before it is named: its slot and the ledger position it sorts by.
#[derive(Debug, Clone, Copy)]
struct Movement {
    date: NaiveDate,
    slot: usize,
    index: usize,
    units: i128,
}

fn overflow() -> MoneyError {
    MoneyError::Overflow("a commitment")
}

/// The commitments and the payments of the records `execution` kept.
fn movements(execution: &Execution<'_>) -> Result<(Vec<Movement>, Vec<Movement>), MoneyError> {
    let mut commitments = Vec::new();
    let mut payments = Vec::new();
    for r in &execution.alone {
        let m = Movement {
            date: r.date,
            slot: r.slot,
            index: r.index,
            units: r.units,
        };
        commitments.push(m);
        if r.stage == Stage::Paiement {
            payments.push(m);
        }
    }
    for group in execution.chained.chunk_by(|a, b| a.group == b.group) {
        chain_movements(group, &mut commitments, &mut payments)?;
    }
    Ok((commitments, payments))
}

/// The movements of one commitment's records (sorted, all of one group): on each of their
/// dates, what its cumulative engaged and paid figures gained since the date before.
fn chain_movements(
    group: &[Record],
    commitments: &mut Vec<Movement>,
    payments: &mut Vec<Movement>,
) -> Result<(), MoneyError> {
    let mut dated: Vec<(NaiveDate, u32)> = group.iter().map(|r| (r.date, r.index)).collect();
    dated.sort_unstable();
    dated.dedup_by_key(|(date, _)| *date);
    let slot = group[0].slot as usize;
    let mut before = [0i128; 4];
    for (date, index) in dated {
        let now = chain::reached(group, date)?.cumulative;
        for (stage, list) in [(0, &mut *commitments), (3, &mut *payments)] {
            let units = now[stage].checked_sub(before[stage]).ok_or_else(overflow)?;
            if units != 0 {
                list.push(Movement {
                    date,
                    slot,
                    index: index as usize,
                    units,
                });
            }
        }
        before = now;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! Figures worked out by hand from the sample plan and ledger (`report::sample`).

    use super::*;
    use crate::expenditure::Expenditure;
    use crate::report::sample::{self, d, date, expenditure};
    use crate::report::variance;

    fn at(as_of: Option<&str>, extra: Vec<Expenditure>) -> Option<Activity> {
        let mut entries = sample::entries();
        entries.extend(extra);
        let options = ReportOptions {
            as_of: as_of.map(date),
            ..ReportOptions::default()
        };
        activity(&sample::plan(), &sample::ledger_of(entries), &options).ok()
    }

    /// (date, line, units) of each transaction.
    fn listed(list: &[Transaction]) -> Vec<(String, String, i128)> {
        list.iter()
            .map(|t| (t.date.to_string(), t.line.clone(), t.units))
            .collect()
    }

    fn row(on: &str, line: &str, units: i128) -> (String, String, i128) {
        (on.to_string(), line.to_string(), units)
    }

    #[test]
    fn budget_per_year_original_and_revised() {
        // 2018: 200,000 + 150,000 + 0 + 100,000 = 450,000; A1 moves 50,000 within 2018.
        // 2019: 100,000 + 50,000 + 250,000 + 150,000 = 550,000; A2 +30,000 (1 March); A3
        // -20,000 (1 September) after the cut-off.
        let a = at(Some("2019-06-30"), Vec::new());
        let years = |a: &Option<Activity>| -> Vec<(i32, Decimal, Decimal, bool)> {
            let budgets = a.as_ref().map(|a| a.budgets.clone()).unwrap_or_default();
            budgets
                .iter()
                .map(|b| (b.year, b.original, b.revised, b.is_revised()))
                .collect()
        };
        assert_eq!(
            years(&a),
            [
                (2018, d("450000"), d("450000"), false),
                (2019, d("550000"), d("580000"), true),
            ]
        );
        let b = a.as_ref().map(|a| (a.budgets[0].start, a.budgets[1].end));
        assert_eq!(b, Some((date("2018-01-01"), date("2019-12-31"))));
        // With nothing left out, A3 counts too: 580,000 - 20,000.
        let all = at(None, Vec::new());
        assert_eq!(years(&all)[1], (2019, d("550000"), d("560000"), true));
    }

    #[test]
    fn a_year_is_clipped_to_the_plan_period() {
        let mut plan = sample::plan();
        plan.start = date("2018-07-01");
        plan.end = date("2019-03-31");
        let a = activity(
            &plan,
            &sample::ledger_of(Vec::new()),
            &ReportOptions::default(),
        );
        let periods: Vec<(NaiveDate, NaiveDate)> = a
            .map(|a| a.budgets.iter().map(|b| (b.start, b.end)).collect())
            .unwrap_or_default();
        assert_eq!(
            periods,
            [
                (date("2018-07-01"), date("2018-12-31")),
                (date("2019-01-01"), date("2019-03-31")),
            ]
        );
    }

    #[test]
    fn records_standing_alone() {
        // Every record up to 30 June 2019 is engaged on its date (E7 is after it); those at
        // paiement are paid on their date: E3 and E5 are only engaged.
        let a = at(Some("2019-06-30"), Vec::new());
        let commitments = a.as_ref().map(|a| listed(&a.commitments));
        assert_eq!(
            commitments.unwrap_or_default(),
            [
                row("2018-02-10", "L11", 120_000),
                row("2018-05-15", "L12", 100_001),
                row("2018-11-20", "L21", 80_000),
                row("2019-02-01", "L21", 80_000),
                row("2019-04-10", "L22", 29_997),
                row("2019-05-05", "L11", -20_000),
                row("2019-06-30", "L22", 300_000),
            ]
        );
        let payments = a.as_ref().map(|a| listed(&a.payments));
        assert_eq!(
            payments.unwrap_or_default(),
            [
                row("2018-02-10", "L11", 120_000),
                row("2018-05-15", "L12", 100_001),
                row("2019-02-01", "L21", 80_000),
                row("2019-05-05", "L11", -20_000),
                row("2019-06-30", "L22", 300_000),
            ]
        );
        // 120,000 + 100,001 + 80,000 + 80,000 + 29,997 - 20,000 + 300,000 = 689,998 engaged;
        // 120,000 + 100,001 + 80,000 - 20,000 + 300,000 = 580,001 paid.
        let totals = a.as_ref().map(|a| (a.engaged, a.paid));
        assert_eq!(totals, Some((d("689998"), d("580001"))));
        let label = a.and_then(|a| a.commitments[0].label.clone());
        assert_eq!(label.map(|l| l.en), Some("Line L11".to_string()));
    }

    fn of(mut e: Expenditure, commitment: &str) -> Expenditure {
        e.commitment = Some(commitment.into());
        e
    }

    #[test]
    fn a_commitment_and_its_payments() {
        const XOF: Currency = Currency::XOF;
        // C4 engages 40,000 on L11 in December 2018; P4 pays 15,000 of it in February, P5
        // 25,000 in March 2019. S3 is engaged (January), paid (February), then engaged again
        // (March): it stays paid, so nothing moves in March.
        let extra = vec![
            expenditure("C4", "2018-12-01", "L11", "40000", XOF, Stage::Engagement),
            of(
                expenditure("P4", "2019-02-01", "L11", "15000", XOF, Stage::Paiement),
                "C4",
            ),
            of(
                expenditure("P5", "2019-03-01", "L11", "25000", XOF, Stage::Paiement),
                "C4",
            ),
            expenditure("S3", "2019-01-10", "L22", "5000", XOF, Stage::Engagement),
            expenditure("S3", "2019-02-10", "L22", "5000", XOF, Stage::Paiement),
            expenditure("S3", "2019-03-10", "L22", "5000", XOF, Stage::Engagement),
        ];
        let a = at(Some("2019-06-30"), extra.clone());
        let chained = |list: &[Transaction]| -> Vec<(String, String, i128)> {
            let mine = ["2018-12-01", "2019-01-10", "2019-02-10", "2019-03-01"];
            listed(list)
                .into_iter()
                .filter(|(on, _, _)| mine.contains(&on.as_str()))
                .collect()
        };
        let commitments = a.as_ref().map(|a| chained(&a.commitments));
        assert_eq!(
            commitments.unwrap_or_default(),
            [
                row("2018-12-01", "L11", 40_000),
                row("2019-01-10", "L22", 5_000)
            ]
        );
        let payments = a.as_ref().map(|a| chained(&a.payments));
        assert_eq!(
            payments.unwrap_or_default(),
            [
                row("2019-02-10", "L22", 5_000),
                row("2019-03-01", "L11", 25_000)
            ]
        );
        let p4 = a.as_ref().map(|a| listed(&a.payments));
        assert!(
            p4.unwrap_or_default()
                .contains(&row("2019-02-01", "L11", 15_000))
        );
        // 689,998 + 40,000 + 5,000 engaged; 580,001 + 40,000 + 5,000 paid.
        let totals = a.as_ref().map(|a| (a.engaged, a.paid));
        assert_eq!(totals, Some((d("734998"), d("625001"))));
        // The same totals as the variance report's.
        let mut entries = sample::entries();
        entries.extend(extra);
        let options = ReportOptions {
            as_of: Some(date("2019-06-30")),
            ..ReportOptions::default()
        };
        let report = variance(&sample::plan(), &sample::ledger_of(entries), &options);
        let report = report
            .ok()
            .map(|r| (r.totals.amounts.engaged, r.totals.amounts.paid));
        assert_eq!(report, totals);
        let sums = a.map(|a| {
            let sum = |l: &[Transaction]| l.iter().map(|t| t.units).sum::<i128>();
            (sum(&a.commitments), sum(&a.payments))
        });
        assert_eq!(sums, Some((734_998, 625_001)));
    }
}
