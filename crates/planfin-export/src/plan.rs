//! The plan workbook, in the layout `planfin_xlsx::read_plan` reads: sheets `Plan` (key / value
//! rows), `Objectifs`, `Sources`, `Lignes` (long layout: one row per line and period),
//! `Amendements` and `Taux de change`; French headers by default, English ones on request.

use std::path::Path;

use planfin_core::plan::{Lang, PeriodAmount, Plan};
use rust_xlsxwriter::{Format, RowNum, Workbook};

use crate::cell::ExportFinding;
use crate::exact::{date, exact_amount, exact_ratio, non_empty};
use crate::layout::{
    AMENDMENTS_SHEET, LINES_SHEET, OBJECTIVES_SHEET, PLAN_SHEET, RATES_SHEET, SOURCES_SHEET,
    autofilter, source_kind_word, table_sheet,
};
use crate::report::{ExportSummary, write_workbook};
use crate::sheet::{Formats, fits, text, xl};
use crate::{ExportError, ExportOptions};

/// Writes `plan` as a workbook `planfin_xlsx::read_plan` reads back to the same plan: sheets
/// `Plan` (one key / value row per field), `Objectifs`, `Sources`, `Lignes` (one row per
/// line and fiscal period: `2019` or `2019-Q3`; the costing on the line's first row; a line
/// with no planned amount gets one row with Année and Montant blank), `Amendements` and
/// `Taux de change` (the plan's rate table: Date, De, Vers, Taux), headers in `lang` (English
/// sheet names `Objectives`, `Lines`, `Amendments`, `Exchange rates`). Codes are text (`0201`
/// keeps its zero), amounts numbers in the plan currency's format (or exact text when an
/// `f64` cannot hold them or they reach 10^15, see [`crate::exact::exact_amount`]), dates Excel dates.
///
/// ```
/// use planfin_core::{cnltp, plan::Lang};
/// use planfin_export::write_plan;
/// use planfin_xlsx::{read_plan, ImportOptions};
/// let plan = cnltp::plan();
/// let dir = tempfile::tempdir()?;
/// let out = dir.path().join("plan.xlsx");
/// write_plan(&plan, Lang::Fr, &out)?;
/// assert_eq!(read_plan(&out, &ImportOptions::default())?.value, plan);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_plan(plan: &Plan, lang: Lang, path: &Path) -> Result<ExportSummary, ExportError> {
    write_plan_with(plan, lang, &ExportOptions::default(), path)
}

/// [`write_plan`], refusing an output that is one of `options`' inputs (for a conversion
/// whose output could be its input).
///
/// ```
/// use planfin_core::{cnltp, plan::Lang};
/// use planfin_export::{write_plan_with, ExportOptions, Provenance};
/// let dir = tempfile::tempdir()?;
/// let input = dir.path().join("plan.json");
/// std::fs::write(&input, "{}")?;
/// let options = ExportOptions { provenance: Provenance::of_files([&input])? };
/// assert!(write_plan_with(&cnltp::plan(), Lang::Fr, &options, &input).is_err());
/// write_plan_with(&cnltp::plan(), Lang::Fr, &options, &dir.path().join("plan.xlsx"))?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_plan_with(
    plan: &Plan,
    lang: Lang,
    options: &ExportOptions,
    path: &Path,
) -> Result<ExportSummary, ExportError> {
    write_workbook(options, path, |wb, findings| {
        let formats = Formats::new(plan.currency.minor_unit());
        let book = &mut PlanBook {
            wb,
            plan,
            lang,
            formats: &formats,
            findings,
        };
        Ok(vec![
            plan_sheet(book)?,
            objectives_sheet(book)?,
            sources_sheet(book)?,
            lines_sheet(book)?,
            amendments_sheet(book)?,
            rates_sheet(book)?,
        ])
    })
}

/// What each sheet writer of a plan workbook needs.
struct PlanBook<'a> {
    wb: &'a mut Workbook,
    plan: &'a Plan,
    lang: Lang,
    formats: &'a Formats,
    findings: &'a mut Vec<ExportFinding>,
}

/// The `Plan` sheet: one key / value row per field. Returns the sheet's name.
fn plan_sheet(book: &mut PlanBook<'_>) -> Result<String, ExportError> {
    let PlanBook {
        wb,
        plan,
        lang,
        formats,
        findings,
    } = book;
    let sheet = PLAN_SHEET.name(*lang);
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(xl(|| sheet.to_string()))?;
    let key = |i: usize| PLAN_SHEET.header(i, *lang);
    let values: [&str; 5] = [
        &plan.code,
        &plan.title.fr,
        &plan.title.en,
        &plan.organisation,
        plan.currency.code(),
    ];
    for (i, v) in values.iter().enumerate() {
        text(ws, sheet, i as RowNum, 0, key(i), Some(&formats.bold))?;
        non_empty(ws, sheet, i as RowNum, 1, v)?;
    }
    text(ws, sheet, 5, 0, key(5), Some(&formats.bold))?;
    date(ws, sheet, 5, 1, plan.start, &formats.date)?;
    text(ws, sheet, 6, 0, key(6), Some(&formats.bold))?;
    date(ws, sheet, 6, 1, plan.end, &formats.date)?;
    text(ws, sheet, 7, 0, key(7), Some(&formats.bold))?;
    exact_amount(ws, sheet, 7, 1, plan.ceiling, &formats.amount, findings)?;
    ws.set_column_width(0, 16)
        .map_err(xl(|| sheet.to_string()))?;
    ws.set_column_width(1, 60)
        .map_err(xl(|| sheet.to_string()))?;
    Ok(sheet.to_string())
}

/// The objectives.
fn objectives_sheet(book: &mut PlanBook<'_>) -> Result<String, ExportError> {
    let (ws, sheet) = table_sheet(book.wb, &OBJECTIVES_SHEET, book.lang, book.formats)?;
    for (i, o) in book.plan.objectives.iter().enumerate() {
        let r = i as RowNum + 1;
        text(ws, sheet, r, 0, &o.code, None)?;
        non_empty(ws, sheet, r, 1, &o.title.fr)?;
        non_empty(ws, sheet, r, 2, &o.title.en)?;
    }
    Ok(sheet.to_string())
}

/// The funding sources.
fn sources_sheet(book: &mut PlanBook<'_>) -> Result<String, ExportError> {
    let (ws, sheet) = table_sheet(book.wb, &SOURCES_SHEET, book.lang, book.formats)?;
    for (i, s) in book.plan.sources.iter().enumerate() {
        let r = i as RowNum + 1;
        text(ws, sheet, r, 0, &s.code, None)?;
        non_empty(ws, sheet, r, 1, &s.name.fr)?;
        non_empty(ws, sheet, r, 2, &s.name.en)?;
        text(ws, sheet, r, 3, source_kind_word(s.kind, book.lang), None)?;
    }
    Ok(sheet.to_string())
}

/// The lines: one row per line and period (one row for a line with no period).
fn lines_sheet(book: &mut PlanBook<'_>) -> Result<String, ExportError> {
    let PlanBook {
        wb,
        plan,
        lang,
        formats,
        findings,
    } = book;
    let rows: usize = plan.lines.iter().map(|l| l.amounts.len().max(1)).sum();
    fits(LINES_SHEET.name(*lang), rows + 1)?;
    let (ws, sheet) = table_sheet(wb, &LINES_SHEET, *lang, formats)?;
    let quantity = Format::new().set_num_format("#,##0.####");
    let mut r: RowNum = 1;
    for line in &plan.lines {
        let periods: Vec<Option<&PeriodAmount>> = if line.amounts.is_empty() {
            vec![None]
        } else {
            line.amounts.iter().map(Some).collect()
        };
        for (k, pa) in periods.into_iter().enumerate() {
            text(ws, sheet, r, 0, &line.code, None)?;
            text(ws, sheet, r, 1, &line.objective, None)?;
            non_empty(ws, sheet, r, 2, &line.label.fr)?;
            non_empty(ws, sheet, r, 3, &line.label.en)?;
            text(ws, sheet, r, 4, &line.source, None)?;
            if let Some(pa) = pa {
                text(ws, sheet, r, 5, &pa.period.to_string(), None)?;
                exact_amount(ws, sheet, r, 6, pa.amount, &formats.amount, findings)?;
            }
            if let (0, Some(c)) = (k, &line.costing) {
                non_empty(ws, sheet, r, 7, &c.unit)?;
                exact_ratio(ws, sheet, r, 8, c.quantity, &quantity, findings)?;
                exact_amount(ws, sheet, r, 9, c.unit_cost, &formats.amount, findings)?;
            }
            r += 1;
        }
    }
    autofilter(ws, sheet, r - 1, LINES_SHEET.columns.len())?;
    Ok(sheet.to_string())
}

/// The amendments.
fn amendments_sheet(book: &mut PlanBook<'_>) -> Result<String, ExportError> {
    let PlanBook {
        wb,
        plan,
        lang,
        formats,
        findings,
    } = book;
    let (ws, sheet) = table_sheet(wb, &AMENDMENTS_SHEET, *lang, formats)?;
    for (i, a) in plan.amendments.iter().enumerate() {
        let r = i as RowNum + 1;
        date(ws, sheet, r, 0, a.date, &formats.date)?;
        text(ws, sheet, r, 1, &a.reference, None)?;
        if let Some(from) = &a.from {
            text(ws, sheet, r, 2, from, None)?;
        }
        if let Some(to) = &a.to {
            text(ws, sheet, r, 3, to, None)?;
        }
        exact_amount(ws, sheet, r, 4, a.amount, &formats.amount, findings)?;
        if let Some(s) = &a.source {
            text(ws, sheet, r, 5, s, None)?;
        }
        non_empty(ws, sheet, r, 6, &a.reason)?;
        non_empty(ws, sheet, r, 7, &a.approved_by)?;
    }
    Ok(sheet.to_string())
}

/// The exchange rates.
fn rates_sheet(book: &mut PlanBook<'_>) -> Result<String, ExportError> {
    let PlanBook {
        wb,
        plan,
        lang,
        formats,
        findings,
    } = book;
    fits(RATES_SHEET.name(*lang), plan.rates.len() + 1)?;
    let (ws, sheet) = table_sheet(wb, &RATES_SHEET, *lang, formats)?;
    let rate_format = Format::new().set_num_format("0.##########");
    for (i, rate) in plan.rates.iter().enumerate() {
        let r = i as RowNum + 1;
        date(ws, sheet, r, 0, rate.date, &formats.date)?;
        text(ws, sheet, r, 1, rate.from.code(), None)?;
        text(ws, sheet, r, 2, rate.to.code(), None)?;
        exact_ratio(ws, sheet, r, 3, rate.rate, &rate_format, findings)?;
    }
    Ok(sheet.to_string())
}
