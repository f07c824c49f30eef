//! Every field of a plan and of a ledger survives JSON -> xlsx -> JSON and xlsx -> JSON ->
//! xlsx: plans with rate tables, quarters, unit costing, amendments of every shape, texts in
//! two languages (either may be empty), amounts of 28-29 digits and amounts from 10^15 up;
//! ledgers with every field of an expenditure, in several currencies.

use std::path::Path;

use calamine::Data;
use chrono::NaiveDate;
use planfin_core::amendment::Amendment;
use planfin_core::currency::Currency;
use planfin_core::expenditure::{Expenditure, Stage};
use planfin_core::json::{ledger_from_json, ledger_to_json, plan_from_json, plan_to_json};
use planfin_core::ledger::{Ledger, Origin};
use planfin_core::plan::{
    BudgetLine, FiscalPeriod, FundingSource, Lang, Objective, PeriodAmount, Plan, Rate, SourceKind,
    Text, UnitCosting,
};
use planfin_export::{write_ledger, write_plan};
use planfin_xlsx::{ImportOptions, read_ledger, read_plan};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::common::Back;

/// The largest mantissa of a Decimal (2^96 - 1): 29 digits.
const MAX_MANTISSA: i128 = 79_228_162_514_264_337_593_543_950_335;

fn fail(e: impl std::fmt::Display) -> ! {
    panic!("{e}")
}

/// Plan and ledger workbooks hold data only: no cell is a formula.
fn assert_no_formula(path: &Path) {
    let back = Back::open(path);
    for sheet in &back.sheets {
        assert_eq!(back.all_formulas(sheet), Vec::<String>::new(), "{sheet}");
    }
}

/// `plan` written to `dir/name` and read back.
fn plan_via_xlsx(plan: &Plan, lang: Lang, dir: &Path, name: &str) -> Plan {
    let out = dir.join(name);
    write_plan(plan, lang, &out).unwrap_or_else(|e| fail(e));
    assert_no_formula(&out);
    read_plan(&out, &ImportOptions::default())
        .unwrap_or_else(|e| fail(e))
        .value
}

/// `ledger` written to `dir/name` and read back.
fn ledger_via_xlsx(ledger: &Ledger, lang: Lang, dir: &Path, name: &str) -> Ledger {
    let out = dir.join(name);
    write_ledger(ledger, lang, &out).unwrap_or_else(|e| fail(e));
    assert_no_formula(&out);
    read_ledger(&out, &ImportOptions::default())
        .unwrap_or_else(|e| fail(e))
        .value
}

/// `plan` with every decimal in its shortest form (`100.50` is `100.5`): what a workbook gives
/// back, since a number cell keeps no trailing zeros. Equal to `plan` as a value.
fn normalised_plan(plan: &Plan) -> Plan {
    let mut p = plan.clone();
    p.ceiling = p.ceiling.normalize();
    for line in &mut p.lines {
        for a in &mut line.amounts {
            a.amount = a.amount.normalize();
        }
        if let Some(c) = &mut line.costing {
            c.quantity = c.quantity.normalize();
            c.unit_cost = c.unit_cost.normalize();
        }
    }
    for a in &mut p.amendments {
        a.amount = a.amount.normalize();
    }
    for r in &mut p.rates {
        r.rate = r.rate.normalize();
    }
    p
}

/// [`normalised_plan`] for a ledger's entries.
fn normalised_ledger(ledger: &Ledger) -> Ledger {
    let entries = ledger.to_expenditures().into_iter().map(|mut e| {
        e.amount = e.amount.normalize();
        e.rate = e.rate.map(|r| r.normalize());
        (e, Origin::default())
    });
    Ledger::from_entries(entries).0
}

// ---- strategies ----

/// A text as a finance officer types it: accents, apostrophes, dashes, symbols, other scripts,
/// formula-looking text, a line break; no leading or trailing space (the importer trims).
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-zÀ-ÖØ-öø-ÿŒœ0-9'’«»—€°]([A-Za-zÀ-ÖØ-öø-ÿŒœ0-9 '’«»—€°,.;:()/-]{0,24}[A-Za-zÀ-ÖØ-öø-ÿ0-9)])?",
        1 => prop::sample::select(vec![
            "Côte d'Ivoire — atelier régional",
            "Lutte anti-tabac : sensibilisation des élèves",
            "Œuvres sociales",
            "Straße",
            "日本語のテキスト",
            "=HYPERLINK(\"http://evil.example\")",
            "+33 6 12",
            "-5",
            "@SUM(A1)",
            "0201",
            "TRUE",
            "ligne 1\nligne 2",
            "Total",
        ])
        .prop_map(str::to_string),
    ]
}

/// A text or nothing.
fn opt_text() -> impl Strategy<Value = String> {
    prop_oneof![1 => Just(String::new()), 3 => text()]
}

/// A text in French and English, either (or both) possibly empty.
fn bilingual() -> impl Strategy<Value = Text> {
    (opt_text(), opt_text()).prop_map(|(fr, en)| Text { fr, en })
}

/// A code: with a digit, so that no code reads as a totals label (`SUM`, `Total`).
fn code() -> impl Strategy<Value = String> {
    prop_oneof![
        "0[1-9][0-9]{2}",
        "[0-9]{1,3}",
        "[A-Z]{1,3}[0-9]{1,3}",
        "OS[0-9]\\.[0-9]",
        "V-20[0-9]{2}-[0-9]{2}",
        "Lé[0-9]",
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    let from = |y, days: u64| {
        NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default() + chrono::Days::new(days)
    };
    prop_oneof![
        // Before 1900-03-01, written as ISO text, and just after.
        (0u64..90).prop_map(move |d| from(1900, d)),
        (0u64..4000).prop_map(move |d| from(2016, d)),
        (0u64..2_920_000).prop_map(move |d| from(1900, d)),
    ]
}

fn plan_currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(vec![
        Currency::XOF,
        Currency::EUR,
        Currency::XAF,
        Currency::USD,
        "JPY".parse().unwrap_or(Currency::XOF),
        "KWD".parse().unwrap_or(Currency::XOF),
        "CLF".parse().unwrap_or(Currency::XOF),
    ])
}

fn any_currency() -> impl Strategy<Value = Currency> {
    prop_oneof![
        plan_currency(),
        prop::sample::select(vec!["GBP", "TND", "CHF", "GNF", "MAD"])
            .prop_map(|c| c.parse().unwrap_or(Currency::XOF)),
    ]
}

/// An exact decimal of `mantissa` and `scale`.
fn dec(mantissa: i128, scale: u32) -> Decimal {
    Decimal::try_from_i128_with_scale(mantissa, scale).unwrap_or_else(|e| fail(e))
}

/// An amount with `minor` decimals, below `10^cap_digits` in magnitude: ordinary amounts, amounts of up
/// to 29 digits (beyond an f64), and amounts from 10^15 up with few significant digits (an f64
/// holds them, planfin's importer reads no such number cell).
fn amount(minor: u32, cap_digits: u32) -> impl Strategy<Value = Decimal> {
    let cap = 10i128
        .checked_pow(cap_digits + minor)
        .unwrap_or(MAX_MANTISSA)
        .min(MAX_MANTISSA);
    prop_oneof![
        4 => (-10i64.pow(13)..10i64.pow(13)).prop_map(move |m| Decimal::new(m, minor)),
        3 => (-cap..=cap).prop_map(move |m| dec(m, minor)),
        1 => (10i128.pow(27).min(cap)..=cap, any::<bool>())
            .prop_map(move |(m, neg)| dec(if neg { -m } else { m }, minor)),
        1 => (15u32..cap_digits, 1i128..10, any::<bool>()).prop_map(move |(e, k, neg)| {
            let m = (k * 10i128.pow(e + minor)).min(cap);
            dec(if neg { -m } else { m }, minor)
        }),
        1 => prop::sample::select(vec![
            "999999999999999",
            "1000000000000001",
            "-999999999999999",
            "123456789012345",
            "0",
        ])
        .prop_map(|s| s.parse().unwrap_or_default()),
    ]
}

/// A positive amount (amendments move positive amounts).
fn positive(minor: u32) -> impl Strategy<Value = Decimal> {
    amount(minor, 28).prop_map(|a| if a.is_zero() { Decimal::ONE } else { a.abs() })
}

/// A rate or a quantity: up to 10 decimals (what the importer reads), from tiny to 28 digits.
fn ratio() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => (1i64..10i64.pow(12), 0u32..=10).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => (1i128..=MAX_MANTISSA, 0u32..=10).prop_map(|(m, s)| dec(m, s)),
        1 => prop::sample::select(vec!["655.957", "0.0015244902", "1000000000000000", "1e-10"])
            .prop_map(|s| {
                Decimal::from_scientific(s)
                    .or_else(|_| s.parse())
                    .unwrap_or_default()
            }),
    ]
}

fn rate() -> impl Strategy<Value = Rate> {
    (date(), any_currency(), any_currency(), ratio()).prop_map(|(date, from, to, rate)| Rate {
        date,
        from,
        to,
        rate,
    })
}

/// Distinct fiscal periods, years and quarters mixed, in any order.
fn periods() -> impl Strategy<Value = Vec<FiscalPeriod>> {
    prop::collection::vec((2015i32..2031, 0u8..=4), 0..6).prop_map(|raw| {
        let mut out: Vec<FiscalPeriod> = Vec::new();
        for (y, q) in raw {
            let p = if q == 0 {
                FiscalPeriod::year(y)
            } else {
                FiscalPeriod::quarter(y, q)
            };
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    })
}

fn line(minor: u32, line_code: String) -> impl Strategy<Value = BudgetLine> {
    (
        code(),
        bilingual(),
        code(),
        periods(),
        prop::collection::vec(amount(minor, 28), 6),
        prop::option::of((opt_text(), ratio(), amount(minor, 28))),
    )
        .prop_map(
            move |(objective, label, source, periods, amounts, costing)| BudgetLine {
                code: line_code.clone(),
                objective,
                label,
                source,
                amounts: periods
                    .into_iter()
                    .zip(amounts)
                    .map(|(period, amount)| PeriodAmount { period, amount })
                    .collect(),
                costing: costing.map(|(unit, quantity, unit_cost)| UnitCosting {
                    unit,
                    quantity,
                    unit_cost,
                }),
            },
        )
}

/// An amendment of any shape: a transfer (De and Vers), a raise (Vers only) or a cut (De only),
/// with or without a funding source.
fn amendment(minor: u32) -> impl Strategy<Value = Amendment> {
    (
        code(),
        date(),
        0u8..3,
        code(),
        code(),
        positive(minor),
        prop::option::of(code()),
        opt_text(),
        opt_text(),
    )
        .prop_map(
            |(reference, date, shape, from, to, amount, source, reason, approved_by)| Amendment {
                reference,
                date,
                from: (shape != 1).then_some(from),
                to: (shape != 2).then_some(to),
                amount,
                source,
                reason,
                approved_by,
            },
        )
}

fn source_kind() -> impl Strategy<Value = SourceKind> {
    prop::sample::select(vec![
        SourceKind::StateBudget,
        SourceKind::Donor,
        SourceKind::Other,
    ])
}

prop_compose! {
    fn plan()(currency in plan_currency(), codes in prop::collection::btree_set(code(), 0..6))(
        currency in Just(currency),
        lines in codes
            .into_iter()
            .map(|c| line(currency.minor_unit(), c))
            .collect::<Vec<_>>(),
        code in code(),
        title in bilingual(),
        organisation in opt_text(),
        start in date(),
        end in date(),
        ceiling in amount(currency.minor_unit(), 28),
        objectives in prop::collection::vec((code(), bilingual()), 0..4),
        sources in prop::collection::vec((code(), bilingual(), source_kind()), 0..4),
        amendments in prop::collection::vec(amendment(currency.minor_unit()), 0..6),
        rates in prop::collection::vec(rate(), 0..5),
    ) -> Plan {
        Plan {
            code,
            title,
            organisation,
            currency,
            start,
            end,
            ceiling,
            objectives: objectives
                .into_iter()
                .map(|(code, title)| Objective { code, title })
                .collect(),
            sources: sources
                .into_iter()
                .map(|(code, name, kind)| FundingSource { code, name, kind })
                .collect(),
            lines,
            amendments,
            rates,
        }
    }
}

fn stage() -> impl Strategy<Value = Stage> {
    prop::sample::select(Stage::ALL.to_vec())
}

fn expenditure() -> impl Strategy<Value = Expenditure> {
    any_currency().prop_flat_map(|currency| {
        (
            code(),
            date(),
            code(),
            // Below 10^26, so that the 40 amounts of a ledger add up within a Decimal (the
            // importer checks the sum).
            amount(currency.minor_unit(), 26),
            prop::option::of(ratio()),
            stage(),
            opt_text(),
            opt_text(),
            prop::option::of(text()),
            prop::option::of(text()),
        )
            .prop_map(
                move |(
                    voucher,
                    date,
                    line,
                    amount,
                    rate,
                    stage,
                    payee,
                    description,
                    document,
                    commitment,
                )| {
                    Expenditure {
                        voucher,
                        date,
                        line,
                        amount,
                        currency,
                        rate,
                        stage,
                        payee,
                        description,
                        document,
                        commitment,
                    }
                },
            )
    })
}

fn ledger() -> impl Strategy<Value = Ledger> {
    prop::collection::vec(expenditure(), 0..40).prop_map(|entries| {
        Ledger::from_entries(entries.into_iter().map(|e| (e, Origin::default()))).0
    })
}

fn lang(english: bool) -> Lang {
    if english { Lang::En } else { Lang::Fr }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_field_of_a_plan_survives_both_round_trips(plan in plan(), english in any::<bool>()) {
        let lang = lang(english);
        let dir = tempfile::tempdir().unwrap_or_else(|e| fail(e));

        // JSON -> xlsx -> JSON.
        let json = plan_to_json(&plan);
        let read = plan_from_json(&json, "plan.json").unwrap_or_else(|e| fail(e));
        prop_assert_eq!(&read, &plan);
        let back = plan_via_xlsx(&read, lang, dir.path(), "a.xlsx");
        prop_assert_eq!(&back, &plan);
        let json_back = plan_to_json(&back);
        prop_assert_eq!(&json_back, &plan_to_json(&normalised_plan(&plan)));

        // xlsx -> JSON -> xlsx.
        let again = plan_from_json(&json_back, "back.json").unwrap_or_else(|e| fail(e));
        let again = plan_via_xlsx(&again, lang, dir.path(), "b.xlsx");
        prop_assert_eq!(&again, &plan);
        prop_assert_eq!(plan_to_json(&again), json_back);
    }

    #[test]
    fn every_field_of_a_ledger_survives_both_round_trips(ledger in ledger(), english in any::<bool>()) {
        let lang = lang(english);
        let dir = tempfile::tempdir().unwrap_or_else(|e| fail(e));
        let entries = ledger.to_expenditures();

        // JSON -> xlsx -> JSON.
        let json = ledger_to_json(&ledger);
        let read = ledger_from_json(&json, "ledger.json").unwrap_or_else(|e| fail(e));
        prop_assert_eq!(&read.to_expenditures(), &entries);
        let back = ledger_via_xlsx(&read, lang, dir.path(), "a.xlsx");
        prop_assert_eq!(&back.to_expenditures(), &entries);
        let json_back = ledger_to_json(&back);
        prop_assert_eq!(&json_back, &ledger_to_json(&normalised_ledger(&ledger)));

        // xlsx -> JSON -> xlsx.
        let again = ledger_from_json(&json_back, "back.json").unwrap_or_else(|e| fail(e));
        let again = ledger_via_xlsx(&again, lang, dir.path(), "b.xlsx");
        prop_assert_eq!(&again.to_expenditures(), &entries);
        prop_assert_eq!(ledger_to_json(&again), json_back);
    }
}

// ---- examples ----

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| fail(e))
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|e| fail(e))
}

/// A small EUR plan with a rate table, a quarter, a line with no amount and long amounts.
fn sample_plan() -> Plan {
    let usd = Currency::USD;
    Plan {
        code: "PAO-2019".into(),
        title: Text::new("Plan d'action — Côte d'Ivoire", ""),
        organisation: "CNLTP".into(),
        currency: Currency::EUR,
        start: day("2019-01-01"),
        end: day("2019-12-31"),
        ceiling: d("1000000000000000"),
        objectives: vec![Objective {
            code: "OS1".into(),
            title: Text::new("", "Advocacy"),
        }],
        sources: vec![FundingSource {
            code: "ETAT".into(),
            name: Text::new("Budget de l'État", "State budget"),
            kind: SourceKind::StateBudget,
        }],
        lines: vec![
            BudgetLine {
                code: "0201".into(),
                objective: "OS1".into(),
                label: Text::new("Atelier", "Workshop"),
                source: "ETAT".into(),
                amounts: vec![PeriodAmount {
                    period: FiscalPeriod::quarter(2019, 3),
                    amount: d("12345678901234567890123456.78"),
                }],
                costing: None,
            },
            BudgetLine {
                code: "0400".into(),
                objective: "OS1".into(),
                label: Text::new("Sans montant", ""),
                source: "ETAT".into(),
                amounts: Vec::new(),
                costing: Some(UnitCosting {
                    unit: "jour".into(),
                    quantity: d("2.5"),
                    unit_cost: d("1000000000000000000"),
                }),
            },
        ],
        amendments: Vec::new(),
        rates: vec![
            Rate {
                date: day("2019-01-01"),
                from: usd,
                to: Currency::EUR,
                rate: d("0.8734"),
            },
            Rate {
                date: day("2019-07-01"),
                from: usd,
                to: Currency::EUR,
                rate: d("0.8912345678"),
            },
        ],
    }
}

#[test]
fn the_rate_table_has_its_own_sheet_in_both_languages() {
    let plan = sample_plan();
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail(e));
    for (lang, sheet, headers) in [
        (Lang::Fr, "Taux de change", ["Date", "De", "Vers", "Taux"]),
        (Lang::En, "Exchange rates", ["Date", "From", "To", "Rate"]),
    ] {
        let out = dir.path().join(format!("{lang:?}.xlsx"));
        let summary = write_plan(&plan, lang, &out).unwrap_or_else(|e| fail(e));
        assert_eq!(summary.sheets.last().map(String::as_str), Some(sheet));
        let back = Back::open(&out);
        for (c, h) in headers.iter().enumerate() {
            assert_eq!(back.value(sheet, 0, c as u32), Data::String(h.to_string()));
        }
        assert_eq!(back.value(sheet, 2, 1), Data::String("USD".into()));
        assert_eq!(back.value(sheet, 2, 2), Data::String("EUR".into()));
        assert_eq!(
            crate::common::decimal(&back.value(sheet, 2, 3)),
            Some(d("0.8912345678"))
        );
        let read = read_plan(&out, &ImportOptions::default())
            .unwrap_or_else(|e| fail(e))
            .value;
        assert_eq!(read.rates, plan.rates, "{lang:?}");
        assert_eq!(read, plan, "{lang:?}");
    }
}

#[test]
fn amounts_from_ten_to_the_fifteen_are_exact_text_and_read_back() {
    // 10^15 has one significant digit, so an f64 holds it; but the importer reads no number
    // cell that large (a spreadsheet may have rounded it): written as a number, it came back
    // as an error.
    let plan = sample_plan();
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail(e));
    let out = dir.path().join("plan.xlsx");
    let summary = write_plan(&plan, Lang::Fr, &out).unwrap_or_else(|e| fail(e));
    let back = Back::open(&out);
    assert_eq!(
        back.value("Plan", 7, 1),
        Data::String("1000000000000000".into())
    );
    assert_eq!(
        back.value("Lignes", 2, 9),
        Data::String("1000000000000000000".into())
    );
    for at in ["Plan!B8", "Lignes!G2", "Lignes!J3"] {
        assert!(
            summary.findings.iter().any(|f| f.location == at),
            "{at}: {:?}",
            summary.findings
        );
    }
    assert_eq!(plan_via_xlsx(&plan, Lang::Fr, dir.path(), "b.xlsx"), plan);

    let mut ledger = Ledger::new();
    for (voucher, amount, rate) in [
        ("A", "1000000000000000", None),
        ("B", "-999999999999999", None),
        ("C", "250000000000000000", Some("1000000000000000")),
    ] {
        let e = Expenditure {
            voucher: voucher.into(),
            date: day("2019-02-03"),
            line: "0201".into(),
            amount: d(amount),
            currency: Currency::USD,
            rate: rate.map(d),
            stage: Stage::Paiement,
            payee: String::new(),
            description: String::new(),
            document: None,
            commitment: None,
        };
        let _ = ledger.append(e, Origin::default());
    }
    let back = ledger_via_xlsx(&ledger, Lang::Fr, dir.path(), "ledger.xlsx");
    assert_eq!(back.to_expenditures(), ledger.to_expenditures());
}

#[test]
fn a_line_with_no_planned_amount_keeps_its_row_and_costing() {
    let plan = sample_plan();
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail(e));
    let out = dir.path().join("plan.xlsx");
    write_plan(&plan, Lang::Fr, &out).unwrap_or_else(|e| fail(e));
    let back = Back::open(&out);
    assert_eq!(back.value("Lignes", 2, 0), Data::String("0400".into()));
    assert_eq!(back.value("Lignes", 2, 5), Data::Empty);
    assert_eq!(back.value("Lignes", 2, 6), Data::Empty);
    let read = read_plan(&out, &ImportOptions::default()).unwrap_or_else(|e| fail(e));
    assert_eq!(read.value.lines, plan.lines);
    assert!(
        read.warnings.iter().any(|w| w
            .message
            .render(Lang::En)
            .contains("line 0400 has no Année and no Montant")),
        "{:?}",
        read.warnings
    );
}

#[test]
fn a_typed_rate_table_reads_with_the_plan_currency_for_a_blank_vers() {
    use rust_xlsxwriter::{Format, Workbook};
    let plan = sample_plan();
    let dir = tempfile::tempdir().unwrap_or_else(|e| fail(e));
    let written = dir.path().join("plan.xlsx");
    write_plan(&plan, Lang::Fr, &written).unwrap_or_else(|e| fail(e));

    // The same plan retyped, with a rate sheet as a user would: other header names, the
    // rates as typed text and numbers, Vers left blank on one row.
    let back = Back::open(&written);
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for sheet in back.sheets.iter().filter(|s| *s != "Taux de change") {
        let ws = wb.add_worksheet();
        ws.set_name(sheet).unwrap_or_else(|e| fail(e));
        for r in 0..20u32 {
            for c in 0..12u16 {
                match back.value(sheet, r, u32::from(c)) {
                    Data::String(s) => {
                        ws.write_string(r, c, s).unwrap_or_else(|e| fail(e));
                    }
                    Data::Float(f) => {
                        ws.write_number(r, c, f).unwrap_or_else(|e| fail(e));
                    }
                    Data::DateTime(x) => {
                        ws.write_number_with_format(r, c, x.as_f64(), &date)
                            .unwrap_or_else(|e| fail(e));
                    }
                    _ => {}
                }
            }
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name("Exchange rates").unwrap_or_else(|e| fail(e));
    for (c, h) in ["Date d'effet", "Devise", "Vers", "Taux de change"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap_or_else(|e| fail(e));
    }
    ws.write_string(1, 0, "01/01/2019")
        .unwrap_or_else(|e| fail(e));
    ws.write_string(1, 1, "USD").unwrap_or_else(|e| fail(e));
    ws.write_string(1, 3, "0,8734").unwrap_or_else(|e| fail(e));
    ws.write_string(2, 0, "2019-07-01")
        .unwrap_or_else(|e| fail(e));
    ws.write_string(2, 1, "USD").unwrap_or_else(|e| fail(e));
    ws.write_string(2, 2, "EUR").unwrap_or_else(|e| fail(e));
    ws.write_number(2, 3, 0.8912345678)
        .unwrap_or_else(|e| fail(e));
    let typed = dir.path().join("typed.xlsx");
    wb.save(&typed).unwrap_or_else(|e| fail(e));
    let read = read_plan(&typed, &ImportOptions::default())
        .unwrap_or_else(|e| fail(e))
        .value;
    assert_eq!(read.rates, plan.rates);
}
