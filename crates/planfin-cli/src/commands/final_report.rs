//! `planfin final`: the final report (rapport final) over the whole plan period.

use planfin_core::report::{FinalOptions, final_report};
use planfin_xlsx::export::{ExportOptions, write_final_report};

use super::report::option_text;
use super::{check_output, read_inputs, render_text, report_failure, write_workbook};
use crate::cli::{FinalArgs, Format};
use crate::error::Failure;
use crate::output;

/// Runs `planfin final`.
pub fn run(args: &FinalArgs) -> Result<(), Failure> {
    check_output(&args.output, &args.input)?;
    let inputs = read_inputs(&args.input)?;
    let options = FinalOptions {
        lang: args.output.lang.into(),
        tolerance: args.tolerance,
    };
    let report = final_report(&inputs.plan, &inputs.ledger, &options).map_err(report_failure)?;

    if let (Format::Xlsx, Some(out)) = (args.output.format, &args.output.out) {
        let provenance = inputs.provenance(
            &args.input,
            &[
                ("command", "final".to_string()),
                ("tolerance", option_text(args.tolerance)),
                ("lang", args.output.lang.code().to_string()),
            ],
        )?;
        return write_workbook(out, &ExportOptions { provenance }, |o, p| {
            write_final_report(&report, o, p)
        });
    }
    let text = render_text(
        args.output.format,
        &report.to_tables(),
        || report.to_json(),
        args.output.bom,
    );
    output::emit(args.output.out.as_deref(), &text)
}
