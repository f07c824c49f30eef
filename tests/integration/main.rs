//! End-to-end tests, compiled as one binary (one link instead of one per file).
//!
//! Every expected number is computed here from the fixture files (with `serde_json` and
//! `Decimal`) or by hand, never copied from the program's output.

mod cli_chain;
mod cli_columnar;
mod cli_convert;
mod cli_corpus;
mod cli_errors;
mod cli_export;
mod cli_import;
mod cli_integrity;
mod cli_lang;
mod cli_report;
mod cli_small;
mod cli_validate;
mod xl;

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::sync::OnceLock;
use std::time::SystemTime;

use assert_cmd::Command;
use rust_decimal::Decimal;
use serde_json::Value;

/// A test's result: `?` instead of `unwrap()`.
pub type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// A file under `fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("fixtures").join(rel)
}

/// The `planfin` binary, built on first use: it belongs to the sibling crate planfin-cli, which
/// cargo does not build for this crate's tests on its own (`cargo test -p planfin-tests`).
pub fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        // target/<profile>/deps/integration-xxxx -> target/<profile>
        let exe = std::env::current_exe().unwrap_or_default();
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let bin = profile_dir.join(format!("planfin{}", std::env::consts::EXE_SUFFIX));
        let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") | None => "dev".to_string(),
            Some(other) => other.to_string(),
        };
        if is_fresh(&bin) {
            // `cargo test` on the workspace has just built it.
            return bin;
        }
        let target_dir = profile_dir.parent().unwrap_or(Path::new("target"));
        let status = StdCommand::new(env!("CARGO"))
            .args(["build", "--quiet", "-p", "planfin-cli", "--bin", "planfin"])
            .args(["--profile", &profile])
            .arg("--target-dir")
            .arg(target_dir)
            .current_dir(root())
            .status();
        assert!(
            matches!(status, Ok(s) if s.success()),
            "building planfin failed: {status:?}"
        );
        bin
    })
}

/// Whether `bin` exists and is newer than every source it is built from.
fn is_fresh(bin: &Path) -> bool {
    fn newest(dir: &Path) -> Option<SystemTime> {
        let mut newest = None;
        for entry in std::fs::read_dir(dir).ok()?.flatten() {
            let path = entry.path();
            let time = if path.is_dir() {
                newest_or_epoch(&path)
            } else {
                entry.metadata().and_then(|m| m.modified()).ok()?
            };
            newest = newest.max(Some(time));
        }
        newest
    }
    fn newest_or_epoch(dir: &Path) -> SystemTime {
        newest(dir).unwrap_or(SystemTime::UNIX_EPOCH)
    }
    let Ok(built) = bin.metadata().and_then(|m| m.modified()) else {
        return false;
    };
    let root = root();
    [
        "crates/planfin-cli",
        "crates/planfin-core",
        "crates/planfin-xlsx",
        "crates/planfin-export",
        "crates/planfin-layout",
        "crates/planfin-atomic",
        "crates/planfin-columnar",
        "crates/planfin-messages",
        "fixtures/cnltp",
        "Cargo.toml",
        "Cargo.lock",
    ]
    .iter()
    .map(|rel| root.join(rel))
    .all(|p| {
        let time = if p.is_dir() {
            newest(&p)
        } else {
            p.metadata().and_then(|m| m.modified()).ok()
        };
        time.is_some_and(|t| t <= built)
    })
}

/// A `planfin` command run from the repository root.
pub fn planfin() -> Command {
    let mut cmd = Command::new(binary());
    cmd.current_dir(root());
    // The language depends on nothing of the machine's: French, planfin's default, unless a
    // test gives --lang or sets PLANFIN_LANG or LANG itself.
    for var in ["PLANFIN_LANG", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C.UTF-8");
    cmd
}

/// [`planfin`] with `--lang en`: for the tests of English messages.
pub fn planfin_en() -> Command {
    let mut cmd = planfin();
    cmd.args(["--lang", "en"]);
    cmd
}

/// The standard output of a successful `planfin args...`, as text.
pub fn run_ok(args: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
    let out = planfin().args(args).assert().success().get_output().clone();
    Ok(String::from_utf8(out.stdout)?)
}

/// The JSON of a successful `planfin report --format json args...`.
pub fn report_json(args: &[&str]) -> Result<Value, Box<dyn std::error::Error>> {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    Ok(serde_json::from_str(&run_ok(&all)?)?)
}

/// A JSON value holding an exact decimal string.
pub fn dec(v: &Value) -> Result<Decimal, Box<dyn std::error::Error>> {
    let s = v
        .as_str()
        .ok_or_else(|| format!("{v} is not a decimal string"))?;
    Ok(s.parse()?)
}

/// Parses a decimal literal.
pub fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// The amount fields of a report row known before the expenditure chain (`committed` is now
/// the alias of `remaining_to_pay`); every JSON report still has them.
pub const AMOUNT_FIELDS: [&str; 7] = [
    "initial",
    "amendments",
    "revised",
    "committed",
    "paid",
    "variance",
    "available",
];

/// The amount columns of a report sheet, in order from column C.
pub const SHEET_AMOUNT_FIELDS: [&str; 10] = [
    "initial",
    "amendments",
    "revised",
    "engaged",
    "liquidated",
    "ordered",
    "paid",
    "remaining_to_pay",
    "available",
    "variance",
];

/// The peak resident memory, in KiB, of `planfin args...`, measured by GNU time; `None` where
/// `/usr/bin/time` is not installed (the callers then skip the memory check).
pub fn peak_memory_kib(args: &[&str]) -> Result<Option<u64>, Box<dyn std::error::Error>> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return Ok(None);
    }
    let dir = tempfile::tempdir()?;
    let report = dir.path().join("time");
    let status = StdCommand::new(time)
        .arg("-o")
        .arg(&report)
        .args(["-f", "%M"])
        .arg(binary())
        .args(args)
        .current_dir(root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()?;
    if status.code().is_none() {
        return Err(format!("planfin {args:?} was killed by a signal").into());
    }
    let text = std::fs::read_to_string(&report)?;
    // GNU time notes a non-zero exit on a line of its own before the figure.
    let kib = text
        .lines()
        .filter_map(|l| l.trim().parse::<u64>().ok())
        .next_back()
        .ok_or_else(|| format!("no peak memory in {text:?}"))?;
    Ok(Some(kib))
}
