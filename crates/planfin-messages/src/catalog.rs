//! The catalog: the Fluent files of both languages, embedded, and the one place a message
//! becomes text.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
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

areas!["common", "findings", "report", "import", "cli", "python"];

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
