//! Hostile files (fixtures/hostile, from scripts/make_hostile_fixtures.py): each is refused
//! with a clear error, fast. The time bound is a hang guard; the refusals take milliseconds.

use std::time::{Duration, Instant};

use planfin_xlsx::ImportError;

use crate::ledger;

fn refused(name: &str) -> (String, Duration) {
    let start = Instant::now();
    let result = ledger(&format!("hostile/{name}"));
    let elapsed = start.elapsed();
    let message = match result {
        Ok(_) => panic!("{name} was imported"),
        Err(e) => e.to_string(),
    };
    println!("{name}: {elapsed:?}: {message}");
    assert!(elapsed < Duration::from_secs(10), "{name} took {elapsed:?}");
    (message, elapsed)
}

fn assert_kind(name: &str, check: fn(&ImportError) -> bool) {
    let err = ledger(&format!("hostile/{name}")).err();
    assert!(err.as_ref().is_some_and(check), "{name}: {err:?}");
}

#[test]
fn a_single_cell_at_xfd1048576_is_streamed_not_allocated() {
    let (m, t) = refused("xfd1048576.xlsx");
    assert!(t < Duration::from_secs(1), "{t:?}");
    assert_eq!(
        m,
        "xfd1048576.xlsx: Depenses: missing column(s) Date, N° pièce / Voucher, Ligne / Line, Montant / Amount: the header row has \"1\"; add the column(s) with these names (French or English) or rename the existing ones"
    );
}

#[test]
fn a_shared_strings_bomb_is_refused_from_the_central_directory() {
    let (m, _) = refused("shared_strings_bomb.xlsx");
    assert!(
        m.starts_with("shared_strings_bomb.xlsx: xl/sharedStrings.xml inflates "),
        "{m}"
    );
    assert!(m.contains("beyond the limit of 200:1"), "{m}");
    assert_kind("shared_strings_bomb.xlsx", |e| {
        matches!(e, ImportError::TooLarge { .. })
    });
}

#[test]
fn a_declared_six_gigabyte_sheet_is_refused() {
    let (m, _) = refused("declared_huge.xlsx");
    assert_eq!(
        m,
        "declared_huge.xlsx: xl/worksheets/sheet1.xml declares 6.4 GB uncompressed, beyond the limit of 1.1 GB: planfin refuses it to stay safe; if the workbook is genuine, split it or raise max_entry_bytes (planfin --limit max_entry_bytes=N; limits={\"max_entry_bytes\": N} in Python)"
    );
}

#[test]
fn entity_expansion_is_not_performed() {
    let (m, _) = refused("billion_laughs.xlsx");
    assert!(
        m.starts_with("billion_laughs.xlsx: the workbook cannot be read ("),
        "{m}"
    );
}

#[test]
fn too_many_zip_entries() {
    let (m, _) = refused("many_entries.xlsx");
    assert!(
        m.starts_with("many_entries.xlsx: the zip container has 10,003 entries"),
        "{m}"
    );
}

#[test]
fn truncated_empty_and_impostor_files() {
    let (m, _) = refused("truncated.xlsx");
    assert_eq!(
        m,
        "truncated.xlsx: the workbook cannot be read (damaged or truncated zip container, perhaps cut short: invalid Zip archive: Could not find EOCD); open it in Excel or LibreOffice, repair it if asked, and save it again"
    );
    let (m, _) = refused("empty.xlsx");
    assert_eq!(
        m,
        "empty.xlsx: not a workbook: the file is empty (0 bytes); save it from Excel or LibreOffice as .xlsx, .xls or .ods"
    );
    let (m, _) = refused("not_a_workbook.xlsx");
    assert_eq!(
        m,
        "not_a_workbook.xlsx: not a workbook: a text file (a CSV export?); save it from Excel or LibreOffice as .xlsx, .xls or .ods"
    );
    let (m, _) = refused("html_table.xls");
    assert!(m.contains("an HTML page"), "{m}");
}

#[test]
fn a_cell_cap_stops_a_large_sheet() {
    let options = planfin_xlsx::ImportOptions {
        display_name: Some("cnltp_ledger.xlsx".to_string()),
        limits: planfin_xlsx::Limits {
            max_cells: 100,
            ..Default::default()
        },
        ..Default::default()
    };
    let err = planfin_xlsx::read_ledger(crate::fixture("xlsx/cnltp_ledger.xlsx"), &options);
    assert_eq!(
        err.err().map(|e| e.to_string()),
        Some("cnltp_ledger.xlsx: sheet Depenses has more than 100 cells, beyond the limit of 100 cells: planfin refuses it to stay safe; if the workbook is genuine, split it or raise max_cells (planfin --limit max_cells=N; limits={\"max_cells\": N} in Python)".to_string())
    );
}

#[test]
fn an_ods_repeat_bomb_is_refused_before_calamine_expands_it() {
    let (m, t) = refused("repeat_bomb.ods");
    assert!(t < Duration::from_secs(1), "{t:?}");
    assert_eq!(
        m,
        "repeat_bomb.ods: its sheets span 65,536,000 cells once repeated rows and columns are expanded, beyond the limit of 5,000,000 cells: planfin refuses it to stay safe; if the workbook is genuine, split it or raise max_range_cells (planfin --limit max_range_cells=N; limits={\"max_range_cells\": N} in Python)"
    );
}

#[test]
fn caps_on_text_and_on_xls_ranges() {
    let with = |limits: planfin_xlsx::Limits, rel: &str| {
        let options = planfin_xlsx::ImportOptions {
            display_name: rel.rsplit('/').next().map(str::to_string),
            limits,
            ..Default::default()
        };
        planfin_xlsx::read_ledger(crate::fixture(rel), &options)
            .err()
            .map(|e| e.to_string())
    };
    let text = planfin_xlsx::Limits {
        max_text_chars: 20,
        ..Default::default()
    };
    assert_eq!(
        with(text, "xlsx/cnltp_ledger.xlsx"),
        Some("cnltp_ledger.xlsx: Depenses!H2 holds 84 characters of text, beyond the limit of 20 characters: planfin refuses it to stay safe; if the workbook is genuine, split it or raise max_text_chars (planfin --limit max_text_chars=N; limits={\"max_text_chars\": N} in Python)".to_string())
    );
    let range = planfin_xlsx::Limits {
        max_range_cells: 1_000,
        ..Default::default()
    };
    assert_eq!(
        with(range, "xlsx/cnltp_ledger.xls"),
        Some("cnltp_ledger.xls: the xls reader would allocate 7,560 cells for its sheets (the rectangles their cells span, and the room their DIMENSIONS records reserve), beyond the limit of 1,000 cells: planfin refuses it to stay safe; if the workbook is genuine, split it or raise max_range_cells (planfin --limit max_range_cells=N; limits={\"max_range_cells\": N} in Python)".to_string())
    );
}

#[test]
fn an_encrypted_workbook_is_named_as_password_protected() {
    let (m, _) = refused("password_protected.xlsx");
    assert_eq!(
        m,
        "password_protected.xlsx: the workbook is protected by a password: planfin cannot read encrypted workbooks; open it, remove the password (File > Info > Protect Workbook) and save a copy"
    );
}

#[test]
fn an_xls_cell_at_iv65536_is_measured_before_calamine_builds_the_sheet() {
    let (m, t) = refused("xls_far_cell.xls");
    assert!(t < Duration::from_secs(1), "{t:?}");
    // The sheet's declared 378 x 10 cells plus its span, A1 to IV65536.
    assert_eq!(378 * 10 + 65_536 * 256, 16_780_996);
    assert_eq!(
        m,
        "xls_far_cell.xls: the xls reader would allocate 16,780,996 cells for its sheets (the rectangles their cells span, and the room their DIMENSIONS records reserve), beyond the limit of 5,000,000 cells: planfin refuses it to stay safe; if the workbook is genuine, split it or raise max_range_cells (planfin --limit max_range_cells=N; limits={\"max_range_cells\": N} in Python)"
    );
    assert_kind("xls_far_cell.xls", |e| {
        matches!(e, ImportError::TooLarge { .. })
    });
}

#[test]
fn an_xls_declaring_four_billion_rows_is_refused_not_reserved() {
    // calamine reserves room for the declared cells: this file aborted the process.
    let (m, t) = refused("xls_huge_dimensions.xls");
    assert!(t < Duration::from_secs(1), "{t:?}");
    assert!(
        m.starts_with("xls_huge_dimensions.xls: the xls reader would allocate 281,470,680,"),
        "{m}"
    );
}

#[test]
fn an_xlsb_cell_past_the_shared_strings_is_refused_not_a_crash() {
    // calamine indexes the shared strings unchecked and panics; the panic is caught.
    let (m, _) = refused("xlsb_bad_string_index.xlsb");
    assert!(
        m.starts_with("xlsb_bad_string_index.xlsb: the workbook cannot be read (the reader failed on a damaged record: index out of bounds"),
        "{m}"
    );
}

#[test]
fn an_xlsb_record_claiming_256_mb_is_refused_before_calamine_allocates_it() {
    let (m, t) = refused("xlsb_huge_record.xlsb");
    assert!(t < Duration::from_secs(1), "{t:?}");
    assert_eq!(
        m,
        "xlsb_huge_record.xlsb: the workbook cannot be read (xl/worksheets/sheet1.bin: the record at byte 184 claims 268,435,455 bytes, but 6 are left in the part); open it in Excel or LibreOffice, repair it if asked, and save it again"
    );
}
