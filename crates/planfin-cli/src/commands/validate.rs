//! `planfin validate FILE...`: every finding of every file, with its location.

use planfin_core::ledger::Ledger;
use planfin_core::plan::Plan;
use planfin_core::validation::{Finding, validate_ledger, validate_plan};

use crate::cli::ValidateArgs;
use crate::error::Failure;
use crate::load::{self, Document, Reader};

/// Runs `planfin validate`: prints the findings on standard output, then a summary line.
/// Files that cannot be read at all are reported on standard error; every file is still read.
pub fn run(args: &ValidateArgs) -> Result<(), Failure> {
    let mut refused: Vec<String> = Vec::new();
    // Files not read, and vouchers that conflict between files.
    let mut refusals = 0;
    let mut plans: Vec<(String, Plan)> = Vec::new();
    let mut ledger = Ledger::new();
    let mut ledger_files: Vec<String> = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let reader = Reader::from(&args.read);

    for path in &args.files {
        match reader.document(path) {
            Ok(loaded) => {
                lines.extend(loaded.notes);
                match loaded.value {
                    Document::Plan(plan) => plans.push((load::name(path), *plan)),
                    Document::Ledger(one) => {
                        ledger_files.push(load::name(path));
                        let conflicts = ledger.extend(*one);
                        refusals += conflicts.len();
                        refused.extend(conflicts.iter().map(ToString::to_string));
                    }
                }
            }
            Err(Failure::Refused(lines)) => {
                refusals += 1;
                refused.extend(lines);
            }
            Err(usage) => return Err(usage),
        }
    }

    let mut counts = Counts::default();
    for (file, plan) in &plans {
        for f in validate_plan(plan) {
            counts.add(&f);
            lines.push(format!("{file}: {f}"));
        }
    }

    let reference = match &args.plan {
        Some(path) => match reader.plan(path) {
            Ok(plan) => {
                lines.extend(plan.notes);
                Some((load::name(path), plan.value))
            }
            Err(Failure::Refused(more)) => {
                refusals += 1;
                refused.extend(more);
                None
            }
            Err(usage) => return Err(usage),
        },
        None if plans.len() == 1 => plans.pop(),
        None => None,
    };
    if !ledger_files.is_empty() {
        match &reference {
            Some((_, plan)) => {
                for f in validate_ledger(plan, &ledger) {
                    counts.add(&f);
                    lines.push(f.to_string());
                }
            }
            None => lines.push(format!(
                "note: {}: {} expenditure(s) read, {} duplicate voucher(s) counted once; line \
                 codes and dates not checked: give the plan too (planfin validate PLAN LEDGER..., \
                 or --plan FILE)",
                ledger_files.join(", "),
                ledger.len(),
                ledger.duplicates().len()
            )),
        }
    }

    lines.push(format!(
        "{} file(s): {} error(s), {} warning(s), {} refused",
        args.files.len(),
        counts.errors,
        counts.warnings,
        refusals
    ));
    let mut text = lines.join("\n");
    text.push('\n');
    crate::output::emit(None, &text)?;

    if !refused.is_empty() {
        Err(Failure::Refused(refused))
    } else if counts.errors > 0 {
        Err(Failure::Refused(vec![format!(
            "{} blocking finding(s)",
            counts.errors
        )]))
    } else {
        Ok(())
    }
}

#[derive(Default)]
struct Counts {
    errors: usize,
    warnings: usize,
}

impl Counts {
    fn add(&mut self, f: &Finding) {
        if f.is_error() {
            self.errors += 1;
        } else {
            self.warnings += 1;
        }
    }
}
