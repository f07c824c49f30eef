//! A walk over the shared corpus of real and odd workbooks (`../shared/corpus/`, not in the
//! repository): every file gives a plan, a ledger, or a clear refusal; never a panic or a hang.

use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use planfin_xlsx::{ImportError, ImportOptions, read_ledger, read_plan};

fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("note: {} is absent: corpus walk skipped", dir.display());
        None
    }
}

/// Runs `read` in a thread, with a hang guard; a panic is reported as such.
fn guarded(path: PathBuf, plan: bool) -> Result<Result<String, String>, String> {
    let (tx, rx) = mpsc::channel();
    let p = path.clone();
    thread::spawn(move || {
        let outcome = std::panic::catch_unwind(|| {
            let options = ImportOptions::default();
            let r: Result<(), ImportError> = if plan {
                read_plan(&p, &options).map(|_| ())
            } else {
                read_ledger(&p, &options).map(|_| ())
            };
            r.map(|()| "imported".to_string())
                .map_err(|e| e.to_string())
        });
        let _ = tx.send(outcome.map_err(|_| "panicked".to_string()));
    });
    rx.recv_timeout(Duration::from_secs(30))
        .map_err(|_| format!("{}: no answer within 30 s", path.display()))?
}

fn is_workbook(p: &std::path::Path) -> bool {
    !p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["md", "tsv", "txt"].contains(&e))
}

#[test]
fn every_corpus_file_ends_in_a_clear_result() {
    let Some(dir) = corpus() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file() && is_workbook(p));
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        for plan in [false, true] {
            let start = Instant::now();
            let outcome = guarded(path.clone(), plan);
            let what = if plan { "plan" } else { "ledger" };
            let name = path.display().to_string();
            match outcome {
                Ok(Ok(_)) => println!("{name} ({what}): imported"),
                Ok(Err(message)) => {
                    println!(
                        "{name} ({what}): {:?}: {}",
                        start.elapsed(),
                        message.lines().next().unwrap_or("")
                    );
                    assert!(message.starts_with(&name), "{message}");
                }
                Err(e) => panic!("{name} ({what}): {e}"),
            }
        }
    }
}

#[test]
fn password_protected_files_are_named_as_such() {
    let Some(dir) = corpus() else { return };
    for name in [
        "calamine_pass_protected.xlsx",
        "sheetjs_password_2002_40_xor.xls",
    ] {
        let err = read_ledger(dir.join(name), &ImportOptions::default()).err();
        assert!(
            matches!(err, Some(ImportError::PasswordProtected { .. })),
            "{name}: {err:?}"
        );
    }
}

#[test]
fn dates_of_the_1904_system_match_the_1900_ones() {
    let Some(dir) = corpus() else { return };
    // sheetjs_1904_1904.{xlsx,ods}: the same dates, stored as 1904 serials in the xlsx.
    let read = |ext: &str| -> Vec<String> {
        use calamine::{Data, Reader, open_workbook_auto};
        let mut wb = match open_workbook_auto(dir.join(format!("sheetjs_1904_1904.{ext}"))) {
            Ok(wb) => wb,
            Err(e) => panic!("{ext}: {e}"),
        };
        let name = wb.sheet_names()[0].clone();
        let range = wb.worksheet_range(&name).unwrap_or_default();
        range
            .used_cells()
            .filter_map(|(_, _, v)| match v {
                Data::DateTime(d) => Some(
                    d.as_datetime()
                        .map(|x| x.date().to_string())
                        .unwrap_or_default(),
                ),
                Data::DateTimeIso(s) => Some(s.chars().take(10).collect()),
                _ => None,
            })
            .collect()
    };
    let (xlsx, ods) = (read("xlsx"), read("ods"));
    println!("1904 dates: {xlsx:?} / {ods:?}");
    assert!(!xlsx.is_empty());
    assert_eq!(xlsx, ods);
}
