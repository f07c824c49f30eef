//! Writes the synthetic 1,000,000 expenditures of the variance bench as CSV, for the polars
//! side of `benches/polars_compare.py`: one row per expenditure with its objective (the plan
//! line's, `?` for a line the plan lacks), its stage (0 engagement to 3 paiement), its currency
//! and its amount in minor units (francs for XOF, cents for EUR). Prints planfin's report
//! totals of the same data, which polars' must equal.
//!
//! ```sh
//! cargo run --release -p planfin-benches --example synthetic_csv -- target/synthetic-1m.csv
//! ```

use std::io::Write;

use planfin_core::Decimal;
use planfin_core::currency::Currency;

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/synthetic-1m.csv".into());
    let (plan, ledger) = planfin_benches::synthetic(200, 1_000_000, 42);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    writeln!(out, "objective,stage,currency,minor")?;
    for e in ledger.iter() {
        let objective = plan.line(e.line).map_or("?", |l| l.objective.as_str());
        let scale = e.currency.minor_unit();
        let minor = e
            .amount
            .checked_mul(Decimal::from(10i64.pow(scale)))
            .unwrap_or_default()
            .trunc();
        let currency = if e.currency == Currency::XOF {
            "XOF"
        } else {
            "EUR"
        };
        let stage = e.stage as u8;
        writeln!(out, "{objective},{stage},{currency},{minor}")?;
    }
    out.flush()?;
    // planfin's totals of the same data, for polars_compare.py's to be checked against.
    let report = planfin_core::report::variance(&plan, &ledger, &Default::default());
    if let Ok(r) = report {
        let t = &r.totals.amounts;
        println!(
            "planfin totals: engaged {} liquidated {} ordered {} paid {}",
            t.engaged, t.liquidated, t.ordered, t.paid
        );
    }
    Ok(())
}
