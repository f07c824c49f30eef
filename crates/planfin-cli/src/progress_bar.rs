//! A progress indicator on standard error while a workbook is read, only when standard error is
//! a terminal: scripts and pipes see nothing of it.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::name;
use crate::lang::say;
use planfin_messages::msg;

/// A spinner with the file, the rows read so far and the time elapsed; cleared when dropped.
pub struct Progress {
    bar: Option<ProgressBar>,
    file: String,
}

impl Progress {
    /// Starts the indicator for reading `path` (nothing when standard error is not a terminal).
    pub fn reading(path: &Path) -> Progress {
        let file = name(path);
        if !std::io::stderr().is_terminal() {
            return Progress { bar: None, file };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.set_message(say(msg!("cli-reading", file = &file)));
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress {
            bar: Some(bar),
            file,
        }
    }

    /// Shows how many rows have been read.
    pub fn rows(&self, rows: u64) {
        if let Some(bar) = &self.bar {
            bar.set_message(say(msg!("cli-rows-read", file = &self.file, rows = rows)));
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
