//! A deterministic ledger of `n` expenditures on the CNLTP plan's lines, shared by the
//! `export_1m` example and its `export_1m_baseline` comparison so that both write the same
//! cells.

use std::path::PathBuf;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use planfin_core::cnltp;
use planfin_core::currency::Currency;
use planfin_core::expenditure::{Expenditure, Stage};
use planfin_core::ledger::{Ledger, Origin};
use planfin_core::plan::Plan;
use rust_decimal::Decimal;

/// `n` expenditures dated through 2018-2019: 90 % XOF (whole francs), 10 % EUR with cents,
/// a quarter at a committed stage, 1 % negative corrections.
pub fn big_ledger(plan: &Plan, n: usize) -> Ledger {
    let start = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let entries = (0..n).map(|i| {
        let r = next();
        let line = &plan.lines[(r % plan.lines.len() as u64) as usize].code;
        let eur = r % 10 == 0;
        let mut amount = if eur {
            Decimal::new(((r >> 8) % 1_000_000) as i64 + 100, 2)
        } else {
            Decimal::from(((r >> 8) % 5_000_000) as i64 + 1_000)
        };
        if (r >> 40) % 100 == 0 {
            amount = -amount;
        }
        let e = Expenditure {
            voucher: format!("PC-{i:07}"),
            date: start + Days::new((r >> 20) % 730),
            line: line.clone(),
            amount,
            currency: if eur { Currency::EUR } else { Currency::XOF },
            rate: None,
            stage: Stage::ALL[((r >> 50) % 4) as usize],
            payee: format!("Fournisseur {}", (r >> 30) % 500),
            description: format!("Atelier de sensibilisation, mission {}", i % 10_000),
            document: ((r >> 45) % 3 != 0).then(|| format!("FAC-{i}")),
            commitment: None,
        };
        (e, Origin::default())
    });
    Ledger::from_entries(entries).0
}

/// What both examples start from: the output folder (second argument, `.` by default), the
/// CNLTP plan and a ledger of `n` rows on it (first argument, 1,000,000 by default), whose
/// generation time is printed.
pub fn from_args() -> Result<(PathBuf, Plan, Ledger), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(Ok(1_000_000), |a| a.parse())?;
    let dir = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let plan = cnltp::plan();
    let t = Instant::now();
    let ledger = big_ledger(&plan, n);
    eprintln!("generate {n} rows: {:.2?}", t.elapsed());
    Ok((dir, plan, ledger))
}
