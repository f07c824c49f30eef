//! `planfin report`: the variance report of a plan against its ledgers.

use planfin_core::report::variance_reports;
use planfin_core::report::{ReportOptions, variance};
use planfin_export::write_variance_report;

use super::{check_output, emit_tables, option_text, read_inputs, report_failure};
use crate::cli::{Format, ReportArgs};
use crate::error::Failure;
use crate::lang::say;
use planfin_messages::msg;

/// Runs `planfin report`.
pub fn run(args: &ReportArgs) -> Result<(), Failure> {
    check_output(&args.output, &args.input)?;
    let inputs = read_inputs(&args.input)?;

    let defaults = ReportOptions::default();
    let options = ReportOptions {
        as_of: args.as_of,
        by: args.by.into(),
        tolerance: args.thresholds.tolerance.or(defaults.tolerance),
        lang: crate::lang::get(),
        stale_days: args.thresholds.stale_days,
    };

    if let (Format::Xlsx, Some(out)) = (args.output.format, &args.output.out) {
        // Every grouping, the requested one first, on its own sheet.
        let reports =
            variance_reports(&inputs.plan, &inputs.ledger, &options).map_err(report_failure)?;
        let given = [
            ("command", "report".to_string()),
            ("by", options.by.code().to_string()),
            ("as_of", option_text(args.as_of)),
            ("tolerance", option_text(args.thresholds.tolerance)),
            ("stale_days", args.thresholds.stale_days.to_string()),
        ];
        return inputs.write_report(&args.input, out, &given, |o, p| {
            write_variance_report(&reports, o, p)
        });
    }

    let report = variance(&inputs.plan, &inputs.ledger, &options).map_err(report_failure)?;
    if args.output.format == Format::Csv {
        // CSV has no room for notes: the warnings go to standard error instead.
        for finding in &report.findings {
            eprintln!(
                "{}",
                say(msg!("cli-says", message = finding.render(options.lang)))
            );
        }
    }
    emit_tables(&args.output, &[report.to_table()], || report.to_json())
}
