//! A message: a stable id of the catalog and its typed arguments, rendered in a language only
//! when a person is about to read it.

use std::fmt;

use chrono::NaiveDate;
use compact_str::CompactString;
use rust_decimal::Decimal;

use crate::{Lang, catalog, format_amount, format_date};

/// One argument of a message. Amounts and dates stay typed until rendered, so that each
/// language formats them its own way and JSON carries them exactly.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text shown as it is: a code, a voucher, a cell, a file name, a value found. Kept inline
    /// up to 24 bytes (`compact_str`): a voucher or a currency code costs no allocation, which
    /// matters for a report with a quarter of a million findings.
    Text(CompactString),
    /// A count (rows, days, errors): chooses plural forms.
    Count(i64),
    /// An amount, every digit kept.
    Amount(Decimal),
    /// A date.
    Date(NaiveDate),
    /// Another message, rendered in the same language (a stage's name, a location, a rule).
    Message(Box<Message>),
}

impl Arg {
    /// The argument as a person reads it in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Arg::Text(t) => t.to_string(),
            Arg::Count(n) => n.to_string(),
            Arg::Amount(a) => format_amount(*a, lang),
            Arg::Date(d) => format_date(*d, lang),
            Arg::Message(m) => m.render(lang),
        }
    }

    /// The argument in JSON: text and amounts as strings (amounts exact, `.` decimal mark),
    /// counts as numbers, dates as ISO 8601, messages rendered in `lang`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        match self {
            Arg::Text(t) => serde_json::Value::String(t.as_str().to_string()),
            Arg::Count(n) => serde_json::Value::from(*n),
            Arg::Amount(a) => serde_json::Value::String(a.to_string()),
            Arg::Date(d) => serde_json::Value::String(d.to_string()),
            Arg::Message(m) => serde_json::Value::String(m.render(lang)),
        }
    }
}

macro_rules! arg_from {
    ($($t:ty => |$v:ident| $e:expr),* $(,)?) => {
        $(impl From<$t> for Arg {
            fn from($v: $t) -> Arg {
                $e
            }
        })*
    };
}

arg_from! {
    &str => |v| Arg::Text(CompactString::new(v)),
    String => |v| Arg::Text(CompactString::from(v)),
    CompactString => |v| Arg::Text(v),
    &String => |v| Arg::Text(CompactString::new(v)),
    Box<str> => |v| Arg::Text(CompactString::new(v)),
    char => |v| Arg::Text(CompactString::new(v.encode_utf8(&mut [0; 4]))),
    i64 => |v| Arg::Count(v),
    i32 => |v| Arg::Count(i64::from(v)),
    u32 => |v| Arg::Count(i64::from(v)),
    u16 => |v| Arg::Count(i64::from(v)),
    u8 => |v| Arg::Count(i64::from(v)),
    usize => |v| Arg::Count(i64::try_from(v).unwrap_or(i64::MAX)),
    u64 => |v| Arg::Count(i64::try_from(v).unwrap_or(i64::MAX)),
    Decimal => |v| Arg::Amount(v),
    NaiveDate => |v| Arg::Date(v),
    Message => |v| Arg::Message(Box::new(v)),
}

/// A message of the catalog with its arguments.
///
/// Build one with [`msg!`](crate::msg); render it with [`Message::render`]. `Display` renders
/// it in English, for logs and `std::error::Error`.
///
/// ```
/// use planfin_messages::{msg, Lang};
/// let m = msg!("lang-unknown", value = "de");
/// assert_eq!(m.id(), "lang-unknown");
/// assert_eq!(m.render(Lang::En), "\"de\" is not a language planfin speaks: use fr or en");
/// assert_eq!(m.render(Lang::Fr), "«\u{a0}de\u{a0}» n'est pas une langue de planfin\u{a0}: utilisez fr ou en");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message with no arguments yet.
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// A message `id` with room for `n` arguments (what [`msg!`] uses).
    pub fn with_capacity(id: &'static str, n: usize) -> Message {
        Message {
            id,
            args: Vec::with_capacity(n),
        }
    }

    /// The message with one more argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The stable id in the catalog (`finding-stale-commitment`, `import-not-an-amount`, ...).
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The arguments, in the order given.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The argument named `name`, if given.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        catalog::render(self, lang)
    }

    /// The arguments as a JSON object (see [`Arg::to_json`]).
    pub fn args_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::Value::Object(
            self.args
                .iter()
                .map(|(name, arg)| (name.to_string(), arg.to_json(lang)))
                .collect(),
        )
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A [`Message`]: `msg!(ID, name = value, ...)` where `ID` is the message id (a `&'static str`,
/// written as a literal wherever it can be, so that the catalog test finds it), each value
/// converted with [`Arg::from`].
///
/// ```
/// use planfin_messages::{msg, Arg};
/// let m = msg!("lang-unknown", value = "de");
/// assert_eq!(m.arg("value"), Some(&Arg::Text("de".into())));
/// ```
#[macro_export]
macro_rules! msg {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Message::with_capacity($id, <[&str]>::len(&[$(stringify!($name)),*]))
            $(.with(stringify!($name), $value))*
    };
}
