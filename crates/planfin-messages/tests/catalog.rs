//! The catalog's guards: both languages hold the same messages with the same arguments, every
//! message has a golden rendering in each language, French reads as French, English as
//! English, and every id the code uses exists.
//!
//! `PLANFIN_BLESS=1 cargo test -p planfin-messages` rewrites the golden files; review the diff.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use planfin_messages::{Arg, Lang, Message, SOURCES, has_message};

type Signatures = BTreeMap<String, BTreeSet<String>>;

fn source(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

fn parse(area: &str, lang: Lang, text: &'static str) -> ast::Resource<&'static str> {
    match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{lang}/{area}.ftl does not parse: {errors:?}"),
    }
}

fn variables_of_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, out);
        }
    }
}

fn variables_of_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_of_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => variables_of_inline(inline, out),
    }
}

fn variables_of_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                variables_of_inline(a, out);
            }
        }
        _ => {}
    }
}

/// Every message of `lang`: its id and the variables it uses. Panics on a duplicate id.
fn signatures(lang: Lang) -> Signatures {
    let mut out = Signatures::new();
    for (area, fr, en) in SOURCES {
        for entry in parse(area, lang, source(lang, fr, en)).body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables_of_pattern(p, &mut vars);
                }
                let id = m.id.name.to_string();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{lang}: message {id} twice"
                );
            }
        }
    }
    out
}

#[test]
fn both_languages_hold_the_same_messages_with_the_same_arguments() {
    let (fr, en) = (signatures(Lang::Fr), signatures(Lang::En));
    let only = |a: &Signatures, b: &Signatures| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(only(&fr, &en), Vec::<String>::new(), "in French only");
    assert_eq!(only(&en, &fr), Vec::<String>::new(), "in English only");
    for (id, vars) in &fr {
        assert_eq!(Some(vars), en.get(id), "{id}: arguments differ (fr vs en)");
    }
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A sample argument in `tests/samples/*.json`: `{"text": ".."}`, `{"count": 3}`,
/// `{"amount": "12500000"}`, `{"date": "2019-03-31"}` or `{"message": {"id": .., "args": {..}}}`.
fn sample_arg(value: &serde_json::Value) -> Arg {
    let (kind, v) = value
        .as_object()
        .and_then(|o| o.iter().next())
        .unwrap_or_else(|| panic!("a sample argument is an object of one key: {value}"));
    match kind.as_str() {
        "text" => Arg::Text(v.as_str().unwrap_or_default().into()),
        "count" => Arg::Count(v.as_i64().unwrap_or_default()),
        "amount" => Arg::Amount(v.as_str().unwrap_or_default().parse().unwrap_or_default()),
        "date" => Arg::Date(v.as_str().unwrap_or_default().parse().unwrap_or_default()),
        "message" => Arg::Message(Box::new(sample_message(v))),
        other => panic!("unknown sample kind {other}"),
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

fn sample_message(value: &serde_json::Value) -> Message {
    let id = value["id"].as_str().unwrap_or_default();
    let mut m = Message::new(leak(id));
    if let Some(args) = value["args"].as_object() {
        for (name, arg) in args {
            m = m.with(leak(name), sample_arg(arg));
        }
    }
    m
}

/// `id -> sample` from every `tests/samples/*.json` (`{"id": {"var": arg, ...}, ...}`).
fn samples() -> BTreeMap<String, Message> {
    let mut out = BTreeMap::new();
    for (area, _, _) in SOURCES {
        let path = crate_dir().join(format!("tests/samples/{area}.json"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (id, args) in json.as_object().into_iter().flatten() {
            let message = sample_message(&serde_json::json!({"id": id, "args": args}));
            assert!(
                out.insert(id.clone(), message).is_none(),
                "sample {id} twice"
            );
        }
    }
    out
}

#[test]
fn every_message_has_a_sample_with_its_arguments() {
    let fr = signatures(Lang::Fr);
    let samples = samples();
    for (id, vars) in &fr {
        let sample = samples
            .get(id)
            .unwrap_or_else(|| panic!("{id} has no sample in tests/samples/"));
        let given: BTreeSet<String> = sample.args().iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(&given, vars, "{id}: the sample's arguments");
    }
    let extra: Vec<&String> = samples.keys().filter(|k| !fr.contains_key(*k)).collect();
    assert!(extra.is_empty(), "samples of no message: {extra:?}");
}

fn golden(lang: Lang, area: &str) -> PathBuf {
    crate_dir().join(format!("tests/golden/{area}.{lang}.txt"))
}

/// The golden renderings: one line per message, `id: text`, per area and language.
#[test]
fn every_message_renders_as_its_golden_text_in_each_language() {
    let samples = samples();
    let bless = std::env::var_os("PLANFIN_BLESS").is_some();
    let mut stale = Vec::new();
    for (area, fr, en) in SOURCES {
        for lang in Lang::ALL {
            let mut text = String::new();
            for entry in parse(area, lang, source(lang, fr, en)).body {
                if let ast::Entry::Message(m) = entry
                    && let Some(sample) = samples.get(m.id.name)
                {
                    text.push_str(&format!("{}: {}\n", m.id.name, sample.render(lang)));
                }
            }
            let path = golden(lang, area);
            if bless {
                std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "golden files differ (PLANFIN_BLESS=1 to rewrite, then review): {stale:?}"
    );
}

/// The text that the catalog itself writes (arguments left out) of each message in `lang`.
fn literal_texts(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (area, fr, en) in SOURCES {
        for entry in parse(area, lang, source(lang, fr, en)).body {
            if let ast::Entry::Message(m) = entry
                && let Some(p) = &m.value
            {
                let mut text = String::new();
                literal_of_pattern(p, &mut text);
                out.push((m.id.name.to_string(), text));
            }
        }
    }
    out
}

fn literal_of_pattern(pattern: &ast::Pattern<&str>, out: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for v in variants {
                    out.push(' ');
                    literal_of_pattern(&v.value, out);
                    out.push(' ');
                }
            }
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
            } => out.push_str(value),
            // An argument: stands for a word.
            ast::PatternElement::Placeable { .. } => out.push('X'),
        }
    }
}

#[test]
fn french_puts_its_spaces_before_double_punctuation_and_inside_guillemets() {
    let mut wrong = Vec::new();
    for (id, text) in literal_texts(Lang::Fr) {
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let ok = match c {
                ':' => before == Some('\u{a0}'),
                ';' | '?' | '!' => before == Some('\u{202f}'),
                '«' => after == Some('\u{a0}'),
                '»' => before == Some('\u{a0}'),
                '"' => false,
                _ => true,
            };
            if !ok {
                wrong.push(format!("{id}: {c:?} at {i} in {text:?}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "French typography (scripts/french-typography fixes it):\n{}",
        wrong.join("\n")
    );
}

/// The words of `text` outside `code spans` (command names, option values, identifiers are
/// the same in both languages).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let prose = text.split('`').step_by(2);
    prose
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Words that are English and never French, and French and never English.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "is",
    "not",
    "of",
    "to",
    "with",
    "at",
    "line",
    "voucher",
    "amount",
    "cell",
    "sheet",
    "file",
    "workbook",
    "column",
    "error",
    "warning",
    "report",
    "found",
    "missing",
    "date",
    "payment",
    "commitment",
    "should",
    "must",
    "or",
    "for",
    "from",
    "this",
    "that",
    "which",
    "has",
    "have",
    "no",
    "row",
    "rows",
    "total",
    "budget",
    "write",
    "remove",
    "add",
];
const FRENCH: &[&str] = &[
    "le",
    "la",
    "les",
    "des",
    "du",
    "est",
    "une",
    "pas",
    "ligne",
    "pièce",
    "montant",
    "feuille",
    "fichier",
    "colonne",
    "classeur",
    "erreur",
    "avertissement",
    "à",
    "au",
    "aux",
    "et",
    "ou",
    "dans",
    "sur",
    "avec",
    "engagement",
    "paiement",
    "crédits",
    "écart",
];

/// Words both languages may use: codes and units planfin writes as they are.
fn allowed(word: &str, lang: Lang) -> bool {
    // "date", "total", "budget", "engagement" are French too; "no" is not checked in French
    // texts where it never appears as a word.
    match lang {
        Lang::Fr => matches!(word, "date" | "total" | "budget" | "no" | "plan"),
        // The stages are typed in French in the journal (the cell values planfin reads):
        // English messages name them as written.
        Lang::En => matches!(word, "engagement" | "paiement"),
    }
}

#[test]
fn french_has_no_english_word_and_english_no_french_word() {
    let mut wrong = Vec::new();
    for (lang, foreign) in [(Lang::Fr, ENGLISH), (Lang::En, FRENCH)] {
        for (id, text) in literal_texts(lang) {
            for w in words(&text) {
                if foreign.contains(&w.as_str()) && !allowed(&w, lang) {
                    wrong.push(format!("{lang} {id}: {w:?} in {text:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() && !p.ends_with("target") {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `msg!("id"` and `Message::new("id"` in the workspace names a message of the catalog.
#[test]
fn every_id_the_code_uses_is_in_the_catalog() {
    let root = crate_dir().join("../..");
    let mut files = Vec::new();
    for dir in ["crates", "python/src", "tests"] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut missing = BTreeSet::new();
    for file in files.iter().filter(|f| !f.ends_with("tests/catalog.rs")) {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for marker in ["msg!(\"", "Message::new(\""] {
            for (i, _) in text.match_indices(marker) {
                let rest = &text[i + marker.len()..];
                let id = &rest[..rest.find('"').unwrap_or(0)];
                if !Lang::ALL.iter().all(|l| has_message(id, *l)) {
                    missing.insert(format!("{}: {id}", file.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "ids not in the catalog: {missing:?}");
}
