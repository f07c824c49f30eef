//! The execution of a plan as of a date: one pass over the ledger that adds up, per budget
//! line and year, the budget and the four cumulative stage figures in minor units of the plan
//! currency, with every finding of the plan and the ledger. Every report is a fold over it
//! (`variance::fold`): validation runs once, the ledger is read once.
//!
//! A record that stands alone (no commitment, one record for its voucher, nothing refers to
//! it) is added where it is read: at stage s it counts at every stage up to s. The others are
//! set aside and added up per commitment by the rules of [`super::chain`].

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::chain::{self, Record};
use crate::expenditure::Stage;
use crate::ledger::{Figures, Ledger};
use crate::money::{
    MoneyError, converted_units, from_minor_units, group_thousands, to_minor_units,
};
use crate::plan::{LineIndex, Plan};
use crate::validation::{
    Finding, FindingCode, check_expenditure, distinct_amendments, duplicate_findings,
    entry_location, plan_lines, validate_plan,
};

/// The figures of one line in one year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) initial: Decimal,
    pub(crate) amendments: Decimal,
    /// Engaged, liquidated, ordered, paid, in minor units of the plan currency.
    pub(crate) stages: [i128; 4],
    /// Records counted.
    pub(crate) entries: usize,
    pub(crate) outside_period: bool,
    pub(crate) duplicate: bool,
}

/// A budget line of the plan, or a line code of the ledger the plan does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlotLine {
    /// The plan line at this index.
    Plan(usize),
    /// The ledger's line code of this key ([`Ledger::line_keys`]).
    Unknown(u32),
}

/// The cells of one line, by year.
#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub(crate) line: SlotLine,
    pub(crate) years: Vec<(i32, Tally)>,
}

impl Slot {
    fn cell(&mut self, year: i32) -> &mut Tally {
        let at = match self.years.iter().position(|(y, _)| *y == year) {
            Some(at) => at,
            None => {
                self.years.push((year, Tally::default()));
                self.years.len() - 1
            }
        };
        &mut self.years[at].1
    }
}

/// A commitment engaged and not fully paid at the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Open {
    pub(crate) slot: usize,
    /// Its first record in the ledger.
    pub(crate) record: usize,
    /// The date of its first record.
    pub(crate) since: NaiveDate,
    /// engaged - paid, in minor units.
    pub(crate) remaining: i128,
}

/// The plan's execution as of a date.
#[derive(Debug, Clone)]
pub(crate) struct Execution<'a> {
    pub(crate) plan: &'a Plan,
    pub(crate) ledger: &'a Ledger,
    /// The report's date: the cut-off or, with none, the later of the plan's end and its last
    /// dated event (nothing is left out).
    pub(crate) as_of: NaiveDate,
    /// Every finding of the plan and the ledger, in that order.
    pub(crate) findings: Vec<Finding>,
    /// Whether an error finding blocks the reports (then nothing was added up).
    pub(crate) blocked: bool,
    /// One per plan line, in the plan's order, then one per line code the plan lacks.
    pub(crate) slots: Vec<Slot>,
    /// The open commitments, in ledger order.
    pub(crate) open: Vec<Open>,
}

impl<'a> Execution<'a> {
    /// The execution of `plan` by `ledger` up to `cut_off` (everything when `None`);
    /// `stale_days` is the age beyond which an open commitment is a finding.
    pub(crate) fn new(
        plan: &'a Plan,
        ledger: &'a Ledger,
        cut_off: Option<NaiveDate>,
        stale_days: u32,
    ) -> Result<Execution<'a>, MoneyError> {
        let findings = validate_plan(plan);
        let last_amendment = plan.amendments.iter().map(|a| a.date).max();
        let mut execution = Execution {
            plan,
            ledger,
            as_of: cut_off.unwrap_or_else(|| last_amendment.map_or(plan.end, |l| plan.end.max(l))),
            blocked: findings.iter().any(Finding::is_error),
            findings,
            slots: (0..plan.lines.len())
                .map(|i| Slot {
                    line: SlotLine::Plan(i),
                    years: Vec::new(),
                })
                .collect(),
            open: Vec::new(),
        };
        if !execution.blocked {
            execution.add_budget(cut_off)?;
        }
        let chained = execution.add_ledger(cut_off)?;
        if !execution.blocked {
            execution.add_chains(chained)?;
            execution.open_findings(stale_days);
            execution.over_committed()?;
        }
        Ok(execution)
    }

    /// The initial budgets by year and the amendments dated up to the cut-off, by the year of
    /// their date, each leg on its own line.
    fn add_budget(&mut self, cut_off: Option<NaiveDate>) -> Result<(), MoneyError> {
        let plan = self.plan;
        for (i, line) in plan.lines.iter().enumerate() {
            for pa in &line.amounts {
                add(&mut self.slots[i].cell(pa.period.year).initial, pa.amount)?;
            }
        }
        let index = LineIndex::new(plan);
        for a in distinct_amendments(plan).filter(|a| cut_off.is_none_or(|c| a.date <= c)) {
            for (line, delta) in a.effects() {
                if let Some(i) = index.get(line) {
                    add(&mut self.slots[i].cell(a.date.year()).amendments, delta)?;
                }
            }
        }
        Ok(())
    }

    /// The slot of each of the ledger's line keys, adding one for each code the plan lacks.
    fn ledger_slots(&mut self) -> Vec<usize> {
        let index = LineIndex::new(self.plan);
        let known = plan_lines(&index, self.ledger);
        known
            .iter()
            .enumerate()
            .map(|(key, known)| match known {
                Some(i) => *i,
                None => {
                    self.slots.push(Slot {
                        line: SlotLine::Unknown(key as u32),
                        years: Vec::new(),
                    });
                    self.slots.len() - 1
                }
            })
            .collect()
    }

    /// One pass over the ledger: each record dated up to the cut-off is checked, then added
    /// up where it stands alone, or returned to be added up with its commitment.
    fn add_ledger(&mut self, cut_off: Option<NaiveDate>) -> Result<Vec<Record>, MoneyError> {
        let ledger = self.ledger;
        let duplicated: HashSet<&str> = ledger
            .duplicates()
            .iter()
            .map(|d| d.voucher.as_str())
            .collect();
        let slot_of = self.ledger_slots();
        let links = Links::new(ledger);
        let mut chained = Vec::new();
        for e in ledger.figures() {
            if cut_off.is_some_and(|c| e.date > c) {
                // After the cut-off: not in this report, and neither are its findings.
                continue;
            }
            let slot = slot_of[e.line as usize];
            let known = matches!(self.slots[slot].line, SlotLine::Plan(_));
            let before = self.findings.len();
            let checked = check_expenditure(self.plan, ledger, &e, known, &mut self.findings);
            self.blocked |= self.findings[before..].iter().any(Finding::is_error);
            if cut_off.is_none() {
                self.as_of = self.as_of.max(e.date);
            }
            if self.blocked {
                continue;
            }
            let units = match checked.rate {
                None => to_minor_units(e.amount, self.plan.currency)?,
                Some(rate) => converted_units(e.amount, rate, self.plan.currency)?,
            };
            let cell = self.slots[slot].cell(e.date.year());
            cell.entries = cell.entries.saturating_add(1);
            cell.outside_period |= !checked.in_period;
            cell.duplicate |=
                !duplicated.is_empty() && duplicated.contains(ledger.voucher(e.index));
            if links.stands_alone(ledger, &e) {
                add_stages(&mut cell.stages, e.stage, units)?;
                if e.stage != Stage::Paiement && units > 0 {
                    self.open.push(Open {
                        slot,
                        record: e.index,
                        since: e.date,
                        remaining: units,
                    });
                }
            } else {
                let group = self.group_of(&links, &e);
                chained.push(Record {
                    group,
                    voucher: e.head,
                    stage: e.stage,
                    date: e.date,
                    index: e.index as u32,
                    units,
                    slot: slot as u32,
                });
            }
        }
        self.findings.extend(duplicate_findings(ledger, cut_off));
        Ok(chained)
    }

    /// The group a chained record counts in: its commitment's, or its own voucher's when the
    /// commitment is not in the ledger or is on another line (each with its finding).
    fn group_of(&mut self, links: &Links, e: &Figures) -> u32 {
        let Some(commitment) = e.commitment() else {
            return e.head;
        };
        let ledger = self.ledger;
        let named = ledger.text(commitment);
        let at = entry_location(ledger, e.index);
        match links.head_of(commitment) {
            None => {
                self.findings.push(Finding::warning(
                    FindingCode::PaymentWithoutCommitment,
                    format!(
                        "the {} refers to commitment {named:?}, which no journal has: it counts \
                         as a commitment of its own; add the journal that holds {named:?}, or \
                         correct the commitment number",
                        e.stage
                    ),
                    at,
                ));
                e.head
            }
            Some(head) if ledger.line_keys()[head as usize] != e.line => {
                let line = ledger.line_code(ledger.line_keys()[head as usize]);
                self.findings.push(Finding::warning(
                    FindingCode::CommitmentOtherLine,
                    format!(
                        "the {} is charged to line {:?} but its commitment {named:?} to line \
                         {line:?}: it counts on its own line, as a commitment of its own; \
                         charge it to the commitment's line, or correct the commitment number",
                        e.stage,
                        ledger.line_code(e.line),
                    ),
                    at,
                ));
                e.head
            }
            Some(head) => head,
        }
    }

    /// Adds up each commitment's records by the chain's rules: its figures at the end of each
    /// year (or the as-of date) minus those at the end of the year before, in that year; then
    /// its findings and, if not fully paid, its open amount.
    fn add_chains(&mut self, mut records: Vec<Record>) -> Result<(), MoneyError> {
        records.sort_unstable();
        let as_of = self.as_of;
        for group in records.chunk_by(|a, b| a.group == b.group) {
            let slot = group[0].slot as usize;
            let first = group.iter().map(|r| r.date).min().unwrap_or(as_of);
            let mut before = [0i128; 4];
            for year in first.year()..=as_of.year() {
                let end = NaiveDate::from_ymd_opt(year, 12, 31).map_or(as_of, |d| d.min(as_of));
                let now = chain::reached(group, end)?.cumulative;
                let cell = self.slots[slot].cell(year);
                for s in 0..4 {
                    let delta = now[s].checked_sub(before[s]).ok_or(overflow())?;
                    cell.stages[s] = cell.stages[s].checked_add(delta).ok_or(overflow())?;
                }
                before = now;
            }
            let reached = chain::reached(group, as_of)?;
            self.chain_findings(group, &reached);
            let remaining = before[0].checked_sub(before[3]).ok_or(overflow())?;
            if remaining > 0 {
                let record = group.iter().min_by_key(|r| (r.date, r.index));
                self.open.push(Open {
                    slot,
                    record: record.map_or(0, |r| r.index as usize),
                    since: first,
                    remaining,
                });
            }
        }
        self.open.sort_by_key(|o| o.record);
        Ok(())
    }

    /// `stage_exceeds_previous` and `stage_regression` for one group.
    fn chain_findings(&mut self, group: &[Record], reached: &chain::Reached) {
        let ledger = self.ledger;
        let currency = self.plan.currency;
        let amount = |units: i128| {
            from_minor_units(units, currency).map_or_else(
                |_| units.to_string(),
                |a| format!("{} {currency}", group_thousands(a, ',')),
            )
        };
        let head = group[0].group as usize;
        let commitment = ledger.voucher(head);
        if let Some((later, figure, earlier, before)) = chain::exceeding(&reached.direct) {
            self.findings.push(Finding::warning(
                FindingCode::StageExceedsPrevious,
                format!(
                    "commitment {commitment:?} has {} at {later} but {} at {earlier}: the \
                     figures count {later} as reached at {earlier} too; record the missing \
                     {earlier}, or correct the amounts",
                    amount(figure),
                    amount(before),
                ),
                entry_location(ledger, head),
            ));
        }
        for voucher in group.chunk_by(|a, b| a.voucher == b.voucher) {
            if let Some((latest, furthest)) = chain::regression(voucher, self.as_of) {
                self.findings.push(Finding::warning(
                    FindingCode::StageRegression,
                    format!(
                        "voucher {:?} is at {} on {}, after reaching {furthest}: the figures \
                         keep {furthest}; correct the later snapshot, or record a correction \
                         as a negative amount",
                        ledger.voucher(latest.index as usize),
                        latest.stage,
                        latest.date,
                    ),
                    entry_location(ledger, latest.index as usize),
                ));
            }
        }
    }

    /// `stale_commitment` for each open commitment older than `stale_days` at the as-of date.
    fn open_findings(&mut self, stale_days: u32) {
        let currency = self.plan.currency;
        for open in &self.open {
            let age = (self.as_of - open.since).num_days();
            if age <= i64::from(stale_days) {
                continue;
            }
            let remaining = from_minor_units(open.remaining, currency).unwrap_or_default();
            self.findings.push(Finding::warning(
                FindingCode::StaleCommitment,
                format!(
                    "voucher {:?}, engaged on {}, still has {} {currency} to pay on {}, {age} days \
                     later (more than {stale_days}): pay it, or cancel what will not be paid with \
                     a negative engagement",
                    self.ledger.voucher(open.record),
                    open.since,
                    group_thousands(remaining, ','),
                    self.as_of,
                ),
                entry_location(self.ledger, open.record),
            ));
        }
    }

    /// `over_committed` for each plan line engaged beyond its revised budget.
    fn over_committed(&mut self) -> Result<(), MoneyError> {
        let currency = self.plan.currency;
        for slot in &self.slots {
            let SlotLine::Plan(i) = slot.line else {
                continue;
            };
            let mut revised = Decimal::ZERO;
            let mut engaged = 0i128;
            for (_, cell) in &slot.years {
                add(&mut revised, cell.initial)?;
                add(&mut revised, cell.amendments)?;
                engaged = engaged.checked_add(cell.stages[0]).ok_or(overflow())?;
            }
            let engaged = from_minor_units(engaged, currency)?;
            if engaged <= revised {
                continue;
            }
            let over = engaged.checked_sub(revised).ok_or(overflow())?;
            self.findings.push(Finding::warning(
                FindingCode::OverCommitted,
                format!(
                    "engaged {} {currency} by {}, {} {currency} more than the revised budget of \
                     {} {currency}: the credits available do not cover the commitments; record \
                     an amendment (virement) before engaging more, or cancel commitments",
                    group_thousands(engaged, ','),
                    self.as_of,
                    group_thousands(over, ','),
                    group_thousands(revised, ','),
                ),
                format!("line {}", self.plan.lines[i].code),
            ));
        }
        Ok(())
    }
}

/// Which records belong to a commitment: the commitment each named commitment is (its first
/// record), and the records other records refer to.
struct Links {
    heads: hashbrown::HashMap<u32, Option<u32>>,
    referred: HashSet<u32>,
}

impl Links {
    fn new(ledger: &Ledger) -> Links {
        let mut heads = hashbrown::HashMap::new();
        let mut referred = HashSet::new();
        for commitment in ledger.commitment_texts() {
            let head = *heads.entry(commitment).or_insert_with(|| {
                ledger
                    .head_of(ledger.text(commitment))
                    .and_then(|h| u32::try_from(h).ok())
            });
            referred.extend(head);
        }
        Links { heads, referred }
    }

    fn head_of(&self, commitment: u32) -> Option<u32> {
        self.heads.get(&commitment).copied().flatten()
    }

    /// Whether `e` is its voucher's only record, names no commitment and is named by none.
    #[inline]
    fn stands_alone(&self, ledger: &Ledger, e: &Figures) -> bool {
        e.commitment().is_none()
            && e.head as usize == e.index
            && !ledger.has_history(e.head)
            && (self.referred.is_empty() || !self.referred.contains(&e.head))
    }
}

fn overflow() -> MoneyError {
    MoneyError::Overflow("a report row")
}

fn add(a: &mut Decimal, b: Decimal) -> Result<(), MoneyError> {
    *a = a.checked_add(b).ok_or(overflow())?;
    Ok(())
}

/// Adds `units` at every stage up to `stage`: a record standing alone at paiement was
/// engaged, liquidated, ordered and paid.
#[inline]
fn add_stages(stages: &mut [i128; 4], stage: Stage, units: i128) -> Result<(), MoneyError> {
    for sum in &mut stages[..=stage.index()] {
        *sum = sum.checked_add(units).ok_or(overflow())?;
    }
    Ok(())
}
