//! `planfin report`: the variance report of a plan against its ledgers.

use planfin_core::cnltp;
use planfin_core::ledger::Ledger;
use planfin_core::render;
use planfin_core::report::{ReportError, ReportOptions, variance};
use planfin_core::validation::{Finding, validate_plan};

use crate::cli::{Format, ReportArgs};
use crate::error::Failure;
use crate::load;
use crate::output;

/// Runs `planfin report`.
pub fn run(args: &ReportArgs) -> Result<(), Failure> {
    if args.format == Format::Xlsx {
        return Err(Failure::Usage(
            "--format xlsx comes with spreadsheet support (planfin-xlsx), not available yet: \
             use --format table, csv, json or md"
                .into(),
        ));
    }
    if let Some(out) = &args.out {
        let inputs = args.plan.iter().chain(&args.ledger).map(|p| p.as_path());
        output::refuse_input_as_output(out, inputs)?;
    }

    let (plan, plan_name) = match &args.plan {
        Some(path) => (load::plan(path)?, load::name(path)),
        None => (
            cnltp::plan(),
            "fixtures/cnltp/plan.json (embedded)".to_string(),
        ),
    };
    let ledger = match (&args.plan, args.ledger.is_empty()) {
        (None, true) => cnltp::ledger(),
        (Some(_), true) => Ledger::new(),
        (_, false) => load::ledgers(&args.ledger)?,
    };

    // The plan's own blocking findings, named after the plan file.
    let blocking: Vec<String> = validate_plan(&plan)
        .iter()
        .filter(|f| f.is_error())
        .map(|f| format!("{plan_name}: {f}"))
        .collect();
    if !blocking.is_empty() {
        return Err(blocked(blocking));
    }

    let defaults = ReportOptions::default();
    let options = ReportOptions {
        as_of: args.as_of,
        by: args.by.into(),
        tolerance: args.tolerance.or(defaults.tolerance),
        lang: args.lang.into(),
    };
    let report = variance(&plan, &ledger, &options).map_err(|e| match e {
        ReportError::Blocked(findings) => blocked(
            findings
                .iter()
                .filter(|f| f.is_error())
                .map(Finding::to_string)
                .collect(),
        ),
        other => Failure::refused(other.to_string()),
    })?;

    if args.format == Format::Csv {
        // CSV has no room for notes: the warnings go to standard error instead.
        for finding in &report.findings {
            eprintln!("planfin: {finding}");
        }
    }
    let text = match args.format {
        Format::Json => report.to_json(),
        Format::Csv => render::csv(&report.to_table(), false),
        Format::Md => render::markdown(&report.to_table()),
        Format::Table | Format::Xlsx => render::text_table(&report.to_table()),
    };
    output::emit(args.out.as_deref(), &text)
}

/// Every blocking finding, then what it means for the report.
fn blocked(mut lines: Vec<String>) -> Failure {
    let n = lines.len();
    lines.push(format!(
        "{n} blocking finding(s): no report produced; fix them (planfin validate lists every finding)"
    ));
    Failure::Refused(lines)
}
