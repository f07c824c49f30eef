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
//! findings (250,000 of them in this ledger), to tell their cost from the report's.

use std::hint::black_box;

use planfin_core::report::{ReportOptions, variance};

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
    let (plan, ledger) = planfin_benches::synthetic(200, 1_000_000, 42);
    for _ in 0..n {
        let report = variance(black_box(&plan), black_box(&ledger), &options);
        black_box(report.is_ok());
    }
}
