//! A workbook of arbitrary bytes through the pre-flights and the importers: the bytes are
//! written to a temporary file named by their magic (`PK..` with `mimetype` or
//! `content.xml`: .ods; `PK..` with `.bin`: .xlsb; other `PK..`: .xlsx; `D0 CF 11 E0`: .xls;
//! anything else: the first byte picks one of the four), then read with `read_document`,
//! `read_plan` and `read_ledger` (default options, small limits so that each run is fast).
//!
//! Errors are fine. A panic is a crash, except one that planfin-xlsx itself catches: it guards
//! calamine with `catch_unwind` and turns its panics into "unreadable" errors. libfuzzer-sys's
//! panic hook would abort on those before they are caught, so this target installs its own
//! hook, which notes each panic (message, place, backtrace) and prints the first one at each
//! place with "contained panic" (what the guard turned into an error, for the record). A panic
//! that escapes the importers is printed with its backtrace, then aborts: a crash.
#![no_main]

use std::backtrace::Backtrace;
use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Mutex, Once, OnceLock};

use libfuzzer_sys::fuzz_target;
use planfin_xlsx::{ImportOptions, Limits, read_document, read_ledger, read_plan};

/// The last panic: message and place, and its backtrace.
static LAST_PANIC: Mutex<Option<(String, Backtrace)>> = Mutex::new(None);
/// Places of the panics already printed.
static SEEN: Mutex<Option<HashSet<String>>> = Mutex::new(None);

fn install_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        panic::set_hook(Box::new(|info| {
            let place = info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_default();
            let message = format!(
                "{} at {place}",
                info.payload_as_str().unwrap_or("(no message)")
            );
            // Captured now, resolved to names and lines only if it is printed.
            let backtrace = Backtrace::force_capture();
            let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
            if seen.get_or_insert_with(HashSet::new).insert(place) {
                eprintln!("contained panic (first at this place): {message}");
            }
            *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some((message, backtrace));
        }));
    });
}

/// The limits: small, so that a run takes milliseconds.
fn options() -> ImportOptions {
    ImportOptions {
        limits: Limits {
            max_file_bytes: 4 << 20,
            max_zip_entries: 200,
            max_entry_bytes: 8 << 20,
            max_shared_strings_bytes: 1 << 20,
            max_total_bytes: 16 << 20,
            max_ratio: 200,
            max_cells: 20_000,
            max_range_cells: 50_000,
            max_text_chars: 32_767,
            max_errors: 50,
        },
        ..ImportOptions::default()
    }
}

fn extension(data: &[u8]) -> &'static str {
    let has = |needle: &[u8]| data.windows(needle.len()).any(|w| w == needle);
    if data.starts_with(b"PK") {
        if has(b"mimetype") || has(b"content.xml") {
            "ods"
        } else if has(b".bin") {
            "xlsb"
        } else {
            "xlsx"
        }
    } else if data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "xls"
    } else {
        ["xlsx", "xls", "ods", "xlsb"][usize::from(data.first().copied().unwrap_or(0) % 4)]
    }
}

/// A directory for this process's input files, removed by the operating system's tmp cleaning
/// (libFuzzer exits without running destructors).
fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("planfin-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        dir
    })
}

fn run(what: &str, f: impl FnOnce()) {
    if panic::catch_unwind(AssertUnwindSafe(f)).is_err() {
        let last = LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take();
        let (message, backtrace) = match last {
            Some((m, b)) => (m, b.to_string()),
            None => (String::new(), String::new()),
        };
        eprintln!("\n{what} panicked (escaped the importer's guard): {message}\n{backtrace}");
        std::process::abort();
    }
}

fuzz_target!(|data: &[u8]| {
    install_hook();
    let path = dir().join(format!("input.{}", extension(data)));
    std::fs::write(&path, data).expect("the input written to a temporary file");
    let options = options();
    run("read_document", || {
        let _ = read_document(&path, &options);
    });
    run("read_plan", || {
        let _ = read_plan(&path, &options);
    });
    run("read_ledger", || {
        let _ = read_ledger(&path, &options);
    });
    let _ = std::fs::remove_file(&path);
});
