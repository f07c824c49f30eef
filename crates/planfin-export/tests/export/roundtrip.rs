//! Plan and ledger export read back by the importer: `read(write(x)) == x`.

use calamine::Data;
use chrono::NaiveDate;
use planfin_core::amendment::Amendment;
use planfin_core::cnltp;
use planfin_core::currency::Currency;
use planfin_core::expenditure::{Expenditure, Stage};
use planfin_core::ledger::{Ledger, Origin};
use planfin_core::plan::{
    BudgetLine, FiscalPeriod, FundingSource, Lang, Objective, PeriodAmount, Plan, SourceKind, Text,
    UnitCosting,
};
use planfin_export::{write_ledger, write_plan};
use planfin_xlsx::{ImportOptions, read_ledger, read_plan};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::common::Back;

fn plan_back(plan: &Plan, lang: Lang) -> Plan {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("plan.xlsx");
    write_plan(plan, lang, &out).unwrap_or_else(|e| panic!("{e}"));
    assert_no_formula(&out);
    read_plan(&out, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .value
}

fn ledger_back(ledger: &Ledger, lang: Lang) -> Vec<Expenditure> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("ledger.xlsx");
    write_ledger(ledger, lang, &out).unwrap_or_else(|e| panic!("{e}"));
    assert_no_formula(&out);
    read_ledger(&out, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .value
        .to_expenditures()
        .to_vec()
}

/// Plan and ledger workbooks hold data only: whatever the text, no cell is a formula.
fn assert_no_formula(path: &std::path::Path) {
    let back = Back::open(path);
    for sheet in &back.sheets {
        assert_eq!(back.all_formulas(sheet), Vec::<String>::new(), "{sheet}");
    }
}

#[test]
fn the_cnltp_plan_and_ledger_round_trip_in_both_languages() {
    let plan = cnltp::plan();
    let ledger = cnltp::ledger();
    for lang in [Lang::Fr, Lang::En] {
        assert_eq!(plan_back(&plan, lang), plan, "{lang:?}");
        assert_eq!(
            ledger_back(&ledger, lang),
            ledger.to_expenditures(),
            "{lang:?}"
        );
    }
}

#[test]
fn xlsx_json_xlsx_json_gives_identical_json() {
    use planfin_core::json::{ledger_from_json, ledger_to_json, plan_from_json, plan_to_json};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let options = ImportOptions::default();
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));

    write_plan(&cnltp::plan(), Lang::Fr, &a).unwrap_or_else(|e| panic!("{e}"));
    let json1 = plan_to_json(
        &read_plan(&a, &options)
            .unwrap_or_else(|e| panic!("{e}"))
            .value,
    );
    let again = plan_from_json(&json1, "a.json").unwrap_or_else(|e| panic!("{e}"));
    write_plan(&again, Lang::Fr, &b).unwrap_or_else(|e| panic!("{e}"));
    let json2 = plan_to_json(
        &read_plan(&b, &options)
            .unwrap_or_else(|e| panic!("{e}"))
            .value,
    );
    assert_eq!(json1, json2);

    write_ledger(&cnltp::ledger(), Lang::Fr, &a).unwrap_or_else(|e| panic!("{e}"));
    let json1 = ledger_to_json(
        &read_ledger(&a, &options)
            .unwrap_or_else(|e| panic!("{e}"))
            .value,
    );
    let again = ledger_from_json(&json1, "a.json").unwrap_or_else(|e| panic!("{e}"));
    write_ledger(&again, Lang::Fr, &b).unwrap_or_else(|e| panic!("{e}"));
    let json2 = ledger_to_json(
        &read_ledger(&b, &options)
            .unwrap_or_else(|e| panic!("{e}"))
            .value,
    );
    assert_eq!(json1, json2);
}

#[test]
fn formula_looking_ledger_text_stays_text() {
    let hostile = [
        "=HYPERLINK(\"http://evil.example\",\"clic\")",
        "+33 6 12",
        "@SUM(A1)",
        "-2+3",
        "=1+1",
    ];
    let date = NaiveDate::from_ymd_opt(2018, 5, 2).unwrap_or_default();
    let entries = hostile.iter().enumerate().map(|(i, t)| {
        (
            Expenditure {
                voucher: format!("={i}"),
                date,
                line: "0101".into(),
                amount: Decimal::from(10 + i as i64),
                currency: Currency::XOF,
                rate: None,
                stage: Stage::Paiement,
                payee: t.to_string(),
                description: t.to_string(),
                document: Some(t.to_string()),
                commitment: None,
            },
            Origin::default(),
        )
    });
    let (ledger, _) = Ledger::from_entries(entries);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("ledger.xlsx");
    write_ledger(&ledger, Lang::Fr, &out).unwrap_or_else(|e| panic!("{e}"));
    let back = Back::open(&out);
    assert!(
        back.all_formulas("Depenses").is_empty(),
        "no formula cell at all"
    );
    for (i, t) in hostile.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(back.value("Depenses", r, 1), Data::String(format!("={i}")));
        for c in [7, 8, 9] {
            assert_eq!(back.value("Depenses", r, c), Data::String(t.to_string()));
        }
    }
    assert_eq!(ledger_back(&ledger, Lang::Fr), ledger.to_expenditures());
}

// ---- properties ----

fn text() -> impl Strategy<Value = String> {
    // Trimmed text (the importer trims), including formula-looking and accented text.
    prop_oneof![
        "[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 ,.'()/-]{0,30}[A-Za-z0-9)]",
        Just("=HYPERLINK(\"x\")".to_string()),
        Just("+33 6 12".to_string()),
        Just("@SUM(A1)".to_string()),
        Just("-5".to_string()),
    ]
}

fn code() -> impl Strategy<Value = String> {
    prop_oneof!["0[0-9]{3}", "[A-Z]{2}[0-9]{1,2}", "[0-9]{1,3}\\.[0-9]"]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0u64..730).prop_map(|d| {
        NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default() + chrono::Days::new(d)
    })
}

fn currency() -> impl Strategy<Value = Currency> {
    prop_oneof![Just(Currency::XOF), Just(Currency::EUR)]
}

prop_compose! {
    fn plan()(
        currency in currency(),
        code in "[A-Z]{3,6}-20[0-9]{2}",
        title in text(),
        title_en in prop_oneof![Just(String::new()), text()],
        organisation in prop_oneof![Just(String::new()), text()],
        objectives in prop::collection::btree_set(code(), 1..5),
        sources in prop::collection::btree_set("[A-Z]{2,5}", 1..4),
        n_lines in 1usize..8,
        seed in prop::collection::vec((0usize..100, 0usize..100, text(), any::<bool>(), 0u8..5, 1i64..1000), 8),
        kinds in prop::collection::vec(0u8..3, 4),
        amounts in prop::collection::vec(0i64..5_000_000_000, 16),
        amendments in prop::collection::vec((date(), 0usize..8, 0usize..8, 0u8..3, 1i64..100_000_000, text()), 0..4),
    ) -> Plan {
        let minor = currency.minor_unit();
        let objectives: Vec<Objective> = objectives.into_iter().map(|c| Objective {
            title: Text::new(format!("Objectif {c}"), ""), code: c }).collect();
        let sources: Vec<FundingSource> = sources.into_iter().enumerate().map(|(i, c)| FundingSource {
            code: c, name: Text::new(format!("Source {i}"), format!("Source {i} EN")),
            kind: [SourceKind::StateBudget, SourceKind::Donor, SourceKind::Other][kinds[i % 4] as usize],
        }).collect();
        let lines: Vec<BudgetLine> = (0..n_lines).map(|i| {
            let (o, s, label, en, quarters, qty) = seed[i].clone();
            let periods: Vec<FiscalPeriod> = if quarters > 0 {
                (1..=quarters.min(4)).map(|q| FiscalPeriod::quarter(2019, q)).collect()
            } else {
                vec![FiscalPeriod::year(2018), FiscalPeriod::year(2019)]
            };
            let amounts: Vec<PeriodAmount> = periods.iter().enumerate().map(|(k, p)| PeriodAmount {
                period: *p, amount: Decimal::new(amounts[(i + k) % 16], minor) }).collect();
            let total: Decimal = amounts.iter().map(|a| a.amount).sum();
            let costing = (qty % 3 == 0).then(|| UnitCosting {
                unit: "atelier".into(), quantity: Decimal::ONE, unit_cost: total });
            BudgetLine {
                code: format!("{i:02}{:02}", o % 100),
                objective: objectives[o % objectives.len()].code.clone(),
                label: Text::new(label, if en { "Label EN" } else { "" }),
                source: sources[s % sources.len()].code.clone(),
                amounts,
                costing,
            }
        }).collect();
        let ceiling: Decimal = lines.iter().flat_map(|l| l.amounts.iter().map(|a| a.amount)).sum();
        let amendments = amendments.into_iter().enumerate().map(|(i, (date, from, to, shape, m, reason))| {
            let line = |k: usize| lines[k % lines.len()].code.clone();
            Amendment {
                reference: format!("V-{i}"),
                date,
                from: (shape != 1).then(|| line(from)),
                to: (shape != 2).then(|| line(to)),
                amount: Decimal::new(m, minor),
                source: (shape != 0).then(|| sources[0].code.clone()),
                reason,
                approved_by: String::new(),
            }
        }).collect();
        Plan {
            code, title: Text::new(title, title_en), organisation, currency,
            start: NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default(),
            end: NaiveDate::from_ymd_opt(2019, 12, 31).unwrap_or_default(),
            ceiling: ceiling.max(Decimal::ONE),
            objectives, sources, lines, amendments, rates: Vec::new(),
        }
    }
}

fn expenditure() -> impl Strategy<Value = Expenditure> {
    (
        "PC-[0-9]{1,6}",
        date(),
        code(),
        currency(),
        prop_oneof![
            Just(None),
            (1i64..100_000_000_000, 0u32..=10).prop_map(|(m, s)| Some(Decimal::new(m, s)))
        ],
        0usize..4,
        text(),
        text(),
        prop_oneof![Just(None), text().prop_map(Some)],
        -100_000_000i64..1_000_000_000,
        prop_oneof![Just(None), text().prop_map(Some)],
    )
        .prop_map(
            |(
                voucher,
                date,
                line,
                currency,
                rate,
                stage,
                payee,
                description,
                document,
                m,
                commitment,
            )| {
                Expenditure {
                    voucher,
                    date,
                    line,
                    amount: Decimal::new(m, currency.minor_unit()),
                    currency,
                    rate,
                    stage: Stage::ALL[stage],
                    payee,
                    description,
                    document,
                    commitment,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_plan_round_trips(plan in plan(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Fr };
        prop_assert_eq!(plan_back(&plan, lang), plan);
    }

    #[test]
    fn any_ledger_round_trips(entries in prop::collection::vec(expenditure(), 0..40), english in any::<bool>()) {
        let (ledger, _) = Ledger::from_entries(entries.into_iter().map(|e| (e, Origin::default())));
        let lang = if english { Lang::En } else { Lang::Fr };
        prop_assert_eq!(ledger_back(&ledger, lang), ledger.to_expenditures());
    }
}

#[test]
fn amounts_keep_their_cents_and_codes_their_zeros() {
    let mut ledger = Ledger::new();
    let e = Expenditure {
        voucher: "0007".into(),
        date: NaiveDate::from_ymd_opt(2019, 2, 3).unwrap_or_default(),
        line: "0201".into(),
        amount: Decimal::new(-123_456, 2),
        currency: Currency::EUR,
        rate: None,
        stage: Stage::Liquidation,
        payee: "Hôtel".into(),
        description: String::new(),
        document: None,
        commitment: None,
    };
    let _ = ledger.append(e, Origin::default());
    assert_eq!(ledger_back(&ledger, Lang::Fr), ledger.to_expenditures());
}

#[test]
fn amounts_beyond_an_f64_and_precise_rates_round_trip_as_exact_text() {
    let mut ledger = Ledger::new();
    let date = NaiveDate::from_ymd_opt(2019, 2, 3).unwrap_or_default();
    let cases = [
        ("A", "12345678901234567", Currency::XOF, None),
        ("B", "12345678901234.56", Currency::EUR, None),
        ("C", "-98765432109876543", Currency::XOF, None),
        ("D", "100.25", Currency::USD, Some("0.0015244902")),
        ("E", "100", Currency::USD, Some("612.1234567891")),
        ("F", "100", Currency::USD, Some("612.123456789012")),
    ];
    for (voucher, amount, currency, rate) in cases {
        let e = Expenditure {
            voucher: voucher.into(),
            date,
            line: "0101".into(),
            amount: amount.parse().unwrap_or_default(),
            currency,
            rate: rate.map(|r| r.parse().unwrap_or_default()),
            stage: Stage::Paiement,
            payee: String::new(),
            description: String::new(),
            document: None,
            commitment: None,
        };
        let _ = ledger.append(e, Origin::default());
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("ledger.xlsx");
    let summary = write_ledger(&ledger, Lang::Fr, &out).unwrap_or_else(|e| panic!("{e}"));
    // Three amounts beyond 15 significant digits were written as text, with a finding each.
    assert_eq!(summary.findings.len(), 3, "{:?}", summary.findings);
    let back = Back::open(&out);
    assert_eq!(
        back.value("Depenses", 1, 3),
        Data::String("12345678901234567".into())
    );
    // A rate beyond the 10 decimals a number cell brings back is exact text, never rounded
    // (the importer then refuses it by name rather than rounding it).
    assert_eq!(
        back.value("Depenses", 6, 5),
        Data::String("612.123456789012".into())
    );
    let (readable, _) = Ledger::from_entries(
        ledger.to_expenditures()[..5]
            .iter()
            .map(|e| (e.clone(), Origin::default())),
    );
    assert_eq!(ledger_back(&readable, Lang::Fr), readable.to_expenditures());
}
