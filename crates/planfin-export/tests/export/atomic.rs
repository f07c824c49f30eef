//! Interrupting an export never leaves a truncated file at the target path.

use std::io::{self, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use planfin_core::cnltp;
use planfin_core::currency::Currency;
use planfin_core::expenditure::{Expenditure, Stage};
use planfin_core::ledger::{Ledger, Origin};
use planfin_core::plan::Lang;
use planfin_export::{write_atomically, write_ledger};
use planfin_xlsx::{ImportOptions, read_ledger};
use rust_decimal::Decimal;

/// A writer that fails after `left` bytes, like a full disk.
struct FailAfter<W> {
    inner: W,
    left: usize,
}

impl<W: Write> Write for FailAfter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Err(io::Error::other("simulated: no space left on device"));
        }
        let n = buf.len().min(self.left);
        self.left -= n;
        self.inner.write(&buf[..n])
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

fn previous_export(path: &Path) -> Vec<u8> {
    write_ledger(&cnltp::ledger(), Lang::Fr, path).unwrap_or_else(|e| panic!("{e}"));
    std::fs::read(path).unwrap_or_else(|e| panic!("{e}"))
}

fn temporaries(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().contains(".planfin-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_save_failing_halfway_leaves_the_previous_file_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = dir.path().join("ledger.xlsx");
    let before = previous_export(&target);
    let res = write_atomically(&target, &[], |file| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for r in 0..20_000u32 {
            ws.write_string(r, 0, format!("row {r}"))
                .map_err(|e| io::Error::other(e.to_string()))?;
        }
        let mut w = FailAfter {
            inner: file,
            left: 4096,
        };
        wb.save_to_writer(&mut w)
            .map_err(|e| io::Error::other(e.to_string()))?;
        Ok(())
    });
    assert!(res.is_err());
    assert_eq!(std::fs::read(&target).unwrap_or_default(), before);
    assert!(
        temporaries(dir.path()).is_empty(),
        "the temporary is removed"
    );
    // And with no previous file, there is still none.
    let fresh = dir.path().join("fresh.xlsx");
    let res = write_atomically(&fresh, &[], |file| {
        file.write_all(b"PK\x03\x04 half a zip")?;
        Err(io::Error::other("interrupted").into())
    });
    assert!(res.is_err());
    assert!(!fresh.exists());
}

const CHILD_ENV: &str = "PLANFIN_EXPORT_CHILD_OUT";
const CHILD_ROWS: usize = 150_000;

fn big_ledger(n: usize) -> Ledger {
    let start = chrono::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default();
    let entries = (0..n).map(|i| {
        let e = Expenditure {
            voucher: format!("PC-{i:07}"),
            date: start + chrono::Days::new((i % 700) as u64),
            line: format!("{:04}", 101 + i % 25),
            amount: Decimal::from(1000 + (i % 997) as i64 * 1500),
            currency: Currency::XOF,
            rate: None,
            stage: Stage::ALL[i % 4],
            payee: format!("Fournisseur {}", i % 113),
            description: format!("Atelier de sensibilisation n° {i}"),
            document: Some(format!("FAC-{i}")),
            commitment: None,
        };
        (e, Origin::default())
    });
    Ledger::from_entries(entries).0
}

/// Run by [`killing_the_writer_mid_write_leaves_the_previous_file_whole`] in a child process.
#[test]
#[ignore = "run as a child process by killing_the_writer_mid_write_leaves_the_previous_file_whole"]
fn child_writes_a_big_ledger() {
    if let Some(out) = std::env::var_os(CHILD_ENV) {
        write_ledger(&big_ledger(CHILD_ROWS), Lang::Fr, Path::new(&out))
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn killing_the_writer_mid_write_leaves_the_previous_file_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = dir.path().join("ledger.xlsx");
    let before = previous_export(&target);
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let mut child = Command::new(exe)
        .args([
            "--ignored",
            "--exact",
            "atomic::child_writes_a_big_ledger",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, &target)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    // Wait until the child is writing the zip into its temporary file, then kill it.
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut killed_mid_write = false;
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        let writing = temporaries(dir.path())
            .iter()
            .any(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 64 * 1024));
        if writing {
            let _ = child.kill();
            killed_mid_write = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        killed_mid_write,
        "the child finished or never started writing"
    );
    // The target is the previous complete file, byte for byte, and still imports.
    assert_eq!(std::fs::read(&target).unwrap_or_default(), before);
    let back = read_ledger(&target, &ImportOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        back.value.to_expenditures(),
        cnltp::ledger().to_expenditures()
    );
    // What the crash left is a temporary beside it, never the target.
    assert!(!temporaries(dir.path()).is_empty());
}

#[test]
fn a_text_too_long_for_a_cell_is_refused_naming_the_file_and_the_cell() {
    let mut ledger = cnltp::ledger();
    let mut e = ledger.to_expenditures()[0].clone();
    e.voucher = "LONG".into();
    e.description = "x".repeat(40_000);
    let _ = ledger.append(e, Origin::default());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("ledger.xlsx");
    let err = write_ledger(&ledger, Lang::Fr, &out).err();
    let message = err.map(|e| e.to_string()).unwrap_or_default();
    let row = ledger.len(); // the last entry, under the header
    assert_eq!(
        message,
        format!(
            "cannot write {}: the text at Depenses!I{} has 40,000 characters, more than the 32,767 a cell holds; shorten it",
            out.display(),
            row + 1
        )
    );
    assert!(!out.exists());
}
