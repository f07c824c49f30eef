//! The two languages, and which one a command speaks when it is not told.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Message;

/// The language of everything planfin writes for people.
///
/// ```
/// use planfin_messages::Lang;
/// assert_eq!("fr".parse::<Lang>(), Ok(Lang::Fr));
/// assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
/// assert_eq!(Lang::default(), Lang::Fr);
/// assert_eq!(Lang::En.code(), "en");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French (the default: the CNLTP works in French).
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code: `fr` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language a locale name starts with (`fr_FR.UTF-8`, `en-US`, `fr`), if French or
    /// English.
    ///
    /// ```
    /// use planfin_messages::Lang;
    /// assert_eq!(Lang::from_locale("fr_ML.UTF-8"), Some(Lang::Fr));
    /// assert_eq!(Lang::from_locale("en_GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_locale("C.UTF-8"), None);
    /// ```
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let head = locale.get(..2)?.to_ascii_lowercase();
        let rest = locale.get(2..).unwrap_or_default();
        let bounded = rest.is_empty() || rest.starts_with(['_', '-', '.', '@']);
        match head.as_str() {
            "fr" if bounded => Some(Lang::Fr),
            "en" if bounded => Some(Lang::En),
            _ => None,
        }
    }

    /// The language when none is asked for: `PLANFIN_LANG`, then the locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, the first that is set), then French. A `PLANFIN_LANG` that is
    /// neither `fr` nor `en` is ignored, as is a locale of another language.
    ///
    /// ```
    /// use planfin_messages::Lang;
    /// let env = |name: &str| (name == "LANG").then(|| "en_US.UTF-8".to_string());
    /// assert_eq!(Lang::from_vars(env), Lang::En);
    /// assert_eq!(Lang::from_vars(|_| None), Lang::Fr);
    /// ```
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = var("PLANFIN_LANG").and_then(|v| v.trim().parse().ok()) {
            return lang;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|locale| Lang::from_locale(&locale))
            .unwrap_or_default()
    }

    /// [`Lang::from_vars`] on this process's environment.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }
}

impl FromStr for Lang {
    type Err = Message;

    /// `fr` or `en`, in any case; anything else is the message `lang-unknown`.
    fn from_str(s: &str) -> Result<Lang, Message> {
        match s.to_ascii_lowercase().as_str() {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            _ => Err(crate::msg!("lang-unknown", value = s)),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            owned
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn planfin_lang_wins_over_the_locale() {
        let env = vars(&[("PLANFIN_LANG", "en"), ("LANG", "fr_FR.UTF-8")]);
        assert_eq!(Lang::from_vars(env), Lang::En);
    }

    #[test]
    fn lc_all_wins_over_lang_and_an_unknown_planfin_lang_is_ignored() {
        let env = vars(&[
            ("PLANFIN_LANG", "de"),
            ("LC_ALL", "en_US.UTF-8"),
            ("LANG", "fr_FR"),
        ]);
        assert_eq!(Lang::from_vars(env), Lang::En);
    }

    #[test]
    fn another_language_falls_back_to_french() {
        assert_eq!(Lang::from_vars(vars(&[("LANG", "de_DE.UTF-8")])), Lang::Fr);
        assert_eq!(Lang::from_vars(vars(&[("LANG", "C")])), Lang::Fr);
        assert_eq!(Lang::from_locale("free"), None);
    }
}
