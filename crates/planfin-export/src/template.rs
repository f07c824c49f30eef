//! Templates: empty plan and ledger workbooks in the layout the importer reads, with
//! drop-down lists for codes, stages, kinds and currencies, and an input message on every
//! column, so that a filled template imports cleanly.

use std::path::Path;

use planfin_core::expenditure::Stage;
use planfin_core::plan::{Lang, SourceKind};
use rust_xlsxwriter::{
    ColNum, DataValidation, DataValidationErrorStyle, DataValidationRule, Formula, RowNum,
    Workbook, Worksheet,
};

use planfin_layout::{Header, SheetKind};

use crate::layout::{
    AMENDMENTS_SHEET, LEDGER_LAYOUT, LINES_SHEET, Layout, Named, OBJECTIVES_SHEET, PLAN_SHEET,
    SOURCES_SHEET, pick, source_kind_word, table_sheet,
};
use crate::report::{ExportSummary, write_workbook};
use crate::sheet::{Formats, text, xl};
use crate::{ExportError, ExportOptions};

/// Which workbook a template is for.
///
/// ```
/// use planfin_export::TemplateKind;
/// assert_eq!("ledger".parse::<TemplateKind>(), Ok(TemplateKind::Ledger));
/// assert!("budget".parse::<TemplateKind>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TemplateKind {
    /// A plan workbook (Plan, Objectifs, Sources, Lignes, Amendements).
    Plan,
    /// A ledger workbook (Depenses, with a `Codes lignes` sheet listing the plan's line codes).
    Ledger,
}

impl std::str::FromStr for TemplateKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "plan" => Ok(TemplateKind::Plan),
            "ledger" | "depenses" | "journal" => Ok(TemplateKind::Ledger),
            _ => Err(format!("{s:?} is not a template kind: use plan or ledger")),
        }
    }
}

/// Rows that get the drop-downs and input messages (after the header).
const ROWS: RowNum = 5_000;

/// Currencies offered in the drop-downs (any ISO 4217 code is accepted on import).
const CURRENCIES: [&str; 8] = ["XOF", "XAF", "EUR", "USD", "GBP", "CHF", "CAD", "JPY"];

/// Writes an empty workbook of `kind` in the documented layout, headers in `lang`, with
/// drop-down validation of objective, line and source codes (lists read from the code
/// columns of the other sheets), stages, source kinds and currencies, and an input message
/// on each column. Filled in, it imports with `planfin_xlsx::read_plan` or `planfin_xlsx::read_ledger`.
///
/// ```
/// use planfin_core::plan::Lang;
/// use planfin_export::{write_template, TemplateKind};
/// let dir = tempfile::tempdir()?;
/// let out = dir.path().join("plan-template.xlsx");
/// let summary = write_template(TemplateKind::Plan, Lang::Fr, &out)?;
/// assert_eq!(summary.sheets, ["Plan", "Objectifs", "Sources", "Lignes", "Amendements"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_template(
    kind: TemplateKind,
    lang: Lang,
    path: &Path,
) -> Result<ExportSummary, ExportError> {
    write_workbook(&ExportOptions::default(), path, |wb, _| {
        let formats = Formats::new(0);
        match kind {
            TemplateKind::Plan => plan_template(wb, lang, &formats),
            TemplateKind::Ledger => ledger_template(wb, lang, &formats),
        }
    })
}

/// What a column accepts.
enum Accept {
    /// Anything; the message says what to type.
    Any,
    /// One of these words.
    Words(Vec<&'static str>),
    /// A code listed in column A of `sheet`.
    CodeFrom(&'static str),
    /// A number, at least zero.
    NonNegative,
    /// A number above zero.
    Positive,
}

/// Adds the validation of `accept` with `message` to column `col` of rows 2..=ROWS+1 (or to
/// one cell when `row` is given).
fn validate(
    ws: &mut Worksheet,
    sheet: &str,
    cells: (RowNum, ColNum, RowNum),
    accept: Accept,
    title: &str,
    message: &str,
) -> Result<(), ExportError> {
    let (first, col, last) = cells;
    let at = || format!("{sheet} validation of column {}", col + 1);
    let dv = DataValidation::new();
    let dv = match accept {
        Accept::Any => dv.allow_any_value(),
        Accept::Words(words) => dv.allow_list_strings(&words).map_err(xl(at))?,
        Accept::CodeFrom(other) => {
            dv.allow_list_formula(Formula::new(format!("='{other}'!$A$2:$A${}", ROWS + 1)))
        }
        Accept::NonNegative => {
            dv.allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        }
        Accept::Positive => dv.allow_decimal_number(DataValidationRule::GreaterThan(0.0)),
    };
    let short: String = title.chars().take(32).collect();
    let dv = dv
        .set_input_title(short.clone())
        .map_err(xl(at))?
        .set_input_message(message)
        .map_err(xl(at))?
        .set_error_title(short)
        .map_err(xl(at))?
        .set_error_message(message)
        .map_err(xl(at))?
        .set_error_style(DataValidationErrorStyle::Warning);
    ws.add_data_validation(first, col, last, col, &dv)
        .map_err(xl(at))?;
    Ok(())
}

/// Validation of a whole column under the header.
fn column(
    ws: &mut Worksheet,
    sheet: &str,
    col: ColNum,
    accept: Accept,
    title: &str,
    message: &str,
) -> Result<(), ExportError> {
    validate(ws, sheet, (1, col, ROWS), accept, title, message)
}

fn stage_words() -> Vec<&'static str> {
    Stage::ALL.iter().map(Stage::code).collect()
}

fn plan_template(
    wb: &mut Workbook,
    lang: Lang,
    formats: &Formats,
) -> Result<Vec<String>, ExportError> {
    let objectives = OBJECTIVES_SHEET.name(lang);
    let sources = SOURCES_SHEET.name(lang);
    let lines = LINES_SHEET.name(lang);
    Ok(vec![
        plan_key_sheet(wb, lang, formats)?,
        validated_sheet(wb, &OBJECTIVES_SHEET, lang, formats, objective_help(lang))?,
        validated_sheet(wb, &SOURCES_SHEET, lang, formats, source_help(lang))?,
        validated_sheet(
            wb,
            &LINES_SHEET,
            lang,
            formats,
            line_help(lang, objectives, sources),
        )?,
        validated_sheet(
            wb,
            &AMENDMENTS_SHEET,
            lang,
            formats,
            amendment_help(lang, lines, sources),
        )?,
    ])
}

/// The `Plan` sheet of a plan template: the keys in column A, the values to fill in column B,
/// each with its validation. Returns the sheet's name.
fn plan_key_sheet(wb: &mut Workbook, lang: Lang, formats: &Formats) -> Result<String, ExportError> {
    let sheet = PLAN_SHEET.name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(xl(|| sheet.to_string()))?;
    for (i, ((key, _), (accept, message))) in PLAN_SHEET
        .columns
        .iter()
        .zip(plan_key_help(lang))
        .enumerate()
    {
        let r = i as RowNum;
        let title = key.named(lang);
        text(ws, sheet, r, 0, title, Some(&formats.bold))?;
        validate(ws, sheet, (r, 1, r), accept, title, message)?;
    }
    ws.set_column_width(0, 16)
        .map_err(xl(|| sheet.to_string()))?;
    ws.set_column_width(1, 60)
        .map_err(xl(|| sheet.to_string()))?;
    Ok(sheet.to_string())
}

/// What each key of the `Plan` sheet accepts, and its input message.
fn plan_key_help(lang: Lang) -> [(Accept, &'static str); 8] {
    let t = |fr: &'static str, en: &'static str| pick(lang, fr, en);
    [
        (
            Accept::Any,
            t(
                "Code court du plan, p. ex. CNLTP-2018-2019",
                "Short code of the plan, e.g. CNLTP-2018-2019",
            ),
        ),
        (
            Accept::Any,
            t("Titre du plan en français", "Title of the plan (French)"),
        ),
        (
            Accept::Any,
            t(
                "Titre en anglais (facultatif)",
                "Title in English (optional)",
            ),
        ),
        (
            Accept::Any,
            t(
                "Organisation qui exécute le plan",
                "Organisation that executes the plan",
            ),
        ),
        (
            Accept::Words(CURRENCIES.to_vec()),
            t(
                "Devise du plan : code ISO 4217 (XOF = FCFA)",
                "Plan currency: ISO 4217 code (XOF = CFA franc)",
            ),
        ),
        (
            Accept::Any,
            t(
                "Premier jour du plan (date ou aaaa-mm-jj)",
                "First day of the plan (a date or yyyy-mm-dd)",
            ),
        ),
        (
            Accept::Any,
            t(
                "Dernier jour du plan (date ou aaaa-mm-jj)",
                "Last day of the plan (a date or yyyy-mm-dd)",
            ),
        ),
        (
            Accept::Positive,
            t(
                "Plafond budgétaire, dans la devise du plan",
                "Budget ceiling, in the plan currency",
            ),
        ),
    ]
}

/// What each column of the objectives sheet accepts, and its input message.
fn objective_help(lang: Lang) -> Vec<(Accept, &'static str)> {
    let t = |fr: &'static str, en: &'static str| pick(lang, fr, en);
    vec![
        (
            Accept::Any,
            t(
                "Code unique de l'objectif, p. ex. OS1",
                "Unique objective code, e.g. OS1",
            ),
        ),
        (Accept::Any, t("Intitulé en français", "Title (French)")),
        (
            Accept::Any,
            t(
                "Intitulé en anglais (facultatif)",
                "Title in English (optional)",
            ),
        ),
    ]
}

/// What each column of the sources sheet accepts, and its input message.
fn source_help(lang: Lang) -> Vec<(Accept, &'static str)> {
    let t = |fr: &'static str, en: &'static str| pick(lang, fr, en);
    let kinds = [
        SourceKind::StateBudget,
        SourceKind::Donor,
        SourceKind::Other,
    ]
    .map(|k| source_kind_word(k, lang))
    .to_vec();
    vec![
        (
            Accept::Any,
            t(
                "Code unique de la source, p. ex. ETAT",
                "Unique source code, e.g. STATE",
            ),
        ),
        (
            Accept::Any,
            t(
                "Nom de la source en français",
                "Name of the source (French)",
            ),
        ),
        (
            Accept::Any,
            t("Nom en anglais (facultatif)", "Name in English (optional)"),
        ),
        (
            Accept::Words(kinds),
            t("Etat, Bailleur ou Autre", "State budget, Donor or Other"),
        ),
    ]
}

/// What each column of the lines sheet accepts, and its input message.
fn line_help(
    lang: Lang,
    objectives: &'static str,
    sources: &'static str,
) -> Vec<(Accept, &'static str)> {
    let t = |fr: &'static str, en: &'static str| pick(lang, fr, en);
    vec![
        (
            Accept::Any,
            t(
                "Code de la ligne, en texte (0201 garde son zéro). Une ligne par code et par année.",
                "Line code, as text (0201 keeps its zero). One row per line and year.",
            ),
        ),
        (
            Accept::CodeFrom(objectives),
            t(
                "Un code de la feuille Objectifs",
                "A code of the Objectives sheet",
            ),
        ),
        (Accept::Any, t("Libellé en français", "Label (French)")),
        (
            Accept::Any,
            t(
                "Libellé en anglais (facultatif)",
                "Label in English (optional)",
            ),
        ),
        (
            Accept::CodeFrom(sources),
            t(
                "Un code de la feuille Sources",
                "A code of the Sources sheet",
            ),
        ),
        (
            Accept::Any,
            t(
                "Année (2019) ou trimestre (2019-Q3)",
                "Year (2019) or quarter (2019-Q3)",
            ),
        ),
        (
            Accept::NonNegative,
            t(
                "Montant prévu pour l'année, dans la devise du plan",
                "Planned amount for the year, in the plan currency",
            ),
        ),
        (
            Accept::Any,
            t(
                "Facultatif : unité (atelier, jour...)",
                "Optional: unit (workshop, day...)",
            ),
        ),
        (
            Accept::NonNegative,
            t(
                "Facultatif : quantité ; quantité x coût unitaire = montant",
                "Optional: quantity; quantity x unit cost = amount",
            ),
        ),
        (
            Accept::NonNegative,
            t(
                "Facultatif : coût d'une unité",
                "Optional: cost of one unit",
            ),
        ),
    ]
}

/// What each column of the amendments sheet accepts, and its input message.
fn amendment_help(
    lang: Lang,
    lines: &'static str,
    sources: &'static str,
) -> Vec<(Accept, &'static str)> {
    let t = |fr: &'static str, en: &'static str| pick(lang, fr, en);
    vec![
        (
            Accept::Any,
            t(
                "Date d'effet (date ou aaaa-mm-jj)",
                "Effective date (a date or yyyy-mm-dd)",
            ),
        ),
        (
            Accept::Any,
            t(
                "Référence unique (arrêté, décision)",
                "Unique reference (decision number)",
            ),
        ),
        (
            Accept::CodeFrom(lines),
            t(
                "Ligne qui cède le montant (vide pour une hausse)",
                "Line the amount is taken from (empty for a raise)",
            ),
        ),
        (
            Accept::CodeFrom(lines),
            t(
                "Ligne qui reçoit le montant (vide pour une baisse)",
                "Line the amount goes to (empty for a cut)",
            ),
        ),
        (Accept::Positive, t("Montant, positif", "Amount, positive")),
        (
            Accept::CodeFrom(sources),
            t(
                "Pour une hausse ou une baisse : la source",
                "For a raise or a cut: the funding source",
            ),
        ),
        (Accept::Any, t("Motif", "Reason")),
        (Accept::Any, t("Approuvé par", "Approved by")),
    ]
}

/// A new sheet of `layout` with its header row, and on its columns, in order, the validation
/// `(accept, message)` titled with the column's header. Returns the sheet's name.
fn validated_sheet<C: Named>(
    wb: &mut Workbook,
    layout: &Layout<C>,
    lang: Lang,
    formats: &Formats,
    columns: Vec<(Accept, &str)>,
) -> Result<String, ExportError> {
    let (ws, sheet) = table_sheet(wb, layout, lang, formats)?;
    for ((c, (key, _)), (accept, message)) in layout.columns.iter().enumerate().zip(columns) {
        column(ws, sheet, c as ColNum, accept, key.named(lang), message)?;
    }
    Ok(sheet.to_string())
}

/// The code list sheet of a ledger template: the plan's line codes, pasted by the user. Not
/// named `Lignes`, which would make the workbook look like a plan to the importer.
const LEDGER_CODES: Layout<Header> = Layout {
    sheet: SheetKind {
        fr: "Codes lignes",
        en: "Line codes",
        aliases: &[],
    },
    columns: &[
        (Header::new("Code", "Code"), 10.0),
        (Header::new("Libellé", "Label"), 50.0),
    ],
};

fn ledger_template(
    wb: &mut Workbook,
    lang: Lang,
    formats: &Formats,
) -> Result<Vec<String>, ExportError> {
    let t = |fr: &'static str, en: &'static str| pick(lang, fr, en);
    let codes = LEDGER_CODES.name(lang);
    let ledger = validated_sheet(wb, &LEDGER_LAYOUT, lang, formats, ledger_help(lang, codes))?;
    let codes_sheet = validated_sheet(
        wb,
        &LEDGER_CODES,
        lang,
        formats,
        vec![(
            Accept::Any,
            t(
                "Collez ici les codes des lignes du plan",
                "Paste the plan's line codes here",
            ),
        )],
    )?;
    Ok(vec![ledger, codes_sheet])
}

/// What each column of the ledger sheet accepts, and its input message.
fn ledger_help(lang: Lang, codes: &'static str) -> Vec<(Accept, &'static str)> {
    let t = |fr: &'static str, en: &'static str| pick(lang, fr, en);
    vec![
        (
            Accept::Any,
            t(
                "Date de l'opération (date ou jj/mm/aaaa)",
                "Date of the operation (a date or yyyy-mm-dd)",
            ),
        ),
        (
            Accept::Any,
            t("Numéro de pièce, unique", "Voucher number, unique"),
        ),
        (
            Accept::CodeFrom(codes),
            t(
                "Code de la ligne budgétaire (feuille Codes lignes)",
                "Budget line code (Line codes sheet)",
            ),
        ),
        (
            Accept::Any,
            t(
                "Montant ; négatif pour une correction",
                "Amount; negative for a correction",
            ),
        ),
        (
            Accept::Words(CURRENCIES.to_vec()),
            t(
                "Devise du montant (vide : devise du plan)",
                "Currency of the amount (empty: the plan's)",
            ),
        ),
        (
            Accept::Positive,
            t(
                "Taux vers la devise du plan, si aucune parité fixe",
                "Rate to the plan currency, where no fixed peg applies",
            ),
        ),
        (
            Accept::Words(stage_words()),
            t(
                "Étape : engagement, liquidation, ordonnancement ou paiement (vide : paiement)",
                "Stage: engagement, liquidation, ordonnancement or paiement (empty: paiement)",
            ),
        ),
        (Accept::Any, t("Bénéficiaire", "Payee")),
        (
            Accept::Any,
            t("Objet de la dépense", "What the expenditure is for"),
        ),
        (
            Accept::Any,
            t(
                "Référence du justificatif (facture, PV...)",
                "Supporting document reference (invoice, ...)",
            ),
        ),
        (
            Accept::Any,
            t(
                "Pour une liquidation, un mandat ou un paiement : le N° de pièce de son engagement",
                "For a liquidation, an order or a payment: the voucher of its commitment",
            ),
        ),
    ]
}
