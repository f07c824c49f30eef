//! Opening a workbook after the pre-flight, and handing its sheets over row by row.
//!
//! xlsx and xlsb sheets are streamed cell by cell (`worksheet_cells_reader`): never
//! `worksheet_range`, which allocates the whole bounding box (one cell in XFD1048576 is half a
//! terabyte). calamine has no streaming reader for xls and ods: their cells are read when the
//! workbook opens, bounded for xls by the format (65,536 x 256), for ods by the pre-flight's
//! scan of the repeated rows and columns ([`crate::Limits::max_range_cells`]), and for both by
//! the pre-flight's size limits.

use std::fs::File;
use std::io::{BufReader, Seek, SeekFrom};
use std::path::Path;

use calamine::{
    Data, DataRef, Ods, Range, Reader, Xls, XlsError, Xlsb, Xlsx, XlsxError, XlsxFormulaMetadata,
};

use planfin_messages::msg;

use crate::cell::{Value, a1};
use crate::error::{ImportError, detail};
use crate::options::Limits;
use crate::preflight::{self, Kind};

type Input = BufReader<File>;

enum Book {
    Xlsx(Box<Xlsx<Input>>),
    Xlsb(Box<Xlsb<Input>>),
    Xls(Box<Xls<Input>>),
    Ods(Box<Ods<Input>>),
}

/// An open workbook.
pub(crate) struct Workbook {
    name: String,
    book: Book,
    limits: Limits,
    sheets: Vec<String>,
}

/// The non-empty cells of one row: (0-based column, value), in column order.
pub(crate) type RowCells<'a> = [(u32, Value<'a>)];

impl Workbook {
    /// Pre-flight checks, then opens the workbook with the reader its content calls for.
    pub(crate) fn open(path: &Path, name: &str, limits: &Limits) -> Result<Workbook, ImportError> {
        let io = |source| ImportError::Io {
            file: name.to_string(),
            source,
        };
        let mut file = File::open(path).map_err(io)?;
        let kind = preflight::check(&mut file, name, limits)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        let reader = BufReader::new(file);
        let unreadable = |reason: String| ImportError::Unreadable {
            file: name.to_string(),
            reason: detail(reason),
        };
        let password = || ImportError::PasswordProtected {
            file: name.to_string(),
        };
        let book = match kind {
            Kind::Xlsx => match guarded(name, || Ok(Xlsx::new(reader)))? {
                Ok(b) => Book::Xlsx(Box::new(b)),
                Err(XlsxError::Password) => return Err(password()),
                Err(e) => return Err(unreadable(e.to_string())),
            },
            Kind::Xlsb => Book::Xlsb(Box::new(
                guarded(name, || Ok(Xlsb::new(reader)))?.map_err(|e| unreadable(e.to_string()))?,
            )),
            Kind::Ods => match guarded(name, || Ok(Ods::new(reader)))? {
                Ok(b) => Book::Ods(Box::new(b)),
                Err(calamine::OdsError::Password) => return Err(password()),
                Err(e) => return Err(unreadable(e.to_string())),
            },
            Kind::Cfb => open_cfb(path, name)?,
        };
        let sheets = guarded(name, || {
            Ok(match &book {
                Book::Xlsx(b) => b.sheet_names(),
                Book::Xlsb(b) => b.sheet_names(),
                Book::Xls(b) => b.sheet_names(),
                Book::Ods(b) => b.sheet_names(),
            })
        })?;
        Ok(Workbook {
            name: name.to_string(),
            book,
            limits: limits.clone(),
            sheets,
        })
    }

    /// The sheet names, in workbook order.
    pub(crate) fn sheet_names(&self) -> &[String] {
        &self.sheets
    }

    /// Calls `visit(row, cells)` for each row of `sheet` that has a non-empty cell, in order.
    /// Unless `exact`, xlsx cells are read without their formulas (faster): a formula without a
    /// saved result then comes as [`Value::Blank`], which the caller must not take for an
    /// empty cell without reading the sheet again exactly. Returns whether rows made only of
    /// such blanks were skipped (they too may hide formulas).
    ///
    /// Only calamine's own calls are [`guarded`]: a panic in `visit` is a planfin bug, and
    /// stays one.
    pub(crate) fn rows(
        &mut self,
        sheet: &str,
        exact: bool,
        visit: &mut dyn FnMut(u32, &RowCells<'_>) -> Result<(), ImportError>,
    ) -> Result<bool, ImportError> {
        let name = self.name.as_str();
        let unreadable = |e: String| ImportError::Unreadable {
            file: name.to_string(),
            reason: msg!("import-reason-sheet", sheet = sheet, detail = detail(e)),
        };
        let mut guard = Guard {
            file: name,
            sheet,
            limits: &self.limits,
            cells: 0,
        };
        match &mut self.book {
            // The fast reader: a formula without a saved result reads as a blank, which the
            // caller sees as Value::Blank and may read again exactly. The XML is decoded on a
            // second thread while this one builds the caller's records.
            Book::Xlsx(b) if !exact => pipelined(b, name, sheet, &mut guard, &unreadable, visit),
            Book::Xlsx(b) => {
                let mut reader = guarded(name, || {
                    b.worksheet_cells_reader(sheet)
                        .map_err(|e| unreadable(e.to_string()))
                })?;
                let next = || {
                    let cell = guarded(name, || {
                        reader
                            .next_cell_with_formula_metadata()
                            .map_err(|e| unreadable(e.to_string()))
                    })?;
                    Ok(cell.map(formula_cell))
                };
                stream_rows(next, &mut guard, visit).map(|()| false)
            }
            Book::Xlsb(b) => {
                let mut reader = guarded(name, || {
                    b.worksheet_cells_reader(sheet)
                        .map_err(|e| unreadable(e.to_string()))
                })?;
                let next = || {
                    let cell = guarded(name, || {
                        reader.next_cell().map_err(|e| unreadable(e.to_string()))
                    })?;
                    Ok(cell.map(|cell| {
                        let (r, c) = cell.get_position();
                        (r, c, Value::from_ref(cell.get_value().clone(), false))
                    }))
                };
                stream_rows(next, &mut guard, visit).map(|()| false)
            }
            Book::Xls(b) => in_memory(b.as_mut(), name, sheet, &mut guard, &unreadable, visit),
            Book::Ods(b) => in_memory(b.as_mut(), name, sheet, &mut guard, &unreadable, visit),
        }
    }
}

/// The rows of an xls or ods sheet, which calamine reads whole: its values (refused beyond
/// the range limit before its formulas are read too), then its formulas for the cells
/// without a value.
fn in_memory<R>(
    book: &mut R,
    name: &str,
    sheet: &str,
    guard: &mut Guard<'_>,
    unreadable: &dyn Fn(String) -> ImportError,
    visit: &mut dyn FnMut(u32, &RowCells<'_>) -> Result<(), ImportError>,
) -> Result<bool, ImportError>
where
    R: Reader<Input>,
    R::Error: std::fmt::Display,
{
    let values = guarded(name, || {
        book.worksheet_range(sheet)
            .map_err(|e| unreadable(e.to_string()))
    })?;
    guard.range(&values)?;
    let formulas = guarded(name, || Ok(book.worksheet_formula(sheet).ok()))?;
    range_rows(&values, formulas.as_ref(), guard, visit).map(|()| false)
}

/// A cell of the exact xlsx reader, a formula with no saved result carrying its text.
fn formula_cell(rec: calamine::XlsxCellFormulaMetadataRecord<'_>) -> (u32, u32, Value<'_>) {
    let (r, c) = rec.pos;
    let mut value = Value::from_ref(rec.value, rec.formula.is_some());
    if let (Value::Uncached(text), Some(f)) = (&mut value, rec.formula) {
        *text = match f {
            XlsxFormulaMetadata::Normal { formula }
            | XlsxFormulaMetadata::Shared { formula, .. } => formula,
            _ => String::new(),
        };
    }
    (r, c, value)
}

/// Groups the cells that `next` streams, row by row, into rows for `visit`: each row with its
/// non-empty cells, rows with none left out.
fn stream_rows<'a>(
    mut next: impl FnMut() -> Result<Option<(u32, u32, Value<'a>)>, ImportError>,
    guard: &mut Guard<'_>,
    visit: &mut dyn FnMut(u32, &RowCells<'_>) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let mut row: Vec<(u32, Value<'a>)> = Vec::new();
    let mut current = 0u32;
    while let Some((r, c, value)) = next()? {
        guard.count(r, c, &value)?;
        if r != current {
            if !row.is_empty() {
                visit(current, &row)?;
                row.clear();
            }
            current = r;
        }
        if !value.is_empty() {
            row.push((c, value));
        }
    }
    if !row.is_empty() {
        visit(current, &row)?;
    }
    Ok(())
}

/// Cells handed from the decoding thread to the visiting one, as calamine read them.
type Batch<'a> = Vec<(u32, u32, DataRef<'a>)>;

const BATCH_CELLS: usize = 16 * 1024;

/// Streams an xlsx sheet with calamine's fast cell reader on a scoped thread, which does
/// nothing else: it hands the cells over in batches through a bounded channel, and this thread
/// checks them, groups them into rows and runs `visit`. Returns whether rows made only of
/// blank cell elements were skipped.
fn pipelined(
    book: &mut Xlsx<Input>,
    name: &str,
    sheet: &str,
    guard: &mut Guard<'_>,
    unreadable: &(dyn Fn(String) -> ImportError + Sync),
    visit: &mut dyn FnMut(u32, &RowCells<'_>) -> Result<(), ImportError>,
) -> Result<bool, ImportError> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch<'_>>(4);
        // Visited batches come back to be filled again: no allocation per batch.
        let (back_tx, back_rx) = std::sync::mpsc::channel::<Batch<'_>>();
        // The decoding thread runs only calamine (and the hand-over): all of it is guarded.
        let producer = scope.spawn(move || -> Result<(), ImportError> {
            guarded(name, || {
                let mut reader = book
                    .worksheet_cells_reader(sheet)
                    .map_err(|e| unreadable(e.to_string()))?;
                let mut batch = Vec::with_capacity(BATCH_CELLS);
                while let Some(cell) = reader.next_cell().map_err(|e| unreadable(e.to_string()))? {
                    let (r, c) = cell.get_position();
                    batch.push((r, c, cell.get_value().clone()));
                    if batch.len() == BATCH_CELLS {
                        let empty = back_rx
                            .try_recv()
                            .unwrap_or_else(|_| Vec::with_capacity(BATCH_CELLS));
                        if tx.send(std::mem::replace(&mut batch, empty)).is_err() {
                            // The visitor stopped (an error): nothing more to read.
                            return Ok(());
                        }
                    }
                }
                let _ = tx.send(batch);
                Ok(())
            })
        });
        let mut rows = RowBuilder::default();
        let mut visited = Ok(());
        'batches: for mut batch in rx.iter() {
            for (r, c, data) in batch.drain(..) {
                let value = match data {
                    DataRef::Empty => Value::Blank,
                    v => Value::from_ref(v, false),
                };
                if let Err(e) = guard
                    .count(r, c, &value)
                    .and_then(|()| rows.push(r, c, value, visit))
                {
                    visited = Err(e);
                    break 'batches;
                }
            }
            let _ = back_tx.send(batch);
        }
        let visited = visited.and_then(|()| rows.finish(visit));
        // Dropping the receiver stops the decoding thread at its next batch.
        drop(rx);
        let produced = producer.join().unwrap_or_else(|_| {
            Err(ImportError::Unreadable {
                file: name.to_string(),
                reason: msg!(
                    "import-reason-sheet",
                    sheet = sheet,
                    detail = msg!("import-reason-reader-panicked")
                ),
            })
        });
        let blank_rows = visited?;
        produced?;
        Ok(blank_rows)
    })
}

/// Groups streamed cells into rows for the visitor, leaving out rows that hold only blank
/// cell elements (and remembering that there were some).
#[derive(Default)]
struct RowBuilder<'a> {
    row: Option<u32>,
    cells: Vec<(u32, Value<'a>)>,
    /// Whether the row being built holds a value (not only blank cell elements).
    filled: bool,
    blank_rows: bool,
}

impl<'a> RowBuilder<'a> {
    fn push(
        &mut self,
        r: u32,
        c: u32,
        value: Value<'a>,
        visit: &mut dyn FnMut(u32, &RowCells<'_>) -> Result<(), ImportError>,
    ) -> Result<(), ImportError> {
        if self.row != Some(r) {
            self.close(visit)?;
            self.row = Some(r);
        }
        if !matches!(value, Value::Empty) {
            self.filled |= !value.is_empty();
            self.cells.push((c, value));
        }
        Ok(())
    }

    fn close(
        &mut self,
        visit: &mut dyn FnMut(u32, &RowCells<'_>) -> Result<(), ImportError>,
    ) -> Result<(), ImportError> {
        if let Some(row) = self.row {
            if self.filled {
                visit(row, &self.cells)?;
            } else {
                self.blank_rows |= !self.cells.is_empty();
            }
        }
        self.cells.clear();
        self.filled = false;
        Ok(())
    }

    /// Visits the last row; returns whether blank rows were left out.
    fn finish(
        mut self,
        visit: &mut dyn FnMut(u32, &RowCells<'_>) -> Result<(), ImportError>,
    ) -> Result<bool, ImportError> {
        self.close(visit)?;
        Ok(self.blank_rows)
    }
}

thread_local! {
    /// Whether this thread is inside a [`guarded`] call of calamine's.
    static IN_READER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the current thread is running one of calamine's calls that planfin-xlsx guards: a
/// panic hook uses it to stay quiet about a panic that is about to be caught and reported as
/// an unreadable file (and only about such a panic: any other one is a bug, and says so).
///
/// ```
/// assert!(!planfin_xlsx::in_guarded_reader());
/// ```
pub fn in_guarded_reader() -> bool {
    IN_READER.with(std::cell::Cell::get)
}

/// Runs `read`, one of calamine's calls, turning a panic of the reader (calamine indexes some
/// damaged records without checking them) into an error that names the file, so that a bad
/// file never brings the process down. Nothing of planfin's runs inside: a panic of planfin's
/// own code is a bug and is not caught.
fn guarded<T>(name: &str, read: impl FnOnce() -> Result<T, ImportError>) -> Result<T, ImportError> {
    let outer = IN_READER.with(|flag| flag.replace(true));
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(read));
    IN_READER.with(|flag| flag.set(outer));
    caught.unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(ImportError::Unreadable {
            file: name.to_string(),
            reason: msg!("import-reason-damaged-record", detail = what),
        })
    })
}

/// Opens an OLE2 file: an .xls workbook, or an encrypted OOXML package (which calamine's xlsx
/// reader recognises as password-protected).
fn open_cfb(path: &Path, name: &str) -> Result<Book, ImportError> {
    let io = |source| ImportError::Io {
        file: name.to_string(),
        source,
    };
    let password = || ImportError::PasswordProtected {
        file: name.to_string(),
    };
    let file = BufReader::new(File::open(path).map_err(io)?);
    let xls_error = match guarded(name, || Ok(Xls::new(file)))? {
        Ok(b) => return Ok(Book::Xls(Box::new(b))),
        Err(XlsError::Password) => return Err(password()),
        // An XOR-obfuscated workbook: the obfuscated CODEPAGE record reads as an unknown
        // codepage.
        Err(e) if e.to_string().contains("Codepage") => return Err(password()),
        Err(e) => e,
    };
    let file = BufReader::new(File::open(path).map_err(io)?);
    match guarded(name, || Ok(Xlsx::new(file)))? {
        Err(XlsxError::Password) => Err(password()),
        _ => Err(ImportError::Unreadable {
            file: name.to_string(),
            reason: detail(xls_error.to_string()),
        }),
    }
}

/// Rows of a range already in memory (xls, ods).
fn range_rows(
    values: &Range<Data>,
    formulas: Option<&Range<String>>,
    guard: &mut Guard<'_>,
    visit: &mut dyn FnMut(u32, &RowCells<'_>) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let Some((row0, col0)) = values.start() else {
        return Ok(());
    };
    let mut row: Vec<(u32, Value<'_>)> = Vec::new();
    for (i, cells) in values.rows().enumerate() {
        let r = row0.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        row.clear();
        for (j, data) in cells.iter().enumerate() {
            let c = col0.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
            let formula = if matches!(data, Data::Empty) {
                formulas
                    .and_then(|f| f.get_value((r, c)))
                    .filter(|f| !f.is_empty())
            } else {
                None
            };
            let mut value = Value::from_data(data, formula.is_some());
            if let (Value::Uncached(text), Some(f)) = (&mut value, formula) {
                text.clone_from(f);
            }
            if !value.is_empty() {
                guard.count(r, c, &value)?;
                row.push((c, value));
            }
        }
        if !row.is_empty() {
            visit(r, &row)?;
        }
    }
    Ok(())
}

/// Counts cells and measures text against the limits.
struct Guard<'g> {
    file: &'g str,
    sheet: &'g str,
    limits: &'g Limits,
    cells: u64,
}

impl Guard<'_> {
    /// Refuses a sheet whose rectangle is beyond [`Limits::max_range_cells`] before a second
    /// one (its formulas) is built.
    fn range(&self, values: &Range<Data>) -> Result<(), ImportError> {
        let (rows, cols) = values.get_size();
        let cells = (rows as u64).saturating_mul(cols as u64);
        if cells > self.limits.max_range_cells {
            return Err(ImportError::TooLarge {
                file: self.file.to_string(),
                what: msg!(
                    "import-too-large-range",
                    sheet = self.sheet,
                    rows = rows,
                    cols = cols
                ),
                limit: msg!("import-limit-cells", count = self.limits.max_range_cells),
                setting: "max_range_cells",
            });
        }
        Ok(())
    }

    fn count(&mut self, r: u32, c: u32, v: &Value<'_>) -> Result<(), ImportError> {
        self.cells = self.cells.saturating_add(1);
        if self.cells > self.limits.max_cells {
            return Err(ImportError::TooLarge {
                file: self.file.to_string(),
                what: msg!(
                    "import-too-large-cells",
                    sheet = self.sheet,
                    count = self.limits.max_cells
                ),
                limit: msg!("import-limit-cells", count = self.limits.max_cells),
                setting: "max_cells",
            });
        }
        if let Value::Text(s) = v
            && s.len() > self.limits.max_text_chars
            && s.chars().count() > self.limits.max_text_chars
        {
            return Err(ImportError::TooLarge {
                file: self.file.to_string(),
                what: msg!(
                    "import-too-large-text",
                    place = format!("{}!{}", self.sheet, a1(r, c)),
                    count = s.chars().count()
                ),
                limit: msg!(
                    "import-limit-characters",
                    count = self.limits.max_text_chars
                ),
                setting: "max_text_chars",
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(rel: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures")
            .join(rel)
    }

    /// A panic in planfin's own row code is a bug: it is not caught and reported as a damaged
    /// file (it was, when the whole sheet read was guarded), and no guard is active around it.
    #[test]
    fn a_panic_while_visiting_rows_is_not_caught() {
        for (rel, exact) in [
            ("xlsx/cnltp_ledger.xlsx", false),
            ("xlsx/cnltp_ledger.xlsx", true),
            ("xlsx/cnltp_ledger.xlsb", false),
            ("xlsx/cnltp_ledger.xls", false),
            ("xlsx/cnltp_ledger.ods", false),
        ] {
            let book = Workbook::open(&fixture(rel), rel, &Limits::default());
            let Ok(mut book) = book else {
                panic!("{rel} must open");
            };
            let sheet = book.sheet_names()[0].clone();
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                book.rows(&sheet, exact, &mut |_, _| {
                    assert!(!in_guarded_reader(), "{rel}: visited inside a guard");
                    panic!("a planfin bug");
                })
            }));
            let message = outcome
                .err()
                .and_then(|p| p.downcast_ref::<&str>().map(|s| s.to_string()));
            assert_eq!(
                message.as_deref(),
                Some("a planfin bug"),
                "{rel} exact={exact}"
            );
        }
    }

    #[test]
    fn a_panic_inside_a_guard_is_an_unreadable_file() {
        let read: Result<(), ImportError> = guarded("bad.xlsb", || {
            assert!(in_guarded_reader());
            panic!("index out of bounds")
        });
        assert!(!in_guarded_reader());
        assert_eq!(
            read.map_err(|e| e.to_string()),
            Err(
                "bad.xlsb: the workbook cannot be read (the reader failed on a damaged record: \
                 index out of bounds); open it in Excel or LibreOffice, repair it if asked, and \
                 save it again"
                    .into()
            )
        );
    }
}
