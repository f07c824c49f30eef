//! The fixture matrix: the same workbook in xlsx, xls and ods imports to the same values, equal
//! to the JSON fixtures and to totals computed by hand.

use std::str::FromStr;

use planfin_core::currency::Currency;
use planfin_core::expenditure::Stage;
use planfin_core::ledger::Ledger;
use rust_decimal::Decimal;

use crate::{ledger, plan};

const FORMATS: [&str; 3] = ["xlsx", "xls", "ods"];
/// The ledgers also come as .xlsm, written by LibreOffice's own OOXML writer, and the CNLTP
/// ledger as .xlsb, written record by record by scripts/make_xlsb_fixtures.py.
const LEDGER_FORMATS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_default()
}

/// Totals of the CNLTP sample ledger, computed with python3's decimal module from
/// fixtures/cnltp/ledger.json (377 rows, voucher PC-2018-0062 twice with the same content;
/// BC-2019-0304 at two stages, both counted).
fn assert_cnltp_totals(l: &Ledger, what: &str) {
    let sum = |cur: Currency, committed: Option<bool>| -> Decimal {
        l.iter()
            .filter(|e| e.currency == cur)
            .filter(|e| committed.is_none_or(|c| e.stage.is_committed() == c))
            .map(|e| e.amount)
            .sum()
    };
    assert_eq!(l.len(), 376, "{what}");
    assert_eq!(sum(Currency::XOF, None), d("154193356"), "{what}");
    assert_eq!(sum(Currency::EUR, None), d("9774.49"), "{what}");
    assert_eq!(sum(Currency::XOF, Some(true)), d("15510000"), "{what}");
    let commitments: Vec<Option<&str>> = l
        .iter()
        .map(|e| e.commitment)
        .filter(Option::is_some)
        .collect();
    assert_eq!(commitments, [Some("ENG-2019-0401"); 3], "{what}");
    assert_eq!(l.duplicates().len(), 1, "{what}");
    assert_eq!(l.duplicates()[0].voucher, "PC-2018-0062", "{what}");
}

#[test]
fn cnltp_ledger_in_every_format_equals_the_json_ledger() {
    let json = planfin_core::cnltp::ledger();
    for ext in LEDGER_FORMATS.into_iter().chain(["xlsb"]) {
        let name = format!("xlsx/cnltp_ledger.{ext}");
        let imported = ledger(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            imported.value.to_expenditures(),
            json.to_expenditures(),
            "{name}"
        );
        assert_cnltp_totals(&imported.value, &name);
        assert_eq!(
            imported.value.origin(0).unwrap_or_default().to_string(),
            format!("cnltp_ledger.{ext} Depenses!A2")
        );
    }
}

#[test]
fn messy_ledger_in_every_format_equals_the_json_ledger() {
    let json = planfin_core::cnltp::ledger();
    for ext in LEDGER_FORMATS {
        let name = format!("xlsx/messy_ledger.{ext}");
        let imported = ledger(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            imported.value.to_expenditures(),
            json.to_expenditures(),
            "{name}"
        );
        assert_cnltp_totals(&imported.value, &name);
        let totals: Vec<String> = imported
            .warnings
            .iter()
            .filter(|w| w.message.id() == "import-warn-total-checked")
            .map(ToString::to_string)
            .collect();
        // 154503356 XOF + 9774.49 EUR as written, the duplicate row included.
        assert_eq!(
            totals,
            [format!(
                "messy_ledger.{ext} DÉPENSES!C384: totals row checked: 154,513,130.49 is the sum of the 377 rows above, not imported"
            )],
            "{name}"
        );
        let french: Vec<String> = imported
            .warnings
            .iter()
            .filter(|w| w.message.id() == "import-warn-total-checked")
            .map(|w| w.render(planfin_messages::Lang::Fr))
            .collect();
        assert_eq!(
            french,
            [format!(
                "messy_ledger.{ext} DÉPENSES!C384\u{a0}: ligne de total vérifiée\u{a0}: 154\u{202f}513\u{202f}130,49 est la somme des 377 lignes au-dessus, non importée"
            )],
            "{name}"
        );
    }
}

#[test]
fn messy_ledger_reads_committed_stages_and_eur_text() {
    let l = ledger("xlsx/messy_ledger.xlsx").map(|i| i.value);
    let l = l.unwrap_or_else(|e| panic!("{e}"));
    let e = l
        .get("PC-2019-0023")
        .map(|e| (e.amount, e.currency, e.stage));
    assert_eq!(e, Some((d("1892.31"), Currency::EUR, Stage::Paiement)));
    let stages: usize = l.iter().filter(|e| e.stage.is_committed()).count();
    assert_eq!(stages, 32);
}

#[test]
fn ledger_in_the_1904_date_system() {
    let json = planfin_core::cnltp::ledger();
    for ext in LEDGER_FORMATS {
        let name = format!("xlsx/ledger_1904.{ext}");
        let imported = ledger(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            imported.value.to_expenditures(),
            json.to_expenditures(),
            "{name}"
        );
    }
}

#[test]
fn cnltp_plan_in_every_format_equals_the_json_plan() {
    let json = planfin_core::cnltp::plan();
    for ext in FORMATS {
        let name = format!("xlsx/cnltp_plan.{ext}");
        let imported = plan(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imported.value, json, "{name}");
        assert_plan_totals(&imported.value, &name);
    }
}

#[test]
fn messy_plan_wide_layout_in_every_format_equals_the_json_plan() {
    let json = planfin_core::cnltp::plan();
    for ext in FORMATS {
        let name = format!("xlsx/messy_plan.{ext}");
        let imported = plan(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imported.value, json, "{name}");
        assert_plan_totals(&imported.value, &name);
        let checked = imported
            .warnings
            .iter()
            .filter(|w| w.message.id() == "import-warn-total-checked")
            .count();
        assert_eq!(checked, 3, "{name}: 2018, 2019 and Total columns");
    }
}

/// The plan's totals by hand: ceiling 206,850,000 XOF = 79,350,000 (2018) + 127,500,000 (2019).
fn assert_plan_totals(p: &planfin_core::plan::Plan, what: &str) {
    let year = |y: i32| -> Decimal {
        p.lines
            .iter()
            .flat_map(|l| &l.amounts)
            .filter(|a| a.period.year == y)
            .map(|a| a.amount)
            .sum()
    };
    assert_eq!(p.ceiling, d("206850000"), "{what}");
    assert_eq!(year(2018), d("79350000"), "{what}");
    assert_eq!(year(2019), d("127500000"), "{what}");
    assert_eq!(p.lines.len(), 25, "{what}");
    assert_eq!(p.amendments.len(), 2, "{what}");
}

#[test]
fn styled_blank_cells_read_again_exactly_to_the_same_ledger() {
    // 124 bordered empty Justificatif cells: the fast reader sees cell elements without a
    // value, stops, and the sheet is read again with its formulas (there are none).
    let json = planfin_core::cnltp::ledger();
    let imported = ledger("xlsx/ledger_blank_cells.xlsx").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.value.to_expenditures(), json.to_expenditures());
    assert_cnltp_totals(&imported.value, "ledger_blank_cells.xlsx");
}

#[test]
fn a_header_on_two_rows_with_merged_cells() {
    let json = planfin_core::cnltp::plan();
    let p = plan("xlsx/plan_two_row_header.xlsx").unwrap_or_else(|e| panic!("{e}"));
    let amounts =
        |p: &planfin_core::plan::Plan| -> Vec<(String, Vec<planfin_core::plan::PeriodAmount>)> {
            p.lines
                .iter()
                .map(|l| (l.code.clone(), l.amounts.clone()))
                .collect()
        };
    assert_eq!(amounts(&p.value), amounts(&json));
    assert_plan_totals(&p.value, "plan_two_row_header.xlsx");
}
