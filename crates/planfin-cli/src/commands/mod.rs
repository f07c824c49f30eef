//! One module per subcommand; each returns `Ok` or the [`Failure`](crate::error::Failure) to
//! report. What the three report commands share (reading the plan and ledgers, checking the
//! output options, rendering tables, writing a workbook with its provenance) is here.

pub mod convert;
pub mod final_report;
pub mod progress;
pub mod report;
pub mod template;
pub mod validate;

use std::path::{Path, PathBuf};

use planfin_core::cnltp;
use planfin_core::ledger::Ledger;
use planfin_core::plan::Plan;
use planfin_core::render::{self, Table};
use planfin_core::report::ReportError;
use planfin_core::validation::validate_plan;
use planfin_export::{ExportError, ExportOptions, ExportSummary, InputFile, Provenance};

use crate::cli::{Format, InputArgs, OutputArgs};
use crate::error::{Failure, export_failure};
use crate::lang::{self, say};
use crate::load::Reader;
use crate::output;
use planfin_messages::{Message, msg};

/// How the embedded plan and ledger are named in messages and provenance, in the run's
/// language (`fixtures/cnltp/plan.json (intégré)`).
fn embedded(file: &str) -> String {
    say(msg!("cli-embedded", file = file))
}
const EMBEDDED_PLAN: &str = "fixtures/cnltp/plan.json";
const EMBEDDED_LEDGER: &str = "fixtures/cnltp/ledger.json";

/// The plan and ledgers of a report, read and checked.
pub struct Inputs {
    /// The plan.
    pub plan: Plan,
    /// Every ledger, merged.
    pub ledger: Ledger,
    /// The files read (none for the embedded data).
    files: Vec<PathBuf>,
}

/// Checks the output options before anything is read: `--format xlsx` needs `--out`, `--bom`
/// goes with CSV, and the output may not be one of the inputs.
pub fn check_output(output: &OutputArgs, input: &InputArgs) -> Result<(), Failure> {
    if output.format == Format::Xlsx && output.out.is_none() {
        return Err(Failure::Usage(say(Message::new("cli-xlsx-needs-out"))));
    }
    if let (Format::Xlsx, Some(out)) = (output.format, &output.out) {
        let is_xlsx = out
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if !is_xlsx {
            return Err(Failure::Usage(say(msg!(
                "cli-xlsx-extension",
                file = crate::error::name(out)
            ))));
        }
    }
    if output.bom && output.format != Format::Csv {
        return Err(Failure::Usage(say(Message::new("cli-bom-csv-only"))));
    }
    if let Some(out) = &output.out {
        let inputs = input.plan.iter().chain(&input.ledger).map(|p| p.as_path());
        output::refuse_input_as_output(out, inputs)?;
    }
    Ok(())
}

/// Reads the plan and the ledgers (the embedded CNLTP data by default), prints the imports'
/// notes on standard error, and refuses a plan with blocking findings, naming its file.
pub fn read_inputs(input: &InputArgs) -> Result<Inputs, Failure> {
    let mut reader = Reader::from(&input.read);
    let mut notes = Vec::new();
    let (plan, plan_name) = match &input.plan {
        Some(path) => {
            let loaded = reader.plan(path)?;
            notes.extend(loaded.notes);
            (loaded.value, crate::error::name(path))
        }
        None => (cnltp::plan(), embedded(EMBEDDED_PLAN)),
    };
    // A journal's amounts that name no currency are in the plan's.
    reader.currency = Some(plan.currency);
    let ledger = match (&input.plan, input.ledger.is_empty()) {
        (None, true) => cnltp::ledger(),
        (Some(_), true) => Ledger::new(),
        (_, false) => {
            let loaded = reader.ledgers(&input.ledger)?;
            notes.extend(loaded.notes);
            loaded.value
        }
    };
    for note in notes {
        eprintln!("{}", say(msg!("cli-says", message = note)));
    }
    let blocking: Vec<String> = validate_plan(&plan)
        .iter()
        .filter(|f| f.is_error())
        .map(|f| {
            say(msg!(
                "cli-in-file",
                file = &plan_name,
                message = f.render(lang::get())
            ))
        })
        .collect();
    if !blocking.is_empty() {
        return Err(blocked(blocking));
    }
    let files = input.plan.iter().chain(&input.ledger).cloned().collect();
    Ok(Inputs {
        plan,
        ledger,
        files,
    })
}

impl Inputs {
    /// Writes a report workbook to `out` with `write`, then prints what it wrote differently
    /// from its type (see [`write_workbook`]). Its provenance: every input, then `options` as
    /// the user gave them, then `--lang`.
    pub fn write_report(
        &self,
        input: &InputArgs,
        out: &Path,
        options: &[(&str, String)],
        write: impl FnOnce(&ExportOptions, &Path) -> Result<ExportSummary, ExportError>,
    ) -> Result<(), Failure> {
        let provenance = self
            .provenance(input, options)?
            .with_option("lang", lang::get().code());
        write_workbook(out, &ExportOptions { provenance }, write)
    }

    /// The provenance of a report workbook: every input with its SHA-256 (the embedded data's
    /// own bytes when no file was given), and the options as the user gave them.
    fn provenance(
        &self,
        input: &InputArgs,
        options: &[(&str, String)],
    ) -> Result<Provenance, Failure> {
        let mut provenance = Provenance::of_files(&self.files).map_err(export_failure)?;
        if input.plan.is_none() {
            provenance.inputs.insert(
                0,
                InputFile::of_bytes(embedded(EMBEDDED_PLAN), cnltp::PLAN_JSON.as_bytes()),
            );
            if input.ledger.is_empty() {
                provenance.inputs.insert(
                    1,
                    InputFile::of_bytes(embedded(EMBEDDED_LEDGER), cnltp::LEDGER_JSON.as_bytes()),
                );
            }
        }
        Ok(options
            .iter()
            .fold(provenance, |p, (k, v)| p.with_option(*k, v.clone())))
    }
}

/// A report that could not be computed: every blocking finding, or the reason.
pub fn report_failure(e: ReportError) -> Failure {
    match e {
        ReportError::Blocked(findings) => blocked(
            findings
                .iter()
                .filter(|f| f.is_error())
                .map(|f| f.render(lang::get()))
                .collect(),
        ),
        other => Failure::refused(other.render(lang::get())),
    }
}

/// Every blocking finding, then what it means for the report.
pub fn blocked(mut lines: Vec<String>) -> Failure {
    let n = lines.len();
    lines.push(say(msg!("cli-blocked", count = n)));
    Failure::Refused(lines)
}

/// Writes `tables` (or, in JSON, `json`) in `output`'s format to `--out` or standard output.
pub fn emit_tables(
    output: &OutputArgs,
    tables: &[Table],
    json: impl FnOnce() -> String,
) -> Result<(), Failure> {
    let text = render_text(output.format, tables, json, output.bom);
    output::emit(output.out.as_deref(), &text)
}

/// An optional value as the user gave it, `-` when not given.
pub fn option_text(value: Option<impl ToString>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// Renders `tables` as text in `format` (table, csv, md), one after the other, separated by a
/// blank line; `json` for JSON.
fn render_text(
    format: Format,
    tables: &[Table],
    json: impl FnOnce() -> String,
    bom: bool,
) -> String {
    match format {
        Format::Json => json(),
        Format::Csv => {
            let parts: Vec<String> = tables
                .iter()
                .enumerate()
                .map(|(i, t)| render::csv(t, bom && i == 0))
                .collect();
            parts.join("\r\n")
        }
        Format::Md => {
            let parts: Vec<String> = tables.iter().map(render::markdown).collect();
            parts.join("\n")
        }
        Format::Table | Format::Xlsx => {
            let parts: Vec<String> = tables.iter().map(render::text_table).collect();
            parts.join("\n")
        }
    }
}

/// Writes a workbook with `write` to `out`, then prints on standard error what it wrote
/// differently from its type (amounts too precise for an Excel number, kept as exact text).
pub fn write_workbook(
    out: &Path,
    options: &ExportOptions,
    write: impl FnOnce(&ExportOptions, &Path) -> Result<ExportSummary, ExportError>,
) -> Result<(), Failure> {
    let summary = write(options, out).map_err(export_failure)?;
    for finding in &summary.findings {
        let finding = msg!(
            "cli-workbook-finding",
            file = crate::error::name(out),
            location = &finding.location,
            code = finding.code,
            message = finding.message.clone(),
        );
        eprintln!("{}", say(msg!("cli-warning", message = finding)));
    }
    Ok(())
}
