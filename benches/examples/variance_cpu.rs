//! Computes the variance report by objective `N` times (first argument, default 0) over the
//! synthetic 1,000,000 expenditures on 200 lines, for a CPU-time measurement that a loaded
//! machine disturbs less than wall time:
//!
//! ```sh
//! cargo build --release -p planfin-benches --example variance_cpu
//! /usr/bin/time -f "%U s user" target/release/examples/variance_cpu 100
//! /usr/bin/time -f "%U s user" target/release/examples/variance_cpu 0
//! ```
//!
//! (difference of the two user times) / 100 = CPU time of one report. A second argument sets
//! `stale_days` (default 90): `variance_cpu 100 100000` leaves out the `stale_commitment`
//! findings (250,000 of them in this ledger), to tell their cost from the report's. A third
//! argument `all` computes every grouping of the report workbook at once
//! (`variance_reports`: one computation, four folds) instead of the variance by objective:
//! `variance_cpu 2 90 all` against `variance_cpu 2` is the cost of the workbook's reports
//! against one grouping's.

use std::hint::black_box;

use planfin_core::report::{ReportOptions, variance, variance_reports};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(0);
    let stale_days: u32 = std::env::args()
        .nth(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(ReportOptions::STALE_DAYS);
    let options = ReportOptions {
        stale_days,
        ..ReportOptions::default()
    };
    let all = std::env::args().nth(3).is_some_and(|a| a == "all");
    let (plan, ledger) = planfin_benches::synthetic(200, 1_000_000, 42);
    for _ in 0..n {
        let ok = if all {
            variance_reports(black_box(&plan), black_box(&ledger), &options).is_ok()
        } else {
            variance(black_box(&plan), black_box(&ledger), &options).is_ok()
        };
        black_box(ok);
    }
}
