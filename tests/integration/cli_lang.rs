//! The language of everything planfin prints: `--lang` on every command, then `PLANFIN_LANG`,
//! then the locale, then French; and French that has no English word in it (and the reverse),
//! outside the plan's own labels.

use predicates::prelude::*;

use crate::{TestResult, planfin};

/// The error for the `12,5 kF` cell, written out by hand in both languages.
const E9_FR: &str = "planfin\u{a0}: erreur\u{a0}: fixtures/xlsx/ledger_e9.xlsx\u{a0}: Depenses!E9\u{a0}: \
     «\u{a0}12,5 kF\u{a0}» n'est pas un montant\u{a0}: «\u{a0}kF\u{a0}» ne fait pas partie d'un \
     montant\u{202f}; écrivez des chiffres avec une espace entre les milliers, une seule marque \
     décimale et, si besoin, la devise (FCFA, XOF, EUR, €), par exemple 1\u{202f}250\u{202f}000 \
     ou 12\u{202f}500,50";
const E9_EN: &str = "planfin: error: fixtures/xlsx/ledger_e9.xlsx: Depenses!E9: \"12,5 kF\" is not \
     an amount: \"kF\" is not part of an amount; write digits with spaces between thousands, one \
     decimal mark and an optional currency (FCFA, XOF, EUR, €), e.g. 1 250 000 or 12 500,50";

fn e9(args: &[&str], env: &[(&str, &str)], expected: &str) {
    let mut cmd = planfin();
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args)
        .args(["report", "--ledger", "fixtures/xlsx/ledger_e9.xlsx"])
        .assert()
        .code(1)
        .stderr(format!("{expected}\n"));
}

#[test]
fn the_bad_cell_is_named_in_french_by_default_and_in_english_on_request() {
    e9(&[], &[], E9_FR);
    e9(&["--lang", "en"], &[], E9_EN);
    e9(&[], &[("PLANFIN_LANG", "en")], E9_EN);
    e9(&[], &[("LANG", "en_GB.UTF-8")], E9_EN);
    e9(
        &[],
        &[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "fr_ML.UTF-8")],
        E9_FR,
    );
    // The flag beats the variable, which beats the locale.
    e9(&["--lang", "fr"], &[("PLANFIN_LANG", "en")], E9_FR);
    e9(
        &[],
        &[("PLANFIN_LANG", "fr"), ("LANG", "en_US.UTF-8")],
        E9_FR,
    );
    // An unknown PLANFIN_LANG falls through to the locale.
    e9(
        &[],
        &[("PLANFIN_LANG", "de"), ("LANG", "en_US.UTF-8")],
        E9_EN,
    );
}

#[test]
fn validate_follows_the_flag_and_the_variable() -> TestResult {
    let files = ["fixtures/small/plan.json", "fixtures/small/ledger.json"];
    let summary = |lang: &[&str], env: Option<&str>, expected: &'static str| {
        let mut cmd = planfin();
        if let Some(value) = env {
            cmd.env("PLANFIN_LANG", value);
        }
        cmd.args(lang)
            .arg("validate")
            .args(files)
            .assert()
            .success()
            .stdout(predicate::str::ends_with(expected));
    };
    // L4 and L5 still open at the end of 2019, line 0101 over-committed (fixtures/small).
    summary(
        &[],
        None,
        "2 fichiers\u{a0}: 0 erreur, 3 avertissements, 0 refusé\n",
    );
    summary(
        &["--lang", "en"],
        None,
        "2 files: 0 errors, 3 warnings, 0 refused\n",
    );
    summary(
        &[],
        Some("en"),
        "2 files: 0 errors, 3 warnings, 0 refused\n",
    );
    // After the subcommand too: --lang is an option of every command.
    planfin()
        .args(["validate", "--lang", "en", "nowhere.json"])
        .assert()
        .code(1)
        .stderr("planfin: error: nowhere.json: no such file\n");
    planfin()
        .args(["validate", "nowhere.json"])
        .assert()
        .code(1)
        .stderr("planfin\u{a0}: erreur\u{a0}: nowhere.json\u{a0}: fichier introuvable\n");
    Ok(())
}

#[test]
fn convert_and_template_follow_the_language() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("plan.ods");
    let out = out.to_string_lossy();
    planfin()
        .args(["convert", "fixtures/small/plan.json", &out])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "plan.ods\u{a0}: planfin écrit des classeurs .xlsx, pas .ods\u{a0}: nommez la sortie \
             FICHIER.xlsx (Excel et LibreOffice l'ouvrent), FICHIER.json, FICHIER.parquet ou FICHIER.arrow",
        ));
    planfin()
        .env("PLANFIN_LANG", "en")
        .args(["convert", "fixtures/small/plan.json", &out])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "plan.ods: planfin writes .xlsx workbooks, not .ods: name the output FILE.xlsx (Excel \
             and LibreOffice open it), FILE.json, FILE.parquet or FILE.arrow",
        ));
    planfin()
        .args(["template", "--lang", "en", "--out", &out])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a template is an Excel workbook: name it FILE.xlsx",
        ));
    Ok(())
}

#[test]
fn a_bad_option_value_is_explained_in_the_language() {
    planfin()
        .args(["progress", "--as-of", "30/06/2019"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "«\u{a0}30/06/2019\u{a0}» n'est pas une date\u{a0}: écrivez-la AAAA-MM-JJ",
        ));
    planfin()
        .args(["--lang", "en", "progress", "--as-of", "30/06/2019"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "\"30/06/2019\" is not a date: write it as YYYY-MM-DD",
        ));
}

/// Words that give English away in a French text, and French in an English one: common words
/// and the domain's own, chosen by hand (none of them is a word of the other language).
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "not",
    "and",
    "of",
    "by",
    "with",
    "than",
    "still",
    "warning",
    "error",
    "voucher",
    "line",
    "paid",
    "engaged",
    "days",
    "more",
    "check",
    "dated",
    "outside",
    "counted",
    "flagged",
    "unknown",
    "over",
    "identical",
    "remove",
    "same",
    "twice",
    "commitment",
    "currency",
    "sign",
    "available",
    "remaining",
    "rate",
    "variance",
    "revised",
    "findings",
];
const FRENCH: &[&str] = &[
    "le",
    "la",
    "les",
    "des",
    "du",
    "est",
    "pas",
    "dans",
    "pièce",
    "ligne",
    "avertissement",
    "erreur",
    "payé",
    "engagé",
    "engagés",
    "jours",
    "plus",
    "encore",
    "vérifiez",
    "datée",
    "hors",
    "période",
    "comptée",
    "inconnue",
    "dépassement",
    "écriture",
    "supprimez",
    "deux",
    "même",
    "fois",
    "au",
    "et",
    "ou",
    "devise",
    "disponibles",
    "restes",
    "écart",
    "taux",
    "constats",
    "alertes",
];

/// What a report says in its own words: the flags column and every line under the table (the
/// notes and findings). The rows' labels are the plan's data, in whatever language it has.
fn own_words(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in markdown.lines() {
        if let Some(row) = line.strip_prefix("| ") {
            let cells: Vec<&str> = row.trim_end_matches(" |").split(" | ").collect();
            if cells.first().is_some_and(|c| !c.starts_with("---")) && cells.len() > 2 {
                out.push(cells[cells.len() - 1].to_string());
            }
        } else if !line.starts_with('#') {
            out.push(line.to_string());
        }
    }
    out
}

fn foreign_words(text: &str, foreign: &[&str]) -> Vec<String> {
    let words = text
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.contains('_'))
        .map(str::to_lowercase);
    words.filter(|w| foreign.contains(&w.as_str())).collect()
}

fn report_words(command: &[&str], lang: &str) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let out = planfin()
        .args(["--lang", lang])
        .args(command)
        .args(["--format", "md"])
        .assert()
        .success()
        .get_output()
        .clone();
    let lines = own_words(&String::from_utf8(out.stdout)?);
    // The file names of the locations are the user's, not planfin's words.
    Ok(lines
        .iter()
        .map(|l| l.replace("fixtures/cnltp/ledger.json expenditures", ""))
        .collect())
}

#[test]
fn a_french_report_has_no_english_word_and_an_english_one_no_french_word() -> TestResult {
    for command in [
        &["report"][..],
        &["report", "--by", "line"],
        &["progress", "--as-of", "2019-06-30"],
        &["final"],
    ] {
        let french = report_words(command, "fr")?.join("\n");
        let english = report_words(command, "en")?.join("\n");
        // Not empty: the notes, and the stale commitment's finding, are there.
        assert!(
            french.contains("Devise") && french.contains("pièce"),
            "{command:?}: {french}"
        );
        assert!(
            english.contains("Currency") && english.contains("voucher"),
            "{english}"
        );
        let found = foreign_words(&french, ENGLISH);
        assert!(
            found.is_empty(),
            "{command:?}: English in French: {found:?}\n{french}"
        );
        let found = foreign_words(&english, FRENCH);
        assert!(
            found.is_empty(),
            "{command:?}: French in English: {found:?}\n{english}"
        );
    }
    Ok(())
}

#[test]
fn the_command_line_s_own_errors_are_in_the_language_too() {
    let refused = |args: &[&str], expected: &str| {
        planfin()
            .args(args)
            .assert()
            .code(2)
            .stderr(format!("{expected}\n"));
    };
    refused(
        &["report", "--by", "quarter"],
        "planfin\u{a0}: erreur\u{a0}: «\u{a0}quarter\u{a0}» n'est pas une valeur de --by <BY>\u{a0}: \
         utilisez l'une de objective, line, source, period",
    );
    refused(
        &["--lang", "en", "report", "--by", "quarter"],
        "planfin: error: \"quarter\" is not a value of --by <BY>: use one of objective, line, \
         source, period",
    );
    refused(
        &["reprot"],
        "planfin\u{a0}: erreur\u{a0}: «\u{a0}reprot\u{a0}» n'est pas une commande de planfin\u{a0}: \
         vouliez-vous dire report\u{202f}? Voyez planfin --help",
    );
    refused(
        &["progress", "--lang", "en"],
        "planfin: error: missing: --as-of <DATE>; see planfin COMMAND --help",
    );
}

#[test]
fn help_is_in_the_language_too() {
    planfin()
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Écarts entre le budget révisé et les dépenses engagées et payées\n\nUtilisation\u{a0}: planfin report [OPTIONS]",
        ))
        .stdout(predicate::str::contains("(par défaut\u{a0}: 90)"))
        .stdout(predicate::str::contains("Options\u{a0}:"));
    planfin()
        .args(["--lang", "en", "report", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Variance of the revised budget against engaged and paid spending\n\nUsage: planfin report [OPTIONS]",
        ))
        .stdout(predicate::str::contains("(default: 90)"));
}
