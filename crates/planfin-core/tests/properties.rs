//! Properties of the reports over random valid plans and ledgers: totals foot and cross-foot
//! for every grouping, the order of the ledger does not matter, and conversion neither loses
//! nor invents a unit.

use std::collections::HashSet;

use chrono::{Days, NaiveDate};
use planfin_core::amendment::Amendment;
use planfin_core::currency::Currency;
use planfin_core::expenditure::{Expenditure, Stage};
use planfin_core::ledger::{Ledger, Origin};
use planfin_core::plan::{
    BudgetLine, FiscalPeriod, FundingSource, Lang, Objective, PeriodAmount, Plan, SourceKind, Text,
};
use planfin_core::report::{
    Amounts, FinalOptions, Grouping, ProgressOptions, ReportOptions, VarianceReport, final_report,
    progress, variance,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use rust_decimal::Decimal;

/// A random plan, its ledger entries (in journal order) and a cut-off date.
#[derive(Debug, Clone)]
struct Case {
    plan: Plan,
    entries: Vec<Expenditure>,
    as_of: NaiveDate,
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default()
}

/// `days` after (or, negative, before) the plan start.
fn day(days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    if days >= 0 {
        start().checked_add_days(magnitude)
    } else {
        start().checked_sub_days(magnitude)
    }
    .unwrap_or_default()
}

/// (objective pick, source pick, 2018 amount, 2019 amount)
type LineParams = (usize, usize, u64, u64);
/// (kind: transfer, raise or cut; from pick; to pick; per mille of the from-line; raise; day)
type AmendmentParams = (u8, usize, usize, u64, u64, i64);
/// (line pick, unknown line?, in EUR?, francs, cents, stage, day)
type ExpenditureParams = (usize, bool, bool, i64, i64, usize, i64);

fn build(
    objectives: usize,
    sources: usize,
    lines: Vec<LineParams>,
    amendments: Vec<AmendmentParams>,
    spending: Vec<ExpenditureParams>,
    duplicate_first: bool,
    as_of: i64,
) -> Case {
    let objectives: Vec<Objective> = (1..=objectives)
        .map(|i| Objective {
            code: format!("OS{i}"),
            title: Text::new(format!("Objectif {i}"), ""),
        })
        .collect();
    let sources = funding_sources(sources);
    let lines = budget_lines(lines, &objectives, &sources);
    let ceiling = lines
        .iter()
        .flat_map(|l| &l.amounts)
        .map(|a| a.amount)
        .sum();
    let amendments = amendments
        .into_iter()
        .enumerate()
        .map(|(k, params)| amendment(k, params, &lines))
        .collect();
    let mut entries: Vec<Expenditure> = spending
        .into_iter()
        .enumerate()
        .map(|(n, params)| expenditure(n, params, &lines))
        .collect();
    if duplicate_first && let Some(first) = entries.first().cloned() {
        entries.push(first);
    }
    Case {
        plan: Plan {
            code: "PROP".into(),
            title: Text::new("Plan aléatoire", "Random plan"),
            organisation: "proptest".into(),
            currency: Currency::XOF,
            start: start(),
            end: day(729),
            ceiling,
            objectives,
            sources,
            lines,
            amendments,
            rates: Vec::new(),
        },
        entries,
        as_of: day(as_of),
    }
}

fn funding_sources(n: usize) -> Vec<FundingSource> {
    let kinds = [
        SourceKind::StateBudget,
        SourceKind::Donor,
        SourceKind::Other,
    ];
    (0..n)
        .map(|i| FundingSource {
            code: format!("S{i}"),
            name: Text::new(format!("Source {i}"), ""),
            kind: kinds[i % kinds.len()],
        })
        .collect()
}

fn budget_lines(
    params: Vec<LineParams>,
    objectives: &[Objective],
    sources: &[FundingSource],
) -> Vec<BudgetLine> {
    let year = |y: i32, amount: u64| PeriodAmount {
        period: FiscalPeriod::year(y),
        amount: Decimal::from(amount),
    };
    params
        .into_iter()
        .enumerate()
        .map(|(i, (o, s, y2018, y2019))| BudgetLine {
            code: format!("{:04}", i + 1),
            objective: objectives[o % objectives.len()].code.clone(),
            label: Text::new(format!("Ligne {i}"), ""),
            source: sources[s % sources.len()].code.clone(),
            amounts: vec![year(2018, y2018), year(2019, y2019)],
            costing: None,
        })
        .collect()
}

/// The `k`th amendment: at most 4 each taking at most 20 % of a line's initial budget, so no
/// revised budget goes below zero; a raise or a cut names its line's own source.
fn amendment(k: usize, params: AmendmentParams, lines: &[BudgetLine]) -> Amendment {
    let (kind, from, to, per_mille, raise, on) = params;
    let from = &lines[from % lines.len()];
    let to = &lines[to % lines.len()];
    let share = from.amounts[0].amount * Decimal::from(per_mille) / Decimal::from(1000);
    let share = share.floor().max(Decimal::ONE);
    let (from, to, amount, source) = match kind {
        0 => (Some(from), Some(to), share, None),
        1 => (
            None,
            Some(to),
            Decimal::from(raise),
            Some(to.source.clone()),
        ),
        _ => (Some(from), None, share, Some(from.source.clone())),
    };
    Amendment {
        reference: format!("A{k}"),
        date: day(on),
        from: from.map(|l| l.code.clone()),
        to: to.map(|l| l.code.clone()),
        amount,
        source,
        reason: String::new(),
        approved_by: String::new(),
    }
}

fn expenditure(n: usize, params: ExpenditureParams, lines: &[BudgetLine]) -> Expenditure {
    let (l, unknown, eur, francs, cents, stage, on) = params;
    let line = if unknown {
        format!("Z{}", l % 3)
    } else {
        lines[l % lines.len()].code.clone()
    };
    let (amount, currency) = if eur {
        (Decimal::new(cents, 2), Currency::EUR)
    } else {
        (Decimal::from(francs), Currency::XOF)
    };
    Expenditure {
        voucher: format!("V{n}"),
        date: day(on),
        line,
        amount,
        currency,
        rate: None,
        stage: Stage::ALL[stage % Stage::ALL.len()],
        payee: String::new(),
        description: String::new(),
        document: None,
        commitment: None,
    }
}

fn case() -> impl Strategy<Value = Case> {
    let line = (
        any::<usize>(),
        any::<usize>(),
        1_000u64..10_000_000,
        0u64..10_000_000,
    );
    let amendment = (
        0u8..3,
        any::<usize>(),
        any::<usize>(),
        1u64..=200,
        1u64..1_000_000,
        -10i64..740,
    );
    let expenditure = (
        any::<usize>(),
        prop::bool::weighted(0.05),
        prop::bool::weighted(0.3),
        -50_000i64..5_000_000,
        // Any cents, or a multiple of 500.00 EUR: k x 327,978.5 XOF, a midpoint when k is odd.
        prop_oneof![
            4 => -10_000i64..1_000_000,
            1 => (-20i64..20).prop_map(|k| k * 50_000),
        ],
        0usize..4,
        -20i64..760,
    );
    (
        1usize..=5,
        1usize..=3,
        prop::collection::vec(line, 1..=20),
        prop::collection::vec(amendment, 0..=4),
        prop::collection::vec(expenditure, 0..=60),
        any::<bool>(),
        -5i64..760,
    )
        .prop_map(|(o, s, l, a, e, dup, as_of)| build(o, s, l, a, e, dup, as_of))
}

/// A case and the same entries in another order.
fn case_and_shuffle() -> impl Strategy<Value = (Case, Vec<Expenditure>)> {
    case().prop_flat_map(|c| {
        let entries = Just(c.entries.clone()).prop_shuffle();
        (Just(c), entries)
    })
}

fn ledger(entries: &[Expenditure]) -> Ledger {
    Ledger::from_entries(entries.iter().cloned().map(|e| (e, Origin::default()))).0
}

fn report(
    case: &Case,
    entries: &[Expenditure],
    by: Grouping,
) -> Result<VarianceReport, TestCaseError> {
    let options = ReportOptions {
        as_of: Some(case.as_of),
        by,
        tolerance: Some(Decimal::TEN),
        lang: Lang::En,
        ..ReportOptions::default()
    };
    variance(&case.plan, &ledger(entries), &options)
        .map_err(|e| TestCaseError::fail(format!("a valid plan was refused: {e}")))
}

fn sum_rows(report: &VarianceReport) -> Option<Amounts> {
    report.rows.iter().try_fold(Amounts::default(), |acc, r| {
        acc.checked_add(&r.amounts).ok()
    })
}

fn check_identities(a: &Amounts, what: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.revised, a.initial + a.amendments, "revised, {}", what);
    prop_assert_eq!(a.variance, a.revised - a.paid, "variance, {}", what);
    prop_assert_eq!(a.available, a.revised - a.engaged, "available, {}", what);
    prop_assert_eq!(
        a.remaining_to_pay,
        a.engaged - a.paid,
        "remaining_to_pay, {}",
        what
    );
    Ok(())
}

/// `amount` in whole francs, converted independently of the library: EUR cents times the peg
/// 655.957 in integer hundred-thousandths of a franc, rounded half away from zero.
fn francs(e: &Expenditure) -> i128 {
    if e.currency == Currency::XOF {
        return e.amount.mantissa();
    }
    let cents = e.amount.mantissa() * 10i128.pow(2 - e.amount.scale());
    let exact = cents * 655_957; // in 1e-5 francs
    let rounded = (exact.abs() + 50_000) / 100_000;
    rounded * exact.signum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn rows_add_up_to_the_totals_for_every_grouping(case in case()) {
        for by in Grouping::ALL {
            let r = report(&case, &case.entries, by)?;
            let sum = sum_rows(&r);
            prop_assert_eq!(sum, Some(r.totals.amounts), "by {}", by);
        }
    }

    #[test]
    fn every_row_and_the_totals_reconcile(case in case()) {
        for by in Grouping::ALL {
            let r = report(&case, &case.entries, by)?;
            for row in &r.rows {
                check_identities(&row.amounts, &format!("row {} by {by}", row.key))?;
            }
            check_identities(&r.totals.amounts, &format!("totals by {by}"))?;
        }
    }

    #[test]
    fn every_grouping_has_the_same_totals(case in case()) {
        let by_objective = report(&case, &case.entries, Grouping::Objective)?.totals;
        for by in [Grouping::Line, Grouping::Source, Grouping::Period] {
            let totals = report(&case, &case.entries, by)?.totals;
            prop_assert_eq!(&totals, &by_objective, "by {}", by);
        }
    }

    #[test]
    fn each_source_and_objective_is_the_sum_of_its_lines(case in case()) {
        let by_line = report(&case, &case.entries, Grouping::Line)?;
        for (by, group_of) in [
            (Grouping::Source, (|l: &BudgetLine| l.source.clone()) as fn(&BudgetLine) -> String),
            (Grouping::Objective, |l: &BudgetLine| l.objective.clone()),
        ] {
            let grouped = report(&case, &case.entries, by)?;
            for row in grouped.rows.iter().filter(|r| r.key != "?") {
                let mut sum = Amounts::default();
                for l in case.plan.lines.iter().filter(|l| group_of(l) == row.key) {
                    let line_row = by_line.rows.iter().find(|r| r.key == l.code);
                    if let Some(line_row) = line_row {
                        sum = sum.checked_add(&line_row.amounts).map_err(|e| {
                            TestCaseError::fail(e.to_string())
                        })?;
                    }
                }
                prop_assert_eq!(&row.amounts, &sum, "{} {}", by, row.key);
            }
        }
    }

    #[test]
    fn the_order_of_the_ledger_does_not_matter((case, shuffled) in case_and_shuffle()) {
        for by in Grouping::ALL {
            let a = report(&case, &case.entries, by)?;
            let b = report(&case, &shuffled, by)?;
            prop_assert_eq!(&a.rows, &b.rows, "rows by {}", by);
            prop_assert_eq!(&a.totals, &b.totals, "totals by {}", by);
            // Findings follow the journal's order: the same findings, in another order.
            let sorted = |r: &VarianceReport| {
                let mut f: Vec<String> = r.findings.iter().map(ToString::to_string).collect();
                f.sort();
                f
            };
            prop_assert_eq!(sorted(&a), sorted(&b), "findings by {}", by);
        }
    }

    #[test]
    fn conversion_never_loses_or_invents_a_unit(case in case()) {
        let r = report(&case, &case.entries, Grouping::Line)?;
        let mut seen = HashSet::new();
        let (mut committed, mut paid) = (0i128, 0i128);
        for e in &case.entries {
            // A voucher seen twice counts once.
            if e.date > case.as_of || !seen.insert(e.voucher.as_str()) {
                continue;
            }
            if e.stage.is_committed() {
                committed += francs(e);
            } else {
                paid += francs(e);
            }
        }
        prop_assert_eq!(r.totals.amounts.remaining_to_pay, Decimal::from_i128_with_scale(committed, 0));
        prop_assert_eq!(r.totals.amounts.engaged, Decimal::from_i128_with_scale(committed + paid, 0));
        prop_assert_eq!(r.totals.amounts.paid, Decimal::from_i128_with_scale(paid, 0));
    }

    #[test]
    fn progress_and_final_reports_foot_and_reconcile(case in case()) {
        let ledger = ledger(&case.entries);
        let p = progress(&case.plan, &ledger, &ProgressOptions::new(case.as_of))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let projected: Option<Decimal> = p
            .by_objective
            .rows
            .iter()
            .try_fold(Decimal::ZERO, |acc, r| r.projected_paid.map(|x| acc + x));
        prop_assert_eq!(projected, p.by_objective.totals.projected_paid);
        let period_paid: Decimal = p.by_period.rows.iter().map(|r| r.row.amounts.paid).sum();
        prop_assert_eq!(period_paid, p.by_objective.totals.totals.amounts.paid);

        let f = final_report(&case.plan, &ledger, &FinalOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let r = &f.reconciliation;
        prop_assert_eq!(r.unallocated, r.ceiling - r.initial_allocation);
        prop_assert_eq!(r.transfers_net, Decimal::ZERO);
        prop_assert_eq!(r.amendments, r.transfers_net + r.raises + r.cuts);
        prop_assert_eq!(r.revised, r.initial_allocation + r.amendments);
        prop_assert_eq!(r.available, r.revised - r.engaged);
        prop_assert_eq!(r.remaining_to_pay, r.engaged - r.paid);
        prop_assert_eq!(r.unspent, r.revised - r.paid);
        for section in [&f.by_objective, &f.by_source] {
            let t = &section.totals.amounts;
            prop_assert_eq!(
                (t.initial, t.amendments, t.revised, t.engaged, t.paid),
                (r.initial_allocation, r.amendments, r.revised, r.engaged, r.paid)
            );
        }
    }
}
