//! The pre-flight: what a file is, and whether it is safe to open, decided before any parser
//! touches it.
//!
//! A zip container (xlsx, xlsm, xlsb, ods) is judged from its central directory alone: the
//! number of entries, each entry's declared uncompressed size and compression ratio, and their
//! total. The zip reader calamine uses stops an entry that inflates past its declared size, so
//! the declared sizes checked here bound the decompression. An OLE2 (CFB) file is an .xls
//! workbook, whose sheets are measured from their records ([`xls`]), or an encrypted OOXML
//! package. The records of an xlsb are checked to fit their parts ([`xlsb`]).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

use planfin_messages::{Message, msg};
use rust_decimal::Decimal;

use crate::error::{ImportError, detail};
use crate::options::Limits;

mod xls;
mod xlsb;

/// What the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Office Open XML (xlsx, xlsm).
    Xlsx,
    /// Excel binary workbook.
    Xlsb,
    /// OpenDocument spreadsheet.
    Ods,
    /// An OLE2 compound file: BIFF .xls, or an encrypted OOXML workbook.
    Cfb,
}

/// One central directory entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) name: String,
    pub(crate) compressed: u64,
    pub(crate) uncompressed: u64,
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Entries smaller than this are not judged by their compression ratio.
const RATIO_FLOOR: u64 = 1 << 20;

/// Judges the file at `path` (opened as `file`), named `name` in errors.
pub(crate) fn check(file: &mut File, name: &str, limits: &Limits) -> Result<Kind, ImportError> {
    let io = |source| ImportError::Io {
        file: name.to_string(),
        source,
    };
    let len = file.metadata().map_err(io)?.len();
    let not = |reason: Message| ImportError::NotAWorkbook {
        file: name.to_string(),
        reason,
    };
    if len == 0 {
        return Err(not(msg!("import-reason-empty-file")));
    }
    if len > limits.max_file_bytes {
        return Err(ImportError::TooLarge {
            file: name.to_string(),
            what: msg!("import-too-large-file", size = bytes(len)),
            limit: bytes(limits.max_file_bytes),
            setting: "max_file_bytes",
        });
    }
    let mut head = [0u8; 512];
    let n = read_up_to(file, &mut head).map_err(io)?;
    let head = &head[..n];
    if head.starts_with(&CFB_MAGIC) {
        xls::check(file, name, limits)?;
        return Ok(Kind::Cfb);
    }
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        let entries = central_directory(file, name, limits)?;
        let kind = zip_kind(&entries).ok_or_else(|| {
            not(msg!(
                "import-reason-zip-without-workbook",
                xlsx = "xl/workbook.xml",
                ods = "content.xml"
            ))
        })?;
        match kind {
            Kind::Ods => ods_cells(file, name, limits)?,
            Kind::Xlsb => xlsb::check(file, name)?,
            Kind::Xlsx | Kind::Cfb => {}
        }
        return Ok(kind);
    }
    Err(not(describe(head)))
}

fn zip_kind(entries: &[Entry]) -> Option<Kind> {
    let has = |n: &str| entries.iter().any(|e| e.name.eq_ignore_ascii_case(n));
    if has("xl/workbook.xml") || entries.iter().any(|e| e.name.ends_with("/workbook.xml")) {
        Some(Kind::Xlsx)
    } else if has("xl/workbook.bin") {
        Some(Kind::Xlsb)
    } else if has("content.xml") {
        Some(Kind::Ods)
    } else {
        None
    }
}

/// What a file that is no workbook looks like, from its first bytes.
fn describe(head: &[u8]) -> Message {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.contains("urn:schemas-microsoft-com:office:spreadsheet") {
        msg!("import-reason-xml-2003")
    } else if text.starts_with("<!doctype html") || text.starts_with("<html") {
        msg!("import-reason-html")
    } else if text.starts_with("<?xml") || text.starts_with('<') {
        msg!("import-reason-xml")
    } else if matches!(head, [0x09, 0x00 | 0x02 | 0x04 | 0x08, ..]) {
        // A BOF record outside an OLE2 container: Excel 2.x to 4.x.
        msg!("import-reason-biff")
    } else if head.starts_with(b"%PDF") {
        msg!("import-reason-pdf")
    } else if looks_like_text(head) {
        msg!("import-reason-text")
    } else {
        msg!("import-reason-unknown-content")
    }
}

/// UTF-8 without control characters (but tabs and line ends); a character cut by the end of
/// the sample is fine.
fn looks_like_text(head: &[u8]) -> bool {
    let valid = match std::str::from_utf8(head) {
        Ok(s) => s,
        Err(e) if head.len().saturating_sub(e.valid_up_to()) < 4 && e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    !valid.is_empty()
        && valid
            .chars()
            .all(|c| !c.is_control() || matches!(c, '\t' | '\r' | '\n'))
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    file.seek(SeekFrom::Start(0))?;
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n = n.saturating_add(k),
        }
    }
    Ok(n)
}

/// Reads and judges the zip central directory (with the `zip` crate, which reads the directory
/// only: nothing is decompressed here).
pub(crate) fn central_directory(
    file: &mut File,
    name: &str,
    limits: &Limits,
) -> Result<Vec<Entry>, ImportError> {
    let too_large = |what: Message, limit: Message, setting| ImportError::TooLarge {
        file: name.to_string(),
        what,
        limit,
        setting,
    };
    rewind(file, name)?;
    let mut archive = zip::ZipArchive::new(&mut *file).map_err(|e| ImportError::Unreadable {
        file: name.to_string(),
        reason: msg!("import-reason-zip-damaged", detail = detail(e.to_string())),
    })?;
    let count = archive.len() as u64;
    if count > limits.max_zip_entries {
        return Err(too_large(
            msg!("import-too-large-zip-entries", count = count),
            msg!("import-limit-entries", count = limits.max_zip_entries),
            "max_zip_entries",
        ));
    }
    let mut entries = Vec::with_capacity(archive.len());
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| zip_entry_unreadable(name, i, e))?;
        let (entry_name, compressed, uncompressed) = (
            String::from_utf8_lossy(entry.name_raw()).into_owned(),
            entry.compressed_size(),
            entry.size(),
        );
        let (limit, setting) = if entry_name.ends_with("sharedStrings.xml") {
            (limits.max_shared_strings_bytes, "max_shared_strings_bytes")
        } else {
            (limits.max_entry_bytes, "max_entry_bytes")
        };
        if uncompressed > limit {
            return Err(too_large(
                msg!(
                    "import-too-large-entry",
                    entry = &entry_name,
                    size = bytes(uncompressed)
                ),
                bytes(limit),
                setting,
            ));
        }
        let ratio = uncompressed
            .checked_div(compressed.max(1))
            .unwrap_or(u64::MAX);
        if uncompressed > RATIO_FLOOR && ratio > limits.max_ratio {
            return Err(too_large(
                msg!(
                    "import-too-large-ratio",
                    entry = &entry_name,
                    ratio = ratio,
                    compressed = bytes(compressed),
                    uncompressed = bytes(uncompressed)
                ),
                msg!("import-limit-ratio", ratio = limits.max_ratio),
                "max_ratio",
            ));
        }
        total = total.saturating_add(uncompressed);
        if total > limits.max_total_bytes {
            return Err(too_large(
                msg!("import-too-large-total", size = bytes(total)),
                bytes(limits.max_total_bytes),
                "max_total_bytes",
            ));
        }
        entries.push(Entry {
            name: entry_name,
            compressed,
            uncompressed,
        });
    }
    Ok(entries)
}

/// Goes back to the start of `file` (named `name` in errors) for the next reader.
fn rewind(file: &mut File, name: &str) -> Result<(), ImportError> {
    file.seek(SeekFrom::Start(0))
        .map(|_| ())
        .map_err(|source| ImportError::Io {
            file: name.to_string(),
            source,
        })
}

/// Scans an ods `content.xml` for the cells calamine would build when opening it: each sheet's
/// rows up to its last non-empty one times its widest row, repeated rows and columns
/// (`table:number-rows-repeated`, `table:number-columns-repeated`) expanded. A few hundred
/// bytes of XML can repeat one cell millions of times.
fn ods_cells(file: &mut File, name: &str, limits: &Limits) -> Result<(), ImportError> {
    let unreadable = |part: &str, e: String| ImportError::Unreadable {
        file: name.to_string(),
        reason: msg!("import-reason-part", part = part, detail = detail(e)),
    };
    rewind(file, name)?;
    let mut archive =
        zip::ZipArchive::new(&mut *file).map_err(|e| unreadable("zip", e.to_string()))?;
    let content = archive
        .by_name("content.xml")
        .map_err(|e| unreadable("content.xml", e.to_string()))?;
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    let mut span = OdsSpan::new();
    loop {
        buf.clear();
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| unreadable("content.xml", e.to_string()))?;
        if matches!(event, quick_xml::events::Event::Eof) {
            break;
        }
        span.read(event);
        let so_far = span.cells();
        if so_far > limits.max_range_cells {
            return Err(ImportError::TooLarge {
                file: name.to_string(),
                what: msg!("import-too-large-ods", count = so_far),
                limit: msg!("import-limit-cells", count = limits.max_range_cells),
                setting: "max_range_cells",
            });
        }
    }
    Ok(())
}

/// The cells of an ods spreadsheet as calamine builds them, counted as its `content.xml` is
/// read: the sheets done, and the rows, used rows and width of the current sheet, row and
/// cell.
struct OdsSpan {
    /// The cells of the sheets done.
    total: u64,
    /// The current sheet's rows so far, those up to its last non-empty one, its widest row.
    rows: u64,
    rows_used: u64,
    width: u64,
    /// The current row: how many times it repeats, its cells so far, up to its last filled one.
    row_repeat: u64,
    col: u64,
    row_width: u64,
    /// The current cell: how many times it repeats, whether it holds anything.
    cell_repeat: u64,
    cell_filled: bool,
}

/// Rows and columns of an Excel sheet, the most calamine builds of an ods sheet.
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLS: u64 = 16_384;

impl OdsSpan {
    /// Nothing read yet.
    fn new() -> OdsSpan {
        OdsSpan {
            total: 0,
            rows: 0,
            rows_used: 0,
            width: 0,
            row_repeat: 1,
            col: 0,
            row_width: 0,
            cell_repeat: 1,
            cell_filled: false,
        }
    }

    /// The cells so far: the sheets done and the current one.
    fn cells(&self) -> u64 {
        self.total
            .saturating_add(self.rows_used.saturating_mul(self.width))
    }

    /// Counts what one element of `content.xml` adds.
    fn read(&mut self, event: quick_xml::events::Event<'_>) {
        use quick_xml::events::Event;

        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "table" => {
                (self.rows, self.rows_used, self.width) = (0, 0, 0);
            }
            Event::End(e) if e.local_name().as_ref() == "table" => {
                self.total = self.cells();
            }
            Event::Start(e) if e.local_name().as_ref() == "table-row" => {
                (self.row_repeat, self.col, self.row_width) =
                    (repeated(&e, "number-rows-repeated"), 0, 0);
            }
            Event::Empty(e) if e.local_name().as_ref() == "table-row" => {
                self.end_rows(repeated(&e, "number-rows-repeated"), 0);
            }
            Event::End(e) if e.local_name().as_ref() == "table-row" => {
                self.end_rows(self.row_repeat, self.row_width);
            }
            Event::Start(e) if e.local_name().as_ref().ends_with("table-cell") => {
                (self.cell_repeat, self.cell_filled) =
                    (repeated(&e, "number-columns-repeated"), has_value(&e));
            }
            Event::Empty(e) if e.local_name().as_ref().ends_with("table-cell") => {
                self.end_cells(repeated(&e, "number-columns-repeated"), has_value(&e));
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "p" => {
                self.cell_filled = true;
            }
            Event::End(e) if e.local_name().as_ref().ends_with("table-cell") => {
                self.end_cells(self.cell_repeat, self.cell_filled);
                (self.cell_repeat, self.cell_filled) = (1, false);
            }
            _ => {}
        }
    }

    /// `repeat` rows end, their last filled cell at column `width` (0: none filled).
    fn end_rows(&mut self, repeat: u64, width: u64) {
        if width > 0 {
            self.rows_used = self.rows.saturating_add(repeat).min(ODS_MAX_ROWS);
            self.width = self.width.max(width.min(ODS_MAX_COLS));
        }
        self.rows = self.rows.saturating_add(repeat);
    }

    /// `repeat` cells end, holding something when `filled`.
    fn end_cells(&mut self, repeat: u64, filled: bool) {
        self.col = self.col.saturating_add(repeat);
        if filled {
            self.row_width = self.col;
        }
    }
}

/// How many times an ods row or cell repeats: its `key` attribute, at least 1.
fn repeated(e: &quick_xml::events::BytesStart<'_>, key: &str) -> u64 {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref().ends_with(key))
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// Whether an ods cell has a value (a `value-type` attribute).
fn has_value(e: &quick_xml::events::BytesStart<'_>) -> bool {
    e.attributes()
        .with_checks(false)
        .flatten()
        .any(|a| a.key.as_ref().ends_with("value-type"))
}

/// The zip entry `index` of the workbook `name` could not be read.
pub(crate) fn zip_entry_unreadable(
    name: &str,
    index: usize,
    e: zip::result::ZipError,
) -> ImportError {
    ImportError::Unreadable {
        file: name.to_string(),
        reason: msg!(
            "import-reason-zip-entry",
            index = index,
            detail = detail(e.to_string())
        ),
    }
}

/// A byte count for people: `512 B`, `3.2 MB`, `1.5 GB`, `2500.0 GB` (French `3,2 Mo`).
pub(crate) fn bytes(n: u64) -> Message {
    let mut v = n as f64;
    let mut unit = 0usize;
    while v >= 1000.0 && unit < 3 {
        v /= 1000.0;
        unit = unit.saturating_add(1);
    }
    // One decimal, kept even when it is 0 (`1.0 GB`).
    let tenths = Decimal::new((v * 10.0).round() as i64, 1);
    match unit {
        0 => msg!("import-bytes", count = n),
        1 => msg!("import-bytes-kb", size = tenths),
        2 => msg!("import-bytes-mb", size = tenths),
        _ => msg!("import-bytes-gb", size = tenths),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use planfin_messages::Lang;

    #[test]
    fn byte_counts_for_people() {
        assert_eq!(bytes(512).render(Lang::En), "512 B");
        assert_eq!(bytes(3_200_000).render(Lang::En), "3.2 MB");
        assert_eq!(bytes(3_200_000).render(Lang::Fr), "3,2 Mo");
        assert_eq!(bytes(1 << 30).render(Lang::En), "1.1 GB");
        assert_eq!(bytes(1_000_000_000).render(Lang::En), "1.0 GB");
    }

    #[test]
    fn first_bytes_say_what_a_file_is() {
        assert!(describe(b"%PDF-1.4").render(Lang::En).contains("PDF"));
        assert!(describe(b"date;montant\n").render(Lang::En).contains("CSV"));
        assert!(
            describe("N° pièce;Montant\n".as_bytes())
                .render(Lang::En)
                .contains("CSV")
        );
        assert!(
            !describe(b"\x00\x01\x02binary")
                .render(Lang::En)
                .contains("CSV")
        );
        assert!(
            describe(&[0x09, 0x04, 0x06, 0x00, 0x00])
                .render(Lang::En)
                .contains("BIFF2-4")
        );
        assert!(describe(b"<html><body>").render(Lang::En).contains("HTML"));
        assert!(describe(b"<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">").render(Lang::En).contains("2003"));
    }
}
