//! Writing the output: to the terminal, or atomically to a file.
//!
//! A file is written to a temporary file in the target folder, synced and renamed over the
//! target, so an existing report is never left half-written; an output path that is one of the
//! inputs is refused before anything is read.

use std::io::Write;
use std::path::Path;

use crate::error::Failure;
use crate::error::name;
use crate::lang::say;
use planfin_messages::msg;

/// Refuses `out` when it is one of `inputs` (the same path, a symlink to it or a hard link),
/// before anything is read.
pub fn refuse_input_as_output<'a>(
    out: &Path,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), Failure> {
    let inputs: Vec<&Path> = inputs.into_iter().collect();
    match planfin_atomic::refuse_input_as_output(out, &inputs) {
        Err(planfin_atomic::Error::OutputIsInput { input, .. }) => {
            Err(Failure::refused(say(msg!(
                "cli-output-is-input",
                file = name(out),
                input = name(&input)
            ))))
        }
        other => other.map_err(|e| Failure::refused(e.to_string())),
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed and synced
/// to disk, then renamed over `path` ([`planfin_atomic::write_atomically`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// [`write_atomically`], with `write` filling the temporary file (for output written as it is
/// produced).
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), Failure> {
    if path.is_dir() {
        return Err(Failure::refused(say(msg!(
            "cli-output-is-directory",
            file = name(path)
        ))));
    }
    planfin_atomic::write_atomically(path, &[], |file| {
        write(file).map_err(|source| planfin_atomic::Error::Io {
            path: path.to_path_buf(),
            source,
        })
    })
    .map_err(|e| Failure::refused(e.to_string()))
}

/// Prints `text` on standard output, or writes it atomically to `out`.
pub fn emit(out: Option<&Path>, text: &str) -> Result<(), Failure> {
    match out {
        Some(path) => write_atomically(path, text.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`planfin report | head`) is not an error of planfin's.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::refused(say(
                    msg!("cli-stdout-failed", detail = e.to_string()),
                ))),
                _ => Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn writes_and_replaces_whole_files() -> TestResult {
        crate::lang::english_for_tests();
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("report.csv");
        write_atomically(&out, b"first")?;
        write_atomically(&out, b"second")?;
        assert_eq!(std::fs::read_to_string(&out)?, "second");
        // Nothing is left behind but the report.
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_a_new_one_is_not_private() -> TestResult {
        crate::lang::english_for_tests();
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("report.md");
        write_atomically(&out, b"first")?;
        let mode = std::fs::metadata(&out)?.permissions().mode() & 0o777;
        // 0666 less the umask, like any file created the ordinary way.
        let ordinary = dir.path().join("ordinary");
        std::fs::write(&ordinary, b"")?;
        let expected = std::fs::metadata(&ordinary)?.permissions().mode() & 0o777;
        assert_eq!(mode, expected, "{mode:o}");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640))?;
        write_atomically(&out, b"second")?;
        let mode = std::fs::metadata(&out)?.permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "{mode:o}");
        Ok(())
    }

    #[test]
    fn an_input_is_never_an_output() -> TestResult {
        crate::lang::english_for_tests();
        let dir = tempfile::tempdir()?;
        let input = dir.path().join("plan.json");
        std::fs::write(&input, "{}")?;
        let same = dir.path().join(".").join("plan.json");
        assert!(refuse_input_as_output(&same, [input.as_path()]).is_err());
        let other = dir.path().join("report.json");
        assert!(refuse_input_as_output(&other, [input.as_path()]).is_ok());
        Ok(())
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        crate::lang::english_for_tests();
        let r = write_atomically(Path::new("/nonexistent-planfin-dir/x.csv"), b"x");
        assert!(matches!(r, Err(Failure::Refused(_))));
    }
}
