//! The variance report for every grouping at once (the variance workbook's sheets).

use super::execution::Execution;
use super::variance::{VarianceReport, fold};
use super::{Grouping, ReportError, ReportOptions};
use crate::ledger::Ledger;
use crate::plan::Plan;

/// The variance report of `plan` against `ledger` for every grouping: `options.by` first
/// (the summary sheet), then the others in the order objective, line, source, period: one
/// computation, folded four ways.
///
/// ```
/// use planfin_core::{cnltp, report::{variance_reports, Grouping, ReportOptions}};
/// let reports = variance_reports(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
/// let groupings: Vec<Grouping> = reports.iter().map(|r| r.by).collect();
/// assert_eq!(groupings, Grouping::ALL);
/// # Ok::<(), planfin_core::report::ReportError>(())
/// ```
pub fn variance_reports(
    plan: &Plan,
    ledger: &Ledger,
    options: &ReportOptions,
) -> Result<Vec<VarianceReport>, ReportError> {
    let execution = Execution::new(plan, ledger, options.as_of, options.stale_days)?;
    std::iter::once(options.by)
        .chain(Grouping::ALL.into_iter().filter(|g| *g != options.by))
        .map(|by| {
            fold(
                &execution,
                &ReportOptions {
                    by,
                    ..options.clone()
                },
            )
        })
        .collect()
}
