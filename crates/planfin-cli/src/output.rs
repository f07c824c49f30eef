//! Writing the output: to the terminal, or atomically to a file.
//!
//! A file is written to a temporary file in the target folder, synced and renamed over the
//! target, so an existing report is never left half-written; an output path that is one of the
//! inputs is refused before anything is read.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Failure;
use crate::load::name;

/// The absolute, symlink-free form of `path`, which need not exist (its folder must).
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(path.file_name()?))
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (a.metadata(), b.metadata()) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// Refuses `out` when it is one of `inputs` (the same path, a symlink to it or a hard link).
pub fn refuse_input_as_output<'a>(
    out: &Path,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), Failure> {
    let target = resolved(out);
    for input in inputs {
        let same = same_file(out, input) || (target.is_some() && target == resolved(input));
        if same {
            return Err(Failure::refused(format!(
                "{}: the output would overwrite the input {}: choose another output file",
                name(out),
                name(input)
            )));
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, flushed and synced
/// to disk, then renamed over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let file = name(path);
    let fail = |what: &str, e: std::io::Error| Failure::refused(format!("{file}: {what}: {e}"));
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Failure::refused(format!(
            "{file}: is a directory: give a file name to --out"
        )));
    }
    // The report gets the permissions of the file it replaces, or those of any new file
    // (0666 less the umask), not the temporary file's private 0600.
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".planfin-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| fail("cannot create a file in its folder", e))?;
    if let Some(permissions) = existing {
        tmp.as_file()
            .set_permissions(permissions)
            .map_err(|e| fail("cannot keep the permissions of the file it replaces", e))?;
    }
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| fail("cannot be written", e))?;
    tmp.persist(path)
        .map_err(|e| fail("cannot be replaced", e.error))?;
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        // Make the rename itself durable; a failure here leaves a complete file anyway.
        let _ = d.sync_all();
    }
    Ok(())
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
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::refused(
                    format!("cannot write to standard output: {e}"),
                )),
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
        let r = write_atomically(Path::new("/nonexistent-planfin-dir/x.csv"), b"x");
        assert!(matches!(r, Err(Failure::Refused(_))));
    }
}
