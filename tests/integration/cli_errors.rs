//! Error paths: usage errors exit 2, refused inputs exit 1, each with a message naming the file.

use predicates::prelude::*;

use crate::{TestResult, fixture, planfin_en};

fn path(rel: &str) -> String {
    fixture(rel).to_string_lossy().into_owned()
}

#[test]
fn bad_options_exit_2() {
    for args in [
        &["report", "--by", "month"][..],
        &["report", "--format", "pdf"],
        &["report", "--lang", "de"],
        &["report", "--as-of", "31/12/2019"],
        &["report", "--tolerance", "-5"],
        &["report", "--no-such-option"],
        &["frobnicate"],
        &["validate"],
    ] {
        planfin_en().args(args).assert().code(2);
    }
}

#[test]
fn xlsx_output_needs_a_file() {
    planfin_en()
        .args(["report", "--format", "xlsx"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("planfin: error: --format xlsx"));
}

#[test]
fn a_missing_file_is_named() {
    planfin_en()
        .args(["report", "--plan", "no/such/plan.json"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("planfin: error: no/such/plan.json: no such file\n");
}

#[test]
fn malformed_json_gives_line_and_column() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"expenditures\": [\n  {\"voucher\": \"A\",,}\n]}\n")?;
    let bad = bad.to_string_lossy().into_owned();
    planfin_en()
        .args(["report", "--ledger", &bad])
        .assert()
        .code(1)
        .stderr(format!(
            "planfin: error: {bad}:2:19: key must be a string\n"
        ));
    Ok(())
}

/// serde reports the position just past the offending value: line 3, column 37 is the `}` after
/// `"FCFA"` (columns 31-36).
#[test]
fn a_wrong_value_gives_its_position_and_the_rule() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bad = dir.path().join("l.json");
    std::fs::write(
        &bad,
        "{\"expenditures\": [\n  {\"voucher\": \"A\", \"date\": \"2019-12-01\", \"line\": \"0101\",\n   \
         \"amount\": \"1\", \"currency\": \"FCFA\"}\n]}\n",
    )?;
    let bad = bad.to_string_lossy().into_owned();
    planfin_en()
        .args(["report", "--ledger", &bad])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "planfin: error: {bad}:3:37: unknown currency \"FCFA\": use an ISO 4217 code such as \
             XOF, XAF, EUR or USD\n"
        ));
    Ok(())
}

#[test]
fn a_plan_of_the_wrong_shape_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let bad = dir.path().join("plan.json");
    std::fs::write(&bad, "{\"code\": \"X\", \"ceiling\": \"12\"}")?;
    let bad = bad.to_string_lossy().into_owned();
    planfin_en()
        .args(["report", "--plan", &bad])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{bad}:1:")))
        .stderr(predicate::str::contains("missing field"));
    Ok(())
}

#[test]
fn a_conflicting_voucher_across_two_ledgers_names_both_files() -> TestResult {
    let dir = tempfile::tempdir()?;
    let jan = dir.path().join("jan.json");
    let feb = dir.path().join("feb.json");
    let entry = |amount: &str| {
        format!(
            "{{\"expenditures\": [{{\"voucher\": \"PC-1\", \"date\": \"2019-02-01\", \
             \"line\": \"0101\", \"amount\": \"{amount}\", \"currency\": \"XOF\"}}]}}"
        )
    };
    std::fs::write(&jan, entry("1000"))?;
    std::fs::write(&feb, entry("2000"))?;
    let plan = path("small/plan.json");
    let (jan, feb) = (
        jan.to_string_lossy().into_owned(),
        feb.to_string_lossy().into_owned(),
    );
    planfin_en()
        .args([
            "report", "--plan", &plan, "--ledger", &jan, "--ledger", &feb,
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("planfin: error: "))
        .stderr(predicate::str::contains("PC-1"))
        .stderr(predicate::str::contains(jan.as_str()))
        .stderr(predicate::str::contains(feb.as_str()));
    // The same voucher with the same content in both files is counted once.
    std::fs::write(dir.path().join("feb.json"), entry("1000"))?;
    planfin_en()
        .args([
            "report", "--plan", &plan, "--ledger", &jan, "--ledger", &feb,
        ])
        .args(["--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"paid\": \"1000\""));
    Ok(())
}

#[test]
fn an_output_that_is_an_input_is_refused() -> TestResult {
    let dir = tempfile::tempdir()?;
    let plan = dir.path().join("plan.json");
    let original = std::fs::read_to_string(fixture("small/plan.json"))?;
    std::fs::write(&plan, &original)?;
    let plan_s = plan.to_string_lossy().into_owned();
    // The same file, written another way.
    let same = dir.path().join(".").join("plan.json");
    planfin_en()
        .args(["report", "--plan", &plan_s, "--format", "json", "--out"])
        .arg(&same)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("would overwrite the input"));
    assert_eq!(std::fs::read_to_string(&plan)?, original);
    let ledger = path("small/ledger.json");
    planfin_en()
        .args([
            "report", "--plan", &plan_s, "--ledger", &ledger, "--out", &ledger,
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("would overwrite the input"));
    Ok(())
}

#[test]
fn a_missing_workbook_is_named() {
    planfin_en()
        .args(["report", "--plan", "budget.xlsx"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with("planfin: error: budget.xlsx: "));
    planfin_en()
        .args(["validate", "journal.ods"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("planfin: error: journal.ods: "));
}

#[test]
fn a_workbook_named_json_is_told_to_take_its_extension() -> TestResult {
    let dir = tempfile::tempdir()?;
    let disguised = dir.path().join("plan.json");
    std::fs::copy(fixture("xlsx/cnltp_plan.xlsx"), &disguised)?;
    planfin_en()
        .args(["report", "--plan"])
        .arg(&disguised)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "this is a spreadsheet or zip file, not JSON",
        ))
        .stderr(predicate::str::contains(".xlsx"));
    Ok(())
}

#[test]
fn a_plan_with_blocking_findings_produces_no_report() -> TestResult {
    let dir = tempfile::tempdir()?;
    let plan = dir.path().join("plan.json");
    let text = std::fs::read_to_string(fixture("small/plan.json"))?
        .replace("\"source\": \"DON\"", "\"source\": \"NOPE\"");
    std::fs::write(&plan, text)?;
    let plan = plan.to_string_lossy().into_owned();
    planfin_en()
        .args(["report", "--plan", &plan])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(format!("{plan}: line 0102")))
        .stderr(predicate::str::contains("unknown_source"));
    Ok(())
}
