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
        ErrorKind::UnknownArgument => unknown(
            ["cli-usage-unknown-option", "cli-usage-unknown-option-like"],
            ("option", text(ContextKind::InvalidArg)?),
            suggested,
        ),
        ErrorKind::InvalidSubcommand => unknown(
            [
                "cli-usage-unknown-command",
                "cli-usage-unknown-command-like",
            ],
            ("command", text(ContextKind::InvalidSubcommand)?),
            suggested,
        ),
        ErrorKind::MissingRequiredArgument => {
            msg!(
                "cli-usage-missing",
                arguments = text(ContextKind::InvalidArg)?
            )
        }
        _ => return None,
    })
}

/// An unknown option or command (`what`, its name and what was typed), with clap's
/// suggestion when it has one: `ids` are the messages without and with it.
fn unknown(
    ids: [&'static str; 2],
    what: (&'static str, String),
    suggested: Option<String>,
) -> Message {
    match suggested {
        Some(s) => Message::new(ids[1])
            .with(what.0, what.1)
            .with("suggestion", s),
        None => Message::new(ids[0]).with(what.0, what.1),
    }
}
