//! The sheets of the plan and ledger workbooks in the layout the importer reads: each sheet's
//! columns in the order written, with their widths (the names are planfin-layout's, the one
//! description both directions use), and the header row, the frozen pane and the autofilter
//! every such sheet has.

use planfin_core::plan::{Lang, SourceKind};
use planfin_layout::{
    AmendmentCol, Columns, Header, LedgerCol, LineCol, ObjectiveCol, PlanKey, RateCol, SheetKind,
    SourceCol,
};
use rust_xlsxwriter::{ColNum, Workbook, Worksheet};

use crate::ExportError;
use crate::sheet::{Formats, text, xl};

/// A column as written: its header in `lang`.
pub(crate) trait Named: Copy + 'static {
    /// The header of the column in `lang`.
    fn named(self, lang: Lang) -> &'static str;
}

macro_rules! named_by_layout {
    ($($t:ty),*) => {
        $(impl Named for $t {
            fn named(self, lang: Lang) -> &'static str {
                Columns::header(self, lang)
            }
        })*
    };
}
named_by_layout!(
    LedgerCol,
    PlanKey,
    ObjectiveCol,
    SourceCol,
    LineCol,
    AmendmentCol,
    RateCol
);

/// A column the importer does not read (the code list of a ledger template).
impl Named for Header {
    fn named(self, lang: Lang) -> &'static str {
        self.get(lang)
    }
}

/// A sheet of a plan or ledger workbook: its names, and the columns written with their widths.
pub(crate) struct Layout<C: 'static> {
    pub(crate) sheet: SheetKind,
    pub(crate) columns: &'static [(C, f64)],
}

impl<C: Named> Layout<C> {
    /// The sheet's name in `lang`.
    pub(crate) fn name(&self, lang: Lang) -> &'static str {
        self.sheet.name(lang)
    }

    /// The header of the `i`-th column in `lang`.
    pub(crate) fn header(&self, i: usize, lang: Lang) -> &'static str {
        self.columns.get(i).map_or("", |(c, _)| c.named(lang))
    }
}

/// `fr` in French, `en` in English.
pub(crate) fn pick(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    Header::new(fr, en).get(lang)
}

/// The key / value rows of the `Plan` sheet.
pub(crate) const PLAN_SHEET: Layout<PlanKey> = Layout {
    sheet: planfin_layout::PLAN,
    columns: &[
        (PlanKey::Code, 16.0),
        (PlanKey::Title, 60.0),
        (PlanKey::TitleEn, 0.0),
        (PlanKey::Organisation, 0.0),
        (PlanKey::Currency, 0.0),
        (PlanKey::Start, 0.0),
        (PlanKey::End, 0.0),
        (PlanKey::Ceiling, 0.0),
    ],
};
/// The objectives.
pub(crate) const OBJECTIVES_SHEET: Layout<ObjectiveCol> = Layout {
    sheet: planfin_layout::OBJECTIVES,
    columns: &[
        (ObjectiveCol::Code, 10.0),
        (ObjectiveCol::Title, 60.0),
        (ObjectiveCol::TitleEn, 60.0),
    ],
};
/// The funding sources.
pub(crate) const SOURCES_SHEET: Layout<SourceCol> = Layout {
    sheet: planfin_layout::SOURCES,
    columns: &[
        (SourceCol::Code, 10.0),
        (SourceCol::Name, 50.0),
        (SourceCol::NameEn, 50.0),
        (SourceCol::Kind, 16.0),
    ],
};
/// The budget lines, long layout.
pub(crate) const LINES_SHEET: Layout<LineCol> = Layout {
    sheet: planfin_layout::LINES,
    columns: &[
        (LineCol::Code, 10.0),
        (LineCol::Objective, 10.0),
        (LineCol::Label, 50.0),
        (LineCol::LabelEn, 50.0),
        (LineCol::Source, 10.0),
        (LineCol::Period, 10.0),
        (LineCol::Amount, 16.0),
        (LineCol::Unit, 12.0),
        (LineCol::Quantity, 10.0),
        (LineCol::UnitCost, 14.0),
    ],
};
/// The amendments.
pub(crate) const AMENDMENTS_SHEET: Layout<AmendmentCol> = Layout {
    sheet: planfin_layout::AMENDMENTS,
    columns: &[
        (AmendmentCol::Date, 11.0),
        (AmendmentCol::Reference, 16.0),
        (AmendmentCol::From, 10.0),
        (AmendmentCol::To, 10.0),
        (AmendmentCol::Amount, 16.0),
        (AmendmentCol::Source, 10.0),
        (AmendmentCol::Reason, 40.0),
        (AmendmentCol::ApprovedBy, 24.0),
    ],
};
/// The exchange-rate table.
pub(crate) const RATES_SHEET: Layout<RateCol> = Layout {
    sheet: planfin_layout::RATES,
    columns: &[
        (RateCol::Date, 11.0),
        (RateCol::From, 8.0),
        (RateCol::To, 8.0),
        (RateCol::Rate, 16.0),
    ],
};
/// The ledger sheet: `Depenses` (`Expenditures` in English) and its columns.
pub(crate) const LEDGER_LAYOUT: Layout<LedgerCol> = Layout {
    sheet: planfin_layout::EXPENDITURES,
    columns: &[
        (LedgerCol::Date, 11.0),
        (LedgerCol::Voucher, 16.0),
        (LedgerCol::Line, 9.0),
        (LedgerCol::Amount, 16.0),
        (LedgerCol::Currency, 8.0),
        (LedgerCol::Rate, 10.0),
        (LedgerCol::Stage, 15.0),
        (LedgerCol::Payee, 28.0),
        (LedgerCol::Description, 40.0),
        (LedgerCol::Document, 18.0),
        (LedgerCol::Commitment, 16.0),
    ],
};

/// The words the importer reads as each source kind.
pub(crate) fn source_kind_word(kind: SourceKind, lang: Lang) -> &'static str {
    match kind {
        SourceKind::StateBudget => pick(lang, "Etat", "State budget"),
        SourceKind::Donor => pick(lang, "Bailleur", "Donor"),
        SourceKind::Other => pick(lang, "Autre", "Other"),
    }
}

/// Writes the header row of `layout` on `ws` (row 0), with widths, a frozen header, and the
/// print set-up.
pub(crate) fn header<C: Named>(
    ws: &mut Worksheet,
    layout: &Layout<C>,
    lang: Lang,
    formats: &Formats,
) -> Result<(), ExportError> {
    let sheet = layout.name(lang);
    for (c, (key, width)) in layout.columns.iter().enumerate() {
        text(
            ws,
            sheet,
            0,
            c as ColNum,
            key.named(lang),
            Some(&formats.header),
        )?;
        ws.set_column_width(c as ColNum, *width)
            .map_err(xl(|| sheet.to_string()))?;
    }
    ws.set_freeze_panes(1, 0)
        .map_err(xl(|| sheet.to_string()))?;
    ws.set_repeat_rows(0, 0).map_err(xl(|| sheet.to_string()))?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// A new sheet of `layout` with its header row.
pub(crate) fn table_sheet<'w, C: Named>(
    wb: &'w mut Workbook,
    layout: &Layout<C>,
    lang: Lang,
    formats: &Formats,
) -> Result<(&'w mut Worksheet, &'static str), ExportError> {
    let sheet = layout.name(lang);
    let ws = wb.add_worksheet();
    ws.set_name(sheet).map_err(xl(|| sheet.to_string()))?;
    header(ws, layout, lang, formats)?;
    Ok((ws, sheet))
}

/// An autofilter on the header row of a sheet of `ncols` columns and rows up to `last_row`.
pub(crate) fn autofilter(
    ws: &mut Worksheet,
    sheet: &str,
    last_row: rust_xlsxwriter::RowNum,
    ncols: usize,
) -> Result<(), ExportError> {
    ws.autofilter(0, 0, last_row, ncols as ColNum - 1)
        .map_err(xl(|| sheet.to_string()))?;
    Ok(())
}
