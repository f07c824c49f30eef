//! The embedded CNLTP plan: Mali's national committee against trafficking in persons, advocacy
//! action plan 2018-2019, ceiling 206,850,000 XOF, five strategic objectives.
//!
//! The ceiling, period and objectives come from the published article; the budget lines,
//! funding sources, amendments and the sample ledger are **illustrative** (the article gives
//! neither the split nor any spending). They live as readable JSON in this package's
//! `data/cnltp/` (which the repository's `fixtures/cnltp` links to, for the tests and the
//! generator `scripts/gen_cnltp_fixtures.py`) and are embedded at build time.

use crate::json::{ledger_from_json, plan_from_json};
use crate::ledger::Ledger;
use crate::plan::Plan;

/// The plan, as JSON (`fixtures/cnltp/plan.json`).
pub const PLAN_JSON: &str = include_str!("../data/cnltp/plan.json");
/// The illustrative sample ledger, as JSON (`fixtures/cnltp/ledger.json`).
pub const LEDGER_JSON: &str = include_str!("../data/cnltp/ledger.json");

/// The embedded CNLTP plan.
///
/// ```
/// let plan = planfin_core::cnltp::plan();
/// assert_eq!(plan.code, "CNLTP-2018-2019");
/// ```
#[allow(clippy::expect_used)] // embedded at build time and checked by the tests: not input
pub fn plan() -> Plan {
    plan_from_json(PLAN_JSON, "fixtures/cnltp/plan.json")
        .expect("the embedded CNLTP plan is valid JSON")
}

/// The embedded illustrative sample ledger.
///
/// ```
/// let ledger = planfin_core::cnltp::ledger();
/// assert!(ledger.len() > 100);
/// ```
#[allow(clippy::expect_used)] // embedded at build time and checked by the tests: not input
pub fn ledger() -> Ledger {
    ledger_from_json(LEDGER_JSON, "fixtures/cnltp/ledger.json")
        .expect("the embedded CNLTP ledger is valid JSON")
}
