//! The expenditure chain from the command line: the three monthly journals of
//! `fixtures/chain/` (a commitment, a partial liquidation, an order, payments against it, a
//! register snapshot that moves a voucher from engagement to paiement, a payment that refers
//! to an unknown commitment), read as JSON and as workbooks, against the figures worked out by
//! hand in `fixtures/chain/README.md` (`expected.json`).

use serde_json::Value;

use crate::{TestResult, fixture, run_ok};

/// The keys of every row that the hand computation gives.
const KEYS: [&str; 12] = [
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
    "commitment_rate",
    "payment_rate",
];

fn expected() -> Result<Value, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(fixture("chain/expected.json"))?;
    Ok(serde_json::from_str(&text)?)
}

/// `planfin COMMAND --format json` on the small plan and the three journals in `format`.
fn run(command: &str, format: &str, extra: &[&str]) -> Result<Value, Box<dyn std::error::Error>> {
    let path = |rel: &str| fixture(rel).to_string_lossy().into_owned();
    let plan = path("small/plan.json");
    let journals: Vec<String> = ["04", "05", "06"]
        .iter()
        .map(|m| path(&format!("chain/journal-2019-{m}.{format}")))
        .collect();
    let mut args = vec![command, "--lang", "en", "--format", "json", "--plan", &plan];
    for j in &journals {
        args.extend(["--ledger", j.as_str()]);
    }
    args.extend_from_slice(extra);
    Ok(serde_json::from_str(&run_ok(&args)?)?)
}

/// The row of `report` with `key`, or `Null`.
fn row<'a>(rows: &'a Value, key: &str) -> &'a Value {
    rows.as_array()
        .and_then(|rows| rows.iter().find(|r| r["key"] == key))
        .unwrap_or(&Value::Null)
}

fn figures(row: &Value) -> Vec<&Value> {
    KEYS.iter().map(|k| &row[*k]).collect()
}

/// Every figure of every row and of the totals, by line and by objective, at each date.
#[test]
fn reports_equal_the_hand_computation_from_json_and_workbooks() -> TestResult {
    let expected = expected()?;
    let dates = expected["as_of"].as_object().ok_or("as_of")?;
    for format in ["json", "xlsx"] {
        for (as_of, want) in dates {
            for by in ["line", "objective"] {
                let got = run("report", format, &["--as-of", as_of, "--by", by])?;
                let rows = want[by].as_object().ok_or("rows")?;
                let keys: Vec<&str> = got["rows"]
                    .as_array()
                    .map(|r| r.iter().filter_map(|r| r["key"].as_str()).collect())
                    .unwrap_or_default();
                assert_eq!(keys.len(), rows.len(), "{format} {as_of} {by}: {keys:?}");
                for (key, figures_by_hand) in rows {
                    let at = format!("{format} {as_of} {by} {key}");
                    assert_eq!(
                        figures(row(&got["rows"], key)),
                        figures(figures_by_hand),
                        "{at}"
                    );
                }
                assert_eq!(
                    figures(&got["totals"]),
                    figures(&want["totals"]),
                    "{format} {as_of} {by} totals"
                );
                // The alias keeps its meaning.
                assert_eq!(
                    got["totals"]["committed"],
                    want["totals"]["remaining_to_pay"]
                );
                assert_eq!(
                    got["totals"]["execution_rate"],
                    want["totals"]["payment_rate"]
                );
            }
        }
    }
    Ok(())
}

/// The findings at each date: the codes, each naming the voucher or line it is about.
#[test]
fn findings_name_the_voucher_or_line() -> TestResult {
    let expected = expected()?;
    let dates = expected["as_of"].as_object().ok_or("as_of")?;
    for (as_of, want) in dates {
        let got = run("report", "xlsx", &["--as-of", as_of])?;
        let found = got["findings"].as_array().ok_or("findings")?;
        let wanted = want["findings"].as_array().ok_or("findings")?;
        assert_eq!(found.len(), wanted.len(), "{as_of}: {found:#?}");
        for w in wanted {
            let place = match w["voucher"].as_str() {
                Some(voucher) => voucher.to_string(),
                None => format!("line {}", w["line"].as_str().unwrap_or_default()),
            };
            let hit = found.iter().any(|f| {
                f["code"] == w["code"]
                    && [&f["location"], &f["message"]]
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| t.contains(&place)))
            });
            assert!(hit, "{as_of}: {w} not in {found:#?}");
        }
    }
    // The workbook's cell is named: PAY-0200 is row 6 of the May journal.
    let june = run("report", "xlsx", &["--as-of", "2019-06-30"])?;
    let located = june["findings"].as_array().is_some_and(|f| {
        f.iter().any(|f| {
            f["code"] == "payment_without_commitment"
                && f["location"].as_str().is_some_and(|l| {
                    l.ends_with("journal-2019-05.xlsx Depenses!A6 (voucher PAY-0200)")
                })
        })
    });
    assert!(located, "{}", june["findings"]);
    Ok(())
}

/// `--stale-days` moves the threshold: ENG-2019-014 is 118 days old at 30 June.
#[test]
fn stale_days_is_the_threshold() -> TestResult {
    let stale = |days: &str| -> Result<usize, Box<dyn std::error::Error>> {
        let r = run(
            "report",
            "json",
            &["--as-of", "2019-06-30", "--stale-days", days],
        )?;
        let findings = r["findings"].as_array().ok_or("findings")?;
        Ok(findings
            .iter()
            .filter(|f| f["code"] == "stale_commitment")
            .count())
    };
    // Open at 30 June: ENG-2019-014 since 4 March (118 days), ENG-2019-031 since 14 May (47).
    assert_eq!(stale("118")?, 0);
    assert_eq!(stale("117")?, 1);
    assert_eq!(stale("46")?, 2);
    Ok(())
}

/// The progress report's ageing of open commitments, by line and by objective.
#[test]
fn progress_ages_the_open_commitments() -> TestResult {
    let expected = expected()?;
    let buckets = [
        ("0-30", "age_0_30"),
        ("31-90", "age_31_90"),
        ("91-180", "age_91_180"),
        ("over_180", "age_over_180"),
    ];
    for as_of in ["2019-04-30", "2019-06-30"] {
        let want = &expected["as_of"][as_of]["ageing"];
        let got = run("progress", "json", &["--as-of", as_of])?;
        for by in ["line", "objective"] {
            let rows = &got["ageing"][format!("by_{by}")];
            for (key, by_hand) in want[by].as_object().ok_or("ageing")? {
                for (hand, ours) in buckets {
                    let at = format!("{as_of} {by} {key} {hand}");
                    assert_eq!(row(rows, key)[ours], by_hand[hand], "{at}");
                }
            }
        }
        for (hand, ours) in buckets {
            assert_eq!(
                got["ageing"]["totals"][ours], want["totals"][hand],
                "{as_of} {hand}"
            );
        }
    }
    Ok(())
}

/// The French table shows the stage columns and the sign convention that defines them.
#[test]
fn the_table_shows_the_stages_in_french() -> TestResult {
    let path = |rel: &str| fixture(rel).to_string_lossy().into_owned();
    let (plan, april) = (path("small/plan.json"), path("chain/journal-2019-04.xlsx"));
    let text = run_ok(&[
        "report", "--plan", &plan, "--ledger", &april, "--by", "line",
    ])?;
    for header in [
        "Engagé",
        "Liquidé",
        "Mandaté",
        "Payé",
        "Restes à payer",
        "Crédits disponibles",
    ] {
        assert!(text.contains(header), "{header}: {text}");
    }
    assert!(text.contains("restes à payer = engagé - payé"), "{text}");
    Ok(())
}

/// `planfin validate` finds what the reports find about the chain: the payment whose
/// commitment no journal has (PAY-0200 of May against ENG-2019-099, `fixtures/chain/README.md`)
/// and the commitments still open.
#[test]
fn validate_names_the_chain_findings() -> TestResult {
    let path = |rel: &str| fixture(rel).to_string_lossy().into_owned();
    let mut args = vec!["--lang".to_string(), "en".into(), "validate".into()];
    args.push(path("small/plan.json"));
    for m in ["04", "05", "06"] {
        args.push(path(&format!("chain/journal-2019-{m}.json")));
    }
    let out = crate::planfin()
        .args(&args)
        .assert()
        .success()
        .get_output()
        .clone();
    let out = String::from_utf8(out.stdout)?;
    let line = out
        .lines()
        .find(|l| l.contains("[payment_without_commitment]"))
        .ok_or(out.clone())?;
    assert!(
        line.contains("journal-2019-05.json expenditures[4] (voucher PAY-0200)"),
        "{line}"
    );
    assert!(line.contains("\"ENG-2019-099\""), "{line}");
    assert!(out.contains("warning [stale_commitment]"), "{out}");
    Ok(())
}
