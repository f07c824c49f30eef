//! How the command fails: the message the user sees and the exit code.

use std::fmt;
use std::path::Path;
use std::process::ExitCode;

use planfin_export::ExportError;

/// The name of `path` as the user wrote it, for messages.
pub fn name(path: &Path) -> String {
    path.display().to_string()
}

/// An export that failed; its message names the file and the fix.
pub fn export_failure(e: ExportError) -> Failure {
    Failure::refused(e.render(crate::lang::get()))
}

/// A failure of a command, with the exit code it maps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The command line asks for something planfin cannot do: exit 2.
    Usage(String),
    /// An input was refused (unreadable, malformed, conflicting) or validation found blocking
    /// findings: exit 1. Every line is printed, each prefixed with `planfin: error: `.
    Refused(Vec<String>),
}

impl Failure {
    /// A refused input described by one message.
    pub fn refused(message: impl Into<String>) -> Failure {
        Failure::Refused(vec![message.into()])
    }

    /// The process exit code: 2 for usage, 1 otherwise.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Usage(_) => ExitCode::from(2),
            Failure::Refused(_) => ExitCode::from(1),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Usage(message) => f.write_str(&error_line(message)),
            Failure::Refused(lines) => {
                for (i, line) in lines.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    f.write_str(&error_line(line))?;
                }
                Ok(())
            }
        }
    }
}

/// `planfin: error: message` in the language of the run.
fn error_line(message: &str) -> String {
    crate::lang::say(planfin_messages::msg!("cli-error", message = message))
}

impl std::error::Error for Failure {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_prefixed() {
        crate::lang::english_for_tests();
        let f = Failure::Refused(vec!["a.json: one".into(), "b.json: two".into()]);
        assert_eq!(
            f.to_string(),
            "planfin: error: a.json: one\nplanfin: error: b.json: two"
        );
        assert_eq!(f.exit_code(), ExitCode::from(1));
        assert_eq!(Failure::Usage("x".into()).exit_code(), ExitCode::from(2));
    }
}
