//! The plan workbook, in the layout [`crate::read_plan`] reads: sheets `Plan` (key / value
//! rows), `Objectifs`, `Sources`, `Lignes` (long layout: one row per line and period),
//! `Amendements` and `Taux de change`; French headers by default, English ones on request.

use std::path::Path;

use planfin_core::plan::{Lang, PeriodAmount, Plan, SourceKind};
use rust_decimal::Decimal;
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet};

use super::cell::{AmountCell, ExportFinding, a1};
use super::ledger::{date, non_empty};
use super::report::{ExportSummary, write_workbook};
use super::sheet::{Formats, amount, fits, ratio_number, text, xl};
use super::{ExportError, ExportOptions};

/// A sheet of the plan workbook: French and English names, and its columns as
/// `(French header, English header, width)`.
pub(crate) struct Layout {
    pub(crate) fr: &'static str,
    pub(crate) en: &'static str,
    pub(crate) columns: &'static [(&'static str, &'static str, f64)],
}

impl Layout {
    pub(crate) fn name(&self, lang: Lang) -> &'static str {
        pick(lang, self.fr, self.en)
    }
}

pub(crate) fn pick(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The key / value rows of the `Plan` sheet.
pub(crate) const PLAN_SHEET: Layout = Layout {
    fr: "Plan",
    en: "Plan",
    columns: &[
        ("Code", "Code", 16.0),
        ("Titre", "Title", 60.0),
        ("Titre EN", "Title EN", 0.0),
        ("Organisation", "Organisation", 0.0),
        ("Devise", "Currency", 0.0),
        ("Début", "Start", 0.0),
        ("Fin", "End", 0.0),
        ("Plafond", "Ceiling", 0.0),
    ],
};
/// The objectives.
pub(crate) const OBJECTIVES_SHEET: Layout = Layout {
    fr: "Objectifs",
    en: "Objectives",
    columns: &[
        ("Code", "Code", 10.0),
        ("Intitulé", "Title", 60.0),
        ("Intitulé EN", "Title EN", 60.0),
    ],
};
/// The funding sources.
pub(crate) const SOURCES_SHEET: Layout = Layout {
    fr: "Sources",
    en: "Sources",
    columns: &[
        ("Code", "Code", 10.0),
        ("Nom", "Name", 50.0),
        ("Nom EN", "Name EN", 50.0),
        ("Type", "Kind", 16.0),
    ],
};
/// The budget lines, long layout.
pub(crate) const LINES_SHEET: Layout = Layout {
    fr: "Lignes",
    en: "Lines",
    columns: &[
        ("Code", "Code", 10.0),
        ("Objectif", "Objective", 10.0),
        ("Libellé", "Label", 50.0),
        ("Libellé EN", "Label EN", 50.0),
        ("Source", "Source", 10.0),
        ("Année", "Year", 10.0),
        ("Montant", "Amount", 16.0),
        ("Unité", "Unit", 12.0),
        ("Quantité", "Quantity", 10.0),
        ("Coût unitaire", "Unit cost", 14.0),
    ],
};
/// The amendments.
pub(crate) const AMENDMENTS_SHEET: Layout = Layout {
    fr: "Amendements",
    en: "Amendments",
    columns: &[
        ("Date", "Date", 11.0),
        ("Référence", "Reference", 16.0),
        ("De", "From", 10.0),
        ("Vers", "To", 10.0),
        ("Montant", "Amount", 16.0),
        ("Source", "Source", 10.0),
        ("Motif", "Reason", 40.0),
        ("Approuvé par", "Approved by", 24.0),
    ],
};

/// The exchange-rate table.
pub(crate) const RATES_SHEET: Layout = Layout {
    fr: "Taux de change",
    en: "Exchange rates",
    columns: &[
        ("Date", "Date", 11.0),
        ("De", "From", 8.0),
        ("Vers", "To", 8.0),
        ("Taux", "Rate", 16.0),
    ],
};

/// The magnitude from which a plan or ledger workbook writes an amount as text: planfin's
/// importer refuses a number cell of 10^15 or more (a spreadsheet may already have rounded
/// it), so such an amount, even with few significant digits (`1000000000000000`), would not
/// read back.
const NUMBER_CELL_LIMIT: i64 = 1_000_000_000_000_000;

/// An amount of a plan or ledger workbook, written so that the importer reads it back exactly:
/// a number cell only when an `f64` holds it ([`AmountCell::of`]) and it is below 10^15 (the
/// importer's limit for number cells), else its exact text, with a finding.
pub(crate) fn exact_amount(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    value: Decimal,
    format: &Format,
    findings: &mut Vec<ExportFinding>,
) -> Result<(), ExportError> {
    let number = matches!(AmountCell::of(value), AmountCell::Number(_));
    if number && value.abs() >= Decimal::from(NUMBER_CELL_LIMIT) {
        findings.push(ExportFinding {
            code: "amount_as_text",
            location: format!("{sheet}!{}", a1(row, col)),
            message: format!(
                "{value} is 10^15 or more: planfin reads no number cell that large back, so it \
                 is written as text (exact)"
            ),
        });
        return text(ws, sheet, row, col, &value.to_string(), Some(format));
    }
    amount(ws, sheet, row, col, value, format, findings).map(|_| ())
}

/// A rate or quantity of a plan or ledger workbook: [`ratio_number`] (exact text beyond the
/// 10 decimals a number cell brings back), with the 10^15 limit of [`exact_amount`].
pub(crate) fn exact_ratio(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    col: ColNum,
    value: Decimal,
    format: &Format,
    findings: &mut Vec<ExportFinding>,
) -> Result<(), ExportError> {
    if value.abs() >= Decimal::from(NUMBER_CELL_LIMIT) {
        return exact_amount(ws, sheet, row, col, value, format, findings);
    }
    ratio_number(ws, sheet, row, col, value, format, findings)
}

/// The words the importer reads as each source kind.
pub(crate) fn source_kind_word(kind: SourceKind, lang: Lang) -> &'static str {
    match kind {
        SourceKind::StateBudget => pick(lang, "Etat", "State budget"),
        SourceKind::Donor => pick(lang, "Bailleur", "Donor"),
        SourceKind::Other => pick(lang, "Autre", "Other"),
    }
}

/// Writes the header row of `layout` on `ws` (row 0), with widths, a frozen header, and the
/// print set-up.
pub(crate) fn header(
    ws: &mut Worksheet,
    layout: &Layout,
    lang: Lang,
    formats: &Formats,
) -> Result<(), ExportError> {
    let sheet = layout.name(lang);
    for (c, (fr, en, width)) in layout.columns.iter().enumerate() {
        text(
            ws,
            sheet,
            0,
            c as ColNum,
            pick(lang, fr, en),
            Some(&formats.header),
        )?;
        ws.set_column_width(c as ColNum, *width)
            .map_err(xl(|| sheet.to_string()))?;
    }
    ws.set_freeze_panes(1, 0)
        .map_err(xl(|| sheet.to_string()))?;
    ws.set_repeat_rows(0, 0).map_err(xl(|| sheet.to_string()))?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Writes `plan` as a workbook [`crate::read_plan`] reads back to the same plan: sheets
/// `Plan` (one key / value row per field), `Objectifs`, `Sources`, `Lignes` (one row per
/// line and fiscal period: `2019` or `2019-Q3`; the costing on the line's first row; a line
/// with no planned amount gets one row with Année and Montant blank), `Amendements` and
/// `Taux de change` (the plan's rate table: Date, De, Vers, Taux), headers in `lang` (English
/// sheet names `Objectives`, `Lines`, `Amendments`, `Exchange rates`). Codes are text (`0201`
/// keeps its zero), amounts numbers in the plan currency's format (or exact text when an
/// `f64` cannot hold them or they reach 10^15, see [`exact_amount`]), dates Excel dates.
///
/// ```
/// use planfin_core::{cnltp, plan::Lang};
/// use planfin_xlsx::{export::write_plan, read_plan, ImportOptions};
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
/// use planfin_xlsx::export::{write_plan_with, ExportOptions, Provenance};
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
        let minor = plan.currency.minor_unit();
        let formats = Formats::new(minor);
        let mut sheets = Vec::new();

        // Plan: key / value rows.
        {
            let sheet = PLAN_SHEET.name(lang);
            let ws = wb.add_worksheet();
            ws.set_name(sheet).map_err(xl(|| sheet.to_string()))?;
            let key = |i: usize| {
                let (fr, en, _) = PLAN_SHEET.columns[i];
                pick(lang, fr, en)
            };
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
            sheets.push(sheet.to_string());
        }

        // Objectives.
        {
            let (ws, sheet) = table_sheet(wb, &OBJECTIVES_SHEET, lang, &formats)?;
            for (i, o) in plan.objectives.iter().enumerate() {
                let r = i as RowNum + 1;
                text(ws, sheet, r, 0, &o.code, None)?;
                non_empty(ws, sheet, r, 1, &o.title.fr)?;
                non_empty(ws, sheet, r, 2, &o.title.en)?;
            }
            sheets.push(sheet.to_string());
        }

        // Sources.
        {
            let (ws, sheet) = table_sheet(wb, &SOURCES_SHEET, lang, &formats)?;
            for (i, s) in plan.sources.iter().enumerate() {
                let r = i as RowNum + 1;
                text(ws, sheet, r, 0, &s.code, None)?;
                non_empty(ws, sheet, r, 1, &s.name.fr)?;
                non_empty(ws, sheet, r, 2, &s.name.en)?;
                text(ws, sheet, r, 3, source_kind_word(s.kind, lang), None)?;
            }
            sheets.push(sheet.to_string());
        }

        // Lines: one row per line and period (one row for a line with no period).
        {
            let rows: usize = plan.lines.iter().map(|l| l.amounts.len().max(1)).sum();
            fits(LINES_SHEET.name(lang), rows + 1)?;
            let (ws, sheet) = table_sheet(wb, &LINES_SHEET, lang, &formats)?;
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
            sheets.push(sheet.to_string());
        }

        // Amendments.
        {
            let (ws, sheet) = table_sheet(wb, &AMENDMENTS_SHEET, lang, &formats)?;
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
            sheets.push(sheet.to_string());
        }

        // Exchange rates.
        {
            fits(RATES_SHEET.name(lang), plan.rates.len() + 1)?;
            let (ws, sheet) = table_sheet(wb, &RATES_SHEET, lang, &formats)?;
            let rate_format = Format::new().set_num_format("0.##########");
            for (i, rate) in plan.rates.iter().enumerate() {
                let r = i as RowNum + 1;
                date(ws, sheet, r, 0, rate.date, &formats.date)?;
                text(ws, sheet, r, 1, rate.from.code(), None)?;
                text(ws, sheet, r, 2, rate.to.code(), None)?;
                exact_ratio(ws, sheet, r, 3, rate.rate, &rate_format, findings)?;
            }
            sheets.push(sheet.to_string());
        }

        Ok(sheets)
    })
}

/// A new sheet of `layout` with its header row.
pub(crate) fn table_sheet<'w>(
    wb: &'w mut Workbook,
    layout: &Layout,
    lang: Lang,
    formats: &Formats,
) -> Result<(&'w mut Worksheet, &'static str), ExportError> {
    let sheet = layout.name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(xl(|| sheet.to_string()))?;
    header(ws, layout, lang, formats)?;
    Ok((ws, sheet))
}

/// An autofilter on the header row of a sheet of `ncols` columns and rows up to `last_row`.
pub(crate) fn autofilter(
    ws: &mut Worksheet,
    sheet: &str,
    last_row: RowNum,
    ncols: usize,
) -> Result<(), ExportError> {
    ws.autofilter(0, 0, last_row, ncols as ColNum - 1)
        .map_err(xl(|| sheet.to_string()))?;
    Ok(())
}
