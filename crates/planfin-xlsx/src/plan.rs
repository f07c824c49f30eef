//! The plan workbook: sheets Plan (key/value rows), Objectifs, Sources, Lignes and, optionally,
//! Amendements and Taux de change.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use planfin_core::amendment::Amendment;
use planfin_core::currency::Currency;
use planfin_core::money::checked_add;
use planfin_core::plan::{
    BudgetLine, FiscalPeriod, FundingSource, Objective, PeriodAmount, Plan, Rate, SourceKind, Text,
    UnitCosting,
};
use planfin_messages::{Message, msg};
use rust_decimal::Decimal;

use crate::amount::{amount, decimal};
use crate::cell::{Problem, Value, code, text};
use crate::error::{Errors, ImportError, sheet_names};
use crate::ledger::currency;
use crate::options::ImportOptions;
use crate::table::{
    Header, Sheet, Warnings, column, date, missing_required, read_table, skipped_row, totals_label,
};
use crate::workbook::{RowCells, Workbook};
use crate::{Imported, display_name};
use planfin_layout::{
    AMENDMENTS, AmendmentCol, Columns, LINES, LineCol, OBJECTIVES, ObjectiveCol, PLAN, PlanKey,
    RATES, RateCol, SOURCES, SheetKind, SourceCol, normalise,
};

/// Reads a plan workbook (.xlsx, .xlsm, .xlsb, .xls, .ods).
///
/// Sheets, French or English names: `Plan` (rows of key and value: Code, Titre, Titre EN,
/// Organisation, Devise, Début, Fin, Plafond), `Objectifs` (Code, Intitulé, Title EN),
/// `Sources` (Code, Nom, Type), `Lignes` (Code, Objectif, Libellé, Source, and either Année +
/// Montant rows or one column per year with an optional Total; in the Année + Montant layout, a
/// row with both blank is a line with no planned amount), and optionally `Amendements`
/// (Date, Référence, De, Vers, Montant, Source, Motif, Approuvé par) and `Taux de change` /
/// `Exchange rates`, the plan's rate table (Date, De, Vers, Taux: units of Vers per unit of De
/// from that date; a blank Vers is the plan currency).
///
/// ```no_run
/// use planfin_xlsx::{read_plan, ImportOptions};
/// let plan = read_plan("fixtures/xlsx/cnltp_plan.xlsx", &ImportOptions::default())?.value;
/// assert_eq!(plan.currency.code(), "XOF");
/// # Ok::<(), planfin_xlsx::ImportError>(())
/// ```
pub fn read_plan(
    path: impl AsRef<Path>,
    options: &ImportOptions,
) -> Result<Imported<Plan>, ImportError> {
    let path = path.as_ref();
    let file = display_name(path, options);
    let mut wb = Workbook::open(path, &file, &options.limits)?;
    let names = wb.sheet_names().to_vec();
    let find = |kind: &SheetKind| -> Result<String, ImportError> {
        kind.find(&names)
            .cloned()
            .ok_or_else(|| ImportError::MissingSheet {
                file: file.clone(),
                sheet: sheet_names(kind.fr, kind.en),
                sheet_fr: Box::new(msg!("import-quoted", value = kind.fr)),
                found: names.clone(),
            })
    };
    let plan_sheet = find(&PLAN)?;
    let objectives_sheet = find(&OBJECTIVES)?;
    let sources_sheet = find(&SOURCES)?;
    let lines_sheet = find(&LINES)?;
    let amendments_sheet = AMENDMENTS.find(&names).cloned();
    let rates_sheet = RATES.find(&names).cloned();

    let mut errors = Errors::new(&file, options.limits.max_errors);
    let mut warnings = Warnings::default();
    let ctx = Ctx {
        file: &file,
        options,
    };
    let head = ctx.head(&mut wb, &plan_sheet, &mut errors, &mut warnings)?;
    let cur = head.currency.unwrap_or(Currency::XOF);
    let objectives = ctx.objectives(&mut wb, &objectives_sheet, &mut errors, &mut warnings)?;
    let sources = ctx.sources(&mut wb, &sources_sheet, &mut errors, &mut warnings)?;
    let lines = ctx.lines(&mut wb, &lines_sheet, cur, &mut errors, &mut warnings)?;
    let amendments = match &amendments_sheet {
        Some(sheet) => ctx.amendments(&mut wb, sheet, cur, &mut errors, &mut warnings)?,
        None => Vec::new(),
    };
    let rates = match &rates_sheet {
        Some(sheet) => ctx.rates(&mut wb, sheet, cur, &mut errors, &mut warnings)?,
        None => Vec::new(),
    };
    errors.into_result()?;
    let (Some(currency), Some(start), Some(end), Some(ceiling)) =
        (head.currency, head.start, head.end, head.ceiling)
    else {
        // Every missing value was reported as an error above.
        return Err(ImportError::Unreadable {
            file,
            reason: msg!("import-reason-plan-incomplete"),
        });
    };
    Ok(Imported {
        value: Plan {
            code: head.code,
            title: head.title,
            organisation: head.organisation,
            currency,
            start,
            end,
            ceiling,
            objectives,
            sources,
            lines,
            amendments,
            rates,
        },
        warnings: warnings.into_vec(&file),
    })
}

struct Ctx<'c> {
    file: &'c str,
    options: &'c ImportOptions,
}

#[derive(Default)]
struct Head {
    code: String,
    title: Text,
    organisation: String,
    currency: Option<Currency>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    ceiling: Option<Decimal>,
}

impl Head {
    /// The value of `key` in `cell` of row `r`; the ceiling is read after the rows, once the
    /// currency is known (see [`Ctx::head`]).
    fn read(&mut self, s: &mut Sheet<'_>, key: PlanKey, r: u32, cell: (u32, &Value<'_>)) {
        let at = Some(cell);
        match key {
            PlanKey::Code => self.code = s.need(r, at, code).unwrap_or_default(),
            PlanKey::Title => self.title.fr = s.need(r, at, text).unwrap_or_default(),
            PlanKey::TitleEn => self.title.en = s.need(r, at, text).unwrap_or_default(),
            PlanKey::Organisation => self.organisation = s.need(r, at, text).unwrap_or_default(),
            PlanKey::Currency => self.currency = s.need(r, at, currency),
            PlanKey::Start => self.start = s.need(r, at, date),
            PlanKey::End => self.end = s.need(r, at, date),
            PlanKey::Ceiling => {}
        }
    }
}

/// A row of the Plan sheet that names a key: the key, and the column and value of the cell
/// beside it (empty when there is none).
fn key_and_value<'r, 'a>(cells: &'r RowCells<'a>) -> Option<(PlanKey, u32, &'r Value<'a>)> {
    let (pos, key) = cells.iter().enumerate().find_map(|(i, (_, v))| {
        v.as_text()
            .and_then(|t| PlanKey::classify(&normalise(t)))
            .map(|k| (i, k))
    })?;
    let key_col = cells.get(pos).map_or(0, |(c, _)| *c);
    let (col, value) = cells
        .get(pos.saturating_add(1))
        .map_or((key_col.saturating_add(1), &Value::Empty), |(c, v)| (*c, v));
    Some((key, col, value))
}

impl<'c> Ctx<'c> {
    fn sheet<'e>(
        &self,
        sheet: &'e str,
        errors: &'e mut Errors,
        warnings: &'e mut Warnings,
    ) -> Sheet<'e>
    where
        'c: 'e,
    {
        Sheet {
            file: self.file,
            sheet,
            locale: self.options.locale,
            errors,
            warnings,
        }
    }

    /// The Plan sheet: rows of key and value (`Devise | XOF`).
    fn head(
        &self,
        wb: &mut Workbook,
        sheet: &str,
        errors: &mut Errors,
        warnings: &mut Warnings,
    ) -> Result<Head, ImportError> {
        let locale = self.options.locale;
        let mut s = self.sheet(sheet, errors, warnings);
        let mut found: Vec<(PlanKey, u32, u32)> = Vec::new();
        let mut head = Head::default();
        // Values are read in row order; the ceiling needs the currency, so it waits.
        let mut ceiling_cell: Option<(u32, u32, Value<'static>)> = None;
        wb.rows(sheet, true, &mut |r, cells| {
            let Some((key, col, value)) = key_and_value(cells) else {
                return Ok(());
            };
            if found.iter().any(|(k, _, _)| *k == key) {
                return Ok(());
            }
            found.push((key, r, col));
            if key == PlanKey::Ceiling {
                ceiling_cell = Some((r, col, owned(value)));
            } else {
                head.read(&mut s, key, r, (col, value));
            }
            Ok(())
        })?;
        self.required_keys(sheet, &found)?;
        if let Some((r, col, v)) = ceiling_cell {
            let cur = head.currency.unwrap_or(Currency::XOF);
            head.ceiling = s.need(r, Some((col, &v)), |v| money(v, cur, locale));
        }
        Ok(head)
    }

    /// Refuses a Plan sheet without a row for each required key (`found`: the keys with
    /// their row and the column of their value).
    fn required_keys(&self, sheet: &str, found: &[(PlanKey, u32, u32)]) -> Result<(), ImportError> {
        let missing: Vec<Message> = PlanKey::REQUIRED
            .iter()
            .filter(|k| !found.iter().any(|(f, _, _)| f == *k))
            .map(|k| msg!("import-column-plan-key", name = k.name()))
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns {
                file: self.file.to_string(),
                sheet: sheet.to_string(),
                row: None,
                missing,
                found: found.iter().map(|(k, _, _)| k.name().to_string()).collect(),
            });
        }
        Ok(())
    }

    fn objectives(
        &self,
        wb: &mut Workbook,
        sheet: &str,
        errors: &mut Errors,
        warnings: &mut Warnings,
    ) -> Result<Vec<Objective>, ImportError> {
        self.records::<ObjectiveCol, _>(wb, sheet, false, errors, warnings, |s, h, r, cells| {
            let code = s.need(r, h.get(cells, ObjectiveCol::Code), code);
            let fr = s.need(r, h.get(cells, ObjectiveCol::Title), text);
            let en = s.opt(r, h.get(cells, ObjectiveCol::TitleEn), text);
            Some(Objective {
                code: code?,
                title: Text::new(fr?, en?.unwrap_or_default()),
            })
        })
    }

    fn sources(
        &self,
        wb: &mut Workbook,
        sheet: &str,
        errors: &mut Errors,
        warnings: &mut Warnings,
    ) -> Result<Vec<FundingSource>, ImportError> {
        self.records::<SourceCol, _>(wb, sheet, false, errors, warnings, |s, h, r, cells| {
            let code = s.need(r, h.get(cells, SourceCol::Code), code);
            let fr = s.need(r, h.get(cells, SourceCol::Name), text);
            let en = s.opt(r, h.get(cells, SourceCol::NameEn), text);
            let kind = s.need(r, h.get(cells, SourceCol::Kind), source_kind);
            Some(FundingSource {
                code: code?,
                name: Text::new(fr?, en?.unwrap_or_default()),
                kind: kind?,
            })
        })
    }

    /// Reads a sheet of one record per row: rows without any required cell are skipped with a
    /// warning (and, with `skip_totals`, a totals row silently); `record` reports its cells'
    /// errors and gives the record when they are all good.
    fn records<C: Columns, T>(
        &self,
        wb: &mut Workbook,
        sheet: &str,
        skip_totals: bool,
        errors: &mut Errors,
        warnings: &mut Warnings,
        mut record: impl FnMut(&mut Sheet<'_>, &Header<C>, u32, &RowCells<'_>) -> Option<T>,
    ) -> Result<Vec<T>, ImportError> {
        let mut s = self.sheet(sheet, errors, warnings);
        let mut out = Vec::new();
        read_table::<C>(
            wb,
            self.file,
            sheet,
            true,
            &missing_required,
            &mut |h, r, cells| {
                if (skip_totals && totals_label(cells)) || skip(&mut s, h, r, cells, C::REQUIRED) {
                    return Ok(());
                }
                out.extend(record(&mut s, h, r, cells));
                Ok(())
            },
        )?;
        Ok(out)
    }

    fn lines(
        &self,
        wb: &mut Workbook,
        sheet: &str,
        cur: Currency,
        errors: &mut Errors,
        warnings: &mut Warnings,
    ) -> Result<Vec<BudgetLine>, ImportError> {
        let mut s = self.sheet(sheet, errors, warnings);
        let mut read = LinesSoFar::default();
        read_table::<LineCol>(
            wb,
            self.file,
            sheet,
            true,
            &missing_line_columns,
            &mut |h, r, cells| {
                read.row(&mut s, h, r, cells, cur);
                Ok(())
            },
        )?;
        Ok(read.lines)
    }

    fn amendments(
        &self,
        wb: &mut Workbook,
        sheet: &str,
        cur: Currency,
        errors: &mut Errors,
        warnings: &mut Warnings,
    ) -> Result<Vec<Amendment>, ImportError> {
        let locale = self.options.locale;
        self.records::<AmendmentCol, _>(wb, sheet, true, errors, warnings, |s, h, r, cells| {
            let date = s.need(r, h.get(cells, AmendmentCol::Date), date);
            let reference = s.need(r, h.get(cells, AmendmentCol::Reference), code);
            let from = s.opt(r, h.get(cells, AmendmentCol::From), code);
            let to = s.opt(r, h.get(cells, AmendmentCol::To), code);
            let amount = s.need(r, h.get(cells, AmendmentCol::Amount), |v| {
                let a = money(v, cur, locale)?;
                if a <= Decimal::ZERO {
                    return Err(Problem::new(
                        msg!("import-expected-positive-amount"),
                        msg!("import-rule-amendment-positive"),
                        msg!("import-fix-amendment-sign"),
                    ));
                }
                Ok(a)
            });
            let source = s.opt(r, h.get(cells, AmendmentCol::Source), code);
            let reason = s.opt(r, h.get(cells, AmendmentCol::Reason), text);
            let approved_by = s.opt(r, h.get(cells, AmendmentCol::ApprovedBy), text);
            let (Some(date), Some(reference), Some(from), Some(to), Some(amount)) =
                (date, reference, from, to, amount)
            else {
                return None;
            };
            if from.is_none() && to.is_none() {
                let col = h
                    .col(AmendmentCol::From)
                    .or(h.col(AmendmentCol::To))
                    .unwrap_or(0);
                s.error(
                    r,
                    col,
                    &Value::Empty,
                    Problem::new(
                        msg!("import-expected-line"),
                        msg!("import-rule-amendment-lines"),
                        msg!("import-fix-amendment-lines"),
                    ),
                );
                return None;
            }
            Some(Amendment {
                reference,
                date,
                from,
                to,
                amount,
                source: source.flatten(),
                reason: reason.flatten().unwrap_or_default(),
                approved_by: approved_by.flatten().unwrap_or_default(),
            })
        })
    }

    /// The rate table: one dated rate per row; a blank Vers / To is the plan currency `cur`.
    fn rates(
        &self,
        wb: &mut Workbook,
        sheet: &str,
        cur: Currency,
        errors: &mut Errors,
        warnings: &mut Warnings,
    ) -> Result<Vec<Rate>, ImportError> {
        let locale = self.options.locale;
        self.records::<RateCol, _>(wb, sheet, false, errors, warnings, |s, h, r, cells| {
            let date = s.need(r, h.get(cells, RateCol::Date), date);
            let from = s.need(r, h.get(cells, RateCol::From), currency);
            let to = s.opt(r, h.get(cells, RateCol::To), currency);
            let rate = s.need(r, h.get(cells, RateCol::Rate), |v| {
                crate::amount::rate(v, locale)
            });
            Some(Rate {
                date: date?,
                from: from?,
                to: to?.unwrap_or(cur),
                rate: rate?,
            })
        })
    }
}

/// The Lignes sheet's required columns: those of [`LineCol::REQUIRED`], and Année and
/// Montant unless there is one column per year.
fn missing_line_columns(h: &Header<LineCol>) -> Vec<Message> {
    let mut m = missing_required(h);
    let wide = h.cols.iter().any(|(_, k, _)| matches!(k, LineCol::Year(_)));
    if !wide {
        if h.col(LineCol::Period).is_none() {
            m.push(msg!("import-column-year", name = "Année / Year"));
        }
        if h.col(LineCol::Amount).is_none() {
            m.push(column("Montant / Amount"));
        }
    }
    m
}

/// The year columns of a Lignes header (column, year); none in the Année + Montant layout.
fn year_columns(h: &Header<LineCol>) -> Vec<(u32, i32)> {
    h.cols
        .iter()
        .filter_map(|(c, k, _)| match k {
            LineCol::Year(y) => Some((*c, *y)),
            _ => None,
        })
        .collect()
}

/// The Lignes sheet as read so far.
#[derive(Default)]
struct LinesSoFar {
    lines: Vec<BudgetLine>,
    /// The index in `lines` of each line code.
    index: BTreeMap<String, usize>,
    /// Sums for a totals row: per column.
    sums: BTreeMap<u32, Decimal>,
    /// The rows in `sums`.
    rows: usize,
    /// A totals row was read: the rows below it are not imported.
    ended: bool,
}

/// The planned amounts of one row of the Lignes sheet.
struct Planned {
    amounts: Vec<PeriodAmount>,
    /// Every amount read.
    ok: bool,
    /// Long layout, Année and Montant both blank: a line with no planned amount.
    none: bool,
}

impl LinesSoFar {
    /// Reads row `r` of the Lignes sheet: a line, one more period of a line (long layout), the
    /// totals row or a row below it.
    fn row(
        &mut self,
        s: &mut Sheet<'_>,
        h: &Header<LineCol>,
        r: u32,
        cells: &RowCells<'_>,
        cur: Currency,
    ) {
        if self.ended {
            let first = cells.first().map_or(0, |(c, _)| *c);
            s.warn(r, first, msg!("import-warn-below-totals"));
            return;
        }
        let years = year_columns(h);
        if totals_label(cells) {
            self.ended = true;
            self.check_totals(s, h, r, cells, &years);
            return;
        }
        if skip(s, h, r, cells, LineCol::REQUIRED) {
            return;
        }
        let Some((line, no_amount)) = self.read_line(s, h, r, cells, &years, cur) else {
            return;
        };
        self.rows = self.rows.saturating_add(1);
        self.add_to_sums(h, &years, &line.amounts);
        match self.index.get(&line.code) {
            // Long layout: one more period of a line already seen.
            Some(&i) if years.is_empty() => {
                more_periods(s, h, r, cells, &mut self.lines[i], line);
            }
            Some(_) => line_error(
                s,
                h,
                r,
                cells,
                LineCol::Code,
                Problem::new(
                    msg!("import-expected-new-line-code"),
                    msg!("import-rule-line-twice", code = &line.code),
                    msg!("import-fix-line-twice"),
                ),
            ),
            None => self.new_line(s, h, r, line, no_amount),
        }
    }

    /// Adds a row's amounts to the sums of their columns.
    fn add_to_sums(&mut self, h: &Header<LineCol>, years: &[(u32, i32)], amounts: &[PeriodAmount]) {
        for a in amounts {
            let col = if years.is_empty() {
                h.col(LineCol::Amount)
            } else {
                years
                    .iter()
                    .find(|(_, y)| a.period.year == *y)
                    .map(|(c, _)| *c)
            };
            if let Some(c) = col {
                add(&mut self.sums, c, a.amount);
            }
        }
    }

    /// A line not read before, from row `r` (with a warning when it has no planned amount).
    fn new_line(
        &mut self,
        s: &mut Sheet<'_>,
        h: &Header<LineCol>,
        r: u32,
        line: BudgetLine,
        no_amount: bool,
    ) {
        if no_amount {
            let col = h.col(LineCol::Amount).unwrap_or(0);
            s.warn(
                r,
                col,
                msg!(
                    "import-warn-line-without-amount",
                    code = &line.code,
                    year = "Année",
                    amount = "Montant"
                ),
            );
        }
        self.index.insert(line.code.clone(), self.lines.len());
        self.lines.push(line);
    }

    /// The totals row: each amount column (the years and Total, or Montant) against the sum of
    /// the rows above, unless there are errors above.
    fn check_totals(
        &self,
        s: &mut Sheet<'_>,
        h: &Header<LineCol>,
        r: u32,
        cells: &RowCells<'_>,
        years: &[(u32, i32)],
    ) {
        let amount_cols: Vec<u32> = if years.is_empty() {
            h.col(LineCol::Amount).into_iter().collect()
        } else {
            years
                .iter()
                .map(|(c, _)| *c)
                .chain(h.col(LineCol::Total))
                .collect()
        };
        if s.errors.is_empty() {
            for c in &amount_cols {
                let sum = self.sums.get(c).copied().unwrap_or_default();
                s.check_total(r, *c, crate::table::cell_at(cells, *c), sum, self.rows);
            }
        } else if let Some(c) = amount_cols.first() {
            s.warn(r, *c, msg!("import-warn-totals-not-checked"));
        }
    }

    /// The line of row `r`, and whether it has no planned amount, when all its cells are good.
    fn read_line(
        &mut self,
        s: &mut Sheet<'_>,
        h: &Header<LineCol>,
        r: u32,
        cells: &RowCells<'_>,
        years: &[(u32, i32)],
        cur: Currency,
    ) -> Option<(BudgetLine, bool)> {
        let line_code = s.need(r, h.get(cells, LineCol::Code), code);
        let objective = s.need(r, h.get(cells, LineCol::Objective), code);
        let fr = s.need(r, h.get(cells, LineCol::Label), text);
        let en = s.opt(r, h.get(cells, LineCol::LabelEn), text);
        let source = s.need(r, h.get(cells, LineCol::Source), code);
        let costing = costing(s, h, r, cells, cur);
        let planned = if years.is_empty() {
            long_amounts(s, h, r, cells, cur)
        } else {
            wide_amounts(s, h, r, cells, years, cur, &mut self.sums)
        };
        let (Some(code), Some(objective), Some(fr), Some(en), Some(source), Some(costing)) =
            (line_code, objective, fr, en, source, costing)
        else {
            return None;
        };
        if !planned.ok {
            return None;
        }
        let line = BudgetLine {
            code,
            objective,
            label: Text::new(fr, en.unwrap_or_default()),
            source,
            amounts: planned.amounts,
            costing,
        };
        Some((line, planned.none))
    }
}

/// Long layout: the period and amount of a row, unless both are blank.
fn long_amounts(
    s: &mut Sheet<'_>,
    h: &Header<LineCol>,
    r: u32,
    cells: &RowCells<'_>,
    cur: Currency,
) -> Planned {
    let locale = s.locale;
    let period_cell = h.get(cells, LineCol::Period);
    let amount_cell = h.get(cells, LineCol::Amount);
    let blank = |c: Option<(u32, &Value<'_>)>| c.is_none_or(|(_, v)| v.is_empty());
    let none = blank(period_cell) && blank(amount_cell);
    let mut planned = Planned {
        amounts: Vec::new(),
        ok: true,
        none,
    };
    if !none {
        let period = s.need(r, period_cell, period);
        let a = s.need(r, amount_cell, |v| money(v, cur, locale));
        match (period, a) {
            (Some(period), Some(amount)) => planned.amounts.push(PeriodAmount { period, amount }),
            _ => planned.ok = false,
        }
    }
    planned
}

/// One column per year: the row's yearly amounts, and its Total checked against them (a
/// right Total is added to `sums`).
fn wide_amounts(
    s: &mut Sheet<'_>,
    h: &Header<LineCol>,
    r: u32,
    cells: &RowCells<'_>,
    years: &[(u32, i32)],
    cur: Currency,
    sums: &mut BTreeMap<u32, Decimal>,
) -> Planned {
    let locale = s.locale;
    let mut planned = Planned {
        amounts: Vec::new(),
        ok: true,
        none: false,
    };
    let mut row_sum = Decimal::ZERO;
    for (c, y) in years {
        let v = crate::table::cell_at(cells, *c);
        if v.is_empty() {
            continue;
        }
        match s.need(r, Some((*c, v)), |v| money(v, cur, locale)) {
            Some(amount) => {
                row_sum = checked_add(row_sum, amount).unwrap_or(row_sum);
                planned.amounts.push(PeriodAmount {
                    period: FiscalPeriod::year(*y),
                    amount,
                });
            }
            None => planned.ok = false,
        }
    }
    if let Some((c, v)) = h.get(cells, LineCol::Total)
        && planned.ok
        && !v.is_empty()
    {
        match money(v, cur, locale) {
            Ok(total) if total == row_sum => add(sums, c, total),
            Ok(_) => s.error(
                r,
                c,
                v,
                Problem::new(
                    msg!("import-expected-row-total"),
                    msg!("import-rule-years-add-up", sum = row_sum),
                    msg!("import-fix-row-total"),
                ),
            ),
            Err(p) => s.error(r, c, v, p),
        }
    }
    planned
}

/// Long layout: the periods of a row for a line already read (`line`), which must have the
/// same objective and source and none of these periods yet.
fn more_periods(
    s: &mut Sheet<'_>,
    h: &Header<LineCol>,
    r: u32,
    cells: &RowCells<'_>,
    line: &mut BudgetLine,
    row: BudgetLine,
) {
    let code = &row.code;
    if line.objective != row.objective || line.source != row.source {
        line_error(
            s,
            h,
            r,
            cells,
            LineCol::Objective,
            Problem::new(
                msg!("import-expected-same-objective-source"),
                msg!(
                    "import-rule-line-elsewhere",
                    code = code,
                    objective = &line.objective,
                    source = &line.source
                ),
                msg!("import-fix-same-objective-source"),
            ),
        );
    } else if line
        .amounts
        .iter()
        .any(|x| row.amounts.iter().any(|a| a.period == x.period))
    {
        line_error(
            s,
            h,
            r,
            cells,
            LineCol::Period,
            Problem::new(
                msg!("import-expected-new-period"),
                msg!("import-rule-period-twice", code = code),
                msg!("import-fix-period-twice"),
            ),
        );
    } else {
        line.amounts.extend(row.amounts);
    }
}

/// Records `p` at the cell of column `col` of row `r` (A-column and empty when the sheet has
/// no such column).
fn line_error(
    s: &mut Sheet<'_>,
    h: &Header<LineCol>,
    r: u32,
    cells: &RowCells<'_>,
    col: LineCol,
    p: Problem,
) {
    let (c, v) = h.get(cells, col).unwrap_or((0, &Value::Empty));
    s.error(r, c, v, p);
}

fn add(sums: &mut BTreeMap<u32, Decimal>, col: u32, amount: Decimal) {
    let e = sums.entry(col).or_default();
    *e = checked_add(*e, amount).unwrap_or(*e);
}

/// Skips a row without any required cell (a note, a subtotal), with a warning.
fn skip<C: Columns>(
    s: &mut Sheet<'_>,
    h: &Header<C>,
    r: u32,
    cells: &RowCells<'_>,
    required: &[C],
) -> bool {
    let any = required
        .iter()
        .any(|k| h.get(cells, *k).is_some_and(|(_, v)| !v.is_empty()));
    if !any {
        let first = cells.first().map_or(0, |(c, _)| *c);
        let what = skipped_row(cells);
        s.warn(r, first, msg!("import-warn-skipped", what = what));
    }
    !any
}

/// An amount in the plan currency.
fn money(v: &Value<'_>, cur: Currency, locale: crate::amount::Locale) -> Result<Decimal, Problem> {
    let a = amount(v, Some(cur), locale)?;
    match a.currency {
        Some(c) if c != cur && !(c.is_cfa_franc() && cur.is_cfa_franc()) => Err(Problem::new(
            msg!("import-expected-amount"),
            msg!(
                "import-rule-plan-currency",
                plan = cur.to_string(),
                amount = c.to_string()
            ),
            msg!("import-fix-convert", currency = cur.to_string()),
        )),
        _ => Ok(a.value),
    }
}

/// A fiscal period: a year (`2019`, a number cell or text) or a quarter (`2019-Q3`).
fn period(v: &Value<'_>) -> Result<FiscalPeriod, Problem> {
    let bad = || {
        Problem::new(
            msg!("import-expected-period"),
            msg!("import-rule-period"),
            msg!("import-fix-period"),
        )
    };
    let text = match v {
        Value::Int(i) => i.to_string(),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e6 => format!("{f:.0}"),
        Value::Text(t) => t.trim().to_string(),
        _ => return Err(bad()),
    };
    text.parse::<FiscalPeriod>().map_err(|_| bad())
}

/// A source kind: state budget, donor or other, in French or English.
fn source_kind(v: &Value<'_>) -> Result<SourceKind, Problem> {
    let n = normalise(v.as_text().unwrap_or_default());
    if n.contains("etat") || n.contains("state") || n.contains("tresor") || n.contains("dotation") {
        Ok(SourceKind::StateBudget)
    } else if [
        "bailleur",
        "donor",
        "ptf",
        "partenaire",
        "partner",
        "projet",
        "project",
        "don",
    ]
    .iter()
    .any(|w| n.starts_with(w))
    {
        Ok(SourceKind::Donor)
    } else if n.starts_with("autre") || n.starts_with("other") {
        Ok(SourceKind::Other)
    } else {
        Err(Problem::new(
            msg!("import-expected-source-kind"),
            msg!("import-rule-source-kind"),
            msg!("import-fix-source-kind"),
        ))
    }
}

/// Optional unit costing: when any of Unité, Quantité, Coût unitaire is filled in, all are
/// needed. `Some(None)`: no costing; `None`: an error was recorded.
fn costing(
    s: &mut Sheet<'_>,
    h: &Header<LineCol>,
    r: u32,
    cells: &RowCells<'_>,
    cur: Currency,
) -> Option<Option<UnitCosting>> {
    let unit = h.get(cells, LineCol::Unit);
    let quantity = h.get(cells, LineCol::Quantity);
    let unit_cost = h.get(cells, LineCol::UnitCost);
    let filled = [unit, quantity, unit_cost]
        .iter()
        .any(|c| c.is_some_and(|(_, v)| !v.is_empty()));
    if !filled {
        return Some(None);
    }
    let locale = s.locale;
    let unit = s.need(r, unit.or(Some((0, &Value::Empty))), text);
    let quantity = s.need(r, quantity.or(Some((0, &Value::Empty))), |v| {
        decimal(v, locale)
    });
    let unit_cost = s.need(r, unit_cost.or(Some((0, &Value::Empty))), |v| {
        money(v, cur, locale)
    });
    Some(Some(UnitCosting {
        unit: unit?,
        quantity: quantity?,
        unit_cost: unit_cost?,
    }))
}

/// An owned copy of a value (for a cell read after its row).
fn owned(v: &Value<'_>) -> Value<'static> {
    match v {
        Value::Empty => Value::Empty,
        Value::Blank => Value::Blank,
        Value::Int(i) => Value::Int(*i),
        Value::Float(f) => Value::Float(*f),
        Value::Text(t) => Value::Text(t.to_string().into()),
        Value::Bool(b) => Value::Bool(*b),
        Value::Date(d) => Value::Date(*d),
        Value::IsoDate(t) => Value::IsoDate(t.to_string().into()),
        Value::Duration(t) => Value::Duration(t.to_string().into()),
        Value::Error(e) => Value::Error(e.clone()),
        Value::Uncached(f) => Value::Uncached(f.clone()),
    }
}
