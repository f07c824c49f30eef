//! `planfin validate FILE...`.

use predicates::prelude::*;

use crate::{TestResult, fixture, planfin_en, run_ok};

fn path(rel: &str) -> String {
    fixture(rel).to_string_lossy().into_owned()
}

#[test]
fn the_embedded_fixtures_have_warnings_only() -> TestResult {
    let out = run_ok(&[
        "validate",
        &path("cnltp/plan.json"),
        &path("cnltp/ledger.json"),
    ])?;
    assert!(out.contains("avertissement [unknown_line]"), "{out}");
    assert!(out.contains("avertissement [outside_period]"), "{out}");
    assert!(out.contains("avertissement [duplicate_voucher]"), "{out}");
    assert!(
        out.contains("cnltp/ledger.json expenditures["),
        "locations: {out}"
    );
    // validate finds what the report finds: the same codes, as many times.
    let report = crate::report_json(&[])?;
    let mut reported: Vec<String> = report["findings"]
        .as_array()
        .ok_or("findings")?
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect();
    let mut validated: Vec<String> = out
        .lines()
        .filter_map(|l| l.split_once("avertissement [")?.1.split_once(']'))
        .map(|(code, _)| code.to_string())
        .collect();
    reported.sort();
    validated.sort();
    assert_eq!(validated, reported);
    assert!(
        reported.iter().any(|c| c == "stale_commitment"),
        "{reported:?}"
    );
    let summary = format!(
        "2 fichiers\u{a0}: 0 erreur, {} avertissements, 0 refusé",
        reported.len()
    );
    assert!(out.trim_end().ends_with(&summary), "{out}");
    Ok(())
}

#[test]
fn the_small_fixtures_are_clean() -> TestResult {
    let out = run_ok(&[
        "validate",
        &path("small/plan.json"),
        &path("small/ledger.json"),
        &path("small/ledger-q4.json"),
    ])?;
    assert!(out.contains("avertissement [duplicate_voucher]"), "{out}");
    assert!(
        out.contains("small/ledger-q4.json expenditures[0]"),
        "{out}"
    );
    // The chain, as fixtures/small/README.md works it out: L4 (engaged 1 July) and L5 (1 May)
    // are still unpaid more than 90 days before the end of 2019; line 0101 is engaged 470,000
    // against a revised 450,000.
    for voucher in ["L4", "L5"] {
        let stale = format!("(pièce {voucher})\u{a0}: avertissement [stale_commitment]");
        assert!(out.contains(&stale), "{voucher}: {out}");
    }
    assert!(
        out.contains("ligne 0101\u{a0}: avertissement [over_committed]"),
        "{out}"
    );
    assert!(
        out.trim_end()
            .ends_with("3 fichiers\u{a0}: 0 erreur, 4 avertissements, 0 refusé"),
        "{out}"
    );
    Ok(())
}

#[test]
fn every_finding_is_printed_with_its_location() -> TestResult {
    let dir = tempfile::tempdir()?;
    let plan = dir.path().join("plan.json");
    let text = std::fs::read_to_string(fixture("small/plan.json"))?
        .replace("\"ceiling\": \"1000000\"", "\"ceiling\": \"900000\"")
        .replace("\"objective\": \"OS2\"", "\"objective\": \"OS9\"")
        .replace("\"quantity\": \"4\"", "\"quantity\": \"5\"");
    std::fs::write(&plan, text)?;
    let plan = plan.to_string_lossy().into_owned();
    planfin_en()
        .args(["validate", &plan])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{plan}: plan: error [ceiling_mismatch]"
        )))
        .stdout(predicate::str::contains(format!(
            "{plan}: line 0201: error [unknown_objective]"
        )))
        .stdout(predicate::str::contains(format!(
            "{plan}: line 0202: error [unknown_objective]"
        )))
        .stdout(predicate::str::contains(format!(
            "{plan}: line 0102: error [costing_mismatch]"
        )))
        .stderr(predicate::str::contains(
            "planfin: error: 4 blocking findings",
        ));
    Ok(())
}

#[test]
fn ledgers_are_checked_against_the_plan_given() -> TestResult {
    let dir = tempfile::tempdir()?;
    let ledger = dir.path().join("l.json");
    std::fs::write(
        &ledger,
        "{\"expenditures\": [{\"voucher\": \"X\", \"date\": \"2019-02-01\", \"line\": \"9999\", \
         \"amount\": \"1.5\", \"currency\": \"XOF\"}]}",
    )?;
    let ledger = ledger.to_string_lossy().into_owned();
    planfin_en()
        .args(["validate", "--plan", &path("small/plan.json"), &ledger])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{ledger} expenditures[0] (voucher X): warning [unknown_line]"
        )))
        .stdout(predicate::str::contains("error [too_precise]"));
    // Without a plan, only the file itself is checked, and the output says so.
    planfin_en()
        .args(["validate", &ledger])
        .assert()
        .success()
        .stdout(predicate::str::contains("line codes and dates not checked"));
    Ok(())
}

#[test]
fn unreadable_files_are_all_reported() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"lines\": [1, 2,\n")?;
    let other = dir.path().join("other.json");
    std::fs::write(&other, "{\"hello\": 1}")?;
    let (bad, other) = (
        bad.to_string_lossy().into_owned(),
        other.to_string_lossy().into_owned(),
    );
    planfin_en()
        .args(["validate", &bad, "missing.json", &other])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "planfin: error: {bad}:3:"
        )))
        .stderr(predicate::str::contains(
            "planfin: error: missing.json: no such file",
        ))
        .stderr(predicate::str::contains(format!(
            "planfin: error: {other}: neither a plan"
        )));
    Ok(())
}

#[test]
fn a_large_json_ledger_is_read_entry_by_entry() -> TestResult {
    // 50,000 entries, 11 MB of JSON. Parsed whole (a `serde_json::Value` tree to tell a plan
    // from a ledger, then a list of entries) it took about 85 MB; streamed into the ledger,
    // about 20 MB.
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("big.json");
    let entries: Vec<String> = (0..50_000)
        .map(|i| {
            format!(
                r#"{{"voucher": "PC-{i:07}", "date": "2018-{:02}-15", "line": "0{}0{}", "amount": "{}", "currency": "XOF", "stage": "paiement", "payee": "Fournisseur {}", "description": "Atelier de sensibilisation et frais de mission {}"}}"#,
                i % 12 + 1,
                i % 5 + 1,
                i % 4 + 1,
                1000 + i * 7 % 100_000,
                i % 50,
                i % 8
            )
        })
        .collect();
    std::fs::write(
        &file,
        format!("{{\"expenditures\": [\n{}\n]}}\n", entries.join(",\n")),
    )?;
    let name = file.to_string_lossy().into_owned();
    let out = run_ok(&["validate", &name])?;
    assert!(
        out.trim_end()
            .ends_with("1 fichier\u{a0}: 0 erreur, 0 avertissement, 0 refusé"),
        "{out}"
    );
    if let Some(kib) = crate::peak_memory_kib(&["validate", &name])? {
        assert!(kib < 50 * 1024, "{kib} KiB");
    }
    Ok(())
}
