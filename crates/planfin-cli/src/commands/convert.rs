//! `planfin convert IN OUT`: a plan or a ledger, between a workbook, JSON, Parquet and Arrow.
//!
//! The input's format comes from its extension and its kind (plan or ledger) from its
//! content; the output's format from its extension: `.json`, `.xlsx` in the layout the
//! importer reads back to the same plan or ledger, or `.parquet` / `.arrow` (planfin-columnar,
//! the schema in its README).

use std::io::Write;
use std::path::Path;

use planfin_core::json::{plan_to_json, write_ledger_json};
use planfin_export::{ExportOptions, Provenance, write_ledger_with, write_plan_with};

use super::write_workbook;
use crate::cli::ConvertArgs;
use crate::error::Failure;
use crate::error::export_failure;
use crate::error::name;
use crate::lang::say;
use crate::load::{Document, Reader, columnar_failure};
use crate::output;
use planfin_messages::msg;

/// What `OUT` is, by its extension.
enum Target {
    Json,
    Xlsx,
    Columnar,
}

fn target(path: &Path) -> Result<Target, Failure> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("json") => Ok(Target::Json),
        Some("xlsx") => Ok(Target::Xlsx),
        _ if planfin_columnar::Format::of(path).is_some() => Ok(Target::Columnar),
        Some(other @ ("xlsm" | "xlsb" | "xls" | "ods")) => Err(Failure::Usage(say(msg!(
            "cli-convert-writes",
            file = name(path),
            extension = other,
        )))),
        _ => Err(Failure::Usage(say(msg!(
            "cli-convert-unknown",
            file = name(path)
        )))),
    }
}

/// Runs `planfin convert`.
pub fn run(args: &ConvertArgs) -> Result<(), Failure> {
    let to = target(&args.output)?;
    output::refuse_input_as_output(&args.output, [args.input.as_path()])?;
    let reader = Reader::from(&args.read);
    let loaded = reader.document(&args.input)?;
    for note in &loaded.notes {
        eprintln!("{}", say(msg!("cli-says", message = note)));
    }
    match to {
        Target::Json => match &loaded.value {
            Document::Plan(plan) => {
                output::write_atomically(&args.output, plan_to_json(plan).as_bytes())
            }
            // A ledger is written as it is serialised: a million entries are 240 MB of text.
            Document::Ledger(ledger) => output::write_atomically_with(&args.output, |file| {
                let mut out = std::io::BufWriter::new(file);
                write_ledger_json(ledger, &mut out)?;
                out.flush()
            }),
        },
        Target::Columnar => {
            let inputs = [args.input.as_path()];
            match &loaded.value {
                Document::Plan(plan) => planfin_columnar::write_plan(plan, &args.output, &inputs),
                Document::Ledger(ledger) => {
                    planfin_columnar::write_ledger(ledger, &args.output, &inputs)
                }
            }
            .map_err(columnar_failure)
        }
        Target::Xlsx => {
            let provenance = Provenance::of_files([&args.input]).map_err(export_failure)?;
            let options = ExportOptions { provenance };
            let lang = crate::lang::get();
            write_workbook(&args.output, &options, |o, p| match &loaded.value {
                Document::Plan(plan) => write_plan_with(plan, lang, o, p),
                Document::Ledger(ledger) => write_ledger_with(ledger, lang, o, p),
            })
        }
    }
}
