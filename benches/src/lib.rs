//! Synthetic data generators shared by the benches (and by side-by-side comparisons with other
//! tools, which can write the same data out with [`planfin_core::json::ledger_to_json`]).
//!
//! Everything here is deterministic: the same arguments give the same plan and ledger, on every
//! machine, so that figures measured on different days compare.

use chrono::{Days, NaiveDate};
use planfin_core::Decimal;
use planfin_core::amendment::Amendment;
use planfin_core::currency::Currency;
use planfin_core::expenditure::{Expenditure, Stage};
use planfin_core::ledger::{Ledger, Origin};
use planfin_core::plan::{
    BudgetLine, FiscalPeriod, FundingSource, Objective, PeriodAmount, Plan, SourceKind, Text,
};

/// SplitMix64: a tiny, good-enough pseudo-random generator with no dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`; the modulo bias is irrelevant here).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `per_10_000 / 10,000`.
    fn chance(&mut self, per_10_000: u64) -> bool {
        self.below(10_000) < per_10_000
    }
}

/// A synthetic plan and ledger at the scale of the variance bench.
///
/// The plan: code `SYNTH`, XOF, 2018-01-01 to 2019-12-31, 10 objectives (fewer when there are
/// fewer lines), 3 funding sources, `lines` budget lines `L0001`.. each with an amount for 2018
/// and 2019 (whole francs), a ceiling equal to the sum of the lines, and 10 transfers between
/// lines dated through the period.
///
/// The ledger: `expenditures` entries with vouchers `V0000001`.., dated uniformly in the plan
/// period; about 85 % in XOF (1,000 to 5,000,000 francs) and 15 % in EUR with cents (converted
/// at the peg); about 25 % at a committed stage (engagement, liquidation, ordonnancement), the
/// rest paid; 0.5 % negative corrections; 0.1 % dated after the plan period and 0.05 % on a line
/// the plan does not have, so that validation has a few warnings to write, as with a real
/// journal. Origins are left empty (data built in memory rather than imported from files).
///
/// ```
/// let (plan, ledger) = planfin_benches::synthetic(200, 1_000, 7);
/// assert_eq!(plan.lines.len(), 200);
/// assert_eq!(ledger.len(), 1_000);
/// assert_eq!(plan.total_initial()?, plan.ceiling);
/// # Ok::<(), planfin_core::money::MoneyError>(())
/// ```
pub fn synthetic(lines: usize, expenditures: usize, seed: u64) -> (Plan, Ledger) {
    let mut rng = SplitMix64(seed);
    let start = date(2018, 1, 1);
    let end = date(2019, 12, 31);
    let objective_count = lines.clamp(1, 10);
    let objectives: Vec<Objective> = (1..=objective_count)
        .map(|i| Objective {
            code: format!("OS{i}"),
            title: Text::new(format!("Objectif {i}"), format!("Objective {i}")),
        })
        .collect();
    let sources = vec![
        source(
            "ETAT",
            "Budget de l'État",
            "State budget",
            SourceKind::StateBudget,
        ),
        source("PTF1", "Partenaire 1", "Partner 1", SourceKind::Donor),
        source("AUTRE", "Autres", "Other", SourceKind::Other),
    ];
    let budget_lines: Vec<BudgetLine> = (0..lines)
        .map(|i| BudgetLine {
            code: format!("L{:04}", i + 1),
            objective: objectives[i % objective_count].code.clone(),
            label: Text::new(format!("Ligne {}", i + 1), format!("Line {}", i + 1)),
            source: sources[i % sources.len()].code.clone(),
            amounts: [2018, 2019]
                .into_iter()
                .map(|year| PeriodAmount {
                    period: FiscalPeriod::year(year),
                    amount: Decimal::from(10_000_000 + rng.below(90_000_000)),
                })
                .collect(),
            costing: None,
        })
        .collect();
    let ceiling = budget_lines
        .iter()
        .flat_map(|l| &l.amounts)
        .map(|a| a.amount)
        .sum();
    let amendments = if lines >= 2 {
        (0..10u64)
            .map(|k| {
                let from = rng.below(lines as u64) as usize;
                let to = (from + 1 + rng.below(lines as u64 - 1) as usize) % lines;
                Amendment::transfer(
                    &format!("VIR-{:02}", k + 1),
                    start + Days::new(30 + k * 60),
                    &budget_lines[from].code,
                    &budget_lines[to].code,
                    Decimal::from(100_000 + rng.below(1_000_000)),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let plan = Plan {
        code: "SYNTH".into(),
        title: Text::new("Plan synthétique", "Synthetic plan"),
        organisation: "planfin benches".into(),
        currency: Currency::XOF,
        start,
        end,
        ceiling,
        objectives,
        sources,
        lines: budget_lines,
        amendments,
        rates: Vec::new(),
    };

    let days = (end - start).num_days() as u64 + 1;
    let entries = (0..expenditures).map(|n| {
        let line = if rng.chance(5) || lines == 0 {
            "ZZZZ".to_string()
        } else {
            plan.lines[rng.below(lines as u64) as usize].code.clone()
        };
        let offset = if rng.chance(10) {
            days + rng.below(60)
        } else {
            rng.below(days)
        };
        let (amount, currency) = if rng.chance(1_500) {
            (
                Decimal::new(10_000 + rng.below(1_000_000) as i64, 2),
                Currency::EUR,
            )
        } else {
            (Decimal::from(1_000 + rng.below(4_999_000)), Currency::XOF)
        };
        let amount = if rng.chance(50) { -amount } else { amount };
        let stage = if rng.chance(2_500) {
            Stage::ALL[rng.below(3) as usize]
        } else {
            Stage::Paiement
        };
        let e = Expenditure {
            voucher: format!("V{:07}", n + 1),
            date: start + Days::new(offset),
            line,
            amount,
            currency,
            rate: None,
            stage,
            payee: String::new(),
            description: String::new(),
            document: None,
            commitment: None,
        };
        (e, Origin::default())
    });
    // Vouchers are unique by construction: there is no conflict to report.
    let (ledger, _conflicts) = Ledger::from_entries(entries);
    (plan, ledger)
}

fn source(code: &str, fr: &str, en: &str, kind: SourceKind) -> FundingSource {
    FundingSource {
        code: code.into(),
        name: Text::new(fr, en),
        kind,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}
