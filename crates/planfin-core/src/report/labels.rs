//! French and English labels of every report, as text or as a workbook: the messages
//! `label-<key>` of the catalog (planfin-messages, `locales/*/report.ftl`), where `<key>` is
//! the stable key of JSON and CSV.

use crate::plan::Lang;

/// The label of `key` in `lang` (the catalog's `label-<key>`), or `key` itself when the
/// catalog has no such label.
///
/// ```
/// use planfin_core::{plan::Lang, report::labels::label};
/// assert_eq!(label("paid", Lang::Fr), "Payé");
/// assert_eq!(label("paid", Lang::En), "Paid");
/// ```
pub fn label(key: &str, lang: Lang) -> &str {
    planfin_messages::text(&format!("label-{key}"), lang).unwrap_or(key)
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
