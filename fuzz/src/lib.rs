//! What the fuzz targets share: stepping over known findings while they are being fixed.
//!
//! A target checks `known("id")` before an assertion that a known, reported finding breaks.
//! By default nothing is known and every assertion holds: a finding stays a crash (and
//! `scripts/fuzz` fails) until planfin is fixed. To look past one during a long run, list its
//! id in `PLANFIN_FUZZ_KNOWN` (comma-separated, `all` for every one); the ids are in
//! fuzz/README.md.

use std::sync::OnceLock;

/// Whether the known finding `id` is to be stepped over (listed in `PLANFIN_FUZZ_KNOWN`).
pub fn known(id: &str) -> bool {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    let list = LIST.get_or_init(|| {
        std::env::var("PLANFIN_FUZZ_KNOWN")
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    });
    list.iter().any(|k| k == id || k == "all")
}
