//! The pre-flight of an .xlsb workbook: every record of its binary parts fits in its part.
//!
//! calamine reads an xlsb record by allocating a buffer of the length the record declares (up
//! to 256 MB) and only then reading the data: a record of a tiny file that claims 256 MB makes
//! calamine zero 256 MB before finding the data missing. This scan walks the records of each
//! binary part the way calamine reads them (a type of one or two bytes, a length of up to four
//! 7-bit bytes) and refuses a record that claims more bytes than its part has left.

use std::fs::File;
use std::io::{BufReader, Read};

use planfin_messages::{Message, msg};

use super::rewind;
use crate::error::{ImportError, detail};

/// Checks the records of every `xl/**.bin` part of the xlsb workbook in `file`.
pub(crate) fn check(file: &mut File, name: &str) -> Result<(), ImportError> {
    let damaged = |part: &str, e: Message| ImportError::Unreadable {
        file: name.to_string(),
        reason: msg!("import-reason-part", part = part, detail = e),
    };
    rewind(file, name)?;
    let mut archive =
        zip::ZipArchive::new(&mut *file).map_err(|e| damaged("zip", detail(e.to_string())))?;
    for i in 0..archive.len() {
        let part = archive
            .by_index(i)
            .map_err(|e| super::zip_entry_unreadable(name, i, e))?;
        let part_name = String::from_utf8_lossy(part.name_raw()).into_owned();
        if !(part_name.starts_with("xl/") && part_name.ends_with(".bin")) {
            continue;
        }
        let size = part.size();
        records_fit(BufReader::new(part), size).map_err(|e| damaged(&part_name, e))?;
    }
    Ok(())
}

/// Reads one record header byte, or `None` at the end of the part.
fn byte(r: &mut impl Read) -> std::io::Result<Option<u8>> {
    let mut b = [0u8];
    match r.read(&mut b)? {
        0 => Ok(None),
        _ => Ok(Some(b[0])),
    }
}

/// Walks the records of a part of `size` bytes; an error says which record claims more than
/// the part holds.
fn records_fit(mut part: impl Read, size: u64) -> Result<(), Message> {
    let io = |e: std::io::Error| detail(e.to_string());
    let mut offset = 0u64;
    let cut_short = |offset: u64| msg!("import-reason-record-header-cut", offset = offset);
    while let Some(first) = byte(&mut part).map_err(io)? {
        let start = offset;
        let mut header = 1u64;
        if first & 0x80 != 0 {
            byte(&mut part)
                .map_err(io)?
                .ok_or_else(|| cut_short(start))?;
            header = header.saturating_add(1);
        }
        let mut len = 0u64;
        for shift in [0u32, 7, 14, 21] {
            let b = byte(&mut part)
                .map_err(io)?
                .ok_or_else(|| cut_short(start))?;
            header = header.saturating_add(1);
            len |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
        // Offsets count the bytes of a part of at most `size` bytes.
        offset = offset.saturating_add(header);
        let left = size.saturating_sub(offset);
        if len > left {
            return Err(msg!(
                "import-reason-record-too-long",
                start = start,
                len = len,
                left = left
            ));
        }
        let skipped =
            std::io::copy(&mut (&mut part).take(len), &mut std::io::sink()).map_err(io)?;
        if skipped < len {
            return Err(msg!("import-reason-record-cut", start = start));
        }
        offset = offset.saturating_add(len);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8]) -> Result<(), String> {
        records_fit(bytes, bytes.len() as u64).map_err(|m| m.render(planfin_messages::Lang::En))
    }

    #[test]
    fn records_that_fit_pass() {
        // BrtBeginSheet (1-byte type, empty), a 2-byte type with 3 bytes of data, a record
        // whose length takes two bytes (130 bytes of data).
        let mut part = vec![
            0x81, 0x01, 0x00, 0x94, 0x01, 0x03, 1, 2, 3, 0x05, 0x82, 0x01,
        ];
        part.extend([0u8; 130]);
        assert_eq!(check(&part), Ok(()));
        assert_eq!(check(&[]), Ok(()));
    }

    #[test]
    fn a_record_claiming_more_than_its_part_is_refused() {
        let part = [0x81, 0x01, 0x00, 0x05, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0];
        let err = check(&part).err().unwrap_or_default();
        assert_eq!(
            err,
            "the record at byte 3 claims 268,435,455 bytes, but 2 are left in the part"
        );
    }

    #[test]
    fn a_header_cut_short_is_refused() {
        assert!(check(&[0x05, 0x80]).is_err_and(|e| e.contains("cut short")));
        assert!(check(&[0x85]).is_err_and(|e| e.contains("cut short")));
    }
}
