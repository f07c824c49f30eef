//! The activity (budget per year, dated transactions) of the hand-written plan of
//! `fixtures/small/`, against the figures of `fixtures/small/README.md` worked out by hand.

use planfin_core::json::{ledger_from_json, plan_from_json};
use planfin_core::report::{ReportOptions, Transaction, activity};
use rust_decimal::Decimal;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn read(name: &str) -> Result<String, std::io::Error> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/small");
    std::fs::read_to_string(dir.join(name))
}

/// (date, line, units) of each transaction.
fn listed(list: &[Transaction]) -> Vec<(String, &str, i128)> {
    list.iter()
        .map(|t| (t.date.to_string(), t.line.as_str(), t.units))
        .collect()
}

#[test]
fn the_small_plan_as_an_activity() -> TestResult {
    let plan = plan_from_json(&read("plan.json")?, "plan.json")?;
    let mut ledger = ledger_from_json(&read("ledger.json")?, "ledger.json")?;
    let q4 = ledger_from_json(&read("ledger-q4.json")?, "ledger-q4.json")?;
    assert!(ledger.extend(q4).is_empty());
    let a = activity(&plan, &ledger, &ReportOptions::default())?;
    assert_eq!(a.as_of.to_string(), "2019-12-31");
    // One year, 2019: 400,000 + 200,000 + 300,000 + 100,000; VIR-01 and VIR-02 are
    // transfers, so the year's total does not change.
    assert_eq!(a.budgets.len(), 1);
    let b = &a.budgets[0];
    assert_eq!(
        (b.year, b.start.to_string(), b.end.to_string()),
        (2019, "2019-01-01".into(), "2019-12-31".into())
    );
    assert_eq!(
        (b.original, b.revised),
        (Decimal::from(1_000_000), Decimal::from(1_000_000))
    );
    assert!(!b.is_revised());
    // Every record stands alone: engaged on its date; paid too at paiement (L2's stage is
    // omitted: paiement). L3 100.00 EUR -> 65,596 XOF; L8 12.34 EUR -> 8,095 XOF, ordered
    // only; L7 (in both files) counted once.
    assert_eq!(
        listed(&a.commitments),
        [
            ("2019-02-10".into(), "0101", 150_000),
            ("2019-03-05".into(), "0101", 320_000),
            ("2019-04-01".into(), "0102", 65_596),
            ("2019-05-01".into(), "0201", 125_000),
            ("2019-05-20".into(), "0201", 80_000),
            ("2019-07-01".into(), "0102", 30_000),
            ("2019-08-01".into(), "0201", -5_000),
            ("2019-10-10".into(), "0102", 8_095),
        ]
    );
    assert_eq!(
        listed(&a.payments),
        [
            ("2019-02-10".into(), "0101", 150_000),
            ("2019-03-05".into(), "0101", 320_000),
            ("2019-04-01".into(), "0102", 65_596),
            ("2019-05-20".into(), "0201", 80_000),
            ("2019-08-01".into(), "0201", -5_000),
        ]
    );
    // The README's table: paid 470,000 + 65,596 + 75,000 = 610,596; engaged = paid +
    // committed (0 + 38,095 + 125,000 + 0) = 773,691.
    assert_eq!(
        (a.engaged, a.paid),
        (Decimal::from(773_691), Decimal::from(610_596))
    );
    let label = a.commitments[0]
        .label
        .as_ref()
        .map(|l| (l.fr.as_str(), l.en.as_str()));
    assert_eq!(label, Some(("Ateliers", "Workshops")));
    assert_eq!(a.amount(&a.commitments[2])?.to_string(), "65596");
    assert_eq!(
        a.first_spending().map(|d| d.to_string()),
        Some("2019-02-10".into())
    );
    Ok(())
}
