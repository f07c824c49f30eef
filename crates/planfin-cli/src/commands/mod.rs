//! One module per subcommand; each returns `Ok` or the [`Failure`](crate::error::Failure) to
//! report.

pub mod report;
pub mod validate;
