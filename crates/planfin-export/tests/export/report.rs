//! The variance workbook: formulas whose cached values are the report's exact values.

use calamine::Data;
use planfin_core::cnltp;
use planfin_core::currency::Currency;
use planfin_core::plan::Lang;
use planfin_core::report::variance_reports;
use planfin_core::report::{Grouping, ReportOptions, VarianceReport};
use planfin_export::{ExportError, ExportOptions, InputFile, Provenance, write_variance_report};
use rust_decimal::Decimal;
use serde_json::Value;

use crate::common::{Back, dec, decimal};

/// The amount columns of a report sheet, from column C on.
pub const AMOUNT_KEYS: [&str; 10] = [
    "initial",
    "amendments",
    "revised",
    "engaged",
    "liquidated",
    "ordered",
    "paid",
    "remaining_to_pay",
    "available",
    "variance",
];

pub fn cnltp_reports(lang: Lang) -> Vec<VarianceReport> {
    let options = ReportOptions {
        lang,
        ..ReportOptions::default()
    };
    variance_reports(&cnltp::plan(), &cnltp::ledger(), &options).unwrap_or_else(|e| panic!("{e}"))
}

/// Writes the CNLTP variance workbook to `dir` and returns its path.
pub fn write_cnltp(dir: &std::path::Path, lang: Lang) -> (std::path::PathBuf, Vec<VarianceReport>) {
    let reports = cnltp_reports(lang);
    let out = dir.join("variance.xlsx");
    let provenance = Provenance::default()
        .with_input(InputFile::of_bytes(
            "embedded CNLTP plan",
            cnltp::PLAN_JSON.as_bytes(),
        ))
        .with_input(InputFile::of_bytes(
            "embedded CNLTP ledger",
            cnltp::LEDGER_JSON.as_bytes(),
        ));
    write_variance_report(&reports, &ExportOptions { provenance }, &out)
        .unwrap_or_else(|e| panic!("{e}"));
    (out, reports)
}

/// The sheet of each grouping in a French workbook.
pub fn sheet_fr(by: Grouping, first: bool) -> &'static str {
    if first {
        return "Synthèse";
    }
    match by {
        Grouping::Objective => "Objectifs",
        Grouping::Line => "Lignes",
        Grouping::Source => "Sources",
        Grouping::Period => "Exercices",
    }
}

#[test]
fn totals_are_sum_formulas_whose_cached_values_are_the_json_totals() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (out, reports) = write_cnltp(dir.path(), Lang::Fr);
    let back = Back::open(&out);
    assert_eq!(
        back.sheets,
        [
            "Synthèse",
            "Lignes",
            "Sources",
            "Exercices",
            "Constats",
            "Provenance"
        ]
    );
    for (i, report) in reports.iter().enumerate() {
        let sheet = sheet_fr(report.by, i == 0);
        let json: Value = serde_json::from_str(&report.to_json()).unwrap_or_else(|e| panic!("{e}"));
        let header = 2;
        let total_row = back.row_of(sheet, "Total");
        let first = header + 1;
        assert_eq!(total_row - first, report.rows.len() as u32, "{sheet}");
        // The ceiling from the published article: every grouping's initial budget foots to it.
        assert_eq!(json["totals"]["initial"], "206850000");
        for (k, key) in AMOUNT_KEYS.iter().enumerate() {
            let col = 2 + k as u32;
            let f = back.formula(sheet, total_row, col);
            let letter = (b'A' + col as u8) as char;
            assert_eq!(
                f,
                format!("SUM({letter}{}:{letter}{})", first + 1, total_row),
                "{sheet} {key}"
            );
            let cached = decimal(&back.value(sheet, total_row, col));
            let expected = dec(json["totals"][key].as_str().unwrap_or_default());
            assert_eq!(cached, Some(expected), "{sheet} total {key}");
            // Each row's cached value is the JSON row value too.
            for (r, row) in json["rows"].as_array().into_iter().flatten().enumerate() {
                let cached = decimal(&back.value(sheet, first + r as u32, col));
                assert_eq!(
                    cached,
                    Some(dec(row[key].as_str().unwrap_or_default())),
                    "{sheet} row {r} {key}"
                );
            }
        }
        // Derived columns are formulas of their row.
        let r = first + 1; // row 5 in A1 notation is index 4
        assert_eq!(
            back.formula(sheet, first, 4),
            format!("C{}+D{}", first + 1, first + 1)
        );
        // C initial, D amendments, E revised, F engaged, G liquidated, H ordered, I paid,
        // J remaining to pay, K available, L variance, M commitment rate, N payment rate.
        let n = r + 1;
        assert_eq!(back.formula(sheet, r, 9), format!("F{n}-I{n}"));
        assert_eq!(back.formula(sheet, r, 10), format!("E{n}-F{n}"));
        assert_eq!(back.formula(sheet, r, 11), format!("E{n}-I{n}"));
        assert_eq!(
            back.formula(sheet, r, 12),
            format!("IF(E{n}=0,\"\",ROUND(F{n}/E{n},4))")
        );
        assert_eq!(
            back.formula(sheet, r, 13),
            format!("IF(E{n}=0,\"\",ROUND(I{n}/E{n},4))")
        );
        // Rates: the cached values are the report's rates (or empty when revised is 0).
        for (col, key) in [(12, "commitment_rate"), (13, "payment_rate")] {
            let rate = &json["totals"][key];
            assert_eq!(
                decimal(&back.value(sheet, total_row, col)),
                rate.as_str().map(dec),
                "{sheet} total {key}"
            );
        }
    }
}

#[test]
fn provenance_sheet_and_properties_record_the_inputs() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("abc.json");
    std::fs::write(&input, "abc").unwrap_or_else(|e| panic!("{e}"));
    let provenance = Provenance::of_files([&input])
        .unwrap_or_else(|e| panic!("{e}"))
        .with_option("as_of", "2019-12-31");
    let out = dir.path().join("r.xlsx");
    write_variance_report(
        &cnltp_reports(Lang::En),
        &ExportOptions { provenance },
        &out,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let back = Back::open(&out);
    assert_eq!(
        back.sheets,
        [
            "Summary",
            "Lines",
            "Sources",
            "Periods",
            "Findings",
            "Provenance"
        ]
    );
    let row = back.row_of("Provenance", &input.display().to_string());
    // SHA-256("abc"), the FIPS 180-2 test vector.
    assert_eq!(
        back.value("Provenance", row, 1),
        Data::String("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".into())
    );
    let version_row = back.row_of("Provenance", "planfin version");
    assert_eq!(
        back.value("Provenance", version_row, 1),
        Data::String(env!("CARGO_PKG_VERSION").into())
    );
    for label in ["As of", "Rounding rule", "Sign convention", "Currency"] {
        back.row_of("Provenance", label);
    }
}

#[test]
fn the_output_may_not_be_an_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("plan.json");
    std::fs::write(&input, cnltp::PLAN_JSON).unwrap_or_else(|e| panic!("{e}"));
    let provenance = Provenance::of_files([&input]).unwrap_or_else(|e| panic!("{e}"));
    let err = write_variance_report(
        &cnltp_reports(Lang::Fr),
        &ExportOptions { provenance },
        &input,
    );
    let Err(e @ ExportError::OutputIsInput { .. }) = err else {
        panic!("expected a refusal, got {err:?}");
    };
    assert!(
        e.to_string().contains("choose another output file name"),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(&input).unwrap_or_default(),
        cnltp::PLAN_JSON
    );
}

#[test]
fn formula_looking_labels_stay_text_and_unexact_amounts_become_text_with_a_finding() {
    let mut plan = cnltp::plan();
    plan.objectives[0].title.fr = "=HYPERLINK(\"http://x\",\"clic\")".into();
    plan.objectives[1].title.fr = "@SUM(A1)".into();
    plan.objectives[2].title.fr = "+33 6 12".into();
    // A 16-digit amount: an f64 cannot hold it.
    let big: Decimal = "1234567890123457".parse().unwrap_or_default();
    plan.lines[0].amounts[0].amount += big;
    plan.lines[0].costing = None;
    plan.ceiling += big;
    plan.currency = Currency::XOF;
    let report = planfin_core::report::variance(&plan, &cnltp::ledger(), &ReportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("r.xlsx");
    let summary = write_variance_report(
        std::slice::from_ref(&report),
        &ExportOptions::default(),
        &out,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let back = Back::open(&out);
    let sheet = "Synthèse";
    assert_eq!(
        back.value(sheet, 3, 1),
        Data::String(plan.objectives[0].title.fr.clone())
    );
    assert_eq!(back.value(sheet, 4, 1), Data::String("@SUM(A1)".into()));
    assert_eq!(back.value(sheet, 5, 1), Data::String("+33 6 12".into()));
    for f in back.all_formulas(sheet) {
        assert!(!f.contains("HYPERLINK") && !f.contains("A1)"), "{f}");
    }
    // OS1's initial budget is exact text, and so is every value computed from it.
    let initial = report.rows[0].amounts.initial;
    assert_eq!(back.value(sheet, 3, 2), Data::String(initial.to_string()));
    assert_eq!(
        back.formula(sheet, 3, 4),
        "",
        "revised of OS1 is not a formula over text"
    );
    let total_row = back.row_of(sheet, "Total");
    assert_eq!(
        back.formula(sheet, total_row, 2),
        "",
        "no SUM over a text cell"
    );
    assert_eq!(
        back.value(sheet, total_row, 2),
        Data::String(report.totals.amounts.initial.to_string())
    );
    // Untouched columns keep their formulas.
    assert!(back.formula(sheet, total_row, 6).starts_with("SUM("));
    assert!(!summary.findings.is_empty());
    assert!(summary.findings.iter().all(|f| f.code == "amount_as_text"));
    let row = back.row_of("Constats", "amount_as_text");
    assert!(
        matches!(back.value("Constats", row, 2), Data::String(s) if s.starts_with("Synthèse!"))
    );
}

/// The amount columns of a table (by its stable keys) that the JSON reports too.
pub fn amount_columns(keys: &[impl AsRef<str>]) -> Vec<(u32, String)> {
    keys.iter()
        .map(AsRef::as_ref)
        .enumerate()
        .filter(|(_, k)| AMOUNT_KEYS.contains(k) || k.starts_with("projected_"))
        .map(|(i, k)| (i as u32, k.to_string()))
        .collect()
}

/// The rows and totals of a report section's JSON (`by_objective`, `by_period`, ...), each
/// row flattened to its amount fields.
pub fn section_rows(section: &Value) -> (Vec<Value>, Value) {
    let rows = section["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let mut flat = r.get("row").cloned().unwrap_or_else(|| r.clone());
            for k in ["projected_paid", "projected_variance"] {
                if let Some(v) = r.get(k) {
                    flat[k] = v.clone();
                }
            }
            flat
        })
        .collect();
    let t = &section["totals"];
    let mut totals = t.get("totals").cloned().unwrap_or_else(|| t.clone());
    for k in ["projected_paid", "projected_variance"] {
        if let Some(v) = t.get(k) {
            totals[k] = v.clone();
        }
    }
    (rows, totals)
}

fn check_section(back: &Back, sheet: &str, keys: &[&str], section: &Value) {
    let (rows, totals) = section_rows(section);
    let first = 3u32;
    let total_row = back.row_of(sheet, "Total");
    assert_eq!(total_row - first, rows.len() as u32, "{sheet}");
    for (col, key) in amount_columns(keys) {
        for (r, row) in rows.iter().chain([&totals]).enumerate() {
            let expected = row[&key].as_str().map(dec);
            let cached = decimal(&back.value(sheet, first + r as u32, col));
            assert_eq!(
                cached,
                expected,
                "{sheet} row {} {key}",
                first + r as u32 + 1
            );
        }
        let letter = (b'A' + col as u8) as char;
        assert_eq!(
            back.formula(sheet, total_row, col),
            format!("SUM({letter}{}:{letter}{})", first + 1, total_row),
            "{sheet} {key}"
        );
    }
}

#[test]
fn progress_and_final_workbooks_use_the_same_formulas() {
    use planfin_core::report::{FinalOptions, ProgressOptions, final_report, progress};
    use planfin_export::{write_final_report, write_progress_report};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (plan, ledger) = (cnltp::plan(), cnltp::ledger());
    let as_of = chrono::NaiveDate::from_ymd_opt(2019, 6, 30).unwrap_or_default();

    let report =
        progress(&plan, &ledger, &ProgressOptions::new(as_of)).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("progress.xlsx");
    write_progress_report(&report, &ExportOptions::default(), &out)
        .unwrap_or_else(|e| panic!("{e}"));
    let json: Value = serde_json::from_str(&report.to_json()).unwrap_or_else(|e| panic!("{e}"));
    let tables = report.to_tables();
    let back = Back::open(&out);
    check_section(&back, "Objectifs", &tables[1].keys(), &json["by_objective"]);
    check_section(&back, "Exercices", &tables[2].keys(), &json["by_period"]);
    // projected_variance = revised - projected_paid, as a formula of its row.
    let col = tables[1]
        .keys()
        .iter()
        .position(|k| *k == "projected_variance")
        .unwrap_or(0) as u32;
    assert_eq!(
        back.formula("Objectifs", 3, col),
        format!("E4-{}4", (b'A' + col as u8 - 1) as char)
    );

    let report =
        final_report(&plan, &ledger, &FinalOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("final.xlsx");
    write_final_report(&report, &ExportOptions::default(), &out).unwrap_or_else(|e| panic!("{e}"));
    let json: Value = serde_json::from_str(&report.to_json()).unwrap_or_else(|e| panic!("{e}"));
    let tables = report.to_tables();
    let back = Back::open(&out);
    check_section(&back, "Objectifs", &tables[1].keys(), &json["by_objective"]);
    check_section(&back, "Sources", &tables[2].keys(), &json["by_source"]);
    // The reconciliation: every figure, as the JSON has it.
    for (r, (key, _)) in report.reconciliation.fields().iter().enumerate() {
        let row = 3 + r as u32;
        assert_eq!(
            back.value("Rapprochement", row, 0),
            Data::String(key.to_string())
        );
        let expected = json["reconciliation"][key].as_str().map(dec);
        assert_eq!(
            decimal(&back.value("Rapprochement", row, 2)),
            expected,
            "{key}"
        );
    }
}

#[test]
fn a_table_of_more_than_ten_thousand_rows_is_streamed_with_the_same_formulas() {
    let by_line = cnltp_reports(Lang::Fr)
        .into_iter()
        .find(|r| r.by == Grouping::Line)
        .unwrap_or_else(|| panic!("no line report"));
    let mut big = by_line.clone();
    big.rows = (0..400)
        .flat_map(|i| {
            by_line.rows.iter().map(move |r| {
                let mut r = r.clone();
                r.key = format!("{}-{i}", r.key);
                r
            })
        })
        .collect();
    let mut totals = planfin_core::report::Amounts::default();
    for r in &big.rows {
        totals = totals
            .checked_add(&r.amounts)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    big.totals.amounts = totals;
    assert!(big.rows.len() > 10_000);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("big.xlsx");
    write_variance_report(std::slice::from_ref(&big), &ExportOptions::default(), &out)
        .unwrap_or_else(|e| panic!("{e}"));
    let back = Back::open(&out);
    let total_row = 3 + big.rows.len() as u32;
    assert_eq!(
        back.formula("Synthèse", total_row, 8),
        format!("SUM(I4:I{total_row})")
    );
    // 400 copies of the CNLTP lines: 400 x 142,095,000 paid (the by-line report's total).
    assert_eq!(
        decimal(&back.value("Synthèse", total_row, 8)),
        Some(by_line.totals.amounts.paid * Decimal::from(400))
    );
    assert_eq!(
        back.formula("Synthèse", 5000, 11),
        "E5001-I5001".to_string()
    );
}
