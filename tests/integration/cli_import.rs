//! Workbooks on the command line: `report` and `validate` read xlsx, xls and ods to the same
//! totals as the JSON fixtures; every bad cell is named as `file: Sheet!A1`; hostile files are
//! refused with exit 1, quickly and in under 100 MB.

use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::{AMOUNT_FIELDS, TestResult, dec, fixture, planfin_en, report_json};

fn path(rel: &str) -> String {
    fixture(rel).to_string_lossy().into_owned()
}

#[test]
fn a_kilo_franc_in_e9_stops_the_report_naming_the_sheet_and_the_cell() {
    let ledger = path("xlsx/ledger_e9.xlsx");
    for plan in [path("xlsx/cnltp_plan.xlsx"), path("cnltp/plan.json")] {
        planfin_en()
            .args(["report", "--plan", &plan, "--ledger", &ledger])
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "planfin: error: {ledger}: Depenses!E9: \"12,5 kF\" is not an amount"
            )));
    }
}

#[test]
fn the_cnltp_workbooks_and_their_messy_variants_give_the_json_totals() -> TestResult {
    let json = report_json(&[
        "--by",
        "line",
        "--plan",
        &path("cnltp/plan.json"),
        "--ledger",
        &path("cnltp/ledger.json"),
    ])?;
    for ext in ["xlsx", "xls", "ods"] {
        for (plan, ledger) in [
            ("cnltp_plan", "cnltp_ledger"),
            ("messy_plan", "messy_ledger"),
        ] {
            let from_workbooks = report_json(&[
                "--by",
                "line",
                "--plan",
                &path(&format!("xlsx/{plan}.{ext}")),
                "--ledger",
                &path(&format!("xlsx/{ledger}.{ext}")),
            ])?;
            assert_eq!(from_workbooks["rows"], json["rows"], "{plan}.{ext}");
            for field in AMOUNT_FIELDS {
                assert_eq!(
                    dec(&from_workbooks["totals"][field])?,
                    dec(&json["totals"][field])?,
                    "{plan}.{ext} {field}"
                );
            }
            // Findings point at the workbook's cells.
            let findings = from_workbooks["findings"].as_array().ok_or("no findings")?;
            assert!(!findings.is_empty());
            // (Those about a line, `over_committed`, name the line.)
            for f in findings.iter().filter(|f| f["code"] != "over_committed") {
                let location = f["location"].as_str().unwrap_or_default();
                assert!(location.contains(&format!("{ledger}.{ext} ")), "{location}");
                assert!(location.contains('!'), "{location}");
            }
        }
    }
    Ok(())
}

#[test]
fn validate_names_every_bad_cell() {
    let file = path("xlsx/ledger_errors.xlsx");
    let mut assert = planfin_en().args(["validate", &file]).assert().code(1);
    for cell in [
        "E3", "E4", "A5", "E6", "E7", "D8", "E9", "B10", "F11", "E12",
    ] {
        assert = assert.stderr(predicate::str::contains(format!(
            "planfin: error: {file}: Depenses!{cell}: "
        )));
    }
    assert
        .stderr(predicate::str::contains("recalculate and save"))
        .stdout(predicate::str::ends_with(
            "1 file: 0 errors, 0 warnings, 1 refused\n",
        ));
    let plan = path("xlsx/plan_errors.xlsx");
    planfin_en()
        .args(["validate", &plan])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{plan}: Sources!C3: ")))
        .stderr(predicate::str::contains(format!("{plan}: Lignes!G3: ")))
        .stderr(predicate::str::contains(format!("{plan}: Lignes!E4: ")));
}

#[test]
fn a_declared_decimal_mark_settles_an_ambiguous_amount() {
    let file = path("xlsx/ledger_errors.xlsx");
    planfin_en()
        .args(["validate", "--decimal-mark", "point", &file])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("Depenses!E4").not())
        .stderr(predicate::str::contains("Depenses!E9"));
}

#[test]
fn missing_columns_are_listed() {
    let file = path("xlsx/ledger_missing_columns.xlsx");
    planfin_en()
        .args(["report", "--ledger", &file])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{file}: ")))
        .stderr(predicate::str::contains("missing column"));
}

#[test]
fn validate_prints_findings_and_import_notes_with_their_cells() -> TestResult {
    let plan = path("xlsx/messy_plan.ods");
    let ledger = path("xlsx/messy_ledger.xlsx");
    planfin_en()
        .args(["validate", &plan, &ledger])
        .assert()
        .success()
        .stdout(predicate::str::contains("note: totals row checked"))
        .stdout(predicate::str::is_match(
            r"messy_ledger\.xlsx [^!\n]+!A\d+ \(voucher PC-2019-0099\): warning \[unknown_line\]",
        )?)
        // The CNLTP sample ledger's findings, as from its JSON (cli_validate): 3 on the records,
        // 15 stale commitments and 1 line over-committed, each at its cell.
        .stdout(predicate::str::is_match(
            r"messy_ledger\.xlsx [^!\n]+!A\d+ \(voucher ENG-2019-0401\): warning \[stale_commitment\]",
        )?)
        .stdout(predicate::str::ends_with(
            "2 files: 0 errors, 19 warnings, 0 refused\n",
        ));
    Ok(())
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    planfin_en()
        .args(["validate", &path("xlsx/cnltp_ledger.xlsx")])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn every_hostile_fixture_is_refused_quickly() -> TestResult {
    let mut n = 0;
    for entry in std::fs::read_dir(fixture("hostile"))? {
        let file = entry?.path();
        let name = file.to_string_lossy().into_owned();
        for args in [
            vec!["validate", name.as_str()],
            vec!["report", "--ledger", name.as_str()],
            vec!["convert", name.as_str(), "/nonexistent-planfin/out.json"],
        ] {
            let started = Instant::now();
            let out = planfin_en()
                .args(&args)
                .timeout(Duration::from_secs(30))
                .output()?;
            let elapsed = started.elapsed();
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains(&format!("planfin: error: {name}")),
                "{args:?}: {stderr}"
            );
            // A panic inside the reader (xlsb_bad_string_index.xlsb) is caught and reported
            // as an unreadable file, without the panic's own message.
            assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
            // A hang guard, not a benchmark: the CI machine is shared.
            assert!(elapsed < Duration::from_secs(10), "{args:?}: {elapsed:?}");
        }
        if let Some(kib) = crate::peak_memory_kib(&["validate", &name])? {
            assert!(kib < 100 * 1024, "{name}: {kib} KiB");
        }
        n += 1;
    }
    assert!(n >= 10, "{n} hostile fixtures");
    Ok(())
}

#[test]
fn a_progress_spinner_shows_the_rows_read_on_a_terminal() -> TestResult {
    // `script` runs the command on a pseudo-terminal; without it there is nothing to check.
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("note: no `script` command: terminal progress test skipped");
        return Ok(());
    }
    let dir = tempfile::tempdir()?;
    let mut json = String::from("{\"expenditures\": [");
    for i in 0..21_000 {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&format!(
            "{{\"voucher\": \"V{i}\", \"date\": \"2019-03-01\", \"line\": \"0101\", \"amount\": \"{}\", \"currency\": \"XOF\"}}",
            1000 + i
        ));
    }
    json.push_str("]}");
    let ledger_json = dir.path().join("big.json");
    let ledger = dir.path().join("big.xlsx");
    std::fs::write(&ledger_json, json)?;
    planfin_en()
        .arg("convert")
        .arg(&ledger_json)
        .arg(&ledger)
        .assert()
        .success();
    let out = dir.path().join("r.json");
    let command = format!(
        "'{}' report --ledger '{}' --format json --out '{}'",
        crate::binary().display(),
        ledger.display(),
        out.display()
    );
    let run = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .output()?;
    assert!(run.status.success(), "{run:?}");
    let terminal = String::from_utf8_lossy(&run.stdout);
    // The spinner draws on a timer: a fast machine may show only its first message.
    assert!(
        terminal.contains("big.xlsx\u{a0}: 10000 rangées lues")
            || terminal.contains("big.xlsx\u{a0}: lecture"),
        "{terminal}"
    );
    // The report itself is whole.
    let report: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out)?)?;
    let expected: i64 = (0..21_000).map(|i| 1000 + i).sum();
    assert_eq!(
        dec(&report["totals"]["paid"])?,
        rust_decimal::Decimal::from(expected)
    );
    Ok(())
}

#[test]
fn the_same_journal_as_a_workbook_and_as_json_is_counted_once() -> TestResult {
    let once = report_json(&[])?;
    let twice = report_json(&[
        "--ledger",
        &path("xlsx/cnltp_ledger.xlsx"),
        "--ledger",
        &path("cnltp/ledger.json"),
    ])?;
    assert_eq!(twice["totals"], once["totals"]);
    // Every entry of the JSON journal is recognised as a duplicate of the workbook's.
    let duplicates = twice["findings"]
        .as_array()
        .ok_or("no findings")?
        .iter()
        .filter(|f| f["code"] == "duplicate_voucher")
        .count();
    let entries = serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(fixture(
        "cnltp/ledger.json",
    ))?)?["expenditures"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(duplicates >= entries - 1, "{duplicates} of {entries}");
    Ok(())
}

#[test]
fn a_safety_limit_is_named_and_can_be_set() -> TestResult {
    let ledger = fixture("xlsx/cnltp_ledger.xlsx")
        .to_string_lossy()
        .into_owned();
    planfin_en()
        .args(["validate", "--limit", "max_cells=100", &ledger])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "has more than 100 cells, beyond the limit of 100 cells",
        ))
        .stderr(predicates::str::contains("planfin --limit max_cells=N"));
    let far = fixture("hostile/xls_far_cell.xls")
        .to_string_lossy()
        .into_owned();
    // Raised, the limit lets the sheet be built; its header was the cell moved away.
    planfin_en()
        .args([
            "report",
            "--limit",
            "max_range_cells=20000000",
            "--ledger",
            &far,
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("missing column(s) Date"));
    planfin_en()
        .args(["validate", "--limit", "max_rows=3", &ledger])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("\"max_rows\" is not a limit"));
    Ok(())
}
