//! The columns of the report tables, declared once: each derived column's formula (which the
//! workbooks write as a live formula) and the columns whose negative values are alerts.

use crate::render::{Column, Formula};

/// `(key, formula)` of every derived column, inputs before what is derived from them.
const DERIVED: &[(&str, Formula)] = &[
    (
        "revised",
        Formula::Sum(&[(1, "initial"), (1, "amendments")]),
    ),
    ("variance", Formula::Sum(&[(1, "revised"), (-1, "paid")])),
    (
        "remaining_to_pay",
        Formula::Sum(&[(1, "engaged"), (-1, "paid")]),
    ),
    (
        "available",
        Formula::Sum(&[(1, "revised"), (-1, "engaged")]),
    ),
    ("commitment_rate", Formula::Ratio("engaged", "revised")),
    ("payment_rate", Formula::Ratio("paid", "revised")),
    (
        "age_total",
        Formula::Sum(&[
            (1, "age_0_30"),
            (1, "age_31_90"),
            (1, "age_91_180"),
            (1, "age_over_180"),
        ]),
    ),
    (
        "projected_variance",
        Formula::Sum(&[(1, "revised"), (-1, "projected_paid")]),
    ),
];

/// Columns whose negative values are shown as alerts.
const ALERT_NEGATIVE: &[&str] = &["variance", "available", "projected_variance"];

/// The column `key` of a report table, with its formula and alert.
///
/// ```
/// use planfin_core::render::Formula;
/// use planfin_core::report::columns::column;
/// assert_eq!(column("payment_rate").formula, Some(Formula::Ratio("paid", "revised")));
/// assert!(column("available").alert_negative);
/// assert_eq!(column("paid").formula, None);
/// ```
pub fn column(key: &str) -> Column {
    Column {
        key: key.to_string(),
        formula: DERIVED.iter().find(|(k, _)| *k == key).map(|(_, f)| *f),
        alert_negative: ALERT_NEGATIVE.contains(&key),
    }
}

/// The rank of `key` in the order the workbook computes its cells: inputs (0) first, then the
/// derived columns in the order of their dependencies.
pub fn derivation_rank(key: &str) -> usize {
    DERIVED
        .iter()
        .position(|(k, _)| *k == key)
        .map_or(0, |p| p.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A derived column's inputs come before it, so that a writer computing in rank order has
    /// every input ready.
    #[test]
    fn inputs_rank_before_what_they_derive() {
        for (key, formula) in DERIVED {
            let inputs: Vec<&str> = match formula {
                Formula::Sum(terms) => terms.iter().map(|(_, k)| *k).collect(),
                Formula::Ratio(a, b) => vec![a, b],
            };
            for input in inputs {
                assert!(
                    derivation_rank(input) < derivation_rank(key),
                    "{input} -> {key}"
                );
            }
        }
    }
}
