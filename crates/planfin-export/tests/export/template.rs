//! Templates filled in by another program (openpyxl) import cleanly.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use planfin_core::currency::Currency;
use planfin_core::expenditure::Stage;
use planfin_core::plan::{FiscalPeriod, Lang, SourceKind};
use planfin_core::validation::validate_plan;
use planfin_export::{TemplateKind, write_template};
use planfin_xlsx::{Document, ImportOptions, read_document, read_ledger, read_plan};
use rust_decimal::Decimal;

use crate::common::skip;

/// Fills `template` with the script; `false` when Python or openpyxl is missing.
fn fill(kind: &str, template: &Path, out: &Path) -> bool {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export/fill_template.py");
    match Command::new("python3")
        .arg(script)
        .args([kind])
        .arg(template)
        .arg(out)
        .output()
    {
        Ok(o) if o.status.code() == Some(77) => {
            skip("openpyxl not installed");
            false
        }
        Ok(o) => {
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            true
        }
        Err(e) => {
            skip(&format!("python3 not found ({e})"));
            false
        }
    }
}

#[test]
fn a_filled_plan_template_imports_cleanly() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let template = dir.path().join("plan_template.xlsx");
    let filled = dir.path().join("plan.xlsx");
    write_template(TemplateKind::Plan, Lang::Fr, &template).unwrap_or_else(|e| panic!("{e}"));
    // The empty template is a valid (empty) layout: it names what is missing, not a crash.
    assert!(read_plan(&template, &ImportOptions::default()).is_err());
    if !fill("plan", &template, &filled) {
        return;
    }
    let imported = read_plan(&filled, &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let plan = imported.value;
    assert_eq!(plan.code, "T-2018");
    assert_eq!(plan.currency, Currency::XOF);
    assert_eq!(
        plan.start,
        NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default()
    );
    assert_eq!(plan.ceiling, Decimal::from(10_000_000));
    assert_eq!(plan.objectives.len(), 2);
    assert_eq!(plan.sources[1].kind, SourceKind::Donor);
    let codes: Vec<&str> = plan.lines.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["0101", "0201", "0202"]);
    assert_eq!(plan.lines[1].amounts.len(), 2);
    assert_eq!(
        plan.lines[2].amounts[0].period,
        FiscalPeriod::quarter(2019, 2)
    );
    assert!(plan.lines[0].costing.is_some());
    assert_eq!(plan.amendments[0].amount, Decimal::from(500_000));
    // 2,000,000 + 3,000,000 + 4,000,000 + 1,000,000 = the 10,000,000 ceiling: no finding.
    assert!(
        validate_plan(&plan).is_empty(),
        "{:?}",
        validate_plan(&plan)
    );
}

#[test]
fn a_filled_ledger_template_imports_cleanly() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let template = dir.path().join("ledger_template.xlsx");
    let filled = dir.path().join("ledger.xlsx");
    write_template(TemplateKind::Ledger, Lang::Fr, &template).unwrap_or_else(|e| panic!("{e}"));
    if !fill("ledger", &template, &filled) {
        return;
    }
    let ledger = read_ledger(&filled, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .value;
    assert_eq!(ledger.len(), 3);
    // The CLI's convert and validate tell plans from ledgers by their sheets.
    let document = read_document(&filled, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .value;
    assert!(matches!(document, Document::Ledger(_)));
    let e = &ledger.to_expenditures()[1];
    assert_eq!((e.currency, e.stage), (Currency::EUR, Stage::Engagement));
    assert_eq!(e.payee, "+33 6 12");
    assert_eq!(ledger.to_expenditures()[0].description, "=atelier");
    assert_eq!(ledger.to_expenditures()[2].amount, Decimal::from(-50_000));
}

/// The commitment column of a ledger template warns, as openpyxl reads the workbook, when a
/// liquidation or a payment names a commitment that the journal's voucher column lacks: a
/// custom rule on column K (N° engagement) against column B (N° pièce), as a warning the
/// user may pass (the commitment may be in another month's journal).
#[test]
fn the_commitment_column_is_checked_against_the_vouchers() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let template = dir.path().join("ledger_template.xlsx");
    write_template(TemplateKind::Ledger, Lang::Fr, &template).unwrap_or_else(|e| panic!("{e}"));
    let script = "import sys, openpyxl\n\
        ws = openpyxl.load_workbook(sys.argv[1])['Depenses']\n\
        for dv in ws.data_validations.dataValidation:\n\
        \x20   if str(dv.sqref).startswith('K'):\n\
        \x20       print(dv.type, dv.errorStyle, dv.sqref, dv.formula1, sep='|')\n\
        \x20       print(dv.prompt)\n";
    let out = match Command::new("python3")
        .args(["-c", script])
        .arg(&template)
        .output()
    {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => return skip(&format!("openpyxl: {}", String::from_utf8_lossy(&o.stderr))),
        Err(e) => return skip(&format!("python3 not found ({e})")),
    };
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("custom|warning|K2:K5001|OR(ISBLANK(K2),COUNTIF($B$2:$B$5001,K2)>0)"),
        "{out}"
    );
    let prompt = lines.next().unwrap_or_default();
    assert!(prompt.starts_with("Pour une liquidation, un mandat ou un paiement\u{a0}: le N° de pièce de son engagement. Excel prévient"), "{prompt}");
}
