//! `planfin progress --as-of DATE`: the progress report (rapport d'étape).

use planfin_core::report::{ProgressOptions, progress};
use planfin_xlsx::export::{ExportOptions, write_progress_report};

use super::report::option_text;
use super::{check_output, read_inputs, render_text, report_failure, write_workbook};
use crate::cli::{Format, ProgressArgs};
use crate::error::Failure;
use crate::output;

/// Runs `planfin progress`.
pub fn run(args: &ProgressArgs) -> Result<(), Failure> {
    check_output(&args.output, &args.input)?;
    let inputs = read_inputs(&args.input)?;
    let options = ProgressOptions {
        as_of: args.as_of,
        lang: args.output.lang.into(),
        tolerance: args.tolerance,
    };
    let report = progress(&inputs.plan, &inputs.ledger, &options).map_err(report_failure)?;

    if let (Format::Xlsx, Some(out)) = (args.output.format, &args.output.out) {
        let provenance = inputs.provenance(
            &args.input,
            &[
                ("command", "progress".to_string()),
                ("as_of", args.as_of.to_string()),
                ("tolerance", option_text(args.tolerance)),
                ("lang", args.output.lang.code().to_string()),
            ],
        )?;
        return write_workbook(out, &ExportOptions { provenance }, |o, p| {
            write_progress_report(&report, o, p)
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
