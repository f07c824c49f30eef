//! The ageing of open commitments (progress report): what remains to pay on each commitment
//! engaged and not fully paid, by its age at the cut-off (from the date of its first record),
//! per objective and per line.

use rust_decimal::Decimal;
use serde::Serialize;

use super::execution::{Execution, SlotLine};
use super::labels::label;
use crate::money::{MoneyError, from_minor_units};
use crate::plan::Lang;

/// The age buckets: the most days each holds (the last holds the rest).
pub const BUCKETS: [(&str, Option<i64>); 4] = [
    ("age_0_30", Some(30)),
    ("age_31_90", Some(90)),
    ("age_91_180", Some(180)),
    ("age_over_180", None),
];

/// Remaining to pay by age, in the plan currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Ageing {
    /// Open for 0 to 30 days.
    pub age_0_30: Decimal,
    /// 31 to 90 days.
    pub age_31_90: Decimal,
    /// 91 to 180 days.
    pub age_91_180: Decimal,
    /// More than 180 days.
    pub age_over_180: Decimal,
    /// The sum of the four: the remaining to pay of the open commitments.
    pub age_total: Decimal,
}

impl Ageing {
    /// The five fields with their stable names, in order.
    pub fn fields(&self) -> [(&'static str, Decimal); 5] {
        [
            ("age_0_30", self.age_0_30),
            ("age_31_90", self.age_31_90),
            ("age_91_180", self.age_91_180),
            ("age_over_180", self.age_over_180),
            ("age_total", self.age_total),
        ]
    }

    fn of(units: &[i128; 4], currency: crate::currency::Currency) -> Result<Ageing, MoneyError> {
        let amount = |u: i128| from_minor_units(u, currency);
        let total = units
            .iter()
            .try_fold(0i128, |sum, u| sum.checked_add(*u))
            .ok_or(MoneyError::Overflow("the ageing"))?;
        Ok(Ageing {
            age_0_30: amount(units[0])?,
            age_31_90: amount(units[1])?,
            age_91_180: amount(units[2])?,
            age_over_180: amount(units[3])?,
            age_total: amount(total)?,
        })
    }
}

/// One row of an ageing table: an objective or a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgeingRow {
    /// The objective's or line's code (`?` for lines the plan does not have, by objective).
    pub key: String,
    /// Its title in the report's language.
    pub label: String,
    /// The amounts by age.
    #[serde(flatten)]
    pub ageing: Ageing,
}

/// The ageing of open commitments at the cut-off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgeingSection {
    /// One row per objective of the plan, then `?` for lines the plan does not have.
    pub by_objective: Vec<AgeingRow>,
    /// One row per line of the plan, then per line code the plan does not have.
    pub by_line: Vec<AgeingRow>,
    /// Sum of the rows (of either table).
    pub totals: Ageing,
}

/// The bucket of an age in days.
fn bucket(days: i64) -> usize {
    BUCKETS
        .iter()
        .position(|(_, most)| most.is_none_or(|m| days <= m))
        .unwrap_or(3)
}

/// The ageing of `execution`'s open commitments, labels in `lang`.
pub(crate) fn ageing(execution: &Execution<'_>, lang: Lang) -> Result<AgeingSection, MoneyError> {
    let plan = execution.plan;
    let of = || MoneyError::Overflow("the ageing");
    let mut by_slot = vec![[0i128; 4]; execution.slots.len()];
    for open in &execution.open {
        let sum = &mut by_slot[open.slot as usize]
            [bucket(execution.as_of.signed_duration_since(open.since).num_days())];
        *sum = sum.checked_add(open.remaining).ok_or_else(of)?;
    }
    // Objectives in the plan's order, then `?`; lines likewise, then the unknown codes.
    let mut objectives: Vec<(String, String, [i128; 4])> = plan
        .objectives
        .iter()
        .map(|o| (o.code.clone(), o.title.get(lang).to_string(), [0; 4]))
        .collect();
    let mut lines = Vec::new();
    let mut totals = [0i128; 4];
    for (slot, units) in execution.slots.iter().zip(&by_slot) {
        let (objective, key, title) = match slot.line {
            SlotLine::Plan(i) => {
                let line = &plan.lines[i];
                (
                    line.objective.as_str(),
                    &line.code[..],
                    line.label.get(lang),
                )
            }
            SlotLine::Unknown(key) => {
                if units == &[0; 4] {
                    continue;
                }
                let unknown = label("unknown_line", lang);
                ("?", execution.ledger.line_code(key), unknown)
            }
        };
        let at = match objectives.iter().position(|(code, ..)| code == objective) {
            Some(at) => at,
            None => {
                let at = objectives.len();
                let unknown = label("unknown_line", lang).to_string();
                objectives.push((objective.to_string(), unknown, [0; 4]));
                at
            }
        };
        for b in 0..4 {
            objectives[at].2[b] = objectives[at].2[b].checked_add(units[b]).ok_or_else(of)?;
            totals[b] = totals[b].checked_add(units[b]).ok_or_else(of)?;
        }
        lines.push((key.to_string(), title.to_string(), *units));
    }
    let rows = |list: Vec<(String, String, [i128; 4])>| {
        list.into_iter()
            .map(|(key, label, units)| {
                Ageing::of(&units, plan.currency).map(|ageing| AgeingRow { key, label, ageing })
            })
            .collect::<Result<Vec<_>, _>>()
    };
    Ok(AgeingSection {
        by_objective: rows(objectives)?,
        by_line: rows(lines)?,
        totals: Ageing::of(&totals, plan.currency)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_hold_their_last_day() {
        assert_eq!(
            [0, 30, 31, 90, 91, 180, 181, 4000].map(bucket),
            [0, 0, 1, 1, 2, 2, 3, 3]
        );
    }
}
