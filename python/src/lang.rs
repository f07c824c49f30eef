//! The language of a call: the `lang=` it was given, else `PLANFIN_LANG`, then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), then French. A function that takes `lang=` enters a
//! [`Scope`] for its duration, so that the exceptions it raises, and the findings it returns,
//! speak that language; their attributes (`path`, `sheet`, `cell`, `code`, ...) do not change.

use std::cell::Cell;

use planfin_core::plan::Lang;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

thread_local! {
    static CALL: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language of the call in progress, restored to the caller's when dropped.
pub struct Scope(Option<Lang>);

impl Drop for Scope {
    fn drop(&mut self) {
        CALL.with(|c| c.set(self.0));
    }
}

/// Enters the language `code` (`"fr"`, `"en"`; `None`: the caller's, else the environment's)
/// for the rest of the call, and returns it.
pub fn enter(code: Option<&str>) -> PyResult<(Lang, Scope)> {
    let lang = match code {
        Some(code) => code
            .trim()
            .parse::<Lang>()
            .map_err(|m| PyValueError::new_err(m.render(current())))?,
        None => current(),
    };
    Ok((lang, scope(lang)))
}

/// Enters `lang` for the rest of the call: a report's workbook, written in the report's
/// language, raises its errors and labels its provenance in it too.
pub fn scope(lang: Lang) -> Scope {
    Scope(CALL.with(|c| c.replace(Some(lang))))
}

/// The language of the call in progress.
pub fn current() -> Lang {
    CALL.with(Cell::get).unwrap_or_else(Lang::from_env)
}
