//! Words as people type them: how planfin compares a stage, a header or a currency word
//! typed in a cell with the names it knows, whatever the case and the accents.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// `text` in lower case without its accents, composed (`é`) or decomposed (`e` + U+0301)
/// alike, and with the ligatures `œ` and `æ` spelled out: `Engagé`, `ENGAGE` and
/// `engage\u{301}` all fold to `engage`.
///
/// ```
/// use planfin_core::words::fold;
/// assert_eq!(fold("Payé"), "paye");
/// assert_eq!(fold("Pay\u{e9}"), fold("Paye\u{301}"));
/// assert_eq!(fold("Main-d'Œuvre"), "main-d'oeuvre");
/// assert_eq!(fold("N° pièce"), "n° piece");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// How many columns `text` takes on a terminal: wide characters count two, combining marks
/// none (`chars().count()` is wrong for both).
///
/// ```
/// use planfin_core::words::width;
/// assert_eq!(width("Écart"), 5);
/// assert_eq!(width("E\u{301}cart"), 5);
/// assert_eq!(width("予算"), 4);
/// ```
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` cut to at most `columns` terminal columns, ending with `…` when cut.
///
/// ```
/// use planfin_core::words::cut;
/// assert_eq!(cut("Ateliers de relecture", 10), "Ateliers …");
/// assert_eq!(cut("予算予算予算", 5), "予算…");
/// assert_eq!(cut("court", 10), "court");
/// ```
pub fn cut(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    let room = columns.saturating_sub(1);
    let mut out = String::new();
    let mut used = 0usize;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        match used.checked_add(w) {
            Some(next) if next <= room => used = next,
            _ => break,
        }
        out.push(c);
    }
    out.push('…');
    out
}
