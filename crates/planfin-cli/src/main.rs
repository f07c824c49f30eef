//! `planfin`: budget plans and expenditure ledgers on the command line.
//!
//! Exit codes: 0 ok, 1 blocking findings or a refused input, 2 usage. Errors go to standard
//! error as `planfin: error: ...` (`planfin : erreur : ...`), naming the file, in the language
//! of the run (see `lang`).

mod cli;
mod commands;
mod error;
mod help;
mod lang;
mod load;
mod output;
mod progress_bar;
mod usage;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    quiet_reader_panics();
    lang::init(&std::env::args_os().collect::<Vec<_>>());
    let command = help::localized(Cli::command(), lang::get());
    let parsed = command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => match usage::failure(&e) {
            Some(failure) => {
                eprintln!("{failure}");
                return failure.exit_code();
            }
            None => e.exit(),
        },
    };
    let result = match &cli.command {
        Command::Report(args) => commands::report::run(args),
        Command::Progress(args) => commands::progress::run(args),
        Command::Final(args) => commands::final_report::run(args),
        Command::Validate(args) => commands::validate::run(args),
        Command::Convert(args) => commands::convert::run(args),
        Command::Template(args) => commands::template::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{failure}");
            failure.exit_code()
        }
    }
}

/// A panic inside calamine (a damaged record it indexes unchecked) is caught by planfin-xlsx
/// and reported as an unreadable file, naming it: the default hook's message and backtrace
/// would only come before that error, in a developer's terms. Any other panic, planfin's own
/// code included, is a bug and keeps the default report.
fn quiet_reader_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !planfin_xlsx::in_guarded_reader() {
            default(info);
        }
    }));
}
