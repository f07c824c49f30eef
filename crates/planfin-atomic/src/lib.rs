//! # planfin-atomic
//!
//! Atomic file output: a temporary file in the target folder, written, synced, then renamed
//! over the target. A reader (or a crash) sees either the previous complete file or the new
//! complete file, never a half-written one. An output that is one of the inputs is refused.
//!
//! ```
//! use std::io::Write;
//! let dir = tempfile::tempdir()?;
//! let out = dir.path().join("report.csv");
//! planfin_atomic::write_atomically(&out, &[], |file| {
//!     file.write_all(b"a,b\n").map_err(|source| planfin_atomic::Error::Io { path: out.clone(), source })
//! })?;
//! assert_eq!(std::fs::read_to_string(&out)?, "a,b\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Why an atomic write was refused or failed. The messages name the path and the fix.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The output path is one of the input files.
    OutputIsInput {
        /// The output path.
        path: PathBuf,
        /// The input it designates.
        input: PathBuf,
    },
    /// Creating, syncing or renaming the file failed.
    Io {
        /// The output path.
        path: PathBuf,
        /// The system error.
        source: io::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::OutputIsInput { path, input } => write!(
                f,
                "refusing to write {}: it is the input file {}; choose another output file name",
                path.display(),
                input.display()
            ),
            Error::Io { path, source } => write!(
                f,
                "cannot write {}: {source}; check that the folder exists, is writable and has free space",
                path.display()
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::OutputIsInput { .. } => None,
            Error::Io { source, .. } => Some(source),
        }
    }
}

/// Writes `target` atomically: `write` fills a temporary file created in the target's folder
/// (so the final rename never crosses file systems); the file is then synced to disk and
/// renamed over `target`, and the folder is synced.
///
/// If `write` fails, or the process dies before the rename, `target` is untouched: the
/// previous file stays complete, or there is still no file. A crash can leave a
/// `.planfin-*.tmp` file next to the target; it is never the target itself.
///
/// `target` is refused ([`Error::OutputIsInput`], converted into `E`) when it is one of `inputs` (same file
/// after resolving links and `..`, or the same inode): a report never overwrites its data.
///
/// ```
/// use std::io::Write;
/// use planfin_atomic::{write_atomically, Error};
/// let dir = tempfile::tempdir()?;
/// let out = dir.path().join("notes.txt");
/// let io = |source| Error::Io { path: out.clone(), source };
/// write_atomically(&out, &[], |file| file.write_all(b"hello").map_err(io))?;
/// assert_eq!(std::fs::read_to_string(&out)?, "hello");
/// // A failing writer leaves the previous file as it was.
/// let failed = write_atomically(&out, &[], |file| {
///     file.write_all(b"half").map_err(io)?;
///     Err(io(std::io::Error::other("disk full")))
/// });
/// assert!(failed.is_err());
/// assert_eq!(std::fs::read_to_string(&out)?, "hello");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_atomically<E: From<Error>>(
    target: &Path,
    inputs: &[&Path],
    write: impl FnOnce(&mut File) -> Result<(), E>,
) -> Result<(), E> {
    refuse_input_as_output(target, inputs)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let io_err = |source: io::Error| Error::Io {
        path: target.to_path_buf(),
        source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".planfin-").suffix(".tmp");
    // Permissions of a plainly created file (0666 less the umask), not the temporary's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(io_err)?;
    // Replacing a file keeps its permissions, as overwriting it would.
    if let Ok(existing) = std::fs::metadata(target) {
        tmp.as_file()
            .set_permissions(existing.permissions())
            .map_err(io_err)?;
    }
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all().map_err(io_err)?;
    tmp.persist(target).map_err(|e| io_err(e.error))?;
    // Make the rename itself durable (best effort: not every platform can open a folder).
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Refuses `target` when it is one of `inputs`: the same path (after resolving links and
/// `..`), or the same file by another name (a hard link). [`write_atomically`] calls it; a
/// caller that reads its inputs first calls it before reading, to refuse early.
///
/// ```
/// use planfin_atomic::refuse_input_as_output;
/// let dir = tempfile::tempdir()?;
/// let input = dir.path().join("plan.json");
/// std::fs::write(&input, "{}")?;
/// assert!(refuse_input_as_output(&dir.path().join(".").join("plan.json"), &[&input]).is_err());
/// assert!(refuse_input_as_output(&dir.path().join("report.json"), &[&input]).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn refuse_input_as_output(target: &Path, inputs: &[&Path]) -> Result<(), Error> {
    let resolved = resolve(target);
    let target_id = file_id(target);
    for input in inputs {
        let same_path = resolved.is_some() && resolve(input) == resolved;
        let same_file = target_id.is_some() && file_id(input) == target_id;
        if same_path || same_file {
            return Err(Error::OutputIsInput {
                path: target.to_path_buf(),
                input: input.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// The canonical form of `path`, also for a file that does not exist yet (its folder resolved).
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(parent.canonicalize().ok()?.join(name))
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<(u64, u64)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_by_another_name_is_refused() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let input = dir.path().join("plan.xlsx");
        std::fs::write(&input, b"data")?;
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub)?;
        let other_name = sub.join("..").join("plan.xlsx");
        let err = write_atomically(&other_name, &[input.as_path()], |_| Ok::<_, Error>(()));
        assert!(matches!(err, Err(Error::OutputIsInput { .. })), "{err:?}");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.xlsx");
            std::fs::hard_link(&input, &link)?;
            let err = write_atomically(&link, &[input.as_path()], |_| Ok::<_, Error>(()));
            assert!(matches!(err, Err(Error::OutputIsInput { .. })));
        }
        assert_eq!(std::fs::read(&input)?, b"data");
        Ok(())
    }

    #[test]
    fn a_failed_write_leaves_no_file_and_no_temporary() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("r.xlsx");
        let io = |source| Error::Io {
            path: out.clone(),
            source,
        };
        let res = write_atomically(&out, &[], |f| {
            use std::io::Write;
            f.write_all(b"PK partial").map_err(io)?;
            Err(io(io::Error::other("simulated failure")))
        });
        assert!(res.is_err());
        assert!(!out.exists());
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 0);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn the_file_gets_ordinary_permissions_and_keeps_existing_ones()
    -> Result<(), Box<dyn std::error::Error>> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"x")?;
        let out = dir.path().join("r.xlsx");
        write_atomically(&out, &[], |_| Ok::<_, Error>(()))?;
        let mode = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode(&out)?, mode(&plain)?);
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640))?;
        write_atomically(&out, &[], |_| Ok::<_, Error>(()))?;
        assert_eq!(mode(&out)?, 0o640);
        Ok(())
    }
}
