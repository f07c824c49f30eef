//! Templates: empty plan and ledger workbooks in the layout the importer reads, with
//! drop-down lists for codes, stages, kinds and currencies, and an input message on every
//! column, so that a filled template imports cleanly.

use std::path::Path;

use planfin_core::expenditure::Stage;
use planfin_core::plan::{Lang, SourceKind};
use planfin_messages::{Message, msg};
use rust_xlsxwriter::{
    ColNum, DataValidation, DataValidationErrorStyle, DataValidationRule, Formula, RowNum,
    Workbook, Worksheet, utility::cell_range_absolute,
};

use planfin_layout::{Header, LedgerCol, SheetKind};

use crate::layout::{
    AMENDMENTS_SHEET, LEDGER_LAYOUT, LINES_SHEET, Layout, Named, OBJECTIVES_SHEET, PLAN_SHEET,
    SOURCES_SHEET, source_kind_word, table_sheet,
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
    type Err = Message;

    /// `plan`, or `ledger` (`depenses`, `journal`), in any case; anything else is the message
    /// `export-template-kind-unknown`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "plan" => Ok(TemplateKind::Plan),
            "ledger" | "depenses" | "journal" => Ok(TemplateKind::Ledger),
            _ => Err(msg!("export-template-kind-unknown", value = s)),
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
    /// A voucher of column `.0` of the same sheet: a commitment that the journal holds. A
    /// warning only, which the user may pass: the commitment may be in another month's
    /// journal, which planfin reads beside this one.
    VoucherOf(ColNum),
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
        Accept::VoucherOf(vouchers) => {
            // Relative to the first cell of the range: Excel shifts it down each row.
            let cell = crate::cell::a1(first, col);
            let list = cell_range_absolute(1, vouchers, ROWS, vouchers);
            dv.allow_custom(Formula::new(format!(
                "=OR(ISBLANK({cell}),COUNTIF({list},{cell})>0)"
            )))
        }
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
        validated_sheet(wb, &OBJECTIVES_SHEET, lang, formats, objective_help())?,
        validated_sheet(wb, &SOURCES_SHEET, lang, formats, source_help(lang))?,
        validated_sheet(
            wb,
            &LINES_SHEET,
            lang,
            formats,
            line_help(objectives, sources),
        )?,
        validated_sheet(
            wb,
            &AMENDMENTS_SHEET,
            lang,
            formats,
            amendment_help(lines, sources),
        )?,
    ])
}

/// The `Plan` sheet of a plan template: the keys in column A, the values to fill in column B,
/// each with its validation. Returns the sheet's name.
fn plan_key_sheet(wb: &mut Workbook, lang: Lang, formats: &Formats) -> Result<String, ExportError> {
    let sheet = PLAN_SHEET.name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(xl(|| sheet.to_string()))?;
    for (i, ((key, _), (accept, message))) in
        PLAN_SHEET.columns.iter().zip(plan_key_help()).enumerate()
    {
        let r = i as RowNum;
        let title = key.named(lang);
        text(ws, sheet, r, 0, title, Some(&formats.bold))?;
        validate(ws, sheet, (r, 1, r), accept, title, &message.render(lang))?;
    }
    ws.set_column_width(0, 16)
        .map_err(xl(|| sheet.to_string()))?;
    ws.set_column_width(1, 60)
        .map_err(xl(|| sheet.to_string()))?;
    Ok(sheet.to_string())
}

/// What each key of the `Plan` sheet accepts, and its input message.
fn plan_key_help() -> [(Accept, Message); 8] {
    [
        (Accept::Any, msg!("export-prompt-plan-code")),
        (Accept::Any, msg!("export-prompt-plan-title-fr")),
        (Accept::Any, msg!("export-prompt-objective-title-en")),
        (Accept::Any, msg!("export-prompt-plan-organisation")),
        (
            Accept::Words(CURRENCIES.to_vec()),
            msg!("export-prompt-plan-currency"),
        ),
        (Accept::Any, msg!("export-prompt-plan-start")),
        (Accept::Any, msg!("export-prompt-plan-end")),
        (Accept::Positive, msg!("export-prompt-plan-ceiling")),
    ]
}

/// What each column of the objectives sheet accepts, and its input message.
fn objective_help() -> Vec<(Accept, Message)> {
    vec![
        (Accept::Any, msg!("export-prompt-objective-code")),
        (Accept::Any, msg!("export-prompt-objective-title-fr")),
        (Accept::Any, msg!("export-prompt-objective-title-en")),
    ]
}

/// What each column of the sources sheet accepts, and its input message.
fn source_help(lang: Lang) -> Vec<(Accept, Message)> {
    let kinds = [
        SourceKind::StateBudget,
        SourceKind::Donor,
        SourceKind::Other,
    ]
    .map(|k| source_kind_word(k, lang))
    .to_vec();
    vec![
        (Accept::Any, msg!("export-prompt-source-code")),
        (Accept::Any, msg!("export-prompt-source-name-fr")),
        (Accept::Any, msg!("export-prompt-source-name-en")),
        (Accept::Words(kinds), msg!("export-prompt-source-kind")),
    ]
}

/// What each column of the lines sheet accepts, and its input message.
fn line_help(objectives: &'static str, sources: &'static str) -> Vec<(Accept, Message)> {
    vec![
        (Accept::Any, msg!("export-prompt-line-code")),
        (
            Accept::CodeFrom(objectives),
            msg!("export-prompt-line-objective"),
        ),
        (Accept::Any, msg!("export-prompt-line-label-fr")),
        (Accept::Any, msg!("export-prompt-line-label-en")),
        (Accept::CodeFrom(sources), msg!("export-prompt-line-source")),
        (Accept::Any, msg!("export-prompt-line-period")),
        (Accept::NonNegative, msg!("export-prompt-line-amount")),
        (Accept::Any, msg!("export-prompt-line-unit")),
        (Accept::NonNegative, msg!("export-prompt-line-quantity")),
        (Accept::NonNegative, msg!("export-prompt-line-unit-cost")),
    ]
}

/// What each column of the amendments sheet accepts, and its input message.
fn amendment_help(lines: &'static str, sources: &'static str) -> Vec<(Accept, Message)> {
    vec![
        (Accept::Any, msg!("export-prompt-amendment-date")),
        (Accept::Any, msg!("export-prompt-amendment-reference")),
        (
            Accept::CodeFrom(lines),
            msg!("export-prompt-amendment-from"),
        ),
        (Accept::CodeFrom(lines), msg!("export-prompt-amendment-to")),
        (Accept::Positive, msg!("export-prompt-amendment-amount")),
        (
            Accept::CodeFrom(sources),
            msg!("export-prompt-amendment-source"),
        ),
        (Accept::Any, msg!("export-prompt-amendment-reason")),
        (Accept::Any, msg!("export-prompt-amendment-approved-by")),
    ]
}

/// A new sheet of `layout` with its header row, and on its columns, in order, the validation
/// `(accept, message)` titled with the column's header. Returns the sheet's name.
fn validated_sheet<C: Named>(
    wb: &mut Workbook,
    layout: &Layout<C>,
    lang: Lang,
    formats: &Formats,
    columns: Vec<(Accept, Message)>,
) -> Result<String, ExportError> {
    let (ws, sheet) = table_sheet(wb, layout, lang, formats)?;
    for ((c, (key, _)), (accept, message)) in layout.columns.iter().enumerate().zip(columns) {
        let message = message.render(lang);
        column(ws, sheet, c as ColNum, accept, key.named(lang), &message)?;
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
    let codes = LEDGER_CODES.name(lang);
    let ledger = validated_sheet(wb, &LEDGER_LAYOUT, lang, formats, ledger_help(codes))?;
    let codes_sheet = validated_sheet(
        wb,
        &LEDGER_CODES,
        lang,
        formats,
        vec![(Accept::Any, msg!("export-prompt-ledger-codes"))],
    )?;
    Ok(vec![ledger, codes_sheet])
}

/// The column of `col` in the ledger layout.
fn ledger_column(col: LedgerCol) -> ColNum {
    let at = LEDGER_LAYOUT.columns.iter().position(|(c, _)| *c == col);
    at.unwrap_or_default() as ColNum
}

/// What each column of the ledger sheet accepts, and its input message.
fn ledger_help(codes: &'static str) -> Vec<(Accept, Message)> {
    vec![
        (Accept::Any, msg!("export-prompt-ledger-date")),
        (Accept::Any, msg!("export-prompt-ledger-voucher")),
        (Accept::CodeFrom(codes), msg!("export-prompt-ledger-line")),
        (Accept::Any, msg!("export-prompt-ledger-amount")),
        (
            Accept::Words(CURRENCIES.to_vec()),
            msg!("export-prompt-ledger-currency"),
        ),
        (Accept::Positive, msg!("export-prompt-ledger-rate")),
        (
            Accept::Words(stage_words()),
            msg!("export-prompt-ledger-stage"),
        ),
        (Accept::Any, msg!("export-prompt-ledger-payee")),
        (Accept::Any, msg!("export-prompt-ledger-description")),
        (Accept::Any, msg!("export-prompt-ledger-document")),
        (
            Accept::VoucherOf(ledger_column(LedgerCol::Voucher)),
            msg!("export-prompt-ledger-commitment"),
        ),
    ]
}
