//! `planfin validate FILE...`: every finding of every file, with its location.

use std::path::Path;

use planfin_core::ledger::Ledger;
use planfin_core::plan::Plan;
use planfin_core::report::{ReportOptions, ledger_findings};
use planfin_core::validation::{Finding, validate_plan};

use crate::cli::ValidateArgs;
use crate::error::Failure;
use crate::lang::{self, say};
use crate::load::{Document, Reader};
use planfin_messages::msg;

/// What `planfin validate` has read so far.
#[derive(Default)]
struct Read {
    /// The plan given with --plan, or the only plan among the files.
    reference: Option<(String, Plan)>,
    /// The plans among the files.
    plans: Vec<(String, Plan)>,
    /// Every journal among the files, in one ledger.
    ledger: Ledger,
    ledger_files: Vec<String>,
    /// Files not read, and vouchers that conflict between files.
    refused: Vec<String>,
    refusals: usize,
    /// What is printed on standard output, in order.
    lines: Vec<String>,
}

impl Read {
    /// A refusal (a file not read); any other failure stops the command.
    fn refuse(&mut self, failure: Failure) -> Result<(), Failure> {
        match failure {
            Failure::Refused(more) => {
                self.refusals += 1;
                self.refused.extend(more);
                Ok(())
            }
            usage => Err(usage),
        }
    }

    /// Reads the plan of --plan: its currency is that of journal amounts that name none.
    fn reference(&mut self, reader: &mut Reader, path: &Path) -> Result<(), Failure> {
        match reader.plan(path) {
            Ok(plan) => {
                self.lines.extend(plan.notes);
                reader.currency = Some(plan.value.currency);
                self.reference = Some((crate::error::name(path), plan.value));
                Ok(())
            }
            Err(failure) => self.refuse(failure),
        }
    }

    /// Reads one of the files, a plan or a journal.
    fn file(&mut self, reader: &mut Reader, path: &Path) -> Result<(), Failure> {
        let loaded = match reader.document(path) {
            Ok(loaded) => loaded,
            Err(failure) => return self.refuse(failure),
        };
        self.lines.extend(loaded.notes);
        match loaded.value {
            Document::Plan(plan) => {
                // Journals listed after a plan take its currency (PLAN LEDGER...).
                reader.currency = reader.currency.or(Some(plan.currency));
                self.plans.push((crate::error::name(path), *plan));
            }
            Document::Ledger(one) => {
                self.ledger_files.push(crate::error::name(path));
                let conflicts = self.ledger.extend(*one);
                self.refusals += conflicts.len();
                self.refused
                    .extend(conflicts.iter().map(|c| say(c.message())));
            }
        }
        Ok(())
    }

    /// The findings of every plan, then of the journals against the reference plan.
    fn validate(&mut self) -> Result<Counts, Failure> {
        let mut counts = Counts::default();
        for (file, plan) in self.reference.iter().chain(&self.plans) {
            for f in validate_plan(plan) {
                counts.add(&f);
                let line = msg!("cli-in-file", file = file, message = f.render(lang::get()));
                self.lines.push(say(line));
            }
        }
        if self.reference.is_none() && self.plans.len() == 1 {
            self.reference = self.plans.pop();
        }
        if self.ledger_files.is_empty() {
            return Ok(counts);
        }
        match &self.reference {
            Some((_, plan)) => {
                let found = ledger_findings(plan, &self.ledger, ReportOptions::STALE_DAYS)
                    .map_err(|e| Failure::refused(say(e.message())))?;
                for f in found {
                    counts.add(&f);
                    self.lines.push(f.render(lang::get()));
                }
            }
            None => self.lines.push(say(msg!(
                "cli-ledger-unchecked",
                files = self.ledger_files.join(", "),
                entries = self.ledger.len(),
                duplicates = self.ledger.duplicates().len(),
            ))),
        }
        Ok(counts)
    }
}

/// Runs `planfin validate`: prints the findings on standard output, then a summary line.
/// Files that cannot be read at all are reported on standard error; every file is still read.
/// The plan of `--plan` is checked like the plans among the files.
pub fn run(args: &ValidateArgs) -> Result<(), Failure> {
    let mut reader = Reader::from(&args.read);
    let mut read = Read::default();
    if let Some(path) = &args.plan {
        read.reference(&mut reader, path)?;
    }
    for path in &args.files {
        read.file(&mut reader, path)?;
    }
    let counts = read.validate()?;
    read.lines.push(say(msg!(
        "cli-validate-summary",
        files = args.files.len(),
        errors = counts.errors,
        warnings = counts.warnings,
        refused = read.refusals,
    )));
    let mut text = read.lines.join("\n");
    text.push('\n');
    crate::output::emit(None, &text)?;

    if !read.refused.is_empty() {
        Err(Failure::Refused(read.refused))
    } else if counts.errors > 0 {
        Err(Failure::Refused(vec![say(msg!(
            "cli-blocking-findings",
            count = counts.errors
        ))]))
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
