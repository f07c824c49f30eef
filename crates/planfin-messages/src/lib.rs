//! planfin's one catalog of messages, in French and English.
//!
//! Code builds a [`Message`] with [`msg!`] (a stable id and typed arguments) and renders it in a
//! [`Lang`] only where a person reads it. The sentences are in the Fluent files under
//! `locales/` (one per area), embedded in the binary; amounts, counts and dates are formatted
//! by planfin ([`format_amount`], [`format_date`]), French style in French.
//!
//! ```
//! use planfin_messages::{msg, Lang};
//! use rust_decimal::Decimal;
//! let m = msg!("common-amount-currency", amount = Decimal::from(12_500_000), currency = "XOF");
//! assert_eq!(m.render(Lang::Fr), "12\u{202F}500\u{202F}000 XOF");
//! assert_eq!(m.render(Lang::En), "12,500,000 XOF");
//! ```

mod catalog;
mod format;
mod lang;
mod message;

pub use catalog::{SOURCES, has_message, text};
/// The inline string of [`Arg::Text`], for callers that build a text argument without a heap
/// allocation.
pub use compact_str::CompactString;
pub use format::{NARROW_NBSP, format_amount, format_count, format_date};
pub use lang::Lang;
pub use message::{Arg, Message};
