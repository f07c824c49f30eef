//! The variance report over 1,000,000 synthetic expenditures on 200 budget lines.
//!
//! `cargo bench -p planfin-benches --bench variance`; figures in `benches/README.md`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use planfin_core::plan::LineIndex;
use planfin_core::report::{Grouping, ReportOptions, variance};
use planfin_core::validation::validate_ledger;

fn bench_variance(c: &mut Criterion) {
    let (plan, ledger) = planfin_benches::synthetic(200, 1_000_000, 42);
    let mut group = c.benchmark_group("variance_1M_on_200_lines");
    group.sample_size(20);
    for by in Grouping::ALL {
        let options = ReportOptions {
            by,
            ..ReportOptions::default()
        };
        group.bench_function(format!("by_{by}"), |b| {
            b.iter(|| variance(black_box(&plan), black_box(&ledger), &options))
        });
    }
    group.bench_function("validate_ledger_only", |b| {
        b.iter(|| validate_ledger(black_box(&plan), black_box(&ledger)))
    });
    // The floor for any report over this in-memory ledger: read each entry's amount and line
    // code once and find the line.
    let index = LineIndex::new(&plan);
    group.bench_function("scan_floor", |b| {
        b.iter(|| {
            let mut found = 0usize;
            let mut sum = 0i128;
            for e in black_box(&ledger).iter() {
                found += usize::from(index.get(e.line).is_some());
                sum += e.amount.mantissa();
            }
            (found, sum)
        })
    });
    group.bench_function("scan_amounts_only", |b| {
        b.iter(|| {
            black_box(&ledger)
                .iter()
                .map(|e| e.amount.mantissa())
                .sum::<i128>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_variance);
criterion_main!(benches);
