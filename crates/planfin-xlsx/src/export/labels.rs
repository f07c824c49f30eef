//! French and English labels of the exported workbooks, from one table (report labels come
//! from planfin-core's table, which this one extends).

use planfin_core::plan::Lang;

/// `(key, French, English)`.
const LABELS: &[(&str, &str, &str)] = &[
    ("sheet_summary", "Synthèse", "Summary"),
    ("sheet_objective", "Objectifs", "Objectives"),
    ("sheet_line", "Lignes", "Lines"),
    ("sheet_source", "Sources", "Sources"),
    ("sheet_period", "Exercices", "Periods"),
    ("sheet_findings", "Constats", "Findings"),
    ("sheet_reconciliation", "Rapprochement", "Reconciliation"),
    ("sheet_provenance", "Provenance", "Provenance"),
    ("item", "Élément", "Item"),
    ("value", "Valeur", "Value"),
    ("plan", "Plan", "Plan"),
    ("organisation", "Organisation", "Organisation"),
    ("period_plan", "Période du plan", "Plan period"),
    ("grouping", "Regroupement", "Grouping"),
    ("tolerance", "Tolérance (%)", "Tolerance (%)"),
    ("lang", "Langue", "Language"),
    ("rounding", "Règle d'arrondi", "Rounding rule"),
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
    ("findings_title", "Constats", "Findings"),
    ("no_findings", "Aucun constat.", "No findings."),
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

/// The label of `key` in `lang`: this table first, then planfin-core's report labels.
pub(crate) fn label(key: &str, lang: Lang) -> &str {
    LABELS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, fr, en)| match lang {
            Lang::Fr => *fr,
            Lang::En => *en,
        })
        .unwrap_or_else(|| planfin_core::report::labels::label(key, lang))
}
