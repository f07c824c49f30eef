//! No silent wrong total and no crash: each defect of the review of issue 9, as the user meets
//! it on the command line. Every expected figure is worked out by hand in the comments.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

use crate::{TestResult, d, dec, fixture, planfin_en, report_json};

/// The small plan (`fixtures/small/plan.json`) with `edit` applied to its JSON.
fn small_plan(
    dir: &Path,
    edit: impl FnOnce(&mut Value),
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("small/plan.json"))?)?;
    edit(&mut plan);
    let path = dir.join("plan.json");
    std::fs::write(&path, serde_json::to_string(&plan)?)?;
    Ok(path)
}

/// A JSON ledger of `entries` (each `[voucher, date, line, amount, currency, stage]`).
fn ledger(dir: &Path, entries: &[[&str; 6]]) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let entries: Vec<Value> = entries
        .iter()
        .map(|[voucher, date, line, amount, currency, stage]| {
            serde_json::json!({"voucher": voucher, "date": date, "line": line,
                "amount": amount, "currency": currency, "stage": stage})
        })
        .collect();
    let path = dir.join("ledger.json");
    std::fs::write(
        &path,
        serde_json::json!({ "expenditures": entries }).to_string(),
    )?;
    Ok(path)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

/// Runs `planfin args...`, which must exit 1 with `says` on standard error and no panic.
fn refused(args: &[&str], says: &str) {
    planfin_en()
        .args(args)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(says))
        .stderr(predicate::str::contains("panicked").not());
}

/// The row `key` of a JSON report.
fn row<'a>(report: &'a Value, key: &str) -> Option<&'a Value> {
    report["rows"].as_array()?.iter().find(|r| r["key"] == key)
}

#[test]
fn amounts_that_overflow_are_findings_not_a_panic() -> TestResult {
    // Defect 1: a first line of -79228162514264337593543950335 under a ceiling of
    // 79228162514264337593543950335 made `validate` panic (exit 101) computing ceiling - lines.
    let dir = tempfile::tempdir()?;
    let max = "79228162514264337593543950335";
    let plan = small_plan(dir.path(), |p| {
        p["ceiling"] = max.into();
        p["lines"][0]["amounts"][0]["amount"] = format!("-{max}").into();
    })?;
    planfin_en()
        .args(["validate", s(&plan)])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "line 0101: error [negative_amount]: -79,228,162,514,264,337,593,543,950,335 is planned for 2019",
        ))
        .stderr(predicate::str::contains("panicked").not());
    refused(&["report", "--plan", s(&plan)], "error [negative_amount]");
    Ok(())
}

#[test]
fn a_huge_execution_rate_prints_without_overflow() -> TestResult {
    // render.rs multiplied a rate by 100 unchecked: a line of 1 franc paid 7.9e28 francs has a
    // rate of 7.9e28, which is 7.9e30 % — beyond a Decimal, so it is printed digit by digit.
    let dir = tempfile::tempdir()?;
    let max = "79228162514264337593543950335";
    let plan = small_plan(dir.path(), |p| {
        p["ceiling"] = "1".into();
        p["lines"] = serde_json::json!([p["lines"][0].clone()]);
        p["lines"][0]["amounts"][0]["amount"] = "1".into();
        p["amendments"] = serde_json::json!([]);
    })?;
    let ledger = ledger(
        dir.path(),
        &[["P1", "2019-03-01", "0101", max, "XOF", "paiement"]],
    )?;
    planfin_en()
        .args([
            "report",
            "--plan",
            s(&plan),
            "--ledger",
            s(&ledger),
            "--by",
            "line",
        ])
        .args(["--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("7922816251426433759354395033500%"));
    Ok(())
}

#[test]
fn validate_with_plan_checks_the_plan() -> TestResult {
    // Defect 2: lines of 1,000,000 under a ceiling of 900,000 gave "0 error(s)", exit 0.
    let dir = tempfile::tempdir()?;
    let plan = small_plan(dir.path(), |p| p["ceiling"] = "900000".into())?;
    planfin_en()
        .args(["validate", "--plan", s(&plan)])
        .arg(fixture("small/ledger.json"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error [ceiling_mismatch]: the lines add up to 1,000,000, the ceiling is 900,000 (difference -100,000)"))
        .stdout(predicate::str::contains("1 file: 1 error, 0 warnings, 0 refused"));
    Ok(())
}

#[test]
fn the_rate_table_is_validated() -> TestResult {
    // Defect 3: a rate of -600 turned 10 USD into -6,000 XOF paid, exit 0.
    let dir = tempfile::tempdir()?;
    let payment = [["U1", "2019-03-01", "0101", "10", "USD", "paiement"]];
    let ledger = ledger(dir.path(), &payment)?;
    let with_rates = |rates: Value| small_plan(dir.path(), |p| p["rates"] = rates);
    let rate = |date: &str, from: &str, rate: &str| serde_json::json!({"date": date, "from": from, "to": "XOF", "rate": rate});
    for (rates, says) in [
        (
            vec![rate("2019-01-01", "USD", "-600")],
            "rate USD 2019-01-01: error [invalid_rate]: rate -600 is not positive",
        ),
        (
            vec![rate("2019-01-01", "EUR", "656")],
            "rate EUR 2019-01-01: error [invalid_rate]: EUR converts into XOF at the fixed rate 655.957",
        ),
        (
            vec![
                rate("2019-01-01", "USD", "600"),
                rate("2019-01-01", "USD", "601"),
            ],
            "error [invalid_rate]: a second rate from USD to XOF dated 2019-01-01",
        ),
        (
            vec![],
            "error [no_rate]: the plan has no rate from USD to XOF: add to the plan's rates one dated on or before 2019-03-01",
        ),
        (
            vec![rate("2019-04-01", "USD", "600")],
            "error [no_rate]: the plan's first rate from USD to XOF is dated 2019-04-01: add to the plan's rates one dated on or before 2019-03-01",
        ),
    ] {
        let plan = with_rates(Value::from(rates))?;
        let args = [
            "report",
            "--plan",
            s(&plan),
            "--ledger",
            s(&ledger),
            "--lang",
            "en",
        ];
        refused(&args, says);
    }
    // A good rate: 10 USD x 600 = 6,000 XOF paid on 0101.
    let plan = with_rates(serde_json::json!([rate("2019-01-01", "USD", "600")]))?;
    let report = report_json(&["--plan", s(&plan), "--ledger", s(&ledger), "--by", "line"])?;
    assert_eq!(
        dec(&row(&report, "0101").ok_or("no row 0101")?["paid"])?,
        d("6000")
    );
    Ok(())
}

#[test]
fn every_grouping_puts_an_amendment_on_its_lines_sources() -> TestResult {
    // Defect 4: a transfer of 300 from 0101 (ETAT) to 0102 (DON) naming "source": "ETAT" gave
    // -300/+300 by line but 0/0 by source. A source that is not every touched line's is now
    // refused; without it, each leg counts on its line's source.
    let dir = tempfile::tempdir()?;
    let transfer = serde_json::json!({"reference": "T1", "date": "2019-03-01",
        "from": "0101", "to": "0102", "amount": "300", "source": "ETAT"});
    let plan = small_plan(dir.path(), |p| {
        p["amendments"] = serde_json::json!([transfer.clone()])
    })?;
    refused(
        &[
            "report",
            "--plan",
            s(&plan),
            "--by",
            "source",
            "--lang",
            "en",
        ],
        "amendment T1: error [invalid_amendment]: line \"0102\" is funded by \"DON\", not \"ETAT\"",
    );
    let mut plain = transfer;
    plain["source"] = Value::Null;
    let plan = small_plan(dir.path(), |p| p["amendments"] = serde_json::json!([plain]))?;
    let by = |by: &str| report_json(&["--plan", s(&plan), "--by", by]);
    let (lines, sources) = (by("line")?, by("source")?);
    let amendments = |r: &Value, key: &str| -> Result<_, Box<dyn std::error::Error>> {
        dec(&row(r, key).ok_or(format!("no row {key}"))?["amendments"])
    };
    assert_eq!(amendments(&lines, "0101")?, d("-300"));
    assert_eq!(amendments(&lines, "0102")?, d("300"));
    // ETAT = 0101 + 0202: -300; DON = 0102 + 0201: +300.
    assert_eq!(amendments(&sources, "ETAT")?, d("-300"));
    assert_eq!(amendments(&sources, "DON")?, d("300"));
    // ETAT revised = 400,000 - 300 + 100,000.
    assert_eq!(
        dec(&row(&sources, "ETAT").ok_or("no ETAT")?["revised"])?,
        d("499700")
    );
    Ok(())
}

/// A journal workbook with no Devise column: 1 000 on line `line` on 15/03/2019, its date
/// cell holding `date`.
fn journal_without_currency(
    dir: &Path,
    date: &str,
    line: &str,
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let path = dir.join("journal.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet().set_name("Depenses")?;
    sheet.write_row(0, 0, ["Date", "N° pièce", "Ligne", "Montant"])?;
    sheet.write_row(1, 0, [date, "PC-1", line])?;
    sheet.write_number(1, 3, 1000)?;
    wb.save(&path)?;
    Ok(path)
}

#[test]
fn a_journal_without_currency_is_in_the_plans_currency() -> TestResult {
    // Defect 5: with an EUR plan, 1,000 paid became 1.52 (read as XOF, converted at the peg).
    let dir = tempfile::tempdir()?;
    let plan = small_plan(dir.path(), |p| p["currency"] = "EUR".into())?;
    let journal = journal_without_currency(dir.path(), "15/03/2019", "0101")?;
    let report = report_json(&["--plan", s(&plan), "--ledger", s(&journal), "--by", "line"])?;
    assert_eq!(
        dec(&row(&report, "0101").ok_or("no row 0101")?["paid"])?,
        d("1000")
    );
    // Without a plan, the currency is unknown: refused, naming the cell.
    refused(
        &["validate", s(&journal)],
        "journal.xlsx: Depenses!D2: \"1000\" is not an amount: the journal has no Devise column and the amount names no currency",
    );
    Ok(())
}

#[test]
fn engaged_beyond_the_revised_budget_is_flagged() -> TestResult {
    // Defect 7: 0202 has 100,000, less VIR-02's 20,000: 80,000 revised. Engaging 90,000 leaves
    // -10,000 available: over_committed, and not over_budget (nothing paid).
    let dir = tempfile::tempdir()?;
    let ledger = ledger(
        dir.path(),
        &[["E1", "2019-03-01", "0202", "90000", "XOF", "engagement"]],
    )?;
    let plan = fixture("small/plan.json");
    let report = report_json(&["--plan", s(&plan), "--ledger", s(&ledger), "--by", "line"])?;
    let printing = row(&report, "0202").ok_or("no row 0202")?;
    assert_eq!(dec(&printing["available"])?, d("-10000"));
    assert_eq!(printing["flags"], serde_json::json!(["over_committed"]));
    Ok(())
}

#[test]
fn a_date_with_trailing_text_is_refused() -> TestResult {
    // Defect 8: "31/12/2019 xyz" read as 31 December 2019.
    let dir = tempfile::tempdir()?;
    let journal = journal_without_currency(dir.path(), "31/12/2019 xyz", "0101")?;
    let plan = fixture("small/plan.json");
    refused(
        &["report", "--plan", s(&plan), "--ledger", s(&journal)],
        "journal.xlsx: Depenses!A2: \"31/12/2019 xyz\" is not a date: only a time of day (14:30 or 14:30:00) may follow the date",
    );
    Ok(())
}

#[test]
fn every_amount_of_a_report_has_the_currencys_decimals() -> TestResult {
    // An EUR report printed `initial 1000` beside `committed 0.00`: the plan's amounts as
    // typed, the ledger's in cents. Every amount now has the two decimals of the euro.
    let dir = tempfile::tempdir()?;
    let plan = small_plan(dir.path(), |p| p["currency"] = "EUR".into())?;
    let report = report_json(&["--plan", s(&plan), "--by", "line"])?;
    let rows = report["rows"].as_array().ok_or("no rows")?;
    for row in rows.iter().chain([&report["totals"]]) {
        for key in crate::AMOUNT_FIELDS {
            let text = row[key].as_str().ok_or("not a string")?;
            assert_eq!(
                text.split_once('.').map(|(_, d)| d.len()),
                Some(2),
                "{key}: {text}"
            );
        }
    }
    assert_eq!(report["totals"]["initial"], "1000000.00");
    Ok(())
}

#[test]
fn a_period_given_as_a_number_is_checked_like_text() -> TestResult {
    // Found by fuzzing (fuzz/regressions/json_reports/period-year-number): a year of -29 given
    // as a JSON number was accepted, and planfin's own JSON of that plan did not read back.
    let dir = tempfile::tempdir()?;
    let plan = small_plan(dir.path(), |p| {
        p["lines"][0]["amounts"][0]["period"] = (-29).into();
    })?;
    refused(
        &["validate", s(&plan)],
        "\"-29\" is not a fiscal period: write a year (2019) or a quarter (2019-Q3)",
    );
    // A year as a number still reads as that year: the small plan writes 2019 so.
    let small = report_json(&["--plan", s(&fixture("small/plan.json")), "--by", "period"])?;
    assert_eq!(small["rows"][0]["key"], "2019");
    Ok(())
}
