//! The small hand-written plan and ledger of the report tests, with every figure worked out by
//! hand in the comments (the tests repeat them; none was copied from the program's output).
//!
//! Plan `SMALL`, XOF, 2018-01-01 to 2019-12-31, ceiling 1,000,000:
//!
//! | line | objective | source | 2018    | 2019    | initial |
//! |------|-----------|--------|---------|---------|---------|
//! | L11  | OS1       | ETAT   | 200,000 | 100,000 | 300,000 |
//! | L12  | OS1       | PTF    | 150,000 |  50,000 | 200,000 |
//! | L21  | OS2       | ETAT   |       0 | 250,000 | 250,000 |
//! | L22  | OS2       | PTF    | 100,000 | 150,000 | 250,000 |
//!
//! Amendments: A1 2018-06-01 transfer L11 -> L21 50,000; A2 2019-03-01 raise of L22 by 30,000
//! (source PTF); A3 2019-09-01 cut of L12 by 20,000 (source PTF), after the usual cut-off
//! 2019-06-30.
//!
//! Ledger (the EUR amounts at the peg 655.957, rounded once to the franc, half away from zero):
//! - E1 2018-02-10 L11 120,000 XOF paiement
//! - E2 2018-05-15 L12 152.45 EUR paiement: 152.45 x 655.957 = 100,000.64465 -> 100,001 XOF
//! - E3 2018-11-20 L21 80,000 XOF engagement (committed)
//! - E4 2019-02-01 L21 80,000 XOF paiement
//! - E5 2019-04-10 L22 45.73 EUR liquidation (committed): 45.73 x 655.957 = 29,996.91361
//!   -> 29,997 XOF
//! - E6 2019-05-05 L11 -20,000 XOF paiement (a correction)
//! - E7 2019-08-15 L12 60,000 XOF paiement, after the cut-off 2019-06-30
//! - E8 2019-06-30 L22 300,000 XOF paiement, on the cut-off

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::amendment::Amendment;
use crate::currency::Currency;
use crate::expenditure::{Expenditure, Stage};
use crate::ledger::{Ledger, Origin};
use crate::plan::{
    BudgetLine, FiscalPeriod, FundingSource, Objective, PeriodAmount, Plan, SourceKind, Text,
};

/// A decimal from its text (zero if malformed: the assertions then fail visibly).
pub(crate) fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// A date from its ISO text.
pub(crate) fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

fn line(code: &str, objective: &str, source: &str, amounts: &[(i32, &str)]) -> BudgetLine {
    BudgetLine {
        code: code.into(),
        objective: objective.into(),
        label: Text::new(format!("Ligne {code}"), format!("Line {code}")),
        source: source.into(),
        amounts: amounts
            .iter()
            .map(|(year, amount)| PeriodAmount {
                period: FiscalPeriod::year(*year),
                amount: d(amount),
            })
            .collect(),
        costing: None,
    }
}

pub(crate) fn amendment(
    reference: &str,
    on: &str,
    from: Option<&str>,
    to: Option<&str>,
    amount: &str,
    source: Option<&str>,
) -> Amendment {
    Amendment {
        reference: reference.into(),
        date: date(on),
        from: from.map(String::from),
        to: to.map(String::from),
        amount: d(amount),
        source: source.map(String::from),
        reason: String::new(),
        approved_by: String::new(),
    }
}

/// The plan `SMALL` described above.
pub(crate) fn plan() -> Plan {
    Plan {
        code: "SMALL".into(),
        title: Text::new("Petit plan", "Small plan"),
        organisation: "Tests".into(),
        currency: Currency::XOF,
        start: date("2018-01-01"),
        end: date("2019-12-31"),
        ceiling: d("1000000"),
        objectives: vec![
            Objective {
                code: "OS1".into(),
                title: Text::new("Objectif 1", "Objective 1"),
            },
            Objective {
                code: "OS2".into(),
                title: Text::new("Objectif 2", "Objective 2"),
            },
        ],
        sources: vec![
            FundingSource {
                code: "ETAT".into(),
                name: Text::new("Budget de l'État", "State budget"),
                kind: SourceKind::StateBudget,
            },
            FundingSource {
                code: "PTF".into(),
                name: Text::new("Partenaire", "Partner"),
                kind: SourceKind::Donor,
            },
        ],
        lines: vec![
            line("L11", "OS1", "ETAT", &[(2018, "200000"), (2019, "100000")]),
            line("L12", "OS1", "PTF", &[(2018, "150000"), (2019, "50000")]),
            line("L21", "OS2", "ETAT", &[(2019, "250000")]),
            line("L22", "OS2", "PTF", &[(2018, "100000"), (2019, "150000")]),
        ],
        amendments: vec![
            amendment("A1", "2018-06-01", Some("L11"), Some("L21"), "50000", None),
            amendment("A2", "2019-03-01", None, Some("L22"), "30000", Some("PTF")),
            amendment("A3", "2019-09-01", Some("L12"), None, "20000", Some("PTF")),
        ],
        rates: Vec::new(),
    }
}

/// An expenditure with no payee, description or document.
pub(crate) fn expenditure(
    voucher: &str,
    on: &str,
    line: &str,
    amount: &str,
    currency: Currency,
    stage: Stage,
) -> Expenditure {
    Expenditure {
        voucher: voucher.into(),
        date: date(on),
        line: line.into(),
        amount: d(amount),
        currency,
        rate: None,
        stage,
        payee: String::new(),
        description: String::new(),
        document: None,
        commitment: None,
    }
}

/// E1 to E8 described above.
pub(crate) fn entries() -> Vec<Expenditure> {
    const EUR: Currency = Currency::EUR;
    const XOF: Currency = Currency::XOF;
    use Stage::{Engagement, Liquidation, Paiement};
    vec![
        expenditure("E1", "2018-02-10", "L11", "120000", XOF, Paiement),
        expenditure("E2", "2018-05-15", "L12", "152.45", EUR, Paiement),
        expenditure("E3", "2018-11-20", "L21", "80000", XOF, Engagement),
        expenditure("E4", "2019-02-01", "L21", "80000", XOF, Paiement),
        expenditure("E5", "2019-04-10", "L22", "45.73", EUR, Liquidation),
        expenditure("E6", "2019-05-05", "L11", "-20000", XOF, Paiement),
        expenditure("E7", "2019-08-15", "L12", "60000", XOF, Paiement),
        expenditure("E8", "2019-06-30", "L22", "300000", XOF, Paiement),
    ]
}

/// A ledger of `entries`, with no origin.
pub(crate) fn ledger_of(entries: Vec<Expenditure>) -> Ledger {
    Ledger::from_entries(entries.into_iter().map(|e| (e, Origin::default()))).0
}

/// The ledger E1 to E8.
pub(crate) fn ledger() -> Ledger {
    ledger_of(entries())
}
