//! French and English labels of every report, as text or as a workbook, from one table.

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
    ("committed", "Restes à payer", "Remaining to pay"),
    ("engaged", "Engagé", "Engaged"),
    ("liquidated", "Liquidé", "Liquidated"),
    ("ordered", "Mandaté", "Ordered"),
    ("paid", "Payé", "Paid"),
    ("remaining_to_pay", "Restes à payer", "Remaining to pay"),
    ("variance", "Écart", "Variance"),
    ("available", "Crédits disponibles", "Available"),
    ("execution_rate", "Taux d'exécution", "Execution rate"),
    ("commitment_rate", "Taux d'engagement", "Commitment rate"),
    ("payment_rate", "Taux de paiement", "Payment rate"),
    // The ageing of open commitments (progress report).
    (
        "ageing_by_objective",
        "Ancienneté des restes à payer par objectif",
        "Ageing of open commitments by objective",
    ),
    (
        "ageing_by_line",
        "Ancienneté des restes à payer par ligne",
        "Ageing of open commitments by line",
    ),
    ("age_0_30", "0 à 30 jours", "0-30 days"),
    ("age_31_90", "31 à 90 jours", "31-90 days"),
    ("age_91_180", "91 à 180 jours", "91-180 days"),
    ("age_over_180", "Plus de 180 jours", "Over 180 days"),
    ("age_total", "Restes à payer", "Remaining to pay"),
    (
        "sheet_ageing_objective",
        "Ancienneté objectifs",
        "Ageing objectives",
    ),
    ("sheet_ageing_line", "Ancienneté lignes", "Ageing lines"),
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
        "engagé, liquidé, mandaté, payé : cumuls de ce qui a atteint l'étape ou au-delà ; restes à payer = engagé - payé ; crédits disponibles = révisé - engagé ; écart = révisé - payé (positif : reste disponible, négatif : dépassement) ; taux d'engagement = engagé / révisé ; taux de paiement = payé / révisé",
        "engaged, liquidated, ordered, paid: what has reached the stage or beyond, cumulative; remaining to pay = engaged - paid; available = revised - engaged; variance = revised - paid (positive: money left, negative: overspent); commitment rate = engaged / revised; payment rate = paid / revised",
    ),
    ("over_budget", "dépassement", "over budget"),
    (
        "over_committed",
        "engagé au-delà du budget",
        "over committed",
    ),
    ("over_tolerance", "hors tolérance", "over tolerance"),
    ("not_started", "non démarré", "not started"),
    ("outside_period", "hors période", "outside period"),
    ("duplicate_voucher", "pièce en double", "duplicate voucher"),
    ("value", "Valeur", "Value"),
    ("summary", "Synthèse", "Summary"),
    ("no_findings", "Aucun constat.", "No findings."),
    ("to", "au", "to"),
    // Progress report (rapport d'étape).
    (
        "by_objective",
        "Exécution cumulée par objectif",
        "Cumulative execution by objective",
    ),
    (
        "by_period",
        "Exécution cumulée par exercice",
        "Cumulative execution by fiscal year",
    ),
    (
        "days_total",
        "Jours de la période du plan",
        "Days in the plan period",
    ),
    ("days_elapsed", "Jours écoulés", "Days elapsed"),
    (
        "elapsed_share",
        "Part de la période écoulée",
        "Share of the period elapsed",
    ),
    (
        "burn_rate_per_day",
        "Rythme de paiement (par jour)",
        "Burn rate (paid per day)",
    ),
    ("burn_rate", "Rythme de paiement", "Burn rate"),
    (
        "burn_rate_text",
        "payé à la date de situation / jours écoulés depuis le début du plan (date de situation incluse, au plus la durée du plan), arrondi à l'unité de la devise",
        "paid to the cut-off / days elapsed since the plan start (cut-off included, at most the plan's length), rounded to the currency's minor unit",
    ),
    (
        "projected_paid",
        "Paiements projetés en fin de plan",
        "Projected paid at plan end",
    ),
    ("projected_variance", "Écart projeté", "Projected variance"),
    ("projection", "Projection", "Projection"),
    (
        "projection_text",
        "payé x jours du plan / jours écoulés, arrondi pour chaque ligne du tableau à l'unité de la devise, la moitié s'éloignant de zéro ; le total est la somme des lignes ; écart projeté = révisé - payé projeté",
        "paid x days in the plan / days elapsed, rounded for each row to the currency's minor unit, half away from zero; the total is the sum of the rows; projected variance = revised - projected paid",
    ),
    ("rounding", "Arrondi", "Rounding"),
    (
        "rounding_text",
        "chaque montant converti est arrondi une fois à l'unité de la devise du plan, la moitié s'éloignant de zéro",
        "converted amounts are rounded once, half away from zero, to the plan currency's minor unit",
    ),
    // Final report (rapport final).
    ("reconciliation", "Rapprochement", "Reconciliation"),
    (
        "by_objective_final",
        "Écarts par objectif",
        "Variance by objective",
    ),
    (
        "by_source_final",
        "Écarts par source de financement",
        "Variance by funding source",
    ),
    (
        "initial_allocation",
        "Dotation initiale (somme des lignes)",
        "Initial allocation (sum of the lines)",
    ),
    ("unallocated", "Plafond non réparti", "Unallocated ceiling"),
    (
        "transfers_gross",
        "Virements : montants déplacés",
        "Transfers: amounts moved",
    ),
    (
        "transfers_net",
        "Virements : effet net",
        "Transfers: net effect",
    ),
    ("raises", "Augmentations", "Raises"),
    ("cuts", "Réductions", "Cuts"),
    (
        "raises_cuts_net",
        "Augmentations et réductions : effet net",
        "Raises and cuts: net effect",
    ),
    (
        "unspent",
        "Non dépensé (révisé - payé)",
        "Unspent (revised - paid)",
    ),
    // Report workbooks: sheet names, provenance, chart.
    ("sheet_summary", "Synthèse", "Summary"),
    ("sheet_objective", "Objectifs", "Objectives"),
    ("sheet_line", "Lignes", "Lines"),
    ("sheet_source", "Sources", "Sources"),
    ("sheet_period", "Exercices", "Periods"),
    ("sheet_findings", "Constats", "Findings"),
    ("sheet_reconciliation", "Rapprochement", "Reconciliation"),
    ("sheet_provenance", "Provenance", "Provenance"),
    ("item", "Élément", "Item"),
    ("plan", "Plan", "Plan"),
    ("organisation", "Organisation", "Organisation"),
    ("period_plan", "Période du plan", "Plan period"),
    ("grouping", "Regroupement", "Grouping"),
    ("tolerance", "Tolérance (%)", "Tolerance (%)"),
    ("lang", "Langue", "Language"),
    ("rounding_rule", "Règle d'arrondi", "Rounding rule"),
    ("version", "Version de planfin", "planfin version"),
    ("input", "Fichier d'entrée", "Input file"),
    ("sha256", "SHA-256", "SHA-256"),
    ("bytes", "Octets", "Bytes"),
    ("option", "Option", "Option"),
    ("inputs_title", "Fichiers d'entrée", "Input files"),
    ("options_title", "Options", "Options"),
    (
        "provenance_title",
        "Provenance du rapport",
        "Where this report comes from",
    ),
    (
        "chart_title",
        "Budget révisé et payé",
        "Revised budget and paid",
    ),
    (
        "formulas_note",
        "Les totaux et colonnes calculées sont des formules ; leurs valeurs enregistrées sont les montants exacts calculés par planfin.",
        "Totals and derived columns are formulas; their stored values are the exact amounts computed by planfin.",
    ),
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

/// `label: value` in `lang`'s typography: `Devise : XOF` in French, `Currency: XOF` in English.
///
/// ```
/// use planfin_core::{plan::Lang, report::labels::labelled};
/// assert_eq!(labelled("currency", "XOF", Lang::Fr), "Devise : XOF");
/// assert_eq!(labelled("currency", "XOF", Lang::En), "Currency: XOF");
/// ```
pub fn labelled(key: &str, value: impl std::fmt::Display, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{} : {value}", label(key, lang)),
        Lang::En => format!("{}: {value}", label(key, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<_> = LABELS.iter().map(|(k, _, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), LABELS.len());
    }
}
