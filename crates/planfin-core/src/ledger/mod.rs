//! The ledger: an append-only journal of expenditure records, keyed by voucher, stage and date.
//!
//! A voucher may have several records: its history through the expenditure chain (a monthly
//! export of the commitment register shows it at engagement in March, at paiement in June).
//! The same record appended twice (the same journal imported twice, or two monthly files that
//! overlap) is recognised and counted once; the same voucher, stage and date with different
//! content, or the same voucher on another line or commitment, is a conflict that names both
//! sources (`docs/expenditure-chain.md`). Corrections are new entries, negative amounts
//! allowed: nothing is ever edited or removed.

use std::fmt;

use planfin_messages::{Arg, CompactString, Message, msg};
use std::hash::BuildHasher;

use hashbrown::DefaultHashBuilder;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;
use crate::expenditure::{Entry, Expenditure, Stage};

mod store;

use store::{Interned, Origins, Texts};

/// Where an entry came from: a file and a place in it (`Depenses!A12`, `expenditures[3]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Origin {
    /// The file, as the user named it; shared by every entry of that file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Arc<str>>,
    /// The place in the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

impl Origin {
    /// An origin in `file` at `place`. Pass the same `Arc<str>` for every entry of a file so
    /// that its name is held once.
    pub fn new(file: impl Into<Arc<str>>, place: impl Into<String>) -> Origin {
        Origin {
            file: Some(file.into()),
            place: Some(place.into()),
        }
    }
}

impl Origin {
    /// The origin as a person reads it: `file place`, the file or the place alone, or
    /// "(unknown source)".
    pub fn message(&self) -> Message {
        origin_message(self.file.as_deref(), self.place.as_deref().map(Arg::from))
    }
}

/// [`Origin::message`] of a file and a place.
pub(crate) fn origin_message(file: Option<&str>, place: Option<Arg>) -> Message {
    match (file, place) {
        (Some(file), Some(place)) => msg!("location-origin", file = file, place = place),
        (Some(only), None) => msg!("common-text", text = only),
        (None, Some(only)) => msg!("common-text", text = only),
        (None, None) => Message::new("location-unknown-origin"),
    }
}

/// The English rendering of [`Origin::message`].
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message().fmt(f)
    }
}

/// What a reader says when appending `file`'s records to a ledger met `conflicts`: how many,
/// and the first one.
pub fn conflicts_message(file: &str, conflicts: &[LedgerError]) -> Message {
    msg!(
        "error-json-conflicts",
        file = file,
        count = conflicts.len(),
        first = conflicts.first().map_or_else(
            || Message::new("common-text").with("text", ""),
            LedgerError::message
        ),
    )
}

/// A record seen twice with identical content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateVoucher {
    /// The voucher reference.
    pub voucher: String,
    /// The record's date.
    pub date: NaiveDate,
    /// Where it was first seen.
    pub first: Origin,
    /// Where it was seen again.
    pub again: Origin,
}

/// What can go wrong when appending to a ledger.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// The same voucher, stage and date with different content, or the same voucher on
    /// another line or commitment.
    #[error("{}", self.message())]
    ConflictingVoucher {
        /// The voucher reference.
        voucher: String,
        /// Where it was first seen.
        first: Origin,
        /// The conflicting entry's origin.
        again: Origin,
    },
    /// More than 4,294,967,295 entries, or 4 GiB of text in one kind of field.
    #[error("{}", self.message())]
    Full,
}

impl LedgerError {
    /// What went wrong and how to fix it, for a person.
    pub fn message(&self) -> Message {
        match self {
            LedgerError::ConflictingVoucher {
                voucher,
                first,
                again,
            } => msg!(
                "error-conflicting-voucher",
                voucher = voucher,
                again = again.message(),
                first = first.message(),
            ),
            LedgerError::Full => Message::new("error-ledger-full"),
        }
    }
}

/// What [`Ledger::append`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appended {
    /// A new entry.
    New,
    /// The voucher was already there with the same content: not counted twice.
    Duplicate,
}

/// The append-only journal of expenditures.
///
/// The entries are held column by column (see the `store` module): a ledger of a million
/// entries takes about 80 MB. They are handed out as [`Entry`] values borrowing the ledger's
/// texts: [`Ledger::iter`], [`Ledger::entry`], [`Ledger::get`]; [`Ledger::to_expenditures`]
/// makes owned copies.
///
/// ```
/// use planfin_core::{currency::Currency, expenditure::{Expenditure, Stage}, ledger::{Appended, Ledger, Origin}};
/// use rust_decimal::Decimal;
/// let e = Expenditure {
///     voucher: "PC-001".into(), date: "2018-03-14".parse()?, line: "0101".into(),
///     amount: Decimal::from(1_250_000), currency: Currency::XOF, rate: None,
///     stage: Stage::Paiement, payee: "Hotel".into(), description: "Atelier".into(), document: None, commitment: None,
/// };
/// let mut ledger = Ledger::new();
/// assert_eq!(ledger.append(e.clone(), Origin::new("jan.xlsx", "Depenses!A2"))?, Appended::New);
/// assert_eq!(ledger.append(e.clone(), Origin::new("feb.xlsx", "Depenses!A2"))?, Appended::Duplicate);
/// let mut changed = e.clone();
/// changed.amount = Decimal::from(1);
/// assert!(ledger.append(changed, Origin::new("mar.xlsx", "Depenses!A9")).is_err());
/// assert_eq!(ledger.len(), 1);
/// assert_eq!(ledger.duplicates().len(), 1);
/// assert_eq!(ledger.get("PC-001"), Some(e.as_entry()));
/// assert_eq!(ledger.origin(0), Some(Origin::new("jan.xlsx", "Depenses!A2")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default)]
pub struct Ledger {
    dates: Vec<NaiveDate>,
    amounts: Vec<Decimal>,
    currencies: Vec<Currency>,
    stages: Vec<Stage>,
    /// Indexes into `codes`.
    lines: Vec<u32>,
    /// Payees, descriptions and documents: indexes into `texts`.
    payees: Vec<u32>,
    descriptions: Vec<u32>,
    /// [`NONE`] for none.
    documents: Vec<u32>,
    /// The commitment each record belongs to: an index into `texts`, [`NONE`] for none.
    commitments: Vec<u32>,
    /// The first record of each record's voucher (itself for the first).
    heads: Vec<u32>,
    /// The later records of the vouchers that have more than one, by first record.
    histories: hashbrown::HashMap<u32, Vec<u32>>,
    /// The few entries with a rate, in entry order.
    rates: Vec<(u32, Decimal)>,
    vouchers: Texts,
    /// The distinct line codes.
    codes: Interned,
    texts: Interned,
    origins: Origins,
    /// Position of each voucher's first record, found by its voucher's hash and compared with
    /// the record's own voucher: the index holds no second copy of the vouchers.
    index: hashbrown::HashTable<u32>,
    hasher: DefaultHashBuilder,
    duplicates: Vec<DuplicateVoucher>,
}

/// No document, no commitment.
const NONE: u32 = u32::MAX;

/// Two ledgers are equal when they hold the same entries, origins and duplicates, in the same
/// order (how the texts are stored does not matter).
impl PartialEq for Ledger {
    fn eq(&self, other: &Ledger) -> bool {
        self.len() == other.len()
            && self.iter().eq(other.iter())
            && (0..self.len()).all(|i| self.origins.get(i) == other.origins.get(i))
            && self.duplicates == other.duplicates
    }
}

impl Eq for Ledger {}

impl fmt::Debug for Ledger {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ledger")
            .field("entries", &self.iter().collect::<Vec<_>>())
            .field("duplicates", &self.duplicates)
            .finish()
    }
}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// Room for `additional` more entries, so that a journal of known length is not copied as
    /// it grows.
    pub fn reserve(&mut self, additional: usize) {
        self.dates.reserve(additional);
        self.amounts.reserve(additional);
        self.currencies.reserve(additional);
        self.stages.reserve(additional);
        self.lines.reserve(additional);
        self.payees.reserve(additional);
        self.descriptions.reserve(additional);
        self.documents.reserve(additional);
        self.commitments.reserve(additional);
        self.heads.reserve(additional);
        let Ledger {
            vouchers,
            index,
            hasher,
            ..
        } = self;
        index.reserve(additional, |&i| hasher.hash_one(vouchers.get(i)));
    }

    fn position(&self, voucher: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(voucher);
        self.index
            .find(hash, |&i| self.vouchers.get(i) == voucher)
            .map(|&i| i as usize)
    }

    /// Appends `expenditure`, recognising a duplicate voucher and refusing a conflicting one.
    pub fn append(
        &mut self,
        expenditure: Expenditure,
        origin: Origin,
    ) -> Result<Appended, LedgerError> {
        self.append_entry(expenditure.as_entry(), &origin)
    }

    /// Appends a borrowed entry (its texts are copied into the ledger), recognising a duplicate
    /// record, keeping an update of a voucher in its history and refusing a conflicting one:
    /// what an importer calls for each row, with no allocation of its own.
    ///
    /// ```
    /// use planfin_core::{cnltp, ledger::{Ledger, Origin}};
    /// let source = cnltp::ledger();
    /// let mut copy = Ledger::new();
    /// let origin = Origin::new("copy.json", "expenditures[0]");
    /// for e in source.iter() {
    ///     copy.append_entry(e, &origin)?;
    /// }
    /// assert_eq!(copy.to_expenditures(), source.to_expenditures());
    /// # Ok::<(), planfin_core::ledger::LedgerError>(())
    /// ```
    pub fn append_entry(
        &mut self,
        entry: Entry<'_>,
        origin: &Origin,
    ) -> Result<Appended, LedgerError> {
        let head = self.position(entry.voucher);
        if let Some(head) = head {
            let conflict = |first| LedgerError::ConflictingVoucher {
                voucher: entry.voucher.to_string(),
                first,
                again: origin.clone(),
            };
            match self.against_history(head, &entry) {
                History::Update => {}
                History::Conflict(i) => return Err(conflict(self.origins.get(i))),
                History::Duplicate(i) => {
                    self.duplicates.push(DuplicateVoucher {
                        voucher: entry.voucher.to_string(),
                        date: entry.date,
                        first: self.origins.get(i),
                        again: origin.clone(),
                    });
                    return Ok(Appended::Duplicate);
                }
            }
        }
        self.push(entry, origin, head)?;
        Ok(Appended::New)
    }

    /// How `entry` stands against the records of the voucher whose first record is `head`.
    fn against_history(&self, head: usize, entry: &Entry<'_>) -> History {
        let later = self
            .histories
            .get(&(head as u32))
            .map_or(&[][..], Vec::as_slice);
        let records = std::iter::once(head).chain(later.iter().map(|&i| i as usize));
        for i in records {
            let Some(e) = self.entry(i) else { continue };
            if e.line != entry.line || e.commitment != entry.commitment {
                return History::Conflict(i);
            }
            if e.stage == entry.stage && e.date == entry.date {
                return if e == *entry {
                    History::Duplicate(i)
                } else {
                    History::Conflict(i)
                };
            }
        }
        History::Update
    }

    /// Adds a new record; `head` is the first record of its voucher, if it has one already.
    fn push(
        &mut self,
        entry: Entry<'_>,
        origin: &Origin,
        head: Option<usize>,
    ) -> Result<(), LedgerError> {
        let texts = [
            entry.payee,
            entry.description,
            entry.document.unwrap_or_default(),
            entry.commitment.unwrap_or_default(),
        ];
        let text_bytes = texts.iter().map(|t| t.len()).sum();
        // Checked before anything is added, so that an entry goes in whole or not at all.
        if !self.vouchers.has_room(1, entry.voucher.len())
            || !self.codes.has_room(1, entry.line.len())
            || !self.texts.has_room(texts.len(), text_bytes)
        {
            return Err(LedgerError::Full);
        }
        let position = self.vouchers.push(entry.voucher)?;
        match head {
            None => {
                let Ledger {
                    vouchers,
                    index,
                    hasher,
                    ..
                } = self;
                let hash = hasher.hash_one(entry.voucher);
                index.insert_unique(hash, position, |&i| hasher.hash_one(vouchers.get(i)));
                self.heads.push(position);
            }
            Some(head) => {
                let head = u32::try_from(head).map_err(|_| LedgerError::Full)?;
                self.histories.entry(head).or_default().push(position);
                self.heads.push(head);
            }
        }
        self.origins.push(origin)?;
        self.dates.push(entry.date);
        self.amounts.push(entry.amount);
        self.currencies.push(entry.currency);
        self.stages.push(entry.stage);
        let line = self.codes.intern(entry.line)?;
        self.lines.push(line);
        let payee = self.texts.intern(entry.payee)?;
        self.payees.push(payee);
        let description = self.texts.intern(entry.description)?;
        self.descriptions.push(description);
        let document = self.optional_text(entry.document)?;
        self.documents.push(document);
        let commitment = self.optional_text(entry.commitment)?;
        self.commitments.push(commitment);
        if let Some(rate) = entry.rate {
            self.rates.push((position, rate));
        }
        Ok(())
    }

    fn optional_text(&mut self, text: Option<&str>) -> Result<u32, LedgerError> {
        match text {
            Some(t) => self.texts.intern(t),
            None => Ok(NONE),
        }
    }

    /// Appends every entry of `other` (another journal), in order, collecting every conflict.
    pub fn extend(&mut self, other: Ledger) -> Vec<LedgerError> {
        let mut errors = Vec::new();
        for (i, e) in other.iter().enumerate() {
            if let Err(err) = self.append_entry(e, &other.origins.get(i)) {
                errors.push(err);
            }
        }
        self.duplicates.extend(other.duplicates);
        errors
    }

    /// Builds a ledger from entries and their origins, collecting every conflict.
    pub fn from_entries(
        entries: impl IntoIterator<Item = (Expenditure, Origin)>,
    ) -> (Ledger, Vec<LedgerError>) {
        let entries = entries.into_iter();
        let mut ledger = Ledger::new();
        ledger.reserve(entries.size_hint().0);
        let errors = entries
            .filter_map(|(e, o)| ledger.append_entry(e.as_entry(), &o).err())
            .collect();
        (ledger, errors)
    }

    /// The entries, in the order they were appended.
    ///
    /// ```
    /// let ledger = planfin_core::cnltp::ledger();
    /// let paid: planfin_core::Decimal = ledger.iter().filter(|e| !e.stage.is_committed()).map(|e| e.amount).sum();
    /// assert!(paid > planfin_core::Decimal::ZERO);
    /// ```
    pub fn iter(&self) -> Entries<'_> {
        Entries {
            ledger: self,
            next: 0,
            rates: RateCursor::new(&self.rates),
        }
    }

    /// The entry at `index` (in the order of appending).
    pub fn entry(&self, index: usize) -> Option<Entry<'_>> {
        let rate = self
            .rates
            .binary_search_by_key(&index, |&(i, _)| i as usize)
            .ok()
            .map(|k| self.rates[k].1);
        self.entry_with(index, rate)
    }

    fn entry_with(&self, i: usize, rate: Option<Decimal>) -> Option<Entry<'_>> {
        Some(Entry {
            voucher: self.vouchers.get(u32::try_from(i).ok()?),
            date: *self.dates.get(i)?,
            line: self.codes.get(self.lines[i]),
            amount: self.amounts[i],
            currency: self.currencies[i],
            rate,
            stage: self.stages[i],
            payee: self.texts.get(self.payees[i]),
            description: self.texts.get(self.descriptions[i]),
            document: self.optional(self.documents[i]),
            commitment: self.optional(self.commitments[i]),
        })
    }

    fn optional(&self, text: u32) -> Option<&str> {
        (text != NONE).then(|| self.texts.get(text))
    }

    /// The line of each entry, in entry order, as a position in [`Ledger::line_codes`]: a
    /// report looks each distinct code up once, not once an entry.
    ///
    /// ```
    /// let ledger = planfin_core::cnltp::ledger();
    /// let codes: Vec<&str> = ledger.line_codes().collect();
    /// let first = ledger.iter().next().ok_or("empty")?;
    /// assert_eq!(codes[ledger.line_keys()[0] as usize], first.line);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line_keys(&self) -> &[u32] {
        &self.lines
    }

    /// The distinct line codes the entries charge, in the order they first appear.
    pub fn line_codes(&self) -> impl ExactSizeIterator<Item = &str> {
        (0..self.codes.len()).map(|i| self.codes.get(i as u32))
    }

    /// The figures of each entry, in order: what the checks and the sums of a report read,
    /// without building the entries' texts.
    pub(crate) fn figures(&self) -> impl Iterator<Item = Figures> + '_ {
        let mut rates = RateCursor::new(&self.rates);
        // Every column cut to the same length, so that indexing below it needs no bounds check.
        let n = self.len();
        let (dates, amounts, currencies) =
            (&self.dates[..n], &self.amounts[..n], &self.currencies[..n]);
        let (stages, lines, heads) = (&self.stages[..n], &self.lines[..n], &self.heads[..n]);
        let commitments = &self.commitments[..n];
        (0..n).map(move |index| Figures {
            index,
            date: dates[index],
            amount: amounts[index],
            currency: currencies[index],
            rate: rates.at(index),
            stage: stages[index],
            line: lines[index],
            head: heads[index],
            commitment: commitments[index],
        })
    }

    /// The records of the voucher whose first record is `head`, after the first, in the order
    /// they were appended (empty for a voucher with one record).
    pub(crate) fn later_records(&self, head: u32) -> &[u32] {
        self.histories.get(&head).map_or(&[], Vec::as_slice)
    }

    /// Whether the voucher whose first record is `head` has more than one record.
    #[inline]
    pub(crate) fn has_history(&self, head: u32) -> bool {
        !self.histories.is_empty() && self.histories.contains_key(&head)
    }

    /// The commitment each record names, as an index for [`Ledger::text`], for the records
    /// that name one.
    pub(crate) fn commitment_texts(&self) -> impl Iterator<Item = u32> + '_ {
        self.commitments.iter().copied().filter(|&c| c != NONE)
    }

    /// The first record of `voucher`, if the ledger has it.
    pub(crate) fn head_of(&self, voucher: &str) -> Option<usize> {
        self.position(voucher)
    }

    /// The text of a [`Figures::commitment`] index.
    pub(crate) fn text(&self, index: u32) -> &str {
        self.texts.get(index)
    }

    /// The voucher of the entry at `index` (empty when out of range).
    pub(crate) fn voucher(&self, index: usize) -> &str {
        u32::try_from(index).map_or("", |i| self.vouchers.get(i))
    }

    /// The line code of a [`Ledger::line_keys`] key.
    pub(crate) fn line_code(&self, key: u32) -> &str {
        self.codes.get(key)
    }

    /// Owned copies of the entries, in order.
    pub fn to_expenditures(&self) -> Vec<Expenditure> {
        self.iter().map(|e| e.to_expenditure()).collect()
    }

    /// Where the entry at `index` came from.
    pub fn origin(&self, index: usize) -> Option<Origin> {
        (index < self.len()).then(|| self.origins.get(index))
    }

    /// The file and the place of the entry at `index`, without copying them (the place in an
    /// inline string when short); `None` when `index` is out of range.
    pub(crate) fn origin_parts(
        &self,
        index: usize,
    ) -> Option<(Option<&Arc<str>>, Option<CompactString>)> {
        if index >= self.len() {
            return None;
        }
        self.origins.parts(index)
    }

    /// The vouchers that were seen twice with identical content.
    pub fn duplicates(&self) -> &[DuplicateVoucher] {
        &self.duplicates
    }

    /// Number of distinct entries.
    pub fn len(&self) -> usize {
        self.dates.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// The first record of `voucher`.
    pub fn get(&self, voucher: &str) -> Option<Entry<'_>> {
        self.position(voucher).and_then(|i| self.entry(i))
    }

    /// Every record of `voucher`, in the order they were appended: its history through the
    /// expenditure chain.
    ///
    /// ```
    /// use planfin_core::{cnltp, expenditure::Stage, ledger::{Ledger, Origin}};
    /// let mut ledger = Ledger::new();
    /// let mut e = cnltp::ledger().iter().next().ok_or("empty")?.to_expenditure();
    /// e.stage = Stage::Engagement;
    /// ledger.append(e.clone(), Origin::new("march.xlsx", "Depenses!A2"))?;
    /// e.stage = Stage::Paiement;
    /// e.date = e.date.succ_opt().ok_or("date")?;
    /// ledger.append(e.clone(), Origin::new("june.xlsx", "Depenses!A7"))?;
    /// let stages: Vec<Stage> = ledger.history(&e.voucher).map(|r| r.stage).collect();
    /// assert_eq!(stages, [Stage::Engagement, Stage::Paiement]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn history(&self, voucher: &str) -> impl Iterator<Item = Entry<'_>> {
        let head = self.position(voucher);
        let later = head.map_or(&[][..], |h| self.later_records(h as u32));
        head.into_iter()
            .chain(later.iter().map(|&i| i as usize))
            .filter_map(|i| self.entry(i))
    }
}

/// What the checks and the sums read of an entry: see `Ledger::figures`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Figures {
    pub(crate) index: usize,
    pub(crate) date: NaiveDate,
    pub(crate) amount: Decimal,
    pub(crate) currency: Currency,
    pub(crate) rate: Option<Decimal>,
    pub(crate) stage: Stage,
    /// The line, as a [`Ledger::line_keys`] key.
    pub(crate) line: u32,
    /// The first record of the entry's voucher (the entry itself for the first).
    pub(crate) head: u32,
    /// The commitment it belongs to, as an index for [`Ledger::text`]; `u32::MAX` for none.
    pub(crate) commitment: u32,
}

impl Figures {
    /// The commitment's text index, if the entry names one.
    pub(crate) fn commitment(&self) -> Option<u32> {
        (self.commitment != NONE).then_some(self.commitment)
    }
}

/// How a new record stands against its voucher's records.
enum History {
    /// Another stage or date of the voucher: kept.
    Update,
    /// The same as the record at this position.
    Duplicate(usize),
    /// In conflict with the record at this position.
    Conflict(usize),
}

impl<'a> IntoIterator for &'a Ledger {
    type Item = Entry<'a>;
    type IntoIter = Entries<'a>;

    fn into_iter(self) -> Entries<'a> {
        self.iter()
    }
}

/// The entries of a ledger, in order: see [`Ledger::iter`].
#[derive(Debug, Clone)]
pub struct Entries<'a> {
    ledger: &'a Ledger,
    next: usize,
    rates: RateCursor<'a>,
}

/// The sparse rates column read in entry order: each entry's rate found by walking the
/// column once, not by searching it.
#[derive(Debug, Clone)]
struct RateCursor<'a>(std::iter::Peekable<std::slice::Iter<'a, (u32, Decimal)>>);

impl<'a> RateCursor<'a> {
    fn new(rates: &'a [(u32, Decimal)]) -> RateCursor<'a> {
        RateCursor(rates.iter().peekable())
    }

    /// The rate of entry `index`; entries are asked for in increasing order.
    #[inline]
    fn at(&mut self, index: usize) -> Option<Decimal> {
        self.0
            .next_if(|&&(at, _)| at as usize == index)
            .map(|&(_, rate)| rate)
    }
}

impl<'a> Iterator for Entries<'a> {
    type Item = Entry<'a>;

    fn next(&mut self) -> Option<Entry<'a>> {
        let i = self.next;
        let entry = self.ledger.entry_with(i, self.rates.at(i))?;
        // Below the ledger's length, itself a usize.
        self.next = i.saturating_add(1);
        Some(entry)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.ledger.len().saturating_sub(self.next);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Entries<'_> {}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An expenditure from a few parameters: voucher number, line pick, amount, rate?,
    /// stage pick, payee pick, document?
    fn expenditure(v: u32, line: u8, amount: i64, rate: bool, stage: u8, doc: bool) -> Expenditure {
        Expenditure {
            voucher: format!("PC-{v}"),
            date: NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default(),
            line: format!("0{}", line % 7),
            amount: Decimal::new(amount, 2),
            currency: if rate { Currency::USD } else { Currency::EUR },
            rate: rate.then(|| Decimal::new(6_021_234, 4)),
            stage: Stage::ALL[usize::from(stage % 4)],
            payee: ["", "Hôtel", "Imprimerie"][usize::from(line % 3)].to_string(),
            description: format!("atelier {}", v % 5),
            document: doc.then(|| format!("F-{}", v % 3)),
            commitment: None,
        }
    }

    proptest! {
        /// Whatever the mix of texts, rates and documents, the columns give back each entry as
        /// it went in, by position, by voucher and in order; the figures agree with the entries.
        #[test]
        fn entries_come_back_as_they_went_in(
            params in proptest::collection::vec((0u8..20, -1_000_000i64..1_000_000, any::<bool>(), 0u8..4, any::<bool>()), 0..60)
        ) {
            let entries: Vec<Expenditure> = params
                .iter()
                .enumerate()
                .map(|(i, &(line, amount, rate, stage, doc))| {
                    expenditure(i as u32, line, amount, rate, stage, doc)
                })
                .collect();
            let file: Arc<str> = "j.xlsx".into();
            let (ledger, conflicts) = Ledger::from_entries(entries.iter().enumerate().map(|(i, e)| {
                (e.clone(), Origin::new(file.clone(), format!("Depenses!A{}", i + 2)))
            }));
            prop_assert!(conflicts.is_empty());
            prop_assert_eq!(ledger.to_expenditures(), entries.clone());
            prop_assert_eq!(ledger.iter().len(), entries.len());
            let codes: Vec<&str> = ledger.line_codes().collect();
            for (i, (e, f)) in entries.iter().zip(ledger.figures()).enumerate() {
                prop_assert_eq!(ledger.entry(i), Some(e.as_entry()));
                prop_assert_eq!(ledger.get(&e.voucher), Some(e.as_entry()));
                prop_assert_eq!(
                    (f.index, f.date, f.amount, f.currency, f.rate, f.stage),
                    (i, e.date, e.amount, e.currency, e.rate, e.stage)
                );
                prop_assert_eq!(codes[ledger.line_keys()[i] as usize], e.line.as_str());
                prop_assert_eq!(
                    ledger.origin(i),
                    Some(Origin::new(file.clone(), format!("Depenses!A{}", i + 2)))
                );
            }
            prop_assert_eq!(ledger.entry(entries.len()), None);
            prop_assert_eq!(ledger.origin(entries.len()), None);
        }
    }

    #[test]
    fn extending_keeps_origins_and_counts_duplicates_once() {
        let a = expenditure(1, 1, 100, false, 3, false);
        let b = expenditure(2, 2, 200, true, 0, true);
        let mut jan = Ledger::new();
        let mut feb = Ledger::new();
        let appended = [
            jan.append(a.clone(), Origin::new("jan.xlsx", "Depenses!A2")),
            feb.append(a.clone(), Origin::new("feb.xlsx", "Depenses!A2")),
            feb.append(b.clone(), Origin::new("feb.xlsx", "Depenses!A3")),
        ];
        assert!(appended.iter().all(|r| *r == Ok(Appended::New)));
        assert!(jan.extend(feb).is_empty());
        assert_eq!(jan.to_expenditures(), [a, b]);
        assert_eq!(jan.origin(1), Some(Origin::new("feb.xlsx", "Depenses!A3")));
        assert_eq!(jan.duplicates().len(), 1);
        assert_eq!(
            jan.duplicates()[0].again.to_string(),
            "feb.xlsx Depenses!A2"
        );
    }

    #[test]
    fn ledgers_are_equal_by_content_not_by_storage() {
        let a = expenditure(1, 1, 100, false, 3, false);
        let b = expenditure(2, 2, 200, true, 0, true);
        let one = Ledger::from_entries([
            (a.clone(), Origin::default()),
            (b.clone(), Origin::default()),
        ])
        .0;
        // The same entries, with b's texts interned first.
        let mut other = Ledger::new();
        let mut warm = Ledger::new();
        let _ = warm.append(b.clone(), Origin::default());
        other.texts = warm.texts.clone();
        other.codes = warm.codes.clone();
        let _ = other.append(a, Origin::default());
        let _ = other.append(b, Origin::default());
        assert_eq!(one, other);
        assert_ne!(one.lines, other.lines);
    }
}
