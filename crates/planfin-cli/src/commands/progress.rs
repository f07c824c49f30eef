//! `planfin progress --as-of DATE`: the progress report (rapport d'étape).

use planfin_core::report::{ProgressOptions, progress};
use planfin_export::write_progress_report;

use super::{check_output, emit_tables, option_text, read_inputs, report_failure};
use crate::cli::{Format, ProgressArgs};
use crate::error::Failure;

/// Runs `planfin progress`.
pub fn run(args: &ProgressArgs) -> Result<(), Failure> {
    check_output(&args.output, &args.input)?;
    let inputs = read_inputs(&args.input)?;
    let options = ProgressOptions {
        as_of: args.as_of,
        lang: crate::lang::get(),
        tolerance: args.thresholds.tolerance,
        stale_days: args.thresholds.stale_days,
    };
    let report = progress(&inputs.plan, &inputs.ledger, &options).map_err(report_failure)?;

    if let (Format::Xlsx, Some(out)) = (args.output.format, &args.output.out) {
        let given = [
            ("command", "progress".to_string()),
            ("as_of", args.as_of.to_string()),
            ("tolerance", option_text(args.thresholds.tolerance)),
            ("stale_days", args.thresholds.stale_days.to_string()),
        ];
        return inputs.write_report(&args.input, out, &given, |o, p| {
            write_progress_report(&report, o, p)
        });
    }
    emit_tables(&args.output, &report.to_tables(), || report.to_json())
}
