//! The pre-flight of an .xls workbook: the rectangles calamine will build, measured from the
//! BIFF records before calamine reads them.
//!
//! calamine reads every sheet of an .xls when it opens the file, and keeps each as a dense
//! rectangle from its first to its last cell; it also reserves room for as many cells as a
//! sheet's `DIMENSIONS` record declares. A file of a few kilobytes can therefore ask for
//! gigabytes: two cells at A1 and IV65536 span 16.7 million cells (about 0.5 GB), and a
//! `DIMENSIONS` record declaring 4 billion rows makes the reservation abort the process. This
//! scan walks the same records calamine walks (each sheet from the position its `BoundSheet8`
//! record gives, nested substreams skipped) and measures both, for all sheets together.

use std::fs::File;
use std::io::Read;

use planfin_messages::{Message, msg};

use super::rewind;
use crate::error::{ImportError, detail};
use crate::options::Limits;

/// BIFF record types (MS-XLS section 2.3).
mod record {
    pub(super) const BOF: u16 = 0x0809;
    pub(super) const EOF: u16 = 0x000A;
    pub(super) const BOUND_SHEET: u16 = 0x0085;
    pub(super) const FILE_PASS: u16 = 0x002F;
    pub(super) const DIMENSIONS: u16 = 0x0200;
    pub(super) const MUL_RK: u16 = 0x00BD;
    pub(super) const FORMULA: u16 = 0x0006;
    /// The records calamine turns into one cell: Number, Label, RString, BoolErr, Rk,
    /// LabelSst (a formula's String record lands on its Formula's cell).
    pub(super) const ONE_CELL: [u16; 6] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD];
}

/// Checks the .xls workbook in `file` (an OLE2 compound file); a compound file without a
/// workbook stream (an encrypted OOXML package) is left to the readers.
pub(crate) fn check(file: &mut File, name: &str, limits: &Limits) -> Result<(), ImportError> {
    let damaged = |reason: Message| ImportError::Unreadable {
        file: name.to_string(),
        reason,
    };
    rewind(file, name)?;
    let mut container = cfb::CompoundFile::open(&mut *file).map_err(|e| {
        damaged(msg!(
            "import-reason-ole2-damaged",
            detail = detail(e.to_string())
        ))
    })?;
    let Some(path) = ["/Workbook", "/Book"]
        .into_iter()
        .find(|p| container.is_stream(p))
    else {
        return Ok(());
    };
    let mut stream = Vec::new();
    container
        .open_stream(path)
        .and_then(|s| s.take(limits.max_file_bytes).read_to_end(&mut stream))
        .map_err(|e| {
            damaged(msg!(
                "import-reason-stream-unreadable",
                detail = detail(e.to_string())
            ))
        })?;
    let Some(cells) = spanned_cells(&stream).map_err(damaged)? else {
        return Err(ImportError::PasswordProtected {
            file: name.to_string(),
        });
    };
    if cells > limits.max_range_cells {
        return Err(ImportError::TooLarge {
            file: name.to_string(),
            what: msg!("import-too-large-xls", count = cells),
            limit: msg!("import-limit-cells", count = limits.max_range_cells),
            setting: "max_range_cells",
        });
    }
    Ok(())
}

/// The records of a BIFF stream from its start: (type, data). Stops at the end or at a record
/// that runs past it (which calamine reports as damage).
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16::from_le_bytes([*rest.first()?, *rest.get(1)?]);
        let len = usize::from(u16::from_le_bytes([*rest.get(2)?, *rest.get(3)?]));
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([
        *data.get(at)?,
        *data.get(at.checked_add(1)?)?,
    ])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        data.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// The cells calamine would allocate for every sheet of `stream`: for each sheet, the cells
/// its `DIMENSIONS` record reserves plus the rectangle of its cells (values and formulas are
/// two rectangles; the formulas' lies within the values'). `None` for a workbook encrypted or
/// obfuscated with a password (a `FilePass` record: its records cannot be read). An error
/// names a sheet position beyond the stream.
fn spanned_cells(stream: &[u8]) -> Result<Option<u64>, Message> {
    let mut total = 0u64;
    for (typ, data) in records(stream) {
        match typ {
            record::FILE_PASS => return Ok(None),
            record::BOUND_SHEET => {
                let Some(position) = u32_at(data, 0) else {
                    continue;
                };
                let sheet = stream.get(position as usize..).ok_or_else(|| {
                    msg!(
                        "import-reason-sheet-beyond-stream",
                        position = position,
                        size = stream.len()
                    )
                })?;
                total = total.saturating_add(sheet_cells(sheet));
            }
            record::EOF => break,
            _ => {}
        }
    }
    Ok(Some(total))
}

/// One sheet's cells, as [`spanned_cells`] counts them.
fn sheet_cells(sheet: &[u8]) -> u64 {
    let mut reserved = 0u64;
    let mut span: Option<[u32; 4]> = None;
    let mut extend = |row: u32, first: u32, last: u32| {
        let s = span.get_or_insert([row, row, first, last]);
        *s = [
            s[0].min(row),
            s[1].max(row),
            s[2].min(first),
            s[3].max(last),
        ];
    };
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (typ, data) in records(sheet) {
        if depth > 0 {
            match typ {
                record::BOF => depth = depth.saturating_add(1),
                record::EOF => depth = depth.saturating_sub(1),
                _ => {}
            }
            continue;
        }
        match typ {
            record::BOF if seen_bof => depth = depth.saturating_add(1),
            record::BOF => seen_bof = true,
            record::EOF => break,
            record::DIMENSIONS => reserved = reserved.saturating_add(declared(data)),
            record::MUL_RK => {
                if let (Some(row), Some(first), Some(last)) = (
                    u16_at(data, 0),
                    u16_at(data, 2),
                    u16_at(data, data.len().saturating_sub(2)),
                ) && last >= first
                {
                    extend(row, first, last);
                }
            }
            t if t == record::FORMULA || record::ONE_CELL.contains(&t) => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    extend(row, col, col);
                }
            }
            _ => {}
        }
    }
    // r0 <= r1 and c0 <= c1 by construction; u16 values: no product overflows.
    let spanned = span.map_or(0, |[r0, r1, c0, c1]| {
        let count = |a: u32, b: u32| u64::from(b.abs_diff(a)).saturating_add(1);
        count(r0, r1).saturating_mul(count(c0, c1))
    });
    reserved.saturating_add(spanned)
}

/// The cells calamine reserves for a `DIMENSIONS` record, computed as calamine computes them
/// (32-bit rows in BIFF8, 16-bit before; a first column beyond 255 taken as 0; an inverted
/// range wraps around to a huge one).
fn declared(data: &[u8]) -> u64 {
    let (first_row, last_row, first_col, last_col) = match data.len() {
        10 => (
            u16_at(data, 0),
            u16_at(data, 2),
            u16_at(data, 4),
            u16_at(data, 6),
        ),
        14 | 16 => (
            u32_at(data, 0),
            u32_at(data, 4),
            u16_at(data, 8),
            u16_at(data, 10),
        ),
        _ => return 0,
    };
    let (Some(rf), Some(rl), Some(mut cf), Some(cl)) = (first_row, last_row, first_col, last_col)
    else {
        return 0;
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    let (end_row, end_col) = if rl >= 1 && cl >= 1 {
        (rl.saturating_sub(1), cl.saturating_sub(1))
    } else {
        (rf, cf)
    };
    let rows = u64::from(end_row.wrapping_sub(rf).wrapping_add(1));
    let cols = u64::from(end_col.wrapping_sub(cf).wrapping_add(1));
    rows.saturating_mul(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    fn cell(typ: u16, row: u16, col: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend(col.to_le_bytes());
        data.extend([0u8; 6]);
        rec(typ, &data)
    }

    fn dimensions(rf: u32, rl: u32, cf: u16, cl: u16) -> Vec<u8> {
        let mut data = rf.to_le_bytes().to_vec();
        data.extend(rl.to_le_bytes());
        data.extend(cf.to_le_bytes());
        data.extend(cl.to_le_bytes());
        data.extend([0u8; 2]);
        rec(record::DIMENSIONS, &data)
    }

    /// A workbook stream: globals naming one sheet, then the sheet's records.
    fn workbook(sheet: &[Vec<u8>]) -> Vec<u8> {
        let mut bound = 0u32.to_le_bytes().to_vec();
        bound.extend([0u8, 0, 4, 0]);
        bound.extend(b"Feu1");
        let mut out = rec(record::BOF, &[0u8; 8]);
        let at = out.len() + 4;
        out.extend(rec(record::BOUND_SHEET, &bound));
        out.extend(rec(record::EOF, &[]));
        let position = (out.len() as u32).to_le_bytes();
        out[at..at + 4].copy_from_slice(&position);
        out.extend(rec(record::BOF, &[0u8; 8]));
        for r in sheet {
            out.extend(r);
        }
        out.extend(rec(record::EOF, &[]));
        out
    }

    #[test]
    fn a_sheet_spans_from_its_first_to_its_last_cell() {
        let stream = workbook(&[
            dimensions(0, 10, 0, 3),
            cell(0x0203, 0, 0),
            cell(0x00FD, 9, 2),
        ]);
        assert_eq!(spanned_cells(&stream), Ok(Some(30 + 30)));
        let far = workbook(&[cell(0x0203, 0, 0), cell(0x027E, 65_535, 255)]);
        assert_eq!(spanned_cells(&far), Ok(Some(65_536 * 256)));
    }

    #[test]
    fn declared_dimensions_count_as_calamine_reserves_them() {
        assert_eq!(declared(&dimensions(0, 372, 0, 9)[4..]), 372 * 9);
        assert_eq!(
            declared(&dimensions(0, 0xFFFF_FFF0, 0, 0xFFFF)[4..]),
            0xFFFF_FFF0 * 0xFFFF
        );
        // An inverted range wraps around, as in calamine.
        assert!(declared(&dimensions(10, 5, 0, 1)[4..]) > 4_000_000_000);
        let stream = workbook(&[dimensions(0, 0xFFFF_FFF0, 0, 0xFFFF)]);
        assert!(spanned_cells(&stream).ok().flatten().unwrap_or(0) > 1 << 40);
    }

    #[test]
    fn nested_substreams_and_truncated_records_are_skipped() {
        let stream = workbook(&[
            cell(0x0203, 1, 1),
            rec(record::BOF, &[0u8; 8]),
            cell(0x0203, 60_000, 200),
            rec(record::EOF, &[]),
            cell(0x0203, 2, 1),
        ]);
        assert_eq!(spanned_cells(&stream), Ok(Some(2)));
        let mut truncated = workbook(&[cell(0x0203, 1, 1)]);
        truncated.truncate(truncated.len() - 3);
        assert_eq!(spanned_cells(&truncated), Ok(Some(1)));
    }

    #[test]
    fn a_password_record_ends_the_scan() {
        let mut stream = rec(record::BOF, &[0u8; 8]);
        stream.extend(rec(record::FILE_PASS, &[0, 0, 1, 2, 3, 4]));
        stream.extend(workbook(&[dimensions(0, 0xFFFF_FFF0, 0, 0xFFFF)]));
        assert_eq!(spanned_cells(&stream), Ok(None));
    }

    #[test]
    fn a_sheet_beyond_the_stream_is_damage() {
        let mut stream = workbook(&[]);
        let at = 4 + 8 + 4;
        stream[at..at + 4].copy_from_slice(&9_999u32.to_le_bytes());
        let err = spanned_cells(&stream)
            .err()
            .map(|m| m.render(planfin_messages::Lang::En))
            .unwrap_or_default();
        assert!(err.contains("beyond the workbook stream"), "{err}");
    }
}
