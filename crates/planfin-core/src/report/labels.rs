//! French and English labels of every report, from one table.

use crate::plan::Lang;

/// `(key, French, English)`: the one table of report labels.
const LABELS: &[(&str, &str, &str)] = &[
    (
        "variance_title",
        "Écarts budget / réalisations",
        "Budget vs actual variance",
    ),
    ("progress_title", "Rapport d'étape", "Progress report"),
    ("final_title", "Rapport final", "Final report"),
    ("objective", "Objectif", "Objective"),
    ("line", "Ligne", "Line"),
    ("source", "Source de financement", "Funding source"),
    ("period", "Exercice", "Fiscal year"),
    ("key", "Code", "Code"),
    ("label", "Libellé", "Label"),
    ("initial", "Budget initial", "Initial budget"),
    ("amendments", "Amendements", "Amendments"),
    ("revised", "Budget révisé", "Revised budget"),
    ("committed", "Engagé non payé", "Committed"),
    ("paid", "Payé", "Paid"),
    ("variance", "Écart", "Variance"),
    ("available", "Disponible", "Available"),
    ("execution_rate", "Taux d'exécution", "Execution rate"),
    ("flags", "Alertes", "Flags"),
    ("total", "Total", "Total"),
    ("unknown_line", "Ligne inconnue", "Unknown line"),
    ("as_of", "Situation au", "As of"),
    ("currency", "Devise", "Currency"),
    ("ceiling", "Plafond", "Ceiling"),
    ("findings", "Constats", "Findings"),
    ("code", "Code", "Code"),
    ("severity", "Gravité", "Severity"),
    ("message", "Message", "Message"),
    ("location", "Emplacement", "Location"),
    ("sign_convention", "Convention de signe", "Sign convention"),
    (
        "sign_convention_text",
        "écart = révisé - payé (positif : reste disponible, négatif : dépassement) ; disponible = révisé - engagé - payé ; taux = payé / révisé",
        "variance = revised - paid (positive: money left, negative: overspent); available = revised - committed - paid; rate = paid / revised",
    ),
    ("over_budget", "dépassement", "over budget"),
    ("over_tolerance", "hors tolérance", "over tolerance"),
    ("not_started", "non démarré", "not started"),
    ("outside_period", "hors période", "outside period"),
    ("duplicate_voucher", "pièce en double", "duplicate voucher"),
];

/// The label of `key` in `lang`, or `key` itself when the table has no such key.
///
/// ```
/// use planfin_core::{plan::Lang, report::labels::label};
/// assert_eq!(label("paid", Lang::Fr), "Payé");
/// assert_eq!(label("paid", Lang::En), "Paid");
/// ```
pub fn label(key: &str, lang: Lang) -> &str {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, fr, en)| match lang {
            Lang::Fr => *fr,
            Lang::En => *en,
        })
        .unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Flag;

    #[test]
    fn every_flag_and_amount_field_has_both_labels() {
        let keys = Flag::ALL
            .iter()
            .map(|f| f.code())
            .chain(crate::report::Amounts::default().fields().map(|(k, _)| k));
        for key in keys {
            assert_ne!(label(key, Lang::Fr), key, "{key} fr");
            assert_ne!(label(key, Lang::En), key, "{key} en");
        }
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<_> = LABELS.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), LABELS.len());
    }
}
