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
use planfin_messages::{Arg, Message, msg};
use rust_decimal::Decimal;

use super::chain::{self, Record};
use crate::expenditure::Stage;
use crate::findings::{Findings, Stale, StaleCommitments};
use crate::ledger::{Figures, Ledger};
use crate::money::{MoneyError, converted_units, from_minor_units, to_minor_units};
use crate::plan::{Lang, LineIndex, Plan};
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
                let at = self.years.len();
                self.years.push((year, Tally::default()));
                at
            }
        };
        &mut self.years[at].1
    }
}

/// A commitment engaged and not fully paid at the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Open {
    pub(crate) slot: u32,
    /// Its first record in the ledger.
    pub(crate) record: u32,
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
    pub(crate) findings: Findings,
    /// The findings while they are being found, moved into `findings` when done.
    found: Vec<Finding>,
    /// How many of the findings, the first ones, are the plan's own.
    pub(crate) of_plan: usize,
    /// Whether an error finding blocks the reports (then nothing was added up).
    pub(crate) blocked: bool,
    /// One per plan line, in the plan's order, then one per line code the plan lacks.
    pub(crate) slots: Vec<Slot>,
    /// The open commitments, in ledger order.
    pub(crate) open: Vec<Open>,
    /// Whether the records counted are kept ([`Execution::keeping_records`]).
    keep: bool,
    /// When kept, the records counted where they were read (standing alone), in ledger order.
    pub(crate) alone: Vec<Alone>,
    /// When kept, the records counted with their commitment, sorted by group.
    pub(crate) chained: Vec<Record>,
}

/// A record that stands alone, as counted: at its stage and every stage before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Alone {
    pub(crate) slot: usize,
    pub(crate) index: usize,
    pub(crate) date: NaiveDate,
    pub(crate) stage: Stage,
    /// In minor units of the plan currency.
    pub(crate) units: i128,
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
        Execution::build(plan, ledger, cut_off, stale_days, false)
    }

    /// [`Execution::new`], keeping the records it counted (`alone`, `chained`) for a fold
    /// that lists them one by one (`activity`).
    pub(crate) fn keeping_records(
        plan: &'a Plan,
        ledger: &'a Ledger,
        cut_off: Option<NaiveDate>,
        stale_days: u32,
    ) -> Result<Execution<'a>, MoneyError> {
        Execution::build(plan, ledger, cut_off, stale_days, true)
    }

    fn build(
        plan: &'a Plan,
        ledger: &'a Ledger,
        cut_off: Option<NaiveDate>,
        stale_days: u32,
        keep: bool,
    ) -> Result<Execution<'a>, MoneyError> {
        let findings = validate_plan(plan);
        let last_amendment = plan.amendments.iter().map(|a| a.date).max();
        let mut execution = Execution {
            plan,
            ledger,
            as_of: cut_off.unwrap_or_else(|| last_amendment.map_or(plan.end, |l| plan.end.max(l))),
            blocked: findings.iter().any(Finding::is_error),
            findings: Findings::default(),
            of_plan: findings.len(),
            found: findings,
            slots: (0..plan.lines.len())
                .map(|i| Slot {
                    line: SlotLine::Plan(i),
                    years: Vec::new(),
                })
                .collect(),
            open: Vec::new(),
            keep,
            alone: Vec::new(),
            chained: Vec::new(),
        };
        if !execution.blocked {
            execution.add_budget(cut_off)?;
        }
        let chained = execution.add_ledger(cut_off)?;
        if execution.blocked {
            let found = std::mem::take(&mut execution.found);
            execution.findings = Findings::new(Lang::default(), found);
            return Ok(execution);
        }
        execution.add_chains(chained)?;
        let stale = execution.stale(stale_days);
        let head = std::mem::take(&mut execution.found);
        execution.over_committed()?;
        let tail = std::mem::take(&mut execution.found);
        execution.findings = Findings::with_stale(head, stale, tail);
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
                    let at = self.slots.len();
                    self.slots.push(Slot {
                        line: SlotLine::Unknown(key as u32),
                        years: Vec::new(),
                    });
                    at
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
            let before = self.found.len();
            let checked = check_expenditure(self.plan, ledger, &e, known, &mut self.found);
            if self.found.len() != before {
                self.blocked |= self.found[before..].iter().any(Finding::is_error);
            }
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
                if self.keep {
                    self.alone.push(Alone {
                        slot,
                        index: e.index,
                        date: e.date,
                        stage: e.stage,
                        units,
                    });
                }
                if e.stage != Stage::Paiement && units > 0 {
                    self.open.push(Open {
                        slot: slot as u32,
                        record: e.index as u32,
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
        self.found.extend(duplicate_findings(ledger, cut_off));
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
                self.found.push(Finding::warning(
                    FindingCode::PaymentWithoutCommitment,
                    msg!(
                        "finding-payment-without-commitment",
                        stage = e.stage.message(),
                        commitment = named,
                    ),
                    at,
                ));
                e.head
            }
            Some(head) if ledger.line_keys()[head as usize] != e.line => {
                let line = ledger.line_code(ledger.line_keys()[head as usize]);
                self.found.push(Finding::warning(
                    FindingCode::CommitmentOtherLine,
                    msg!(
                        "finding-commitment-other-line",
                        stage = e.stage.message(),
                        line = ledger.line_code(e.line),
                        commitment = named,
                        commitment_line = line,
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
                    slot: slot as u32,
                    record: record.map_or(0, |r| r.index),
                    since: first,
                    remaining,
                });
            }
        }
        self.open.sort_by_key(|o| o.record);
        if self.keep {
            self.chained = records;
        }
        Ok(())
    }

    /// `stage_exceeds_previous` and `stage_regression` for one group.
    fn chain_findings(&mut self, group: &[Record], reached: &chain::Reached) {
        let ledger = self.ledger;
        let currency = self.plan.currency;
        let amount = |units: i128| -> Arg {
            from_minor_units(units, currency)
                .map_or_else(|_| Message::new("common-too-large").into(), Arg::from)
        };
        let head = group[0].group as usize;
        let commitment = ledger.voucher(head);
        if let Some((later, figure, earlier, before)) = chain::exceeding(&reached.direct) {
            self.found.push(Finding::warning(
                FindingCode::StageExceedsPrevious,
                msg!(
                    "finding-stage-exceeds-previous",
                    commitment = commitment,
                    figure = amount(figure),
                    currency = currency.code(),
                    later = later.message(),
                    before = amount(before),
                    earlier = earlier.message(),
                ),
                entry_location(ledger, head),
            ));
        }
        for voucher in group.chunk_by(|a, b| a.voucher == b.voucher) {
            if let Some((latest, furthest)) = chain::regression(voucher, self.as_of) {
                self.found.push(Finding::warning(
                    FindingCode::StageRegression,
                    msg!(
                        "finding-stage-regression",
                        voucher = ledger.voucher(latest.index as usize),
                        stage = latest.stage.message(),
                        date = latest.date,
                        furthest = furthest.message(),
                    ),
                    entry_location(ledger, latest.index as usize),
                ));
            }
        }
    }

    /// The open commitments older than `stale_days` at the as-of date, each a
    /// `stale_commitment` finding built when the findings are read.
    fn stale(&self, stale_days: u32) -> StaleCommitments {
        let oldest = self
            .as_of
            .checked_sub_days(chrono::Days::new(u64::from(stale_days)));
        let items = self
            .open
            .iter()
            .filter(|open| oldest.is_some_and(|oldest| open.since < oldest))
            .map(|open| {
                let record = open.record as usize;
                let (file, place) = self.ledger.origin_parts(record).unwrap_or_default();
                Stale {
                    voucher: self.ledger.voucher(record).into(),
                    file: file.cloned(),
                    place,
                    since: open.since,
                    remaining: open.remaining,
                }
            })
            .collect();
        StaleCommitments {
            currency: self.plan.currency,
            as_of: self.as_of,
            stale_days,
            items,
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
            self.found.push(Finding::warning(
                FindingCode::OverCommitted,
                msg!(
                    "finding-over-committed",
                    engaged = engaged,
                    currency = currency.code(),
                    as_of = self.as_of,
                    over = over,
                    revised = revised,
                ),
                msg!("location-line", line = &self.plan.lines[i].code),
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

#[cfg(test)]
mod tests {
    //! The chain's findings and figures through the whole report, on the sample plan and
    //! ledger (`report::sample`); the figures of the sample's own records are those of
    //! `report::variance`'s tests, the chain's added to them by hand.

    use super::*;
    use crate::currency::Currency;
    use crate::expenditure::{Expenditure, Stage};
    use crate::report::sample::{self, d, date, expenditure};
    use crate::report::{Grouping, ReportOptions, VarianceReport, variance};

    fn record(voucher: &str, on: &str, line: &str, amount: &str, stage: Stage) -> Expenditure {
        expenditure(voucher, on, line, amount, Currency::XOF, stage)
    }

    fn of(mut e: Expenditure, commitment: &str) -> Expenditure {
        e.commitment = Some(commitment.into());
        e
    }

    fn report(extra: Vec<Expenditure>, by: Grouping) -> Option<VarianceReport> {
        let mut entries = sample::entries();
        entries.extend(extra);
        let options = ReportOptions {
            as_of: Some(date("2019-06-30")),
            by,
            ..ReportOptions::default()
        };
        variance(&sample::plan(), &sample::ledger_of(entries), &options).ok()
    }

    /// engaged, liquidated, ordered, paid of the row `key`.
    fn stages(r: &Option<VarianceReport>, key: &str) -> Option<[Decimal; 4]> {
        let row = r.as_ref()?.rows.iter().find(|row| row.key == key)?;
        let a = &row.amounts;
        Some([a.engaged, a.liquidated, a.ordered, a.paid])
    }

    fn located(r: &Option<VarianceReport>, code: FindingCode) -> Vec<String> {
        let findings = r.as_ref().map(|r| &*r.findings).unwrap_or_default();
        findings
            .iter()
            .filter(|f| f.code == code)
            .filter_map(|f| f.location_text(crate::plan::Lang::En))
            .collect()
    }

    #[test]
    fn commitment_other_line() {
        // P1 on L12 pays 20,000 of C1, a commitment of L11: each counts on its own line.
        let r = report(
            vec![
                record("C1", "2019-03-01", "L11", "50000", Stage::Engagement),
                of(
                    record("P1", "2019-04-01", "L12", "20000", Stage::Paiement),
                    "C1",
                ),
            ],
            Grouping::Line,
        );
        assert_eq!(
            located(&r, FindingCode::CommitmentOtherLine),
            ["voucher P1"]
        );
        // L11: E1 120,000 + E6 -20,000 paid, and C1 50,000 engaged.
        let l11 = ["150000", "100000", "100000", "100000"].map(d);
        assert_eq!(stages(&r, "L11"), Some(l11));
        // L12: E2 100,001 + P1 20,000, each engaged and paid.
        assert_eq!(stages(&r, "L12"), Some(["120001"; 4].map(d)));
    }

    #[test]
    fn stage_exceeds_previous() {
        // C2 engages 10,000; O2 orders 8,000 and P2 pays 9,000 of it: paid beyond ordered.
        let r = report(
            vec![
                record("C2", "2019-03-01", "L21", "10000", Stage::Engagement),
                of(
                    record("O2", "2019-03-10", "L21", "8000", Stage::Ordonnancement),
                    "C2",
                ),
                of(
                    record("P2", "2019-03-20", "L21", "9000", Stage::Paiement),
                    "C2",
                ),
            ],
            Grouping::Line,
        );
        assert_eq!(
            located(&r, FindingCode::StageExceedsPrevious),
            ["voucher C2"]
        );
        let message = r.as_ref().and_then(|r| {
            let f = r
                .findings
                .iter()
                .find(|f| f.code == FindingCode::StageExceedsPrevious);
            f.map(|f| f.message.to_string())
        });
        assert!(
            message
                .as_deref()
                .is_some_and(|m| m.contains("9,000 XOF at payment but 8,000")),
            "{message:?}"
        );
        // L21: E3 80,000 engaged, E4 80,000 paid; the chain: engaged 10,000, and 9,000 at
        // every later stage (what was paid was ordered and liquidated).
        let l21 = ["170000", "89000", "89000", "89000"].map(d);
        assert_eq!(stages(&r, "L21"), Some(l21));
    }

    #[test]
    fn stage_regression() {
        // The register shows S3 engaged in January, paid in February, engaged again in March.
        let r = report(
            vec![
                record("S3", "2019-01-10", "L22", "5000", Stage::Engagement),
                record("S3", "2019-02-10", "L22", "5000", Stage::Paiement),
                record("S3", "2019-03-10", "L22", "5000", Stage::Engagement),
            ],
            Grouping::Line,
        );
        assert_eq!(located(&r, FindingCode::StageRegression), ["voucher S3"]);
        // L22: E5 29,997 liquidated, E8 300,000 paid; S3 keeps paiement: 5,000 at every stage.
        let l22 = ["334997", "334997", "305000", "305000"].map(d);
        assert_eq!(stages(&r, "L22"), Some(l22));
    }

    #[test]
    fn a_commitment_counts_in_the_year_each_stage_was_reached() {
        // C4 engaged on L11 in December 2018, paid by P4 in February 2019.
        let r = report(
            vec![
                record("C4", "2018-12-01", "L11", "40000", Stage::Engagement),
                of(
                    record("P4", "2019-02-01", "L11", "40000", Stage::Paiement),
                    "C4",
                ),
            ],
            Grouping::Period,
        );
        // 2018: E1 120,000 + E2 100,001 paid, E3 80,000 engaged, and C4 40,000 engaged.
        let y2018 = ["340001", "220001", "220001", "220001"].map(d);
        assert_eq!(stages(&r, "2018"), Some(y2018));
        // 2019: E4 80,000 + E6 -20,000 + E8 300,000 paid, E5 29,997 liquidated; P4: 40,000
        // liquidated, ordered and paid in 2019, nothing more engaged (C4 was, in 2018).
        let y2019 = ["389997", "429997", "400000", "400000"].map(d);
        assert_eq!(stages(&r, "2019"), Some(y2019));
        assert!(located(&r, FindingCode::StaleCommitment).contains(&"voucher E3".to_string()));
    }
}
