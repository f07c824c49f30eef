//! `--format xlsx` of report, progress and final read back with calamine: SUM formulas whose
//! cached values equal the JSON report's totals, provenance with each input's SHA-256; text
//! that looks like a formula stays text in every export; an interrupted export never leaves
//! a truncated file at the target.

use std::path::Path;

use rust_decimal::Decimal;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::xl::{self, Sheet};
use crate::{
    AMOUNT_FIELDS, SHEET_AMOUNT_FIELDS, TestResult, dec, fixture, planfin, planfin_en, report_json,
    run_ok,
};

/// The report's amount columns in the workbook: C (initial) to I (available).
const FIRST_AMOUNT_COL: u32 = 2;

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Every row of `json` (rows and totals) is on `sheet` with the same cached values, and the
/// totals are SUM formulas.
fn sheet_matches_json(sheet: &Sheet, json: &Value) -> TestResult {
    totals_are_sums_cached_to(sheet, &json["totals"])?;
    for row in json["rows"].as_array().ok_or("no rows")? {
        let key = row["key"].as_str().ok_or("no key")?;
        let r = sheet.row_of(key).ok_or(format!("no row {key}"))?;
        for (i, field) in SHEET_AMOUNT_FIELDS.iter().enumerate() {
            let col = FIRST_AMOUNT_COL + i as u32;
            assert_eq!(sheet.number(r, col)?, dec(&row[field])?, "{key} {field}");
        }
        // Revised, remaining to pay, available and variance are formulas of their row.
        for col in [4, 9, 10, 11] {
            assert!(!sheet.formula(r, col).is_empty(), "{key} column {col}");
        }
    }
    Ok(())
}

/// The Total row of `sheet` has a SUM formula in each amount column, its cached value that
/// of `totals` (a JSON report's totals).
fn totals_are_sums_cached_to(sheet: &Sheet, totals: &Value) -> TestResult {
    let total = sheet.row_of("Total").ok_or("no Total row")?;
    for (i, field) in SHEET_AMOUNT_FIELDS.iter().enumerate() {
        let col = FIRST_AMOUNT_COL + i as u32;
        let formula = sheet.formula(total, col);
        assert!(formula.starts_with("SUM("), "{field}: {formula:?}");
        assert_eq!(
            sheet.number(total, col)?,
            dec(&totals[field])?,
            "total {field}"
        );
    }
    Ok(())
}

#[test]
fn the_variance_workbook_has_live_formulas_cached_to_the_json_totals() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("r.xlsx");
    planfin()
        .args(["report", "--format", "xlsx", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        xl::sheet_names(&out)?,
        [
            "Synthèse",
            "Lignes",
            "Sources",
            "Exercices",
            "Constats",
            "Provenance"
        ]
    );
    for (name, by) in [
        ("Synthèse", "objective"),
        ("Lignes", "line"),
        ("Sources", "source"),
        ("Exercices", "period"),
    ] {
        let json = report_json(&["--by", by])?;
        sheet_matches_json(&xl::sheet(&out, name)?, &json)
            .map_err(|e| format!("sheet {name}: {e}"))?;
    }
    // The embedded data is recorded with the SHA-256 of its bytes.
    let provenance = xl::sheet(&out, "Provenance")?.strings();
    let plan_sha = hex(&Sha256::digest(std::fs::read(fixture("cnltp/plan.json"))?));
    assert!(provenance.contains(&plan_sha), "{provenance:?}");
    Ok(())
}

#[test]
fn a_workbook_report_records_each_input_file_sha256_and_the_options() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("r.xlsx");
    let plan = fixture("xlsx/cnltp_plan.xlsx");
    let ledger = fixture("xlsx/cnltp_ledger.ods");
    planfin()
        .args(["report", "--format", "xlsx", "--by", "line", "--lang", "en"])
        .args(["--as-of", "2019-06-30", "--tolerance", "10"])
        .arg("--plan")
        .arg(&plan)
        .arg("--ledger")
        .arg(&ledger)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let names = xl::sheet_names(&out)?;
    assert_eq!(names[0], "Summary");
    let provenance = xl::sheet(&out, "Provenance")?.strings();
    for input in [&plan, &ledger] {
        let sha = hex(&Sha256::digest(std::fs::read(input)?));
        assert!(provenance.contains(&sha), "{input:?}: {provenance:?}");
        assert!(provenance.contains(&s(input)), "{input:?}");
    }
    for option in ["2019-06-30", "line", "10", "en"] {
        assert!(provenance.iter().any(|p| p == option), "{option}");
    }
    // The summary sheet is by line, as asked, and matches the JSON of the same inputs.
    let json = report_json(&[
        "--by",
        "line",
        "--as-of",
        "2019-06-30",
        "--tolerance",
        "10",
        "--plan",
        &s(&plan),
        "--ledger",
        &s(&ledger),
    ])?;
    sheet_matches_json(&xl::sheet(&out, "Summary")?, &json)
}

#[test]
fn xlsx_without_out_is_a_usage_error_for_every_report() {
    for args in [
        &["report", "--format", "xlsx"][..],
        &["progress", "--as-of", "2019-06-30", "--format", "xlsx"],
        &["final", "--format", "xlsx"],
    ] {
        planfin_en()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains("--out FILE.xlsx"));
    }
    planfin_en()
        .args(["report", "--format", "xlsx", "--out", "report.csv"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("name the file FILE.xlsx"));
    planfin_en()
        .args(["report", "--bom"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--bom goes with --format csv"));
}

#[test]
fn csv_gets_a_byte_order_mark_on_request() -> TestResult {
    let with = planfin()
        .args(["report", "--format", "csv", "--bom"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(with.starts_with("\u{feff}key,label,".as_bytes()));
    let without = run_ok(&["report", "--format", "csv"])?;
    assert!(without.starts_with("key,label,"));
    assert_eq!(&with[3..], without.as_bytes());
    Ok(())
}

#[test]
fn progress_in_json_agrees_with_the_variance_report_at_the_same_date() -> TestResult {
    let progress: Value = serde_json::from_str(&run_ok(&[
        "progress",
        "--as-of",
        "2019-06-30",
        "--format",
        "json",
    ])?)?;
    assert_eq!(progress["report"], "progress");
    assert_eq!(progress["as_of"], "2019-06-30");
    // 2018-01-01..2019-12-31 is 730 days; to 2019-06-30 inclusive, 365 + 181 = 546.
    assert_eq!(progress["elapsed"]["days_total"], 730);
    assert_eq!(progress["elapsed"]["days_elapsed"], 546);
    let variance = report_json(&["--as-of", "2019-06-30"])?;
    let totals = &progress["by_objective"]["totals"];
    for field in AMOUNT_FIELDS {
        assert_eq!(
            dec(&totals[field])?,
            dec(&variance["totals"][field])?,
            "{field}"
        );
    }
    // The projection: paid x 730 / 546, row by row, each rounded to the franc.
    let mut projected = Decimal::ZERO;
    for row in progress["by_objective"]["rows"]
        .as_array()
        .ok_or("no rows")?
    {
        let paid = dec(&row["paid"])?;
        let p = (paid * Decimal::from(730) / Decimal::from(546))
            .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(dec(&row["projected_paid"])?, p);
        projected += p;
    }
    assert_eq!(
        dec(&progress["by_objective"]["totals"]["projected_paid"])?,
        projected
    );
    Ok(())
}

#[test]
fn final_in_json_reconciles_with_the_variance_report() -> TestResult {
    let fin: Value = serde_json::from_str(&run_ok(&["final", "--format", "json"])?)?;
    assert_eq!(fin["report"], "final");
    let variance = report_json(&[])?;
    let r = &fin["reconciliation"];
    assert_eq!(dec(&r["ceiling"])?, Decimal::from(206_850_000));
    for field in ["revised", "engaged", "committed", "paid", "available"] {
        assert_eq!(dec(&r[field])?, dec(&variance["totals"][field])?, "{field}");
    }
    assert_eq!(
        dec(&r["revised"])?,
        dec(&r["initial_allocation"])? + dec(&r["amendments"])?
    );
    Ok(())
}

#[test]
fn progress_and_final_workbooks_cache_the_json_totals() -> TestResult {
    let dir = tempfile::tempdir()?;
    let p = dir.path().join("p.xlsx");
    planfin()
        .args([
            "progress",
            "--as-of",
            "2019-06-30",
            "--format",
            "xlsx",
            "--out",
        ])
        .arg(&p)
        .assert()
        .success();
    assert_eq!(
        xl::sheet_names(&p)?,
        [
            "Synthèse",
            "Objectifs",
            "Exercices",
            "Ancienneté objectifs",
            "Ancienneté lignes",
            "Constats",
            "Provenance"
        ]
    );
    let progress: Value = serde_json::from_str(&run_ok(&[
        "progress",
        "--as-of",
        "2019-06-30",
        "--format",
        "json",
    ])?)?;
    totals_are_sums_cached_to(
        &xl::sheet(&p, "Objectifs")?,
        &progress["by_objective"]["totals"],
    )?;
    // The ageing sheet: one row per line, its total the sum of the buckets (a formula).
    let ageing = xl::sheet(&p, "Ancienneté lignes")?;
    let total = ageing.row_of("Total").ok_or("no Total row")?;
    let by_hand = &progress["ageing"]["totals"];
    for (col, key) in (2..).zip([
        "age_0_30",
        "age_31_90",
        "age_91_180",
        "age_over_180",
        "age_total",
    ]) {
        assert!(ageing.formula(total, col).starts_with("SUM("), "{key}");
        assert_eq!(ageing.number(total, col)?, dec(&by_hand[key])?, "{key}");
    }
    assert_eq!(
        ageing.formula(total - 1, 6),
        format!("C{0}+D{0}+E{0}+F{0}", total)
    );

    let f = dir.path().join("f.xlsx");
    planfin()
        .args(["final", "--format", "xlsx", "--lang", "en", "--out"])
        .arg(&f)
        .assert()
        .success();
    assert_eq!(
        xl::sheet_names(&f)?,
        [
            "Reconciliation",
            "Objectives",
            "Sources",
            "Findings",
            "Provenance"
        ]
    );
    let fin: Value = serde_json::from_str(&run_ok(&["final", "--format", "json"])?)?;
    totals_are_sums_cached_to(&xl::sheet(&f, "Sources")?, &fin["by_source"]["totals"])?;
    Ok(())
}

#[test]
fn progress_and_final_render_as_table_markdown_and_csv() -> TestResult {
    for cmd in [&["progress", "--as-of", "2018-12-31"][..], &["final"]] {
        let table = run_ok(cmd)?;
        assert!(table.contains("OS5"), "{table}");
        let mut md = cmd.to_vec();
        md.extend(["--format", "md", "--lang", "en"]);
        let md = run_ok(&md)?;
        assert!(md.starts_with("## "), "{md}");
        assert!(md.contains("| OS1 |"), "{md}");
        let mut csv = cmd.to_vec();
        csv.extend(["--format", "csv"]);
        let csv = run_ok(&csv)?;
        assert!(csv.starts_with("key,label,"), "{csv}");
        assert!(
            csv.contains("\r\n\r\nkey,label,"),
            "tables separated by a blank line"
        );
    }
    Ok(())
}

/// A plan and a ledger whose texts look like formulas.
fn formula_looking_inputs(dir: &Path) -> Result<(String, String), Box<dyn std::error::Error>> {
    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("small/plan.json"))?)?;
    plan["lines"][0]["label"] = json!({"fr": "=HYPERLINK(\"x\")", "en": "=HYPERLINK(\"x\")"});
    plan["objectives"][0]["title"] = json!({"fr": "+33 6 12", "en": "+33 6 12"});
    plan["sources"][0]["name"] = json!({"fr": "@SUM(A1)", "en": "@SUM(A1)"});
    let mut ledger: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("small/ledger.json"))?)?;
    let entries = ledger["expenditures"]
        .as_array_mut()
        .ok_or("no expenditures")?;
    for (i, text) in DANGEROUS.iter().enumerate() {
        entries[i]["payee"] = json!(text);
        entries[i]["description"] = json!(text);
        entries[i]["document"] = json!(text);
    }
    let plan_path = dir.join("plan.json");
    let ledger_path = dir.join("ledger.json");
    std::fs::write(&plan_path, serde_json::to_string(&plan)?)?;
    std::fs::write(&ledger_path, serde_json::to_string(&ledger)?)?;
    Ok((s(&plan_path), s(&ledger_path)))
}

const DANGEROUS: [&str; 5] = ["=HYPERLINK(\"x\")", "+33 6 12", "@SUM(A1)", "-2+3", "\tcmd"];

/// No formula of the workbook carries one of the texts; every text that is there is a string.
fn no_text_became_a_formula(path: &Path) -> TestResult {
    for name in xl::sheet_names(path)? {
        let sheet = xl::sheet(path, &name)?;
        for f in sheet.all_formulas() {
            for text in ["HYPERLINK", "33 6 12", "SUM(A1)", "2+3", "cmd"] {
                assert!(!f.contains(text), "{path:?} {name}: formula {f:?}");
            }
        }
    }
    Ok(())
}

#[test]
fn formula_looking_text_stays_text_in_every_export() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (plan, ledger) = formula_looking_inputs(dir.path())?;
    let inputs = ["--plan", plan.as_str(), "--ledger", ledger.as_str()];

    // Workbooks: the reports, and the plan and the ledger converted.
    let mut workbooks = Vec::new();
    for (i, cmd) in [
        &["report", "--by", "line"][..],
        &["report", "--by", "objective"],
        &["report", "--by", "source"],
        &["progress", "--as-of", "2019-12-31"],
        &["final"],
    ]
    .iter()
    .enumerate()
    {
        let out = dir.path().join(format!("report{i}.xlsx"));
        planfin()
            .args(*cmd)
            .args(inputs)
            .args(["--format", "xlsx", "--out"])
            .arg(&out)
            .assert()
            .success();
        workbooks.push(out);
    }
    for input in [&plan, &ledger] {
        let out = dir.path().join(format!(
            "{}.xlsx",
            Path::new(input)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("x")
        ));
        planfin()
            .arg("convert")
            .arg(input)
            .arg(&out)
            .assert()
            .success();
        workbooks.push(out);
    }
    let mut seen = Vec::new();
    for wb in &workbooks {
        no_text_became_a_formula(wb)?;
        for name in xl::sheet_names(wb)? {
            seen.extend(xl::sheet(wb, &name)?.strings());
        }
    }
    // The texts are there, as strings, exactly.
    for text in DANGEROUS {
        assert!(seen.iter().any(|s| s == text), "{text:?} not written");
    }

    // CSV: the cells are neutralised with a leading quote.
    for (by, text) in [
        ("line", "=HYPERLINK(\"\"x\"\")"),
        ("objective", "+33 6 12"),
        ("source", "@SUM(A1)"),
    ] {
        let mut args = vec!["report", "--format", "csv", "--by", by];
        args.extend(inputs);
        let csv = run_ok(&args)?;
        assert!(
            csv.contains(&format!(",'{text}")) || csv.contains(&format!(",\"'{text}")),
            "{by}: {csv}"
        );
        for line in csv.lines() {
            for field in line.split(',') {
                let field = field.trim_start_matches('"');
                assert!(
                    !field.starts_with(['=', '+', '@', '\t']),
                    "{by}: a field starts like a formula: {line}"
                );
            }
        }
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A JSON ledger of `n` entries on the embedded plan's line 0101.
fn big_ledger(path: &Path, n: usize) -> TestResult {
    let mut text = String::from("{\"expenditures\": [\n");
    for i in 0..n {
        if i > 0 {
            text.push_str(",\n");
        }
        text.push_str(&format!(
            "{{\"voucher\": \"V{i}\", \"date\": \"2019-03-01\", \"line\": \"0101\", \
             \"amount\": \"{}\", \"currency\": \"XOF\", \"payee\": \"Fournisseur {i}\", \
             \"description\": \"Achat numéro {i}\"}}",
            1000 + i
        ));
    }
    text.push_str("\n]}\n");
    std::fs::write(path, text)?;
    Ok(())
}

#[test]
fn an_interrupted_export_leaves_the_previous_file_whole() -> TestResult {
    let dir = tempfile::tempdir()?;
    let ledger = dir.path().join("big.json");
    big_ledger(&ledger, 200_000)?;
    let target = dir.path().join("ledger.xlsx");
    let old = b"the previous export, which must survive".to_vec();
    let mut interrupted = 0;
    for delay_ms in [50u64, 150, 300, 600, 1000, 1500, 2500] {
        std::fs::write(&target, &old)?;
        let mut child = std::process::Command::new(crate::binary())
            .arg("convert")
            .arg(&ledger)
            .arg(&target)
            .stderr(std::process::Stdio::null())
            .spawn()?;
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let finished = child.try_wait()?.is_some();
        child.kill()?;
        child.wait()?;
        let now = std::fs::read(&target)?;
        if finished {
            // It had the time to finish: the file is the whole new workbook.
            assert_ne!(now, old);
            assert_eq!(xl::sheet_names(&target)?, ["Depenses"]);
        } else {
            // Killed before its end: the previous file, byte for byte.
            interrupted += 1;
            if now != old {
                // Killed between the rename and the exit: then the workbook is complete.
                assert_eq!(xl::sheet_names(&target)?, ["Depenses"]);
            }
        }
    }
    assert!(
        interrupted > 0,
        "the export was never interrupted: make it bigger"
    );
    Ok(())
}

#[test]
fn a_failed_export_leaves_no_file_and_says_why() -> TestResult {
    let dir = tempfile::tempdir()?;
    // The folder of the output is a file: nothing can be created there.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"x")?;
    let out = blocker.join("r.xlsx");
    planfin_en()
        .args(["report", "--format", "xlsx", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains(s(&out)));
    assert!(!out.exists());
    // An output that is an input is refused before anything is written.
    let plan = dir.path().join("plan.xlsx");
    std::fs::copy(fixture("xlsx/cnltp_plan.xlsx"), &plan)?;
    let before = std::fs::read(&plan)?;
    planfin_en()
        .args(["report", "--format", "xlsx", "--plan"])
        .arg(&plan)
        .arg("--out")
        .arg(&plan)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("would overwrite the input"));
    assert_eq!(std::fs::read(&plan)?, before);
    Ok(())
}
