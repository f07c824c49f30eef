//! Checks of the embedded CNLTP plan and sample ledger (`fixtures/cnltp/`), computed here with
//! `Decimal` from the data, independently of the report code.

use std::collections::{BTreeSet, HashSet};

use planfin_core::cnltp;
use planfin_core::currency::{CFA_PEG, Currency};
use planfin_core::expenditure::Stage;
use planfin_core::plan::FiscalPeriod;
use rust_decimal::Decimal;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn dec(s: &str) -> Result<Decimal, rust_decimal::Error> {
    s.parse()
}

#[test]
fn plan_header_is_the_article_s() -> TestResult {
    let plan = cnltp::plan();
    assert_eq!(plan.code, "CNLTP-2018-2019");
    assert_eq!(plan.currency, Currency::XOF);
    assert_eq!(plan.ceiling, dec("206850000")?);
    assert_eq!(plan.start, "2018-01-01".parse()?);
    assert_eq!(plan.end, "2019-12-31".parse()?);
    assert!(plan.organisation.contains("CNLTP"));
    assert!(plan.title.fr.contains("illustratives"));
    assert!(plan.title.en.contains("illustrative"));
    Ok(())
}

#[test]
fn five_objectives_with_both_titles() {
    let plan = cnltp::plan();
    let codes: Vec<&str> = plan.objectives.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(codes, ["OS1", "OS2", "OS3", "OS4", "OS5"]);
    for o in &plan.objectives {
        assert!(
            !o.title.fr.is_empty() && !o.title.en.is_empty(),
            "{}",
            o.code
        );
    }
    assert!(
        plan.objectives[0]
            .title
            .fr
            .starts_with("Renforcer le cadre juridique")
    );
    assert!(plan.objectives[1].title.fr.starts_with("Créer une agence"));
    assert!(
        plan.objectives[2]
            .title
            .fr
            .starts_with("Soutenir la société civile")
    );
    assert!(
        plan.objectives[3]
            .title
            .fr
            .starts_with("Développer un dossier plaidoyer")
    );
    assert!(
        plan.objectives[4]
            .title
            .fr
            .starts_with("Créer une alliance")
    );
}

#[test]
fn lines_add_up_to_the_ceiling() -> TestResult {
    let plan = cnltp::plan();
    assert!((20..=30).contains(&plan.lines.len()));
    let mut total = Decimal::ZERO;
    for line in &plan.lines {
        for a in &line.amounts {
            total += a.amount;
        }
    }
    assert_eq!(total, dec("206850000")?);
    assert_eq!(plan.total_initial()?, total);
    Ok(())
}

#[test]
fn lines_are_coded_as_text_and_resolve() {
    let plan = cnltp::plan();
    let mut seen = HashSet::new();
    for line in &plan.lines {
        assert!(
            seen.insert(line.code.as_str()),
            "duplicate line {}",
            line.code
        );
        assert_eq!(line.code.len(), 4, "{}", line.code);
        assert!(line.code.starts_with('0'), "{}", line.code);
        assert!(plan.objective(&line.objective).is_some(), "{}", line.code);
        assert!(plan.source(&line.source).is_some(), "{}", line.code);
        assert!(!line.label.fr.is_empty() && !line.label.en.is_empty());
        for a in &line.amounts {
            assert!(a.amount > Decimal::ZERO);
            assert!(
                a.period == FiscalPeriod::year(2018) || a.period == FiscalPeriod::year(2019),
                "{} {}",
                line.code,
                a.period
            );
        }
    }
    let sources: BTreeSet<&str> = plan.sources.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(sources, BTreeSet::from(["ETAT", "ICMPD", "PTF"]));
}

#[test]
fn costings_multiply_out() -> TestResult {
    let plan = cnltp::plan();
    let mut costed = 0;
    for line in &plan.lines {
        if let Some(c) = &line.costing {
            costed += 1;
            assert_eq!(c.quantity * c.unit_cost, line.initial()?, "{}", line.code);
        }
    }
    assert!(costed >= 5);
    Ok(())
}

#[test]
fn two_amendments_inside_the_period_on_known_lines() {
    let plan = cnltp::plan();
    assert_eq!(plan.amendments.len(), 2);
    for a in &plan.amendments {
        assert!(plan.in_period(a.date), "{}", a.reference);
        assert!(a.amount > Decimal::ZERO);
        for (line, _) in a.effects() {
            assert!(plan.line(line).is_some(), "{} touches {line}", a.reference);
        }
        assert!(!a.reason.is_empty() && !a.approved_by.is_empty());
    }
}

/// The entry's amount in XOF: EUR at the peg, rounded half away from zero to the franc.
fn in_xof(amount: Decimal, currency: Currency) -> Decimal {
    if currency == Currency::EUR {
        (amount * CFA_PEG)
            .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    } else {
        amount
    }
}

#[test]
fn ledger_exercises_every_stage_and_flag() -> TestResult {
    let plan = cnltp::plan();
    let ledger = cnltp::ledger();
    assert!((300..=400).contains(&ledger.len()), "{}", ledger.len());

    let stages: BTreeSet<Stage> = ledger.iter().map(|e| e.stage).collect();
    assert_eq!(stages, BTreeSet::from(Stage::ALL));

    let eur: Vec<_> = ledger
        .iter()
        .filter(|e| e.currency == Currency::EUR)
        .collect();
    assert!(eur.len() >= 3);
    assert!(eur.iter().all(|e| e.amount.scale() == 2));

    assert!(ledger.iter().any(|e| !plan.in_period(e.date)));
    assert!(ledger.iter().any(|e| plan.line(e.line).is_none()));
    assert!(ledger.iter().any(|e| e.amount < Decimal::ZERO));

    assert_eq!(ledger.duplicates().len(), 1);
    let dup = &ledger.duplicates()[0];
    assert!(dup.voucher.starts_with("PC-2018-"));
    assert_ne!(dup.first.place, dup.again.place);
    // The raw JSON holds one more entry than the ledger: the duplicate is counted once.
    let raw: serde_json::Value = serde_json::from_str(cnltp::LEDGER_JSON)?;
    let rows = raw["expenditures"].as_array().map_or(0, Vec::len);
    assert_eq!(rows, ledger.len() + 1);
    Ok(())
}

#[test]
fn one_line_overspent_one_untouched_and_execution_plausible() -> TestResult {
    let plan = cnltp::plan();
    let ledger = cnltp::ledger();
    let mut overspent = Vec::new();
    let mut untouched = Vec::new();
    let mut total_paid = Decimal::ZERO;
    for line in &plan.lines {
        let mut revised = line.initial()?;
        for a in &plan.amendments {
            revised += a.effect_on(&line.code)?;
        }
        let mut paid = Decimal::ZERO;
        let mut any = false;
        for e in ledger.iter().filter(|e| e.line == line.code) {
            any = true;
            if e.stage == Stage::Paiement {
                paid += in_xof(e.amount, e.currency);
            }
        }
        if paid > revised {
            overspent.push(line.code.clone());
        }
        if !any {
            untouched.push(line.code.clone());
        }
        total_paid += paid;
    }
    assert_eq!(overspent, ["0303"]);
    assert_eq!(untouched, ["0405"]);
    let rate = total_paid / plan.ceiling;
    assert!(rate > dec("0.5")? && rate < dec("0.8")?, "execution {rate}");
    Ok(())
}

#[test]
fn vouchers_follow_the_numbering() {
    let ledger = cnltp::ledger();
    // The vouchers of the expenditure chain appended at the end have their own numbering.
    let chain = ["ENG-", "LIQ-", "PAY-", "BC-"];
    for e in ledger.to_expenditures() {
        assert!(!e.payee.is_empty() && !e.description.is_empty());
        if chain.iter().any(|p| e.voucher.starts_with(p)) {
            continue;
        }
        let year = e.date.format("%Y").to_string();
        assert!(
            e.voucher.starts_with(&format!("PC-{year}-")),
            "{}",
            e.voucher
        );
        assert_eq!(e.voucher.len(), "PC-2018-0001".len());
    }
}

#[test]
fn the_ledger_holds_an_expenditure_chain() -> TestResult {
    let ledger = cnltp::ledger();
    let events: Vec<&str> = ledger
        .iter()
        .filter(|e| e.commitment == Some("ENG-2019-0401"))
        .map(|e| e.voucher)
        .collect();
    assert_eq!(
        events,
        ["LIQ-2019-0401", "PAY-2019-0401A", "PAY-2019-0401B"]
    );
    let stages: Vec<Stage> = ledger.history("BC-2019-0304").map(|e| e.stage).collect();
    assert_eq!(stages, [Stage::Engagement, Stage::Paiement]);
    // As of 2019-06-30 on line 0401: ENG-2019-0401 3,000,000 engaged, LIQ 1,200,000
    // liquidated, PAY 900,000 + 300,000 paid, with the line's own payments of the first half.
    let options = planfin_core::report::ReportOptions {
        as_of: Some("2019-06-30".parse()?),
        by: planfin_core::report::Grouping::Line,
        ..Default::default()
    };
    let report = planfin_core::report::variance(&cnltp::plan(), &ledger, &options)?;
    let row = report
        .rows
        .iter()
        .find(|r| r.key == "0401")
        .ok_or("no row 0401")?;
    let a = &row.amounts;
    assert_eq!(
        a.engaged - a.paid,
        dec("1800000")?,
        "remaining to pay on ENG-2019-0401"
    );
    assert_eq!(
        a.liquidated - a.paid,
        Decimal::ZERO,
        "what is liquidated is paid"
    );
    Ok(())
}
