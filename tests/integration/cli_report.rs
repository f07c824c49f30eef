//! `planfin report` on the embedded CNLTP plan and sample ledger.

use std::collections::HashSet;

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

use crate::{AMOUNT_FIELDS, TestResult, d, dec, fixture, report_json, run_ok};

/// Expected totals of the embedded plan, computed from the fixture JSON at `as_of`.
struct Expected {
    initial: Decimal,
    amendments: Decimal,
    committed: Decimal,
    paid: Decimal,
}

fn expected(as_of: &str) -> Result<Expected, Box<dyn std::error::Error>> {
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(fixture("cnltp/plan.json"))?)?;
    let ledger: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("cnltp/ledger.json"))?)?;
    let mut initial = Decimal::ZERO;
    for line in plan["lines"].as_array().ok_or("no lines")? {
        for a in line["amounts"].as_array().ok_or("no amounts")? {
            initial += dec(&a["amount"])?;
        }
    }
    let mut amendments = Decimal::ZERO;
    for a in plan["amendments"].as_array().ok_or("no amendments")? {
        if a["date"].as_str().unwrap_or_default() <= as_of {
            // A transfer moves money between two lines: it adds nothing overall.
            let sign = i64::from(a.get("to").is_some()) - i64::from(a.get("from").is_some());
            amendments += dec(&a["amount"])? * Decimal::from(sign);
        }
    }
    let (committed, paid) = spending(&ledger, as_of)?;
    Ok(Expected {
        initial,
        amendments,
        committed,
        paid,
    })
}

/// Remaining to pay and paid of `ledger` (JSON) at `as_of`, by the rules of
/// `docs/expenditure-chain.md` restated here: the same record (voucher, stage, date) counts
/// once; per commitment, each stage's figure is the latest record of the commitment's own
/// voucher or the sum of the latest records of the events that refer to it, the larger; a
/// stage counts at least what the later stages reached.
fn spending(ledger: &Value, as_of: &str) -> Result<(Decimal, Decimal), Box<dyn std::error::Error>> {
    use std::collections::BTreeMap;
    const STAGES: [&str; 4] = ["engagement", "liquidation", "ordonnancement", "paiement"];
    let records = ledger["expenditures"].as_array().ok_or("no expenditures")?;
    let vouchers: HashSet<&str> = records
        .iter()
        .filter_map(|e| e["voucher"].as_str())
        .collect();
    // (group, voucher, stage) -> (date, amount) of the latest record up to as_of.
    let mut latest: BTreeMap<(String, String, usize), (String, Decimal)> = BTreeMap::new();
    for e in records {
        let date = e["date"].as_str().unwrap_or_default();
        if date > as_of {
            continue;
        }
        let voucher = e["voucher"].as_str().unwrap_or_default().to_string();
        let group = match e["commitment"].as_str() {
            Some(c) if vouchers.contains(c) => c.to_string(),
            _ => voucher.clone(),
        };
        let stage_name = e["stage"].as_str().unwrap_or("paiement");
        let stage = STAGES
            .iter()
            .position(|s| *s == stage_name)
            .ok_or("stage")?;
        let mut amount = dec(&e["amount"])?;
        if e["currency"] == "EUR" {
            amount = (amount * d("655.957"))
                .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        }
        let slot = latest
            .entry((group, voucher, stage))
            .or_insert((String::new(), amount));
        if date >= slot.0.as_str() {
            *slot = (date.to_string(), amount);
        }
    }
    // group -> per stage (own, events).
    type Sides = (Option<Decimal>, Option<Decimal>);
    let mut groups: BTreeMap<&str, [Sides; 4]> = BTreeMap::new();
    for ((group, voucher, stage), (_, amount)) in &latest {
        let sides = &mut groups.entry(group).or_default()[*stage];
        let side = if group == voucher {
            &mut sides.0
        } else {
            &mut sides.1
        };
        *side = Some(side.unwrap_or_default() + amount);
    }
    let (mut engaged, mut paid) = (Decimal::ZERO, Decimal::ZERO);
    for stages in groups.values() {
        let larger = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let direct = stages.map(|(own, events)| larger(own, events));
        paid += direct[3].unwrap_or_default();
        let reached = direct.iter().rev().fold(None, |after, d| larger(*d, after));
        engaged += reached.unwrap_or_default();
    }
    Ok((engaged - paid, paid))
}

/// `1234567` as the French table prints it: `1 234 567`.
fn fr(amount: Decimal) -> String {
    let digits = amount.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    if amount < Decimal::ZERO {
        format!("-{out}")
    } else {
        out
    }
}

#[test]
fn default_report_is_the_cnltp_variance_by_objective() -> TestResult {
    let text = run_ok(&["report"])?;
    for code in ["OS1", "OS2", "OS3", "OS4", "OS5"] {
        assert!(
            text.lines().any(|l| l.starts_with(code)),
            "{code} row missing"
        );
    }
    assert!(text.contains("206 850 000"), "ceiling missing");
    assert!(text.contains("XOF"), "currency missing");
    // The totals row holds the independently computed totals.
    let as_of = report_json(&[])?["as_of"]
        .as_str()
        .ok_or("no as_of")?
        .to_string();
    let e = expected(&as_of)?;
    let total = text
        .lines()
        .find(|l| l.starts_with("Total"))
        .ok_or("no totals row")?;
    let revised = e.initial + e.amendments;
    for amount in [
        e.initial,
        revised,
        e.committed,
        e.paid,
        revised - e.paid,
        revised - e.committed - e.paid,
    ] {
        assert!(total.contains(&fr(amount)), "{} not in {total}", fr(amount));
    }
    Ok(())
}

#[test]
fn json_totals_match_the_fixture() -> TestResult {
    for as_of in ["2018-06-30", "2019-12-31", "2020-12-31"] {
        let report = report_json(&["--as-of", as_of])?;
        let e = expected(as_of)?;
        let t = &report["totals"];
        assert_eq!(report["as_of"], as_of);
        assert_eq!(dec(&t["initial"])?, e.initial, "{as_of}");
        assert_eq!(dec(&t["initial"])?, d("206850000"));
        assert_eq!(dec(&t["amendments"])?, e.amendments, "{as_of}");
        assert_eq!(dec(&t["committed"])?, e.committed, "{as_of}");
        assert_eq!(dec(&t["paid"])?, e.paid, "{as_of}");
        assert_eq!(report["plan"]["ceiling"], "206850000");
        assert_eq!(report["currency"], "XOF");
    }
    Ok(())
}

#[test]
fn every_grouping_foots_and_cross_foots() -> TestResult {
    for by in ["objective", "line", "source", "period"] {
        let report = report_json(&["--by", by])?;
        assert_eq!(report["by"], by);
        let rows = report["rows"].as_array().ok_or("no rows")?;
        assert!(!rows.is_empty());
        for field in AMOUNT_FIELDS {
            let mut sum = Decimal::ZERO;
            for row in rows {
                sum += dec(&row[field])?;
            }
            assert_eq!(sum, dec(&report["totals"][field])?, "{by}: {field}");
        }
        for row in rows.iter().chain([&report["totals"]]) {
            let [
                initial,
                amendments,
                revised,
                committed,
                paid,
                variance,
                available,
            ] = AMOUNT_FIELDS.map(|f| dec(&row[f]));
            let (revised, paid, committed) = (revised?, paid?, committed?);
            assert_eq!(revised, initial? + amendments?, "{by} {row}");
            assert_eq!(variance?, revised - paid, "{by} {row}");
            assert_eq!(available?, revised - committed - paid, "{by} {row}");
            match &row["execution_rate"] {
                Value::Null => assert_eq!(revised, Decimal::ZERO, "{by} {row}"),
                rate => {
                    let diff = (dec(rate)? - paid / revised).abs();
                    assert!(diff <= d("0.00005"), "{by} {row}");
                }
            }
            if row.get("flags").is_some() {
                let over = row["flags"]
                    .as_array()
                    .ok_or("flags")?
                    .iter()
                    .any(|f| f == "over_budget");
                assert_eq!(over, paid > revised, "{by} {row}");
            }
        }
    }
    Ok(())
}

#[test]
fn the_sample_ledger_raises_every_flag() -> TestResult {
    let report = report_json(&["--by", "line", "--as-of", "2020-12-31"])?;
    let rows = report["rows"].as_array().ok_or("no rows")?;
    let flagged = |flag: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| {
                r["flags"]
                    .as_array()
                    .is_some_and(|f| f.iter().any(|x| x == flag))
            })
            .map(|r| r["key"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    // 0303 is the overspent line; 0306 is the unknown line (no budget, so also over it).
    assert_eq!(flagged("over_budget"), ["0303", "0306"]);
    assert_eq!(flagged("not_started"), ["0405"]);
    assert_eq!(flagged("unknown_line"), ["0306"]);
    assert_eq!(flagged("outside_period"), ["0505"]);
    assert_eq!(flagged("duplicate_voucher").len(), 1);
    let codes: HashSet<&str> = report["findings"]
        .as_array()
        .ok_or("no findings")?
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    for code in ["unknown_line", "outside_period", "duplicate_voucher"] {
        assert!(codes.contains(code), "finding {code} missing");
    }
    Ok(())
}

#[test]
fn every_row_has_every_field() -> TestResult {
    let report = report_json(&["--by", "line"])?;
    for key in [
        "plan", "currency", "as_of", "by", "rows", "totals", "findings",
    ] {
        assert!(report.get(key).is_some(), "{key}");
    }
    for row in report["rows"].as_array().ok_or("rows")? {
        for key in ["key", "label", "execution_rate", "flags"]
            .into_iter()
            .chain(AMOUNT_FIELDS)
        {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
        for f in AMOUNT_FIELDS {
            assert!(row[f].is_string(), "{f} must be a decimal string");
        }
    }
    for f in report["findings"].as_array().ok_or("findings")? {
        for key in ["code", "severity", "message", "location"] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
    }
    Ok(())
}

#[test]
fn as_of_leaves_later_amendments_out() -> TestResult {
    // VIR-2018-001 (2018-10-12) moves 1,500,000 from 0204 to 0303.
    let before = report_json(&["--by", "line", "--as-of", "2018-10-11"])?;
    let after = report_json(&["--by", "line", "--as-of", "2018-10-12"])?;
    let row = |r: &Value, key: &str| -> Result<Value, String> {
        r["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|x| x["key"] == key).cloned())
            .ok_or_else(|| format!("no row {key}"))
    };
    assert_eq!(dec(&row(&before, "0303")?["amendments"])?, Decimal::ZERO);
    assert_eq!(dec(&row(&after, "0303")?["amendments"])?, d("1500000"));
    assert_eq!(dec(&row(&after, "0204")?["amendments"])?, d("-1500000"));
    Ok(())
}

#[test]
fn labels_follow_the_language() -> TestResult {
    let en = run_ok(&["report", "--lang", "en"])?;
    let fr = run_ok(&["report", "--lang", "fr"])?;
    assert!(en.contains("206,850,000"), "English thousands separator");
    assert!(fr.contains("206 850 000"), "French thousands separator");
    assert_ne!(en, fr);
    assert!(en.contains("Strengthen the legal and institutional"));
    assert!(fr.contains("Renforcer le cadre juridique"));
    Ok(())
}

#[test]
fn csv_and_markdown_hold_the_same_totals() -> TestResult {
    let report = report_json(&[])?;
    let paid = report["totals"]["paid"].as_str().ok_or("paid")?.to_string();
    let csv = run_ok(&["report", "--format", "csv"])?;
    let header = csv.lines().next().ok_or("empty csv")?;
    assert!(header.starts_with(
        "key,label,initial,amendments,revised,engaged,liquidated,ordered,paid,remaining_to_pay,\
         available,variance,commitment_rate,payment_rate,flags"
    ));
    assert!(csv.contains(&format!(",{paid},")), "{paid} not in the CSV");
    assert_eq!(
        csv.lines().count(),
        1 + 5 + 1 + 1,
        "header, 5 objectives, unknown line, totals"
    );
    // CSV has no notes: its warnings go to standard error.
    crate::planfin()
        .args(["report", "--format", "csv"])
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "planfin\u{a0}: fixtures/cnltp/ledger.json expenditures[",
        ))
        .stderr(predicates::str::contains("avertissement [unknown_line]"));
    let md = run_ok(&["report", "--format", "md"])?;
    assert!(md.contains("| OS5 |"));
    assert!(md.contains(&fr(paid.parse()?)));
    Ok(())
}

#[test]
fn out_writes_the_report_to_a_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("report.json");
    let out_s = out.to_str().ok_or("path")?;
    let printed = run_ok(&["report", "--format", "json", "--by", "source"])?;
    let stdout = run_ok(&[
        "report", "--format", "json", "--by", "source", "--out", out_s,
    ])?;
    assert_eq!(stdout, "");
    assert_eq!(std::fs::read_to_string(&out)?, printed);
    // Replacing an existing report leaves only the report in the folder.
    run_ok(&["report", "--format", "csv", "--out", out_s])?;
    assert!(std::fs::read_to_string(&out)?.starts_with("key,"));
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
    Ok(())
}
