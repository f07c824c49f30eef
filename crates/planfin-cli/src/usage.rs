//! The command line's own errors (an option or a value clap refuses) in the language of the
//! run, as `planfin: error: ...` like every other error; `--help` and `--version` stay clap's.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use planfin_messages::{Message, msg};

use crate::error::Failure;
use crate::lang::say;

/// The failure to report for `e`, or `None` to let clap print it (help, version, and the
/// rarer kinds).
pub fn failure(e: &clap::Error) -> Option<Failure> {
    let message = message(e)?;
    Some(Failure::Usage(say(message)))
}

fn message(e: &clap::Error) -> Option<Message> {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(all)) => Some(all.join(", ")),
        _ => None,
    };
    let suggested =
        text(ContextKind::SuggestedArg).or_else(|| text(ContextKind::SuggestedSubcommand));
    Some(match e.kind() {
        ErrorKind::ValueValidation => msg!(
            "cli-usage-value",
            option = text(ContextKind::InvalidArg)?,
            reason = std::error::Error::source(e)?.to_string(),
        ),
        ErrorKind::InvalidValue => msg!(
            "cli-usage-choice",
            value = text(ContextKind::InvalidValue)?,
            option = text(ContextKind::InvalidArg)?,
            values = text(ContextKind::ValidValue)?,
        ),
        ErrorKind::UnknownArgument => match suggested {
            Some(s) => msg!(
                "cli-usage-unknown-option-like",
                option = text(ContextKind::InvalidArg)?,
                suggestion = s
            ),
            None => msg!(
                "cli-usage-unknown-option",
                option = text(ContextKind::InvalidArg)?
            ),
        },
        ErrorKind::InvalidSubcommand => match suggested {
            Some(s) => msg!(
                "cli-usage-unknown-command-like",
                command = text(ContextKind::InvalidSubcommand)?,
                suggestion = s
            ),
            None => msg!(
                "cli-usage-unknown-command",
                command = text(ContextKind::InvalidSubcommand)?
            ),
        },
        ErrorKind::MissingRequiredArgument => {
            msg!(
                "cli-usage-missing",
                arguments = text(ContextKind::InvalidArg)?
            )
        }
        _ => return None,
    })
}
