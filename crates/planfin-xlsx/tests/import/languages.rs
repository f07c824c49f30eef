//! What the finance officer reads, in French and in English, when a broken workbook is
//! refused: each expected text is written by hand. `\u{a0}` is the no-break space French puts
//! before `:` and inside « », `\u{202f}` the narrow one before `;` and `?`.

use planfin_messages::Lang;
use planfin_xlsx::ImportError;

use crate::{ledger, plan};

fn both<T>(r: Result<T, ImportError>) -> (String, String) {
    match r {
        Ok(_) => ("imported".to_string(), "imported".to_string()),
        Err(e) => (e.render(Lang::Fr), e.render(Lang::En)),
    }
}

#[test]
fn a_kilo_franc_in_e9_in_french_and_english() {
    let (fr, en) = both(ledger("xlsx/ledger_e9.xlsx"));
    assert_eq!(
        fr,
        "ledger_e9.xlsx\u{a0}: Depenses!E9\u{a0}: «\u{a0}12,5 kF\u{a0}» n'est pas un montant\u{a0}: \
         «\u{a0}kF\u{a0}» ne fait pas partie d'un montant\u{202f}; écrivez des chiffres avec une \
         espace entre les milliers, une seule marque décimale et, si besoin, la devise (FCFA, \
         XOF, EUR, €), par exemple 1\u{202f}250\u{202f}000 ou 12\u{202f}500,50"
    );
    assert_eq!(
        en,
        "ledger_e9.xlsx: Depenses!E9: \"12,5 kF\" is not an amount: \"kF\" is not part of an \
         amount; write digits with spaces between thousands, one decimal mark and an optional \
         currency (FCFA, XOF, EUR, €), e.g. 1 250 000 or 12 500,50"
    );
}

#[test]
fn an_empty_required_cell_and_a_bad_date_in_french() {
    let (fr, _) = both(ledger("xlsx/ledger_errors.xlsx"));
    let lines: Vec<&str> = fr.lines().collect();
    assert!(lines.contains(
        &"ledger_errors.xlsx\u{a0}: Depenses!B10\u{a0}: cellule vide, il faut un code\u{a0}: \
          cette colonne est obligatoire\u{202f}; remplissez la cellule, ou supprimez la ligne si \
          ce n'est pas une écriture"
    ));
    assert!(lines.contains(
        &"ledger_errors.xlsx\u{a0}: Depenses!A5\u{a0}: «\u{a0}31/02/2019\u{a0}» n'est pas une \
          date\u{a0}: ce jour n'existe pas\u{202f}; mettez la cellule au format date, ou \
          tapez-la sous la forme jj/mm/aaaa (31/12/2019)"
    ));
    assert!(lines.contains(
        &"ledger_errors.xlsx\u{a0}: Depenses!E3\u{a0}: «\u{a0}1250.5\u{a0}» n'est pas un \
          montant\u{a0}: la devise XOF n'a pas de décimales\u{202f}; arrondissez le montant au \
          franc près"
    ));
}

#[test]
fn the_count_of_errors_not_shown_in_french() {
    let options = planfin_xlsx::ImportOptions {
        limits: planfin_xlsx::Limits {
            max_errors: 2,
            ..Default::default()
        },
        ..crate::named("xlsx/ledger_errors.xlsx")
    };
    let err = planfin_xlsx::read_ledger(crate::fixture("xlsx/ledger_errors.xlsx"), &options).err();
    let fr = err.map(|e| e.render(Lang::Fr)).unwrap_or_default();
    assert_eq!(
        fr.lines().last(),
        Some(
            "ledger_errors.xlsx\u{a0}: 8 autres erreurs non affichées (10 en tout)\u{202f}; \
             corrigez celles-ci et importez de nouveau"
        )
    );
}

#[test]
fn a_missing_sheet_in_french_and_english() {
    let (fr, en) = both(ledger("xlsx/cnltp_plan.xlsx"));
    assert_eq!(
        fr,
        "cnltp_plan.xlsx\u{a0}: aucune feuille nommée «\u{a0}Depenses\u{a0}» ou \
         «\u{a0}Expenditures\u{a0}» (feuilles du classeur\u{a0}: «\u{a0}Plan\u{a0}», \
         «\u{a0}Objectifs\u{a0}», «\u{a0}Sources\u{a0}», «\u{a0}Lignes\u{a0}», \
         «\u{a0}Amendements\u{a0}»)\u{202f}; nommez «\u{a0}Depenses\u{a0}» la feuille qui \
         contient ces données"
    );
    assert_eq!(
        en,
        "cnltp_plan.xlsx: no sheet named \"Depenses\" or \"Expenditures\": the workbook has \
         \"Plan\", \"Objectifs\", \"Sources\", \"Lignes\", \"Amendements\"; name the sheet that \
         holds them \"Depenses\""
    );
    let (fr, _) = both(plan("xlsx/cnltp_ledger.xlsx"));
    assert_eq!(
        fr,
        "cnltp_ledger.xlsx\u{a0}: aucune feuille nommée «\u{a0}Plan\u{a0}» (feuilles du \
         classeur\u{a0}: «\u{a0}Depenses\u{a0}»)\u{202f}; nommez «\u{a0}Plan\u{a0}» la feuille \
         qui contient ces données"
    );
}

#[test]
fn a_missing_column_in_french_and_english() {
    let (fr, en) = both(ledger("xlsx/ledger_missing_columns.xlsx"));
    assert_eq!(
        fr,
        "ledger_missing_columns.xlsx\u{a0}: feuille Dépenses\u{a0}: colonne manquante Ligne / \
         Line\u{202f}; en-têtes de la ligne 2\u{a0}: «\u{a0}Date\u{a0}», «\u{a0}N° pièce\u{a0}», \
         «\u{a0}Montant\u{a0}», «\u{a0}Devise\u{a0}», «\u{a0}Objet\u{a0}»\u{202f}; ajoutez la \
         colonne sous ce nom (en français ou en anglais) ou renommez les colonnes existantes"
    );
    assert_eq!(
        en,
        "ledger_missing_columns.xlsx: Dépenses: missing column(s) Ligne / Line: the header row \
         (row 2) has \"Date\", \"N° pièce\", \"Montant\", \"Devise\", \"Objet\"; add the \
         column(s) with these names (French or English) or rename the existing ones"
    );
}

#[test]
fn a_password_and_a_text_file_in_french_and_english() {
    let (fr, en) = both(ledger("hostile/password_protected.xlsx"));
    assert_eq!(
        fr,
        "password_protected.xlsx\u{a0}: le classeur est protégé par un mot de passe\u{a0}: \
         planfin ne lit pas les classeurs chiffrés\u{202f}; ouvrez-le, retirez le mot de passe \
         (Fichier > Informations > Protéger le classeur) et enregistrez-en une copie"
    );
    assert_eq!(
        en,
        "password_protected.xlsx: the workbook is protected by a password: planfin cannot read \
         encrypted workbooks; open it, remove the password (File > Info > Protect Workbook) and \
         save a copy"
    );
    let (fr, en) = both(ledger("hostile/not_a_workbook.xlsx"));
    assert_eq!(
        fr,
        "not_a_workbook.xlsx\u{a0}: ce n'est pas un classeur\u{a0}: un fichier texte (un export \
         CSV\u{202f}?)\u{202f}; enregistrez-le depuis Excel ou LibreOffice au format .xlsx, .xls \
         ou .ods"
    );
    assert_eq!(
        en,
        "not_a_workbook.xlsx: not a workbook: a text file (a CSV export?); save it from Excel or \
         LibreOffice as .xlsx, .xls or .ods"
    );
}

#[test]
fn a_safety_limit_in_french() {
    let options = planfin_xlsx::ImportOptions {
        limits: planfin_xlsx::Limits {
            max_cells: 100,
            ..Default::default()
        },
        ..crate::named("xlsx/cnltp_ledger.xlsx")
    };
    let err = planfin_xlsx::read_ledger(crate::fixture("xlsx/cnltp_ledger.xlsx"), &options).err();
    assert_eq!(
        err.map(|e| e.render(Lang::Fr)),
        Some(
            "cnltp_ledger.xlsx\u{a0}: la feuille Depenses a plus de 100 cellules, au-delà de la \
             limite de 100 cellules\u{a0}: planfin le refuse par sécurité\u{202f}; si le classeur \
             est authentique, découpez-le ou relevez max_cells (planfin --limit max_cells=N\u{202f}; \
             limits={\"max_cells\": N} en Python)"
                .to_string()
        )
    );
}
