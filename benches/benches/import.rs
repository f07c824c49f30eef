//! Import of the CNLTP workbooks (small files): the fixed cost of planfin-xlsx per workbook.
//! The large-ledger comparison with calamine's floor, fastexcel and pandas is
//! `benches/import_compare.sh` (results in benches/README.md).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use planfin_xlsx::{ImportOptions, read_ledger, read_plan};

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/xlsx")
        .join(rel)
}

fn import(c: &mut Criterion) {
    let options = ImportOptions::default();
    let mut group = c.benchmark_group("import");
    for name in [
        "cnltp_ledger.xlsx",
        "messy_ledger.xlsx",
        "cnltp_ledger.xls",
        "cnltp_ledger.ods",
        "cnltp_ledger.xlsb",
    ] {
        let path = fixture(name);
        group.bench_function(format!("read_ledger {name} (371 rows)"), |b| {
            b.iter(|| black_box(read_ledger(&path, &options).map(|l| l.value.len())))
        });
    }
    let path = fixture("cnltp_plan.xlsx");
    group.bench_function("read_plan cnltp_plan.xlsx", |b| {
        b.iter(|| black_box(read_plan(&path, &options).map(|p| p.value.lines.len())))
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
