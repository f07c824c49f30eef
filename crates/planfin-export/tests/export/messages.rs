//! What a person reads in a workbook and in an export error follows the language: the
//! findings sheet of a French workbook is French, of an English one English.

use calamine::Data;
use planfin_core::cnltp;
use planfin_core::plan::Lang;
use planfin_core::report::{ReportError, ReportOptions, variance};
use planfin_export::{ExportError, ExportOptions, write_variance_report};
use planfin_messages::format_amount;
use rust_decimal::Decimal;

use crate::common::Back;

/// Writes the variance workbook in `lang` of a plan whose ceiling is off by one franc (a core
/// finding, `ceiling_mismatch`) and whose first line has a 16-digit amount (export findings,
/// `amount_as_text`). Returns the workbook read back and the initial budget of OS1.
fn workbook(lang: Lang, dir: &std::path::Path) -> (Back, Decimal) {
    let mut plan = cnltp::plan();
    let big: Decimal = "1234567890123457".parse().unwrap_or_default();
    plan.lines[0].amounts[0].amount += big;
    plan.lines[0].costing = None;
    plan.ceiling += big + Decimal::ONE;
    let options = ReportOptions {
        lang,
        ..ReportOptions::default()
    };
    let report = variance(&plan, &cnltp::ledger(), &options).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.join(format!("variance-{lang}.xlsx"));
    let summary = write_variance_report(
        std::slice::from_ref(&report),
        &ExportOptions::default(),
        &out,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!summary.findings.is_empty());
    (Back::open(&out), report.rows[0].amounts.initial)
}

fn text(back: &Back, sheet: &str, row: u32, col: u32) -> String {
    match back.value(sheet, row, col) {
        Data::String(s) => s,
        other => panic!("{sheet} row {row} col {col}: {other:?}"),
    }
}

#[test]
fn the_findings_sheet_of_a_french_workbook_is_french() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (back, initial) = workbook(Lang::Fr, dir.path());
    let sheet = "Constats";
    let row = back.row_of(sheet, "ceiling_mismatch");
    assert_eq!(text(&back, sheet, row, 1), "avertissement");
    assert!(
        text(&back, sheet, row, 3).starts_with("les lignes"),
        "{}",
        text(&back, sheet, row, 3)
    );
    let row = back.row_of(sheet, "amount_as_text");
    assert_eq!(text(&back, sheet, row, 1), "avertissement");
    assert_eq!(text(&back, sheet, row, 2), "Synthèse!C4");
    assert_eq!(
        text(&back, sheet, row, 3),
        format!(
            "{} a plus de 15 chiffres significatifs\u{a0}: un nombre Excel l'arrondirait, il est \
             donc écrit en texte (exact) et laissé hors des formules",
            format_amount(initial, Lang::Fr)
        )
    );
    assert!(format_amount(initial, Lang::Fr).contains('\u{202f}'));
}

#[test]
fn the_findings_sheet_of_an_english_workbook_is_english() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (back, initial) = workbook(Lang::En, dir.path());
    let sheet = "Findings";
    let row = back.row_of(sheet, "ceiling_mismatch");
    assert_eq!(text(&back, sheet, row, 1), "warning");
    assert!(
        text(&back, sheet, row, 3).starts_with("the lines add up to"),
        "{}",
        text(&back, sheet, row, 3)
    );
    let row = back.row_of(sheet, "amount_as_text");
    assert_eq!(text(&back, sheet, row, 1), "warning");
    assert_eq!(text(&back, sheet, row, 2), "Summary!C4");
    assert_eq!(
        text(&back, sheet, row, 3),
        format!(
            "{} has more than 15 significant digits: an Excel number would round it, so it is \
             written as text (exact) and left out of formulas",
            format_amount(initial, Lang::En)
        )
    );
}

#[test]
fn an_export_error_speaks_french_or_english() {
    let e = ExportError::OutputIsInput {
        path: "rapport.xlsx".into(),
        input: "plan.xlsx".into(),
    };
    assert_eq!(
        e.render(Lang::Fr),
        "planfin refuse d'écrire rapport.xlsx\u{a0}: c'est le fichier d'entrée plan.xlsx\u{202f}; \
         choisissez un autre nom de fichier de sortie"
    );
    assert_eq!(
        e.render(Lang::En),
        "refusing to write rapport.xlsx: it is the input file plan.xlsx; choose another output \
         file name"
    );
    assert_eq!(e.to_string(), e.render(Lang::En));
}

#[test]
fn a_report_error_in_an_export_error_follows_the_language() {
    let mut plan = cnltp::plan();
    plan.lines[0].objective = "OS9".into();
    let Err(source @ ReportError::Blocked(_)) =
        variance(&plan, &cnltp::ledger(), &ReportOptions::default())
    else {
        panic!("a line of an unknown objective blocks the report");
    };
    let e = ExportError::Report {
        path: "r.xlsx".into(),
        source: source.clone(),
    };
    let fr = e.render(Lang::Fr);
    assert!(
        fr.starts_with("impossible de calculer le rapport de r.xlsx\u{a0}: 1 constat bloquant"),
        "{fr}"
    );
    assert!(fr.ends_with(&source.render(Lang::Fr)), "{fr}");
    let en = e.render(Lang::En);
    assert!(
        en.starts_with("cannot compute the report for r.xlsx: 1 blocking finding; first: "),
        "{en}"
    );
    assert!(en.ends_with(&source.render(Lang::En)), "{en}");
}
