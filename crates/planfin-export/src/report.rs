//! Report workbooks: one sheet per table of the report (written by the one table writer of
//! [`crate::sheet`]), a chart of revised budget vs paid, a findings sheet and a provenance
//! sheet; the same provenance in the document properties.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use planfin_core::currency::Currency;
use planfin_core::plan::Lang;
use planfin_core::render::{Cell, Table};
use planfin_core::report::labels::label;
use planfin_core::report::{
    FinalReport, Grouping, PlanHeader, ProgressReport, VarianceReport,
    findings_table as findings_table_of,
};
use planfin_core::validation::{Finding, Severity};
use rust_xlsxwriter::{Chart, ChartType, DocProperties, Format, RowNum, Workbook, Worksheet};

use crate::cell::ExportFinding;
use crate::sheet::{Formats, text, write_table, xl};
use crate::{ExportError, ExportOptions, InputFile, write_atomically};

/// Above this many rows a sheet is written in rust_xlsxwriter's constant-memory mode.
pub(crate) const CONSTANT_MEMORY_ROWS: usize = 10_000;

/// What an export wrote: the path, the sheets, and the values written differently from
/// their type (see [`ExportFinding`]).
///
/// ```
/// use planfin_core::{cnltp, plan::Lang};
/// let dir = tempfile::tempdir()?;
/// let summary = planfin_export::write_ledger(&cnltp::ledger(), Lang::En, &dir.path().join("l.xlsx"))?;
/// assert_eq!(summary.sheets, ["Expenditures"]);
/// assert!(summary.findings.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    /// The file written.
    pub path: PathBuf,
    /// Its sheets, in order.
    pub sheets: Vec<String>,
    /// Values that could not be written as they are (amounts too precise for an Excel
    /// number, written as exact text); also listed on the findings sheet of a report.
    pub findings: Vec<ExportFinding>,
}

/// Writes the variance workbook of `reports` (typically `planfin_core::report::variance_reports`): the first
/// report on a summary sheet with a chart of revised budget vs paid, each other report on a
/// sheet named after its grouping, then the findings and the provenance.
///
/// Totals are `SUM` formulas and revised, variance, available and execution rate are
/// formulas of their row; each formula's stored result is the report's exact value. The
/// file is written atomically; an output path that is one of the provenance's inputs is
/// refused.
///
/// ```
/// use planfin_core::{cnltp, report::ReportOptions};
/// use planfin_core::report::variance_reports;
/// use planfin_export::{write_variance_report, ExportOptions, InputFile, Provenance};
/// let reports = variance_reports(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
/// let provenance = Provenance::default()
///     .with_input(InputFile::of_bytes("embedded CNLTP plan", cnltp::PLAN_JSON.as_bytes()));
/// let dir = tempfile::tempdir()?;
/// let out = dir.path().join("variance.xlsx");
/// let summary = write_variance_report(&reports, &ExportOptions { provenance }, &out)?;
/// assert_eq!(summary.sheets, ["Synthèse", "Lignes", "Sources", "Exercices", "Constats", "Provenance"]);
/// assert!(summary.findings.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_variance_report(
    reports: &[VarianceReport],
    options: &ExportOptions,
    path: &Path,
) -> Result<ExportSummary, ExportError> {
    let Some(first) = reports.first() else {
        return Err(ExportError::NoReport {
            path: path.to_path_buf(),
        });
    };
    let lang = first.lang;
    let sections = reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let name = if i == 0 {
                label("sheet_summary", lang).to_string()
            } else {
                grouping_sheet(r.by, lang).to_string()
            };
            let mut table = r.to_table();
            // The findings are on the findings sheet: not repeated under the table.
            let finding_lines: Vec<String> = r.findings.iter().map(|f| f.render(lang)).collect();
            table.notes.retain(|n| !finding_lines.contains(n));
            table.notes.push(label("formulas_note", lang).to_string());
            (name, table)
        })
        .collect();
    let mut details = vec![(
        label("grouping", lang).to_string(),
        reports
            .iter()
            .map(|r| r.by.code())
            .collect::<Vec<_>>()
            .join(", "),
    )];
    details.extend(rules(lang, first.tolerance, &[]));
    let book = ReportBook {
        lang,
        subject: label("variance_title", lang).to_string(),
        plan: &first.plan,
        currency: &first.currency,
        as_of: first.as_of,
        details,
        sections,
        findings: &first.findings,
    };
    write_report_book(book, options, path)
}

/// Writes the progress report (rapport d'étape) workbook: a summary sheet (elapsed time,
/// burn rate, projection), execution by objective with the projection to the end of the plan
/// (and the chart of revised budget vs paid), execution by fiscal year, the ageing of open
/// commitments by objective and by line, the findings and the provenance. Same sheet writer,
/// formulas and rules as [`write_variance_report`].
///
/// ```
/// use planfin_core::{cnltp, report::{progress, ProgressOptions}};
/// use planfin_export::{write_progress_report, ExportOptions};
/// let report = progress(&cnltp::plan(), &cnltp::ledger(), &ProgressOptions::new("2019-06-30".parse()?))?;
/// let dir = tempfile::tempdir()?;
/// let summary = write_progress_report(&report, &ExportOptions::default(), &dir.path().join("p.xlsx"))?;
/// assert_eq!(
///     summary.sheets,
///     ["Synthèse", "Objectifs", "Exercices", "Ancienneté objectifs", "Ancienneté lignes", "Constats", "Provenance"]
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_progress_report(
    report: &ProgressReport,
    options: &ExportOptions,
    path: &Path,
) -> Result<ExportSummary, ExportError> {
    let lang = report.lang;
    let names = [
        "sheet_summary",
        "sheet_objective",
        "sheet_period",
        "sheet_ageing_objective",
        "sheet_ageing_line",
    ];
    let details = rules(
        lang,
        report.tolerance,
        &[
            ("burn_rate", "burn_rate_text"),
            ("projection", "projection_text"),
        ],
    );
    let book = ReportBook {
        lang,
        subject: label("progress_title", lang).to_string(),
        plan: &report.plan,
        currency: &report.currency,
        as_of: report.as_of,
        details,
        sections: sections(report.to_tables(), &names, lang),
        findings: &report.findings,
    };
    write_report_book(book, options, path)
}

/// Writes the final report (rapport final) workbook: the reconciliation of ceiling,
/// amendments and spend, execution by objective (with the chart) and by funding source over
/// the whole period, every finding, and the provenance. Same sheet writer, formulas and
/// rules as [`write_variance_report`].
///
/// ```
/// use planfin_core::{cnltp, report::{final_report, FinalOptions}};
/// use planfin_export::{write_final_report, ExportOptions};
/// let report = final_report(&cnltp::plan(), &cnltp::ledger(), &FinalOptions::default())?;
/// let dir = tempfile::tempdir()?;
/// let summary = write_final_report(&report, &ExportOptions::default(), &dir.path().join("f.xlsx"))?;
/// assert_eq!(summary.sheets, ["Rapprochement", "Objectifs", "Sources", "Constats", "Provenance"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_final_report(
    report: &FinalReport,
    options: &ExportOptions,
    path: &Path,
) -> Result<ExportSummary, ExportError> {
    let lang = report.lang;
    let names = ["sheet_reconciliation", "sheet_objective", "sheet_source"];
    let details = rules(lang, report.tolerance, &[]);
    let book = ReportBook {
        lang,
        subject: label("final_title", lang).to_string(),
        plan: &report.plan,
        currency: &report.currency,
        as_of: report.as_of,
        details,
        sections: sections(report.to_tables(), &names, lang),
        findings: &report.findings,
    };
    write_report_book(book, options, path)
}

/// The provenance lines of a report's tolerance (`-` when none) and rules: the rounding rule,
/// the sign convention, then `more`, each a `(key, key of its text)`.
fn rules(
    lang: Lang,
    tolerance: Option<rust_decimal::Decimal>,
    more: &[(&str, &str)],
) -> Vec<(String, String)> {
    let tolerance = tolerance.map_or_else(|| "-".into(), |t| t.to_string());
    let rules = [
        ("rounding_rule", "rounding_text"),
        ("sign_convention", "sign_convention_text"),
    ];
    std::iter::once((label("tolerance", lang).to_string(), tolerance))
        .chain(
            rules
                .iter()
                .chain(more)
                .map(|(k, text)| (label(k, lang).to_string(), label(text, lang).to_string())),
        )
        .collect()
}

/// The report's tables as named sheets, without its findings table (the workbook's own
/// findings sheet lists them, with the export's findings).
fn sections(tables: Vec<Table>, names: &[&str], lang: Lang) -> Vec<(String, Table)> {
    tables
        .into_iter()
        .filter(|t| !is_findings_table(t))
        .enumerate()
        .map(|(i, mut t)| {
            let name = names
                .get(i)
                .map_or_else(|| format!("{}", i + 1), |k| label(k, lang).to_string());
            t.notes.push(label("formulas_note", lang).to_string());
            (name, t)
        })
        .collect()
}

fn is_findings_table(t: &Table) -> bool {
    let mut keys = t.keys();
    keys.sort_unstable();
    keys == ["code", "location", "message", "severity"]
}

/// The sheet name of a grouping.
fn grouping_sheet(by: Grouping, lang: Lang) -> &'static str {
    let key = match by {
        Grouping::Objective => "sheet_objective",
        Grouping::Line => "sheet_line",
        Grouping::Source => "sheet_source",
        Grouping::Period => "sheet_period",
    };
    label(key, lang)
}

/// A report as workbook content: what every report workbook (variance, progress, final) has.
pub(crate) struct ReportBook<'a> {
    pub(crate) lang: Lang,
    /// The kind of report (`Budget vs actual variance`), the document subject.
    pub(crate) subject: String,
    pub(crate) plan: &'a PlanHeader,
    pub(crate) currency: &'a str,
    pub(crate) as_of: NaiveDate,
    /// Report-specific lines of the provenance sheet (grouping, tolerance, rounding, ...).
    pub(crate) details: Vec<(String, String)>,
    /// One sheet per table; the first one gets the chart.
    pub(crate) sections: Vec<(String, Table)>,
    pub(crate) findings: &'a [Finding],
}

/// Writes a report workbook: the sections, the findings, the provenance, the properties.
pub(crate) fn write_report_book(
    book: ReportBook<'_>,
    options: &ExportOptions,
    path: &Path,
) -> Result<ExportSummary, ExportError> {
    write_workbook(options, path, |wb, findings| {
        let lang = book.lang;
        let minor = book
            .currency
            .parse::<Currency>()
            .map(|c| c.minor_unit())
            .unwrap_or(2);
        let formats = Formats::new(minor);
        let mut sheets = Vec::new();

        let mut charted = false;
        for (name, table) in &book.sections {
            let name = unique_name(name, &sheets);
            let ws = new_sheet(wb, &name, table.rows.len())?;
            let placed = write_table(ws, &name, table, 0, &formats, findings)?;
            if !charted {
                charted = insert_chart(ws, &name, &placed, lang)?;
            }
            sheets.push(name);
        }

        let name = unique_name(label("sheet_findings", lang), &sheets);
        let ws = new_sheet(wb, &name, book.findings.len() + findings.len())?;
        let table = findings_table(book.findings, findings, lang);
        write_table(ws, &name, &table, 0, &formats, &mut Vec::new())?;
        sheets.push(name);

        let name = unique_name(label("sheet_provenance", lang), &sheets);
        let ws = new_sheet(wb, &name, 0)?;
        write_provenance(ws, &name, &book, options, &formats)?;
        sheets.push(name);

        wb.set_properties(&properties(&book, options));
        Ok(sheets)
    })
}

/// Builds a workbook with `build`, which adds the sheets, returns their names and collects
/// the values it wrote differently from their type; then saves it to `path` atomically,
/// refusing an output that is an input. Errors name `path`.
pub(crate) fn write_workbook(
    options: &ExportOptions,
    path: &Path,
    build: impl FnOnce(&mut Workbook, &mut Vec<ExportFinding>) -> Result<Vec<String>, ExportError>,
) -> Result<ExportSummary, ExportError> {
    let write = || -> Result<ExportSummary, ExportError> {
        let mut wb = Workbook::new();
        let mut findings = Vec::new();
        let sheets = build(&mut wb, &mut findings)?;
        save(&mut wb, options, path)?;
        Ok(ExportSummary {
            path: path.to_path_buf(),
            sheets,
            findings,
        })
    };
    write().map_err(|e| e.at(path))
}

/// Saves `wb` to `path` atomically, refusing an output that is an input.
fn save(wb: &mut Workbook, options: &ExportOptions, path: &Path) -> Result<(), ExportError> {
    let inputs = options.provenance.input_paths();
    write_atomically(path, &inputs, |file| {
        let mut w = BufWriter::new(file);
        wb.save_to_writer(&mut w)
            .map_err(xl(|| "the workbook as a whole".to_string()))?;
        w.flush()?;
        Ok(())
    })
}

/// A new sheet named `name`, in constant-memory mode when it will have many rows.
pub(crate) fn new_sheet<'w>(
    wb: &'w mut Workbook,
    name: &str,
    rows: usize,
) -> Result<&'w mut Worksheet, ExportError> {
    let ws = if rows > CONSTANT_MEMORY_ROWS {
        wb.add_worksheet_with_constant_memory()
            .map_err(xl(|| format!("sheet {name}")))?
    } else {
        wb.add_worksheet()
    };
    ws.set_name(name).map_err(xl(|| format!("sheet {name}")))?;
    Ok(ws)
}

/// `name`, or `name 2`, `name 3`, ... when a sheet already has it.
fn unique_name(name: &str, taken: &[String]) -> String {
    let mut candidate = name.to_string();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{name} {n}");
        n += 1;
    }
    candidate
}

/// A column chart of revised budget and paid per row, when the table has those columns.
fn insert_chart(
    ws: &mut Worksheet,
    sheet: &str,
    placed: &crate::sheet::Placed,
    lang: Lang,
) -> Result<bool, ExportError> {
    let (Some((first, last)), Some(&key), Some(&revised), Some(&paid)) = (
        placed.data,
        placed.columns.get("key"),
        placed.columns.get("revised"),
        placed.columns.get("paid"),
    ) else {
        return Ok(false);
    };
    let mut chart = Chart::new(ChartType::Column);
    for col in [revised, paid] {
        chart
            .add_series()
            .set_name((sheet, placed.header_row, col))
            .set_categories((sheet, first, key, last, key))
            .set_values((sheet, first, col, last, col));
    }
    chart.title().set_name(label("chart_title", lang));
    chart.set_width(720).set_height(360);
    ws.insert_chart(placed.next_row, 1, &chart)
        .map_err(xl(|| format!("{sheet} chart")))?;
    Ok(true)
}

/// The findings of the report (as the report's own findings table has them), then those of
/// the export (warnings), all in `lang`.
fn findings_table(report: &[Finding], export: &[ExportFinding], lang: Lang) -> Table {
    let mut table = findings_table_of(label("findings", lang).to_string(), report, lang);
    let warning = Severity::Warning.message().render(lang);
    table.rows.extend(export.iter().map(|f| {
        vec![
            Cell::Text(f.code.to_string()),
            Cell::Text(warning.clone()),
            Cell::Text(f.location.clone()),
            Cell::Text(f.message.render(lang)),
        ]
    }));
    if !export.is_empty() {
        // Not "no findings": the export's are listed.
        table.notes.clear();
    }
    table
}

/// The provenance sheet: the plan, the report's options, the inputs with their SHA-256, the
/// options as given and the version.
fn write_provenance(
    ws: &mut Worksheet,
    sheet: &str,
    book: &ReportBook<'_>,
    options: &ExportOptions,
    formats: &Formats,
) -> Result<(), ExportError> {
    let lang = book.lang;
    let p = &options.provenance;
    text(
        ws,
        sheet,
        0,
        0,
        label("provenance_title", lang),
        Some(&formats.title),
    )?;
    header_row(ws, sheet, 2, &["item", "value"], lang, formats)?;
    let pairs = provenance_pairs(book, &p.version);
    let row = write_pairs(
        ws,
        sheet,
        3,
        &pairs,
        Some(&formats.bold),
        Some(&formats.wrap),
    )?;

    let row = provenance_section(
        ws,
        sheet,
        row + 1,
        "inputs_title",
        &["input", "sha256", "bytes"],
        lang,
        formats,
    )?;
    let row = write_inputs(ws, sheet, row, &p.inputs)?;

    if !p.options.is_empty() {
        let row = provenance_section(
            ws,
            sheet,
            row + 1,
            "options_title",
            &["option", "value"],
            lang,
            formats,
        )?;
        write_pairs(ws, sheet, row, &p.options, None, None)?;
    }
    set_up_provenance_page(ws, sheet)
}

/// The items of the provenance: the plan, the report's own lines, the version.
fn provenance_pairs(book: &ReportBook<'_>, version: &str) -> Vec<(String, String)> {
    let lang = book.lang;
    let plan = book.plan;
    let mut pairs: Vec<(String, String)> = vec![
        (
            label("plan", lang).into(),
            format!("{} — {}", plan.code, plan.title.get(lang)),
        ),
        (
            label("organisation", lang).into(),
            plan.organisation.clone(),
        ),
        (
            label("period_plan", lang).into(),
            format!("{} .. {}", plan.start, plan.end),
        ),
        (label("currency", lang).into(), book.currency.to_string()),
        (
            label("ceiling", lang).into(),
            Cell::Amount(plan.ceiling).human(lang),
        ),
        (
            label("as_of", lang).into(),
            planfin_messages::format_date(book.as_of, lang),
        ),
        (label("lang", lang).into(), lang_code(lang).into()),
    ];
    pairs.extend(book.details.iter().cloned());
    pairs.push((label("version", lang).into(), version.to_string()));
    pairs
}

/// A section of the provenance sheet at `row`: its title in bold, then the header row of the
/// labels of `headers`. Returns the row after the header.
fn provenance_section(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    title: &str,
    headers: &[&str],
    lang: Lang,
    formats: &Formats,
) -> Result<RowNum, ExportError> {
    text(ws, sheet, row, 0, label(title, lang), Some(&formats.bold))?;
    header_row(ws, sheet, row + 1, headers, lang, formats)?;
    Ok(row + 2)
}

/// A header row: the label of each of `keys`, one per column.
fn header_row(
    ws: &mut Worksheet,
    sheet: &str,
    row: RowNum,
    keys: &[&str],
    lang: Lang,
    formats: &Formats,
) -> Result<(), ExportError> {
    for (c, key) in keys.iter().enumerate() {
        text(
            ws,
            sheet,
            row,
            c as u16,
            label(key, lang),
            Some(&formats.header),
        )?;
    }
    Ok(())
}

/// Rows of name and value from `row`, in the formats given. Returns the row after them.
fn write_pairs(
    ws: &mut Worksheet,
    sheet: &str,
    mut row: RowNum,
    pairs: &[(String, String)],
    key_format: Option<&Format>,
    value_format: Option<&Format>,
) -> Result<RowNum, ExportError> {
    for (k, v) in pairs {
        text(ws, sheet, row, 0, k, key_format)?;
        text(ws, sheet, row, 1, v, value_format)?;
        row += 1;
    }
    Ok(row)
}

/// One row per input file from `row`: name, SHA-256, bytes. Returns the row after them.
fn write_inputs(
    ws: &mut Worksheet,
    sheet: &str,
    mut row: RowNum,
    inputs: &[InputFile],
) -> Result<RowNum, ExportError> {
    for input in inputs {
        text(ws, sheet, row, 0, &input.name, None)?;
        text(ws, sheet, row, 1, &input.sha256, None)?;
        ws.write_number(row, 2, input.bytes as f64)
            .map_err(xl(|| format!("{sheet}!C{}", row + 1)))?;
        row += 1;
    }
    Ok(row)
}

/// Column widths and print set-up of the provenance sheet.
fn set_up_provenance_page(ws: &mut Worksheet, sheet: &str) -> Result<(), ExportError> {
    ws.set_column_width(0, 28)
        .map_err(xl(|| sheet.to_string()))?;
    ws.set_column_width(1, 80)
        .map_err(xl(|| sheet.to_string()))?;
    ws.set_column_width(2, 12)
        .map_err(xl(|| sheet.to_string()))?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// Document properties: title, subject, organisation, and the provenance as custom properties.
fn properties(book: &ReportBook<'_>, options: &ExportOptions) -> DocProperties {
    let p = &options.provenance;
    let mut props = DocProperties::new()
        .set_title(format!(
            "{} — {}",
            book.subject,
            book.plan.title.get(book.lang)
        ))
        .set_subject(book.subject.as_str())
        .set_author("planfin")
        .set_company(book.plan.organisation.as_str())
        .set_keywords(format!("planfin, {}, {}", book.plan.code, book.currency))
        .set_comment(label("sign_convention_text", book.lang))
        .set_custom_property("planfin version", p.version.as_str())
        .set_custom_property("plan", book.plan.code.as_str())
        .set_custom_property("currency", book.currency)
        .set_custom_property("as of", book.as_of.to_string().as_str());
    for (k, v) in &book.details {
        props = props.set_custom_property(k.as_str(), v.as_str());
    }
    for (i, input) in p.inputs.iter().enumerate() {
        props = props
            .set_custom_property(format!("input {} file", i + 1), input.name.as_str())
            .set_custom_property(format!("input {} sha256", i + 1), input.sha256.as_str());
    }
    for (k, v) in &p.options {
        props = props.set_custom_property(format!("option {k}"), v.as_str());
    }
    props
}
