//! The catalog: the Fluent files of both languages, embedded, and the one place a message
//! becomes text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use crate::{Arg, Lang, Message};

macro_rules! areas {
    ($($area:literal),* $(,)?) => {
        /// `(area, French source, English source)`: the catalog's files, one per area.
        pub const SOURCES: &[(&str, &str, &str)] = &[$((
            $area,
            include_str!(concat!("../locales/fr/", $area, ".ftl")),
            include_str!(concat!("../locales/en/", $area, ".ftl")),
        )),*];
    };
}

areas![
    "common", "findings", "report", "import", "cli", "python", "export", "columnar"
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let [fr, en] = BUNDLES.get_or_init(|| Lang::ALL.map(build));
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The bundle of `lang`. The files are embedded and checked by this crate's tests, so an
/// error here is a planfin bug; a message that did not parse renders as its id.
fn build(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: they would reach terminals, cells and
    // golden files as invisible characters.
    bundle.set_use_isolating(false);
    // Counts are Fluent numbers (for plurals), shown as planfin shows numbers: `50 000` in
    // French, `50,000` in English.
    bundle.set_formatter(Some(match lang {
        Lang::Fr => count_fr,
        Lang::En => count_en,
    }));
    for (_, fr, en) in SOURCES {
        let text = match lang {
            Lang::Fr => fr,
            Lang::En => en,
        };
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        // Duplicate ids are refused by the tests; the first one is kept.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn count_fr<M>(value: &FluentValue, _: &M) -> Option<String> {
    count(value, Lang::Fr)
}

fn count_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    count(value, Lang::En)
}

/// A count (an integral Fluent number) in `lang`'s style; other values as Fluent shows them.
fn count(value: &FluentValue, lang: Lang) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 => {
            Some(crate::format_count(n.value as i64, lang))
        }
        _ => None,
    }
}

/// Renders `message` in `lang`. A message missing from the catalog renders as its id and its
/// arguments (a planfin bug the tests catch, never a panic).
pub(crate) fn render(message: &Message, lang: Lang) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(message.id()).and_then(|m| m.value()) else {
        debug_assert!(
            false,
            "message {} is not in the {lang} catalog",
            message.id()
        );
        return fallback(message, lang);
    };
    let mut args = FluentArgs::new();
    for (name, arg) in message.args() {
        args.set(*name, value(arg, lang));
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    debug_assert!(
        errors.is_empty(),
        "message {} in {lang}: {errors:?}",
        message.id()
    );
    text.into_owned()
}

fn value(arg: &Arg, lang: Lang) -> FluentValue<'static> {
    match arg {
        // Counts stay numbers, so that plural forms can be chosen; they are small integers,
        // exact in Fluent's f64.
        Arg::Count(n) => FluentValue::from(*n),
        other => FluentValue::String(Cow::Owned(other.render(lang))),
    }
}

fn fallback(message: &Message, lang: Lang) -> String {
    let args: Vec<String> = message
        .args()
        .iter()
        .map(|(name, arg)| format!("{name}={}", arg.render(lang)))
        .collect();
    format!("{}({})", message.id(), args.join(", "))
}

/// Whether the catalog of `lang` has a message `id`.
pub fn has_message(id: &str, lang: Lang) -> bool {
    bundle(lang).has_message(id)
}

/// The text of the argument-less message `id` in `lang` (a label, a column header, a flag's
/// name), rendered once and kept: tables ask for the same labels over and over. A missing
/// message gives `None`.
///
/// ```
/// use planfin_messages::{text, Lang};
/// assert_eq!(text("severity-error", Lang::Fr), Some("erreur"));
/// assert_eq!(text("severity-error", Lang::En), Some("error"));
/// assert_eq!(text("no-such-message", Lang::En), None);
/// ```
pub fn text(id: &str, lang: Lang) -> Option<&'static str> {
    static TEXTS: OnceLock<[HashMap<&'static str, String>; 2]> = OnceLock::new();
    let [fr, en] = TEXTS.get_or_init(|| Lang::ALL.map(texts));
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
    .get(id)
    .map(String::as_str)
}

/// Every argument-less message of `lang`, rendered.
fn texts(lang: Lang) -> HashMap<&'static str, String> {
    let bundle = bundle(lang);
    let mut out = HashMap::new();
    for (_, fr, en) in SOURCES {
        let source: &'static str = match lang {
            Lang::Fr => fr,
            Lang::En => en,
        };
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(r, _)| r);
        for entry in resource.body {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            let Some(pattern) = bundle.get_message(m.id.name).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            if errors.is_empty() {
                out.insert(m.id.name, text.into_owned());
            }
        }
    }
    out
}
