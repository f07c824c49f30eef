//! # planfin-core
//!
//! The budget domain of planfin: money and currencies, plans with objectives, budget lines,
//! funding sources and amendments, the append-only expenditure ledger, validation, and the
//! variance, progress and final reports. No file I/O and no `f64` in the public API: every
//! amount is an exact [`rust_decimal::Decimal`].
//!
//! ```
//! use planfin_core::cnltp;
//! let plan = cnltp::plan();
//! assert_eq!(plan.ceiling.to_string(), "206850000");
//! assert_eq!(plan.objectives.len(), 5);
//! ```

// Every operation on amounts is checked (tests may panic on overflow: that fails the test).
#![cfg_attr(not(test), warn(clippy::arithmetic_side_effects))]

pub mod amendment;
pub mod cnltp;
pub mod currency;
pub mod expenditure;
pub mod findings;
pub mod json;
pub mod ledger;
pub mod money;
pub mod plan;
pub mod render;
pub mod report;
pub mod validation;
pub mod words;

pub use rust_decimal::Decimal;
