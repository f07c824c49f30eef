//! `planfin final`: the final report (rapport final) over the whole plan period.

use planfin_core::report::{FinalOptions, final_report};
use planfin_export::write_final_report;

use super::{check_output, emit_tables, option_text, read_inputs, report_failure};
use crate::cli::{FinalArgs, Format};
use crate::error::Failure;

/// Runs `planfin final`.
pub fn run(args: &FinalArgs) -> Result<(), Failure> {
    check_output(&args.output, &args.input)?;
    let inputs = read_inputs(&args.input)?;
    let options = FinalOptions {
        lang: crate::lang::get(),
        tolerance: args.thresholds.tolerance,
        stale_days: args.thresholds.stale_days,
    };
    let report = final_report(&inputs.plan, &inputs.ledger, &options).map_err(report_failure)?;

    if let (Format::Xlsx, Some(out)) = (args.output.format, &args.output.out) {
        let given = [
            ("command", "final".to_string()),
            ("tolerance", option_text(args.thresholds.tolerance)),
            ("stale_days", args.thresholds.stale_days.to_string()),
        ];
        return inputs.write_report(&args.input, out, &given, |o, p| {
            write_final_report(&report, o, p)
        });
    }
    emit_tables(&args.output, &report.to_tables(), || report.to_json())
}
