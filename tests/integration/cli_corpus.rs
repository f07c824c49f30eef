//! `planfin validate` on every real-world workbook of `../shared/corpus/`: a clear result
//! (exit 0) or a clear refusal (exit 1, with a message), never a panic, an abort, a signal or
//! a hang, nor more than 512 MB. The folder is not part of the repository: the test says so and passes without it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::TestResult;

/// Longest a file may take before the run counts as a hang.
const LIMIT: Duration = Duration::from_secs(20);

/// Most memory one file may take (the largest real budget there needs about 15 MB).
const MEMORY_KIB: u64 = 512 * 1024;

#[test]
fn validate_never_crashes_or_hangs_on_the_corpus() -> TestResult {
    let corpus = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus"));
    let Ok(entries) = std::fs::read_dir(corpus) else {
        eprintln!("note: {} is absent: corpus walk skipped", corpus.display());
        return Ok(());
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let (mut ok, mut refused) = (0, 0);
    for file in &files {
        let dir = tempfile::tempdir()?;
        let stderr_path = dir.path().join("stderr");
        let mut child = Command::new(crate::binary())
            .env("PLANFIN_LANG", "fr")
            .arg("validate")
            .arg(file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&stderr_path)?)
            .spawn()?;
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break Some(status);
            }
            if started.elapsed() > LIMIT {
                child.kill()?;
                child.wait()?;
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
        let name = file.display();
        if status.is_some() {
            let arg = file.to_string_lossy();
            if let Some(kib) = crate::peak_memory_kib(&["validate", &arg])?
                && kib > MEMORY_KIB
            {
                failures.push(format!("{name}: peak memory {kib} KiB"));
            }
        }
        match status.map(|s| s.code()) {
            None => failures.push(format!("{name}: still running after {LIMIT:?}")),
            Some(Some(0)) => ok += 1,
            Some(Some(1)) if stderr.contains("planfin\u{a0}: erreur\u{a0}: ") => refused += 1,
            Some(Some(1)) => failures.push(format!("{name}: exit 1 without a message")),
            Some(code) => failures.push(format!("{name}: exit {code:?}: {stderr}")),
        }
    }
    eprintln!(
        "corpus: {} file(s): {ok} read, {refused} refused with a message",
        files.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}
