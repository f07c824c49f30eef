//! Integration tests of the import side, compiled as one test binary.

mod corpus;
mod golden;
mod hostile;
mod languages;
mod matrix;

use std::path::PathBuf;

use planfin_core::ledger::Ledger;
use planfin_core::plan::Plan;
use planfin_xlsx::{ImportError, ImportOptions, Imported, read_ledger, read_plan};

/// A file of the workspace's `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(rel)
}

/// Options that name the file by its base name in messages, for a journal read with an XOF
/// plan (the fixtures' plans are in XOF): amounts that name no currency are in XOF.
pub fn named(rel: &str) -> ImportOptions {
    ImportOptions {
        display_name: rel.rsplit('/').next().map(str::to_string),
        currency: Some(planfin_core::currency::Currency::XOF),
        ..ImportOptions::default()
    }
}

/// Imports a ledger fixture, named by its base name.
pub fn ledger(rel: &str) -> Result<Imported<Ledger>, ImportError> {
    read_ledger(fixture(rel), &named(rel))
}

/// Imports a plan fixture, named by its base name.
pub fn plan(rel: &str) -> Result<Imported<Plan>, ImportError> {
    read_plan(fixture(rel), &named(rel))
}
