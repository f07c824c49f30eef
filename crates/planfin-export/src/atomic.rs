//! The atomic writer of planfin-atomic, with the export's error: every workbook is written
//! whole or not at all, and never over one of its inputs.

use std::fs::File;
use std::path::Path;

use crate::ExportError;

/// Writes `target` atomically (planfin-atomic's [`planfin_atomic::write_atomically`]): `write`
/// fills a temporary file in the target's folder, which is synced and renamed over `target`.
/// If `write` fails, `target` is untouched. `target` is refused
/// ([`ExportError::OutputIsInput`]) when it is one of `inputs`.
///
/// ```
/// use std::io::Write;
/// use planfin_export::write_atomically;
/// let dir = tempfile::tempdir()?;
/// let out = dir.path().join("notes.txt");
/// write_atomically(&out, &[], |file| Ok(file.write_all(b"hello")?))?;
/// assert_eq!(std::fs::read_to_string(&out)?, "hello");
/// // A failing writer leaves the previous file as it was.
/// let failed = write_atomically(&out, &[], |file| {
///     file.write_all(b"half")?;
///     Err(std::io::Error::other("disk full").into())
/// });
/// assert!(failed.is_err());
/// assert_eq!(std::fs::read_to_string(&out)?, "hello");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_atomically(
    target: &Path,
    inputs: &[&Path],
    write: impl FnOnce(&mut File) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    planfin_atomic::write_atomically(target, inputs, |file| write(file).map_err(|e| e.at(target)))
}

/// Refuses `target` when it is one of `inputs`: the same path (after resolving links and
/// `..`), or the same file by another name (a hard link).
///
/// ```
/// use planfin_export::refuse_input_as_output;
/// let dir = tempfile::tempdir()?;
/// let input = dir.path().join("plan.json");
/// std::fs::write(&input, "{}")?;
/// assert!(refuse_input_as_output(&dir.path().join(".").join("plan.json"), &[&input]).is_err());
/// assert!(refuse_input_as_output(&dir.path().join("report.json"), &[&input]).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn refuse_input_as_output(target: &Path, inputs: &[&Path]) -> Result<(), ExportError> {
    Ok(planfin_atomic::refuse_input_as_output(target, inputs)?)
}
