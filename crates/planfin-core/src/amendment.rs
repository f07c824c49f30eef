//! Amendments (virements, revisions): dated changes to the budget, never edits of it.
//!
//! The initial budget is never edited: the revised budget of a line is its initial budget plus
//! the amendments dated up to the report's as-of date. An amendment either moves an amount
//! from one line to another (`from` and `to`), raises a line (`to` only) or lowers it (`from`
//! only). An amendment is identified by its reference: the same reference imported twice counts
//! once (a revision replaces, it is never added twice).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::money::{MoneyError, checked_sub};

/// A dated change to the budget.
///
/// ```
/// use planfin_core::amendment::Amendment;
/// use rust_decimal::Decimal;
/// let a = Amendment::transfer("V-2019-01", "2019-03-01".parse()?, "0201", "0302", Decimal::from(5_000_000));
/// assert_eq!(a.effect_on("0201"), Ok(Decimal::from(-5_000_000)));
/// assert_eq!(a.effect_on("0302"), Ok(Decimal::from(5_000_000)));
/// assert_eq!(a.effect_on("0101"), Ok(Decimal::ZERO));
/// # Ok::<(), chrono::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// Unique reference (arrete, decision number).
    pub reference: String,
    /// Date it takes effect.
    pub date: NaiveDate,
    /// Line the amount is taken from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Line the amount goes to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The amount moved, in the plan currency; positive.
    pub amount: Decimal,
    /// The funding source whose money moves, when the amendment says so. Money stays on its
    /// line's source: each leg counts on the source of its own line, in every report, so a
    /// source given here must be that of every line the amendment touches (validation refuses
    /// another). Moving money from one source to another is two amendments: a cut on a line
    /// of the first and a raise on a line of the second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Why.
    #[serde(default)]
    pub reason: String,
    /// Who approved it.
    #[serde(default)]
    pub approved_by: String,
}

impl Amendment {
    /// A transfer of `amount` from one line to another.
    pub fn transfer(
        reference: &str,
        date: NaiveDate,
        from: &str,
        to: &str,
        amount: Decimal,
    ) -> Amendment {
        Amendment {
            reference: reference.to_string(),
            date,
            from: Some(from.to_string()),
            to: Some(to.to_string()),
            amount,
            source: None,
            reason: String::new(),
            approved_by: String::new(),
        }
    }

    /// What this amendment adds to (or, negative, takes from) `line`; an error only when a
    /// line is both ends of an amendment too large to compute.
    pub fn effect_on(&self, line: &str) -> Result<Decimal, MoneyError> {
        let part = |end: &Option<String>| {
            if end.as_deref() == Some(line) {
                self.amount
            } else {
                Decimal::ZERO
            }
        };
        checked_sub(part(&self.to), part(&self.from))
    }

    /// The lines this amendment touches, with the signed amount for each.
    pub fn effects(&self) -> impl Iterator<Item = (&str, Decimal)> {
        let out = self.from.as_deref().map(|l| (l, -self.amount));
        let inn = self.to.as_deref().map(|l| (l, self.amount));
        out.into_iter().chain(inn)
    }
}
