//! Export: the CNLTP variance workbook, a 10,000-row ledger export, and the f64 boundary rule.
//!
//! `cargo bench -p planfin-benches --bench export`; the 1,000,000-row comparison with
//! rust_xlsxwriter alone is in `benches/README.md` ("Export").

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use planfin_core::Decimal;
use planfin_core::cnltp;
use planfin_core::plan::Lang;
use planfin_core::report::ReportOptions;
use planfin_core::report::variance_reports;
use planfin_export::cell::excel_number;
use planfin_export::{ExportOptions, write_ledger, write_variance_report};

fn bench_export(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("planfin-bench-export-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);

    let reports = variance_reports(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())
        .unwrap_or_default();
    let out = dir.join("variance.xlsx");
    group.bench_function("cnltp_variance_workbook", |b| {
        b.iter(|| write_variance_report(black_box(&reports), &ExportOptions::default(), &out))
    });

    let (_, ledger) = planfin_benches::synthetic(200, 10_000, 42);
    let out = dir.join("ledger.xlsx");
    group.bench_function("ledger_10k_rows", |b| {
        b.iter(|| write_ledger(black_box(&ledger), Lang::Fr, &out))
    });

    let amounts: Vec<Decimal> = ledger.iter().map(|e| e.amount).collect();
    group.bench_function("excel_number_10k", |b| {
        b.iter(|| {
            black_box(&amounts)
                .iter()
                .filter_map(|a| excel_number(*a))
                .sum::<f64>()
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
