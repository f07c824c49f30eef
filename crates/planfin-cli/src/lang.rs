//! The language of everything the command prints: `--lang fr|en` (on any command), then
//! `PLANFIN_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `fr` or
//! `en`), then French. Decided once, before the command line is parsed, so that the errors of
//! the argument parsers are in it too.

use std::ffi::OsString;
use std::sync::OnceLock;

use planfin_core::plan::Lang;
use planfin_messages::Message;

static LANG: OnceLock<Lang> = OnceLock::new();

/// Decides the language from the command line `args` (a valid `--lang X` or `--lang=X`
/// anywhere) or else the environment. Call once, first.
pub fn init(args: &[OsString]) {
    let _ = LANG.set(given(args).unwrap_or_else(Lang::from_env));
}

/// The language a valid `--lang X` or `--lang=X` of `args` names.
fn given(args: &[OsString]) -> Option<Lang> {
    args.iter().enumerate().find_map(|(i, arg)| {
        let arg = arg.to_str()?;
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1)?.to_str()?,
            Some(rest) => rest.strip_prefix('=')?,
            None => return None,
        };
        value.parse::<Lang>().ok()
    })
}

/// English for this test process: the unit tests read English messages (the first call of
/// [`init`] wins, and every test of the binary shares it).
#[cfg(test)]
pub fn english_for_tests() {
    init(&[OsString::from("--lang=en")]);
}

/// The language of this run.
pub fn get() -> Lang {
    *LANG.get_or_init(Lang::from_env)
}

/// `message` in the language of this run.
pub fn say(message: Message) -> String {
    message.render(get())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(args: &[&str]) -> Option<Lang> {
        given(&args.iter().map(OsString::from).collect::<Vec<_>>())
    }

    #[test]
    fn the_flag_is_found_anywhere() {
        assert_eq!(
            of(&["planfin", "validate", "--lang", "en", "a.json"]),
            Some(Lang::En)
        );
        assert_eq!(of(&["planfin", "--lang=fr", "report"]), Some(Lang::Fr));
        assert_eq!(of(&["planfin", "report", "--lang", "de"]), None);
        assert_eq!(of(&["planfin", "report", "--language", "en"]), None);
    }
}
