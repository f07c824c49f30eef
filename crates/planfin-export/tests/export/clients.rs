//! Real clients: openpyxl reads the formulas and cached values back; LibreOffice recalculates
//! every formula and gets the same totals. Each test skips (saying so) when its client is not
//! installed; `.ci/run` installs both.

use std::path::{Path, PathBuf};
use std::process::Command;

use planfin_core::cnltp;
use planfin_core::currency::Currency;
use planfin_core::plan::Lang;
use planfin_core::render::Table;
use planfin_core::report::variance_reports;
use planfin_core::report::{
    FinalOptions, ProgressOptions, ReportOptions, VarianceReport, final_report, progress,
};
use planfin_export::{
    ExportOptions, InputFile, Provenance, TemplateKind, write_final_report, write_progress_report,
    write_template, write_variance_report,
};
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{Value, json};

use crate::common::{dec, skip};
use crate::report::{AMOUNT_KEYS, amount_columns, section_rows, sheet_fr};

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/export")
        .join(name)
}

fn col(c: usize) -> char {
    (b'A' + c as u8) as char
}

/// The CNLTP reports in XOF, and the same plan in EUR (amounts converted at the peg have
/// cents).
fn workbooks(dir: &Path) -> Vec<(PathBuf, Vec<VarianceReport>, u32)> {
    let mut out = Vec::new();
    for (name, currency) in [("cnltp_xof", Currency::XOF), ("cnltp_eur", Currency::EUR)] {
        let mut plan = cnltp::plan();
        plan.currency = currency;
        let reports = variance_reports(&plan, &cnltp::ledger(), &ReportOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let path = dir.join(format!("{name}.xlsx"));
        let provenance = Provenance::default().with_input(InputFile::of_bytes(
            "embedded CNLTP plan",
            cnltp::PLAN_JSON.as_bytes(),
        ));
        write_variance_report(&reports, &ExportOptions { provenance }, &path)
            .unwrap_or_else(|e| panic!("{e}"));
        out.push((path, reports, currency.minor_unit()));
    }
    out
}

/// The CNLTP progress report at 2019-06-30 and final report, written to `dir`, with their
/// tables and JSON.
fn progress_and_final(dir: &Path) -> std::collections::HashMap<&'static str, (Vec<Table>, Value)> {
    let (plan, ledger) = (cnltp::plan(), cnltp::ledger());
    let as_of = chrono::NaiveDate::from_ymd_opt(2019, 6, 30).unwrap_or_default();
    let p =
        progress(&plan, &ledger, &ProgressOptions::new(as_of)).unwrap_or_else(|e| panic!("{e}"));
    write_progress_report(&p, &ExportOptions::default(), &dir.join("progress.xlsx"))
        .unwrap_or_else(|e| panic!("{e}"));
    let f =
        final_report(&plan, &ledger, &FinalOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    write_final_report(&f, &ExportOptions::default(), &dir.join("final.xlsx"))
        .unwrap_or_else(|e| panic!("{e}"));
    let json = |s: String| -> Value { serde_json::from_str(&s).unwrap_or_else(|e| panic!("{e}")) };
    [
        ("progress", (p.to_tables(), json(p.to_json()))),
        ("final", (f.to_tables(), json(f.to_json()))),
    ]
    .into_iter()
    .collect()
}

/// Every amount and rate cell of every report sheet, with the formula it must hold.
fn expected_cells(reports: &[VarianceReport]) -> Vec<Value> {
    let mut cells = Vec::new();
    for (i, report) in reports.iter().enumerate() {
        let sheet = sheet_fr(report.by, i == 0);
        let json: Value = serde_json::from_str(&report.to_json()).unwrap_or_else(|e| panic!("{e}"));
        let rows = json["rows"].as_array().cloned().unwrap_or_default();
        let first = 4; // A1 row of the first data row
        let total = first + rows.len();
        for (r, row) in rows.iter().chain([&json["totals"]]).enumerate() {
            let is_total = r == rows.len();
            for (k, key) in AMOUNT_KEYS.iter().enumerate() {
                let formula = match (is_total, *key) {
                    (true, _) => Some("=SUM("),
                    (false, "revised") => Some("=C"),
                    (false, "remaining_to_pay") => Some("=F"),
                    (false, "variance" | "available") => Some("=E"),
                    _ => None,
                };
                cells.push(
                    json!({"sheet": sheet, "cell": format!("{}{}", col(2 + k), first + r),
                    "formula": formula, "value": row[key]}),
                );
            }
            for (column, rate) in [("M", "commitment_rate"), ("N", "payment_rate")] {
                cells.push(
                    json!({"sheet": sheet, "cell": format!("{column}{}", first + r),
                    "formula": "=IF(", "value": row[rate]}),
                );
            }
        }
        assert_eq!(total, first + rows.len());
    }
    cells
}

fn run_openpyxl(workbook: &Path, expected: &Value) -> Option<String> {
    let expected_path = workbook.with_extension("expected.json");
    std::fs::write(&expected_path, expected.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let out = match Command::new("python3")
        .arg(script("check_openpyxl.py"))
        .arg(workbook)
        .arg(&expected_path)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            skip(&format!("python3 not found ({e})"));
            return None;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    if out.status.code() == Some(77) {
        skip(&stdout);
        return None;
    }
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(stdout)
}

#[test]
fn openpyxl_reads_the_formulas_and_their_cached_values() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (path, reports, minor) in workbooks(dir.path()) {
        let sha = InputFile::of_bytes("", cnltp::PLAN_JSON.as_bytes()).sha256;
        let mut layout = Vec::new();
        for (i, report) in reports.iter().enumerate() {
            let last = 3 + report.rows.len();
            layout.push(json!({
                "sheet": sheet_fr(report.by, i == 0),
                "freeze": "B4",
                "filter": format!("A3:O{last}"),
                "amount_format": if minor == 0 { "#,##0" } else { "#,##0.00" },
                // The flags (O), and negative variance (L) and available (K) in red.
                "conditional": [
                    format!("O4:O{last}"),
                    format!("L4:L{}", last + 1),
                    format!("K4:K{}", last + 1),
                ],
            }));
        }
        let rows = 3 + reports[0].rows.len();
        let expected = json!({
            "charts": {"count": 1, "series": [
                format!("Synthèse!$A$4:$A${rows}"),
                format!("Synthèse!$E$4:$E${rows}"),
                "Synthèse!$E$3".to_string(),
                format!("Synthèse!$I$4:$I${rows}"),
                "Synthèse!$I$3".to_string(),
            ]},
            "layout": layout,
            "cells": expected_cells(&reports),
            "properties": {"planfin version": env!("CARGO_PKG_VERSION"), "input 1 sha256": sha},
        });
        if let Some(out) = run_openpyxl(&path, &expected) {
            eprintln!("{}: {out}", path.display());
        }
    }
}

#[test]
fn openpyxl_sees_drop_downs_with_input_messages_in_templates() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let plan = dir.path().join("plan_template.xlsx");
    let ledger = dir.path().join("ledger_template.xlsx");
    write_template(TemplateKind::Plan, Lang::Fr, &plan).unwrap_or_else(|e| panic!("{e}"));
    write_template(TemplateKind::Ledger, Lang::Fr, &ledger).unwrap_or_else(|e| panic!("{e}"));
    let v = |sheet: &str, cell: &str, t: &str| json!({"sheet": sheet, "cell": cell, "type": t});
    run_openpyxl(
        &plan,
        &json!({"validations": [
            v("Lignes", "B2", "list"), v("Lignes", "E2", "list"), v("Sources", "D2", "list"),
            v("Plan", "B5", "list"), v("Amendements", "C2", "list"), v("Lignes", "G2", "decimal"),
        ]}),
    );
    run_openpyxl(
        &ledger,
        &json!({"validations": [
            v("Depenses", "C2", "list"), v("Depenses", "E2", "list"), v("Depenses", "G2", "list"),
        ]}),
    );
}

/// A minimal RFC 4180 reader for LibreOffice's CSV.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn recalc(out: &Path, workbooks: &[&Path]) -> bool {
    let status = Command::new("sh")
        .arg(script("recalc_libreoffice.sh"))
        .arg(out)
        .args(workbooks)
        .status();
    match status {
        Ok(s) if s.code() == Some(77) => {
            skip("LibreOffice (soffice) not installed");
            false
        }
        Ok(s) => {
            assert!(s.success(), "recalc_libreoffice.sh failed");
            true
        }
        Err(e) => {
            skip(&format!("sh not found ({e})"));
            false
        }
    }
}

fn csv_of(out: &Path, base: &str, sheet: &str) -> Vec<Vec<String>> {
    let path = out.join(format!("{base}-{sheet}.csv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_csv(&text)
}

#[test]
fn libreoffice_recalculates_every_sheet_to_the_json_totals() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // A canary whose cached result is wrong on purpose: it proves LibreOffice recalculated.
    let canary = dir.path().join("canary.xlsx");
    {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        let _ = ws.write_number(0, 0, 2.0);
        let _ = ws.write_formula(
            1,
            0,
            rust_xlsxwriter::Formula::new("A1*3").set_result("999"),
        );
        wb.save(&canary).unwrap_or_else(|e| panic!("{e}"));
    }
    let books = workbooks(dir.path());
    let others = progress_and_final(dir.path());
    let out = dir.path().join("csv");
    let mut inputs: Vec<PathBuf> = vec![canary.clone()];
    inputs.extend(books.iter().map(|(p, _, _)| p.clone()));
    inputs.extend(["progress", "final"].map(|b| dir.path().join(format!("{b}.xlsx"))));
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    if !recalc(&out, &inputs) {
        return;
    }
    let canary_csv = std::fs::read_to_string(out.join("canary-Sheet1.csv"))
        .or_else(|_| std::fs::read_to_string(out.join("canary.csv")))
        .unwrap_or_default();
    assert_eq!(
        canary_csv.lines().nth(1),
        Some("6"),
        "LibreOffice did not recalculate"
    );

    let mut expected: Vec<(String, &str, Vec<String>, Value, u32)> = Vec::new();
    for (path, reports, minor) in &books {
        let base = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        for (i, report) in reports.iter().enumerate() {
            let json: Value =
                serde_json::from_str(&report.to_json()).unwrap_or_else(|e| panic!("{e}"));
            let keys: Vec<String> = report
                .to_table()
                .keys()
                .iter()
                .map(|k| k.to_string())
                .collect();
            expected.push((
                base.to_string(),
                sheet_fr(report.by, i == 0),
                keys,
                json,
                *minor,
            ));
        }
    }
    for (base, sheets) in [
        (
            "progress",
            [
                ("Objectifs", 1, "by_objective"),
                ("Exercices", 2, "by_period"),
            ],
        ),
        (
            "final",
            [
                ("Objectifs", 1, "by_objective"),
                ("Sources", 2, "by_source"),
            ],
        ),
    ] {
        let (tables, json) = &others[base];
        for (sheet, t, section) in sheets {
            expected.push((
                base.to_string(),
                sheet,
                tables[t].keys().iter().map(|k| k.to_string()).collect(),
                json[section].clone(),
                0,
            ));
        }
    }
    let mut compared = 0;
    for (base, sheet, keys, section, minor) in &expected {
        let csv = csv_of(&out, base, sheet);
        let (rows, totals) = section_rows(section);
        let rate_col = keys.iter().position(|k| k == "execution_rate");
        for (r, row) in rows.iter().chain([&totals]).enumerate() {
            let line = &csv[3 + r];
            for (c, key) in amount_columns(keys) {
                let Some(expected) = row[&key].as_str().map(dec) else {
                    continue;
                };
                let shown = dec(line[c as usize].trim());
                let at_precision =
                    shown.round_dp_with_strategy(*minor, RoundingStrategy::MidpointAwayFromZero);
                assert_eq!(
                    at_precision,
                    expected,
                    "{base} {sheet} row {} {key}: {shown}",
                    4 + r
                );
                compared += 1;
            }
            if let Some(c) = rate_col {
                let got = line[c]
                    .trim()
                    .strip_suffix('%')
                    .map(|p| dec(p) / Decimal::ONE_HUNDRED);
                let expected = row["execution_rate"].as_str().map(dec);
                assert_eq!(got, expected, "{base} {sheet} row {} rate", 4 + r);
            }
        }
    }
    eprintln!("LibreOffice: {compared} recalculated amounts equal the JSON values");
}
