//! `planfin convert` between workbooks and JSON, and `planfin template` filled in and read
//! back.

use std::collections::HashMap;
use std::path::Path;

use planfin_core::json::{ledger_from_json, ledger_to_json, plan_from_json, plan_to_json};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

use crate::xl;
use crate::{TestResult, dec, fixture, planfin, planfin_en, report_json};

pub(crate) fn convert(input: &Path, output: &Path) {
    planfin()
        .arg("convert")
        .arg(input)
        .arg(output)
        .assert()
        .success()
        .stdout("");
}

#[test]
fn xlsx_to_json_to_xlsx_to_json_is_identical_for_the_cnltp_plan_and_ledger() -> TestResult {
    let dir = tempfile::tempdir()?;
    for kind in ["plan", "ledger"] {
        let first = dir.path().join(format!("{kind}1.json"));
        let again = dir.path().join(format!("{kind}2.xlsx"));
        let second = dir.path().join(format!("{kind}2.json"));
        convert(&fixture(&format!("xlsx/cnltp_{kind}.xlsx")), &first);
        convert(&first, &again);
        convert(&again, &second);
        let (a, b) = (
            std::fs::read_to_string(&first)?,
            std::fs::read_to_string(&second)?,
        );
        assert_eq!(a, b, "{kind}");

        // And the workbook holds what the hand-written JSON fixture holds.
        let original = std::fs::read_to_string(fixture(&format!("cnltp/{kind}.json")))?;
        if kind == "plan" {
            assert_eq!(plan_from_json(&a, "a")?, plan_from_json(&original, "o")?);
        } else {
            assert_eq!(
                ledger_from_json(&a, "a")?.to_expenditures(),
                ledger_from_json(&original, "o")?.to_expenditures()
            );
        }
        // The xls and ods copies convert to the same JSON.
        for ext in ["xls", "ods"] {
            let out = dir.path().join(format!("{kind}-{ext}.json"));
            convert(&fixture(&format!("xlsx/cnltp_{kind}.{ext}")), &out);
            assert_eq!(std::fs::read_to_string(&out)?, a, "{kind}.{ext}");
        }
    }
    Ok(())
}

/// A plan with a field of every kind: a rate table, quarters, unit costing, amendments of
/// every shape with their source, reason and approver, texts in French and English with one of
/// the two empty, a line with no planned amount, amounts beyond an f64 (26-28 digits, with
/// cents) and from 10^15 up. Amounts in their shortest form, as planfin writes them.
pub(crate) const FULL_PLAN: &str = r#"{
  "code": "PAO-2019",
  "title": {"fr": "Plan d'action opérationnel — Côte d'Ivoire", "en": ""},
  "organisation": "Comité national de lutte contre le tabac",
  "currency": "EUR",
  "start": "2019-01-01",
  "end": "2019-12-31",
  "ceiling": "1234567890123456789012345.67",
  "objectives": [
    {"code": "OS1", "title": {"fr": "", "en": "Advocacy and awareness"}},
    {"code": "OS2", "title": {"fr": "Santé publique", "en": "Public health"}}
  ],
  "sources": [
    {"code": "ETAT", "name": {"fr": "Budget de l'État", "en": ""}, "kind": "state_budget"},
    {"code": "OMS", "name": {"fr": "", "en": "World Health Organization"}, "kind": "donor"},
    {"code": "DIV", "name": {"fr": "Divers", "en": "Miscellaneous"}, "kind": "other"}
  ],
  "lines": [
    {"code": "0201", "objective": "OS1", "label": {"fr": "Atelier à Abidjan", "en": ""},
     "source": "ETAT",
     "amounts": [
       {"period": "2019-Q3", "amount": "12345678901234567890123.45"},
       {"period": "2019-Q1", "amount": "100.5"},
       {"period": 2020, "amount": "1000000000000000"}
     ],
     "costing": {"unit": "atelier", "quantity": "2.5", "unit_cost": "4938271560493827156049.78"}},
    {"code": "0302", "objective": "OS2", "label": {"fr": "", "en": "Survey"}, "source": "OMS",
     "amounts": [{"period": "2019", "amount": "9876543210987654321098765.43"}]},
    {"code": "0400", "objective": "OS2", "label": {"fr": "Sans montant", "en": "No amount"},
     "source": "DIV", "amounts": [],
     "costing": {"unit": "jour", "quantity": "3", "unit_cost": "0.25"}}
  ],
  "amendments": [
    {"reference": "V-2019-01", "date": "2019-03-01", "from": "0201", "to": "0302",
     "amount": "1234567890123456789.01", "reason": "Réaffectation", "approved_by": "Ministre"},
    {"reference": "R-2019-02", "date": "2019-04-01", "to": "0201", "amount": "500.25",
     "source": "OMS", "reason": "Don complémentaire", "approved_by": ""},
    {"reference": "C-2019-03", "date": "2019-05-01", "from": "0302", "amount": "7.5",
     "source": "ETAT", "reason": "", "approved_by": "DAF"}
  ],
  "rates": [
    {"date": "2019-01-01", "from": "USD", "to": "EUR", "rate": "0.8734"},
    {"date": "2019-07-01", "from": "USD", "to": "EUR", "rate": "0.8912345678"},
    {"date": "2019-01-01", "from": "GBP", "to": "EUR", "rate": "1.1234"}
  ]
}"#;

/// A ledger with every field of an expenditure, several currencies and stages, and amounts of
/// 29 digits and from 10^15 up.
pub(crate) const FULL_LEDGER: &str = r#"{"expenditures": [
  {"voucher": "PC-0001", "date": "2019-02-03", "line": "0201",
   "amount": "79228162514264337593543950335", "currency": "XOF", "stage": "engagement",
   "payee": "Hôtel Ivoire", "description": "Location de salle — atelier", "document": "FAC-12"},
  {"voucher": "PC-0002", "date": "2019-02-04", "line": "0201",
   "amount": "-1234567890123456789012345.67", "currency": "EUR", "stage": "liquidation"},
  {"voucher": "0003", "date": "1900-01-15", "line": "0302", "amount": "100.25",
   "currency": "USD", "rate": "612.1234567891", "stage": "ordonnancement",
   "payee": "=HYPERLINK(\"x\")", "description": "Per diem"},
  {"voucher": "PC-0004", "date": "2019-08-04", "line": "0302", "amount": "12.345",
   "currency": "TND", "rate": "0.3", "stage": "paiement", "payee": "Ali"},
  {"voucher": "PC-0005", "date": "2019-08-05", "line": "0302", "amount": "1000000000000000",
   "currency": "XOF"}
]}"#;

#[test]
fn json_to_xlsx_to_json_keeps_every_field_of_a_plan_and_a_ledger() -> TestResult {
    let dir = tempfile::tempdir()?;
    for (kind, json) in [("plan", FULL_PLAN), ("ledger", FULL_LEDGER)] {
        // What planfin writes for the document: the same fields, the same bytes.
        let expected = if kind == "plan" {
            plan_to_json(&plan_from_json(json, "in")?)
        } else {
            ledger_to_json(&ledger_from_json(json, "in")?)
        };
        let input = dir.path().join(format!("{kind}.json"));
        std::fs::write(&input, json)?;
        let (xlsx, back) = (
            dir.path().join(format!("{kind}.xlsx")),
            dir.path().join(format!("{kind}-back.json")),
        );
        convert(&input, &xlsx);
        convert(&xlsx, &back);
        assert_eq!(std::fs::read_to_string(&back)?, expected, "{kind}");
        // xlsx -> JSON -> xlsx -> JSON too.
        let (xlsx2, back2) = (
            dir.path().join(format!("{kind}2.xlsx")),
            dir.path().join(format!("{kind}2.json")),
        );
        convert(&back, &xlsx2);
        convert(&xlsx2, &back2);
        assert_eq!(std::fs::read_to_string(&back2)?, expected, "{kind}");
    }
    let plan = plan_from_json(
        &std::fs::read_to_string(dir.path().join("plan-back.json"))?,
        "p",
    )?;
    assert_eq!(plan.rates.len(), 3);
    assert_eq!(plan.lines.len(), 3);
    assert_eq!(
        xl::sheet_names(&dir.path().join("plan.xlsx"))?,
        [
            "Plan",
            "Objectifs",
            "Sources",
            "Lignes",
            "Amendements",
            "Taux de change"
        ]
    );
    Ok(())
}

#[test]
fn convert_refuses_what_it_cannot_write() {
    let plan = fixture("cnltp/plan.json");
    for (out, says) in [
        ("plan.ods", "not .ods"),
        (
            "plan.txt",
            "FILE.json, FILE.xlsx, FILE.parquet or FILE.arrow",
        ),
    ] {
        planfin_en()
            .arg("convert")
            .arg(&plan)
            .arg(out)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
    planfin_en()
        .arg("convert")
        .arg(&plan)
        .arg(&plan)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("would overwrite the input"));
    planfin_en()
        .args(["convert", "no/such.xlsx", "out.json"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no/such.xlsx"));
}

/// Each sheet's name and headers.
type Headers = Vec<(String, Vec<String>)>;

/// The header row of each sheet of the template at `path`.
fn headers(path: &Path) -> Result<Headers, Box<dyn std::error::Error>> {
    let mut sheets = Vec::new();
    for name in xl::sheet_names(path)? {
        let sheet = xl::sheet(path, &name)?;
        let width = sheet.values.end().map_or(0, |(_, c)| c + 1);
        let row: Vec<String> = (0..width).map(|c| sheet.text(0, c)).collect();
        // The Plan sheet is key / value: its keys are down column A.
        let height = sheet.values.end().map_or(0, |(r, _)| r + 1);
        let keys: Vec<String> = (0..height).map(|r| sheet.text(r, 0)).collect();
        sheets.push((name, if row.len() == 1 { keys } else { row }));
    }
    Ok(sheets)
}

/// A value to type in a cell.
#[derive(Clone)]
enum V {
    T(&'static str),
    N(f64),
    D(&'static str),
}

/// One row to type: header -> value.
type Row = HashMap<String, V>;

fn row(cells: Vec<(&str, V)>) -> Row {
    cells.into_iter().map(|(h, v)| (h.to_string(), v)).collect()
}

/// Fills a copy of the template at `template` with `rows` (per sheet: header -> value), keeping
/// its sheet names and headers, as a finance officer would in Excel.
fn fill(template: &Path, out: &Path, rows: &HashMap<String, Vec<Row>>) -> TestResult {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, heads) in headers(template)? {
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        let data = rows.get(&name);
        let key_value = name == "Plan";
        for (i, h) in heads.iter().enumerate() {
            let (r, c) = if key_value {
                (i as u32, 0)
            } else {
                (0, i as u16)
            };
            ws.write_string(r, c, h)?;
            for (n, row) in data.into_iter().flatten().enumerate() {
                let (r, c) = if key_value {
                    (i as u32, 1 + n as u16)
                } else {
                    (1 + n as u32, i as u16)
                };
                match row.get(h) {
                    Some(V::T(t)) => {
                        ws.write_string(r, c, *t)?;
                    }
                    Some(V::N(x)) => {
                        ws.write_number(r, c, *x)?;
                    }
                    Some(V::D(d)) => {
                        ws.write_datetime_with_format(
                            r,
                            c,
                            ExcelDateTime::parse_from_str(d)?,
                            &date,
                        )?;
                    }
                    None => {}
                }
            }
        }
    }
    wb.save(out)?;
    Ok(())
}

#[test]
fn a_filled_template_imports_and_reports() -> TestResult {
    use V::{D, N, T};
    let dir = tempfile::tempdir()?;
    let plan_template = dir.path().join("plan-template.xlsx");
    let ledger_template = dir.path().join("ledger-template.xlsx");
    planfin()
        .arg("template")
        .arg("--out")
        .arg(&plan_template)
        .assert()
        .success();
    planfin()
        .args(["template", "--kind", "ledger", "--out"])
        .arg(&ledger_template)
        .assert()
        .success();
    assert_eq!(
        xl::sheet_names(&plan_template)?,
        ["Plan", "Objectifs", "Sources", "Lignes", "Amendements"]
    );

    let mut plan = HashMap::new();
    plan.insert(
        "Plan".to_string(),
        vec![row(vec![
            ("Code", T("TPL-2019")),
            ("Titre", T("Plan rempli")),
            ("Titre EN", T("Filled plan")),
            ("Organisation", T("Organisation d'essai")),
            ("Devise", T("XOF")),
            ("Début", D("2019-01-01")),
            ("Fin", D("2019-12-31")),
            ("Plafond", N(1_000_000.0)),
        ])],
    );
    plan.insert(
        "Objectifs".to_string(),
        vec![row(vec![
            ("Code", T("OS1")),
            ("Intitulé", T("Former")),
            ("Intitulé EN", T("Train")),
        ])],
    );
    plan.insert(
        "Sources".to_string(),
        vec![row(vec![
            ("Code", T("ETAT")),
            ("Nom", T("Budget de l'Etat")),
            ("Nom EN", T("State budget")),
            ("Type", T("Etat")),
        ])],
    );
    let line = |code, label, amount| {
        row(vec![
            ("Code", T(code)),
            ("Objectif", T("OS1")),
            ("Libellé", T(label)),
            ("Source", T("ETAT")),
            ("Année", N(2019.0)),
            ("Montant", N(amount)),
        ])
    };
    plan.insert(
        "Lignes".to_string(),
        vec![
            line("0101", "Ateliers", 600_000.0),
            line("0102", "Missions", 400_000.0),
        ],
    );
    let filled_plan = dir.path().join("plan.xlsx");
    fill(&plan_template, &filled_plan, &plan)?;

    let ledger_sheet = xl::sheet_names(&ledger_template)?
        .first()
        .cloned()
        .ok_or("no sheet")?;
    let heads = headers(&ledger_template)?
        .into_iter()
        .find(|(n, _)| *n == ledger_sheet)
        .map(|(_, h)| h)
        .ok_or("no ledger sheet")?;
    // The ledger's French headers, whatever their exact spelling, by position.
    let entry = |date, voucher, line, amount, stage| {
        row(vec![
            (heads[0].as_str(), D(date)),
            (heads[1].as_str(), T(voucher)),
            (heads[2].as_str(), T(line)),
            (heads[3].as_str(), N(amount)),
            (heads[4].as_str(), T("XOF")),
            (heads[6].as_str(), T(stage)),
        ])
    };
    let mut ledger = HashMap::new();
    ledger.insert(
        ledger_sheet,
        vec![
            entry("2019-03-01", "V1", "0101", 250_000.0, "paiement"),
            entry("2019-04-01", "V2", "0102", 100_000.0, "engagement"),
            entry("2019-05-01", "V3", "0102", 50_000.0, "paiement"),
        ],
    );
    let filled_ledger = dir.path().join("ledger.xlsx");
    fill(&ledger_template, &filled_ledger, &ledger)?;

    let plan_s = filled_plan.to_string_lossy().into_owned();
    let ledger_s = filled_ledger.to_string_lossy().into_owned();
    planfin()
        .args(["validate", &plan_s, &ledger_s])
        .assert()
        .success()
        // V2, engaged on 1 April and never paid, is open more than 90 days at the end of 2019.
        .stdout(predicates::str::contains(
            "(pièce V2)\u{a0}: avertissement [stale_commitment]",
        ))
        .stdout(predicates::str::ends_with(
            "2 fichiers\u{a0}: 0 erreur, 1 avertissement, 0 refusé\n",
        ));
    let json: Value = report_json(&["--plan", &plan_s, "--ledger", &ledger_s])?;
    let totals = &json["totals"];
    // By hand: 600,000 + 400,000 planned; 250,000 + 50,000 paid; 100,000 committed.
    assert_eq!(dec(&totals["initial"])?, 1_000_000.into());
    assert_eq!(dec(&totals["paid"])?, 300_000.into());
    assert_eq!(dec(&totals["committed"])?, 100_000.into());
    assert_eq!(dec(&totals["available"])?, 600_000.into());
    Ok(())
}

#[test]
fn template_wants_an_xlsx_name() {
    planfin_en()
        .args(["template", "--out", "plan.ods"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("FILE.xlsx"));
    planfin_en().args(["template"]).assert().code(2);
}
