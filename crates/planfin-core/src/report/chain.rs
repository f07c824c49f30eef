//! The expenditure chain of one commitment: the cumulative stage figures of its records as of a
//! date, and what they show that needs a look (`docs/expenditure-chain.md`).
//!
//! A *group* is a commitment with its own history and the events that refer to it (or a voucher
//! that stands alone but has a history). [`Record`]s are sorted by voucher, stage and date, so
//! that the latest record of each voucher and stage up to a date is found by walking them once.

use chrono::NaiveDate;

use crate::expenditure::Stage;
use crate::money::MoneyError;

/// One record of a group, its amount in minor units of the plan currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Record {
    /// The first record of the group's commitment (the group's key).
    pub(crate) group: u32,
    /// The first record of the record's own voucher.
    pub(crate) voucher: u32,
    pub(crate) stage: Stage,
    pub(crate) date: NaiveDate,
    /// The record's position in the ledger.
    pub(crate) index: u32,
    pub(crate) units: i128,
    /// The report slot (line) it counts on.
    pub(crate) slot: u32,
}

/// A figure per stage, `None` where the group has no record at that stage.
type Direct = [Option<i128>; 4];

/// What reaching a stage means: the cumulative figures of a group as of a date (engaged,
/// liquidated, ordered, paid), and the direct figures they come from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Reached {
    pub(crate) cumulative: [i128; 4],
    pub(crate) direct: Direct,
}

fn overflow() -> MoneyError {
    MoneyError::Overflow("a commitment")
}

/// The figures of the group `records` (sorted, all of one group) as of `on`: per stage, the
/// latest record of the commitment's own voucher and the sum of its events' latest records,
/// the larger of the two; then each stage at least what the stages after it reached.
pub(crate) fn reached(records: &[Record], on: NaiveDate) -> Result<Reached, MoneyError> {
    let mut own: Direct = [None; 4];
    let mut events: Direct = [None; 4];
    for run in records.chunk_by(|a, b| a.voucher == b.voucher && a.stage == b.stage) {
        let Some(latest) = run.iter().rev().find(|r| r.date <= on) else {
            continue;
        };
        let side = if latest.voucher == latest.group {
            &mut own
        } else {
            &mut events
        };
        let s = latest.stage.index();
        let sum = side[s].unwrap_or(0).checked_add(latest.units);
        side[s] = Some(sum.ok_or_else(overflow)?);
    }
    let mut direct: Direct = [None; 4];
    for s in 0..4 {
        direct[s] = match (own[s], events[s]) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    let mut cumulative = [0; 4];
    let mut after: Option<i128> = None;
    for s in (0..4).rev() {
        after = match (direct[s], after) {
            (Some(d), Some(a)) => Some(d.max(a)),
            (d, a) => d.or(a),
        };
        cumulative[s] = after.unwrap_or(0);
    }
    Ok(Reached { cumulative, direct })
}

/// The first stage whose direct figure exceeds that of the nearest earlier stage the group
/// has, with both figures: `(later, its figure, earlier, its figure)`.
pub(crate) fn exceeding(direct: &Direct) -> Option<(Stage, i128, Stage, i128)> {
    let mut previous: Option<(usize, i128)> = None;
    for (s, figure) in direct.iter().enumerate() {
        let Some(figure) = *figure else { continue };
        if let Some((p, before)) = previous
            && figure > before
        {
            return Some((Stage::ALL[s], figure, Stage::ALL[p], before));
        }
        previous = Some((s, figure));
    }
    None
}

/// The records of one voucher (sorted by stage then date) whose latest snapshot up to `on`
/// stops at an earlier stage than one before it: the latest snapshot's record and the furthest
/// stage reached before.
pub(crate) fn regression(voucher: &[Record], on: NaiveDate) -> Option<(Record, Stage)> {
    let dated = || voucher.iter().filter(|r| r.date <= on);
    let last = dated().map(|r| r.date).max()?;
    let latest = dated().filter(|r| r.date == last).max_by_key(|r| r.stage)?;
    let before = dated().filter(|r| r.date < last).map(|r| r.stage).max()?;
    (before > latest.stage).then_some((*latest, before))
}

#[cfg(test)]
mod tests {
    //! Figures worked out by hand from the rules of `docs/expenditure-chain.md`.

    use super::*;
    use Stage::{Engagement, Liquidation, Ordonnancement, Paiement};

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap_or_default()
    }

    /// A record of group 0: `voucher` 0 is the commitment's own voucher.
    fn record(voucher: u32, stage: Stage, date: &str, units: i128) -> Record {
        Record {
            group: 0,
            voucher,
            stage,
            date: day(date),
            index: 0,
            units,
            slot: 0,
        }
    }

    fn at(records: &mut [Record], on: &str) -> [i128; 4] {
        records.sort();
        reached(records, day(on)).map_or([-1; 4], |r| r.cumulative)
    }

    #[test]
    fn a_commitment_with_partial_events() {
        // ENG 10,000 on 4 March; LIQ 4,000 (event 1) on 15 April; PAY 3,000 (event 2) on
        // 2 May and PAY 1,000 (event 3) on 5 June.
        let mut records = [
            record(0, Engagement, "2019-03-04", 10_000),
            record(1, Liquidation, "2019-04-15", 4_000),
            record(2, Paiement, "2019-05-02", 3_000),
            record(3, Paiement, "2019-06-05", 1_000),
        ];
        assert_eq!(at(&mut records, "2019-03-31"), [10_000, 0, 0, 0]);
        assert_eq!(at(&mut records, "2019-04-30"), [10_000, 4_000, 0, 0]);
        // Paid 3,000 with no order recorded: ordered is at least what was paid.
        assert_eq!(
            at(&mut records, "2019-05-31"),
            [10_000, 4_000, 3_000, 3_000]
        );
        assert_eq!(
            at(&mut records, "2019-06-30"),
            [10_000, 4_000, 4_000, 4_000]
        );
    }

    #[test]
    fn snapshots_of_one_voucher_take_the_latest_per_stage() {
        // The March export at engagement 5,000, the June export at paiement 4,800 (the amount
        // finally paid): engaged stays 5,000.
        let mut records = [
            record(0, Engagement, "2019-03-31", 5_000),
            record(0, Paiement, "2019-06-30", 4_800),
        ];
        assert_eq!(at(&mut records, "2019-04-30"), [5_000, 0, 0, 0]);
        assert_eq!(at(&mut records, "2019-06-30"), [5_000, 4_800, 4_800, 4_800]);
        // A later engagement snapshot revises the commitment to 6,000.
        let mut revised = [
            record(0, Engagement, "2019-03-31", 5_000),
            record(0, Engagement, "2019-04-30", 6_000),
        ];
        assert_eq!(at(&mut revised, "2019-05-31"), [6_000, 0, 0, 0]);
    }

    #[test]
    fn own_history_and_events_are_not_added() {
        // The commitment's own snapshot says 7,000 paid; its payment events add up to 6,000:
        // the larger is kept.
        let mut records = [
            record(0, Engagement, "2019-03-01", 9_000),
            record(0, Paiement, "2019-06-30", 7_000),
            record(1, Paiement, "2019-05-01", 2_000),
            record(2, Paiement, "2019-06-01", 4_000),
        ];
        assert_eq!(at(&mut records, "2019-06-30"), [9_000, 7_000, 7_000, 7_000]);
        assert_eq!(at(&mut records, "2019-06-15"), [9_000, 6_000, 6_000, 6_000]);
    }

    #[test]
    fn a_stage_beyond_the_one_before_is_found() {
        let mut records = [
            record(0, Engagement, "2019-03-01", 1_000),
            record(1, Ordonnancement, "2019-04-01", 800),
            record(2, Paiement, "2019-05-01", 900),
        ];
        records.sort();
        let direct = reached(&records, day("2019-06-30")).map(|r| r.direct);
        assert_eq!(
            direct.ok().and_then(|d| exceeding(&d)),
            Some((Paiement, 900, Ordonnancement, 800))
        );
        assert_eq!(exceeding(&[Some(1_000), None, Some(800), Some(800)]), None);
    }

    #[test]
    fn a_snapshot_back_to_an_earlier_stage_is_found() {
        let mut records = [
            record(0, Engagement, "2019-03-31", 5_000),
            record(0, Paiement, "2019-04-30", 5_000),
            record(0, Engagement, "2019-05-31", 5_000),
        ];
        records.sort();
        let found = regression(&records, day("2019-06-30"));
        assert_eq!(
            found.map(|(r, before)| (r.date, r.stage, before)),
            Some((day("2019-05-31"), Engagement, Paiement))
        );
        // Not before the third snapshot.
        assert_eq!(regression(&records, day("2019-05-30")), None);
        // The figures keep the furthest stage reached.
        assert_eq!(at(&mut records, "2019-06-30"), [5_000, 5_000, 5_000, 5_000]);
    }
}
