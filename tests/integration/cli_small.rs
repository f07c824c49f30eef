//! `planfin report` on the hand-written plan of `fixtures/small/`, against values computed by
//! hand (the table is in `fixtures/small/README.md`).

use serde_json::Value;

use crate::{AMOUNT_FIELDS, TestResult, d, dec, fixture, report_json};

fn paths() -> Result<[String; 3], Box<dyn std::error::Error>> {
    let p = |f: &str| {
        fixture(&format!("small/{f}"))
            .to_str()
            .map(str::to_string)
            .ok_or("path")
    };
    Ok([p("plan.json")?, p("ledger.json")?, p("ledger-q4.json")?])
}

/// `[initial, amendments, revised, committed, paid, variance, available]` of `row`.
fn amounts(row: &Value) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    AMOUNT_FIELDS
        .iter()
        .map(|f| Ok(dec(&row[*f])?.normalize().to_string()))
        .collect()
}

fn row<'a>(report: &'a Value, key: &str) -> Result<&'a Value, String> {
    report["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["key"] == key))
        .ok_or_else(|| format!("no row {key}"))
}

fn flags(row: &Value) -> Vec<String> {
    row["flags"]
        .as_array()
        .map(|f| {
            f.iter()
                .filter_map(|x| x.as_str())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

fn report(by: &str, extra: &[&str]) -> Result<Value, Box<dyn std::error::Error>> {
    let [plan, ledger, q4] = paths()?;
    let mut args = vec![
        "--plan", &plan, "--ledger", &ledger, "--ledger", &q4, "--by", by,
    ];
    args.extend_from_slice(extra);
    report_json(&args)
}

#[test]
fn by_line() -> TestResult {
    let r = report("line", &[])?;
    assert_eq!(r["as_of"], "2019-12-31");
    let expect = [
        (
            "0101",
            [
                "400000", "50000", "450000", "0", "470000", "-20000", "-20000",
            ],
        ),
        (
            "0102",
            [
                "200000", "20000", "220000", "38095", "65596", "154404", "116309",
            ],
        ),
        (
            "0201",
            [
                "300000", "-50000", "250000", "125000", "75000", "175000", "50000",
            ],
        ),
        (
            "0202",
            ["100000", "-20000", "80000", "0", "0", "80000", "80000"],
        ),
    ];
    assert_eq!(r["rows"].as_array().map(Vec::len), Some(4));
    for (key, want) in expect {
        assert_eq!(amounts(row(&r, key)?)?, want, "line {key}");
    }
    // Rates: 470000/450000, 65596/220000, 75000/250000, 0/80000.
    for (key, rate) in [
        ("0101", "1.0444"),
        ("0102", "0.2982"),
        ("0201", "0.3"),
        ("0202", "0"),
    ] {
        assert_eq!(
            dec(&row(&r, key)?["execution_rate"])?.normalize(),
            d(rate),
            "{key}"
        );
    }
    assert!(flags(row(&r, "0101")?).contains(&"over_budget".to_string()));
    // |-20000| is within 10 % of 450000.
    assert!(!flags(row(&r, "0101")?).contains(&"over_tolerance".to_string()));
    assert!(flags(row(&r, "0202")?).contains(&"not_started".to_string()));
    assert!(flags(row(&r, "0201")?).contains(&"duplicate_voucher".to_string()));
    for key in ["0102", "0201", "0202"] {
        assert!(
            !flags(row(&r, key)?).contains(&"over_budget".to_string()),
            "{key}"
        );
    }
    Ok(())
}

#[test]
fn by_objective_source_and_period() -> TestResult {
    let r = report("objective", &[])?;
    assert_eq!(
        amounts(row(&r, "OS1")?)?,
        [
            "600000", "70000", "670000", "38095", "535596", "134404", "96309"
        ]
    );
    assert_eq!(
        amounts(row(&r, "OS2")?)?,
        [
            "400000", "-70000", "330000", "125000", "75000", "255000", "130000"
        ]
    );
    let totals = [
        "1000000", "0", "1000000", "163095", "610596", "389404", "226309",
    ];
    assert_eq!(amounts(&r["totals"])?, totals);
    assert_eq!(
        dec(&r["totals"]["execution_rate"])?.normalize(),
        d("0.6106")
    );

    let r = report("source", &[])?;
    assert_eq!(
        amounts(row(&r, "ETAT")?)?,
        ["500000", "30000", "530000", "0", "470000", "60000", "60000"]
    );
    assert_eq!(
        amounts(row(&r, "DON")?)?,
        [
            "500000", "-30000", "470000", "163095", "140596", "329404", "166309"
        ]
    );
    assert_eq!(amounts(&r["totals"])?, totals);

    let r = report("period", &[])?;
    assert_eq!(amounts(row(&r, "2019")?)?, totals);
    Ok(())
}

#[test]
fn tolerance_flags_rows_beyond_it() -> TestResult {
    // Line 0101: |variance| = 20000 against a revised budget of 450000, i.e. 4.44 %.
    let has = |r: &Value| -> Result<bool, String> {
        Ok(flags(row(r, "0101")?).contains(&"over_tolerance".to_string()))
    };
    assert!(!has(&report("line", &["--tolerance", "5"])?)?);
    assert!(has(&report("line", &["--tolerance", "4"])?)?);
    assert!(has(&report("line", &["--tolerance", "4.4%"])?)?);
    assert!(!has(&report("line", &["--tolerance", "4.5"])?)?);
    Ok(())
}

#[test]
fn as_of_cuts_amendments_and_spending() -> TestResult {
    // At 2019-09-30: VIR-02 (2019-11-15) and L8 (2019-10-10) are left out.
    let r = report("line", &["--as-of", "2019-09-30"])?;
    assert_eq!(
        amounts(row(&r, "0102")?)?,
        [
            "200000", "0", "200000", "30000", "65596", "134404", "104404"
        ]
    );
    assert_eq!(
        amounts(row(&r, "0202")?)?,
        ["100000", "0", "100000", "0", "0", "100000", "100000"]
    );
    assert_eq!(
        amounts(&r["totals"])?,
        [
            "1000000", "0", "1000000", "155000", "610596", "389404", "234404"
        ]
    );
    Ok(())
}

#[test]
fn one_ledger_file_alone() -> TestResult {
    let [plan, ledger, _] = paths()?;
    let r = report_json(&["--plan", &plan, "--ledger", &ledger])?;
    // Without ledger-q4.json: no L8 (8095 committed) and no duplicate.
    assert_eq!(
        amounts(&r["totals"])?,
        [
            "1000000", "0", "1000000", "155000", "610596", "389404", "234404"
        ]
    );
    let dup = r["rows"]
        .as_array()
        .ok_or("rows")?
        .iter()
        .any(|row| flags(row).contains(&"duplicate_voucher".to_string()));
    assert!(!dup);
    Ok(())
}

#[test]
fn a_plan_without_a_ledger_reports_no_spending() -> TestResult {
    let [plan, _, _] = paths()?;
    let r = report_json(&["--plan", &plan, "--by", "line"])?;
    assert_eq!(
        amounts(&r["totals"])?,
        ["1000000", "0", "1000000", "0", "0", "1000000", "1000000"]
    );
    for key in ["0101", "0102", "0201", "0202"] {
        assert!(
            flags(row(&r, key)?).contains(&"not_started".to_string()),
            "{key}"
        );
    }
    Ok(())
}
