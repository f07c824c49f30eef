//! The ledger: an append-only journal of expenditures, keyed by voucher.
//!
//! The same voucher appended twice with the same content (the same journal imported twice, or
//! two monthly files that overlap) is recognised and counted once; the same voucher with
//! different content is a conflict that names both sources. Corrections are new entries,
//! negative amounts allowed: nothing is ever edited or removed.

use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::expenditure::Expenditure;

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

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, &self.place) {
            (Some(file), Some(place)) => write!(f, "{file} {place}"),
            (Some(file), None) => f.write_str(file),
            (None, Some(place)) => f.write_str(place),
            (None, None) => f.write_str("(unknown source)"),
        }
    }
}

/// A voucher seen twice with identical content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateVoucher {
    /// The voucher reference.
    pub voucher: String,
    /// Where it was first seen.
    pub first: Origin,
    /// Where it was seen again.
    pub again: Origin,
}

/// What can go wrong when appending to a ledger.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// The same voucher with different content.
    #[error(
        "voucher {voucher:?} at {again} conflicts with the entry of the same voucher at {first}: \
         vouchers are unique; give the new entry its own voucher, or record a correction as a new entry"
    )]
    ConflictingVoucher {
        /// The voucher reference.
        voucher: String,
        /// Where it was first seen.
        first: Origin,
        /// The conflicting entry's origin.
        again: Origin,
    },
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
/// ```
/// use planfin_core::{currency::Currency, expenditure::{Expenditure, Stage}, ledger::{Appended, Ledger, Origin}};
/// use rust_decimal::Decimal;
/// let e = Expenditure {
///     voucher: "PC-001".into(), date: "2018-03-14".parse()?, line: "0101".into(),
///     amount: Decimal::from(1_250_000), currency: Currency::XOF, rate: None,
///     stage: Stage::Paiement, payee: "Hotel".into(), description: "Atelier".into(), document: None,
/// };
/// let mut ledger = Ledger::new();
/// assert_eq!(ledger.append(e.clone(), Origin::new("jan.xlsx", "Depenses!A2"))?, Appended::New);
/// assert_eq!(ledger.append(e.clone(), Origin::new("feb.xlsx", "Depenses!A2"))?, Appended::Duplicate);
/// let mut changed = e;
/// changed.amount = Decimal::from(1);
/// assert!(ledger.append(changed, Origin::new("mar.xlsx", "Depenses!A9")).is_err());
/// assert_eq!(ledger.len(), 1);
/// assert_eq!(ledger.duplicates().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    entries: Vec<Expenditure>,
    origins: Vec<Origin>,
    /// Position of each entry, found by its voucher's hash and compared with the entry's own
    /// voucher: the index holds no second copy of the vouchers (a million-entry journal saves
    /// about 60 MB).
    index: hashbrown::HashTable<usize>,
    hasher: RandomState,
    duplicates: Vec<DuplicateVoucher>,
}

/// Two ledgers are equal when they hold the same entries, origins and duplicates (the index
/// follows from the entries).
impl PartialEq for Ledger {
    fn eq(&self, other: &Ledger) -> bool {
        self.entries == other.entries
            && self.origins == other.origins
            && self.duplicates == other.duplicates
    }
}

impl Eq for Ledger {}

impl Ledger {
    /// An empty ledger.
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// Room for `additional` more entries, so that a journal of known length is not copied as
    /// it grows.
    pub fn reserve(&mut self, additional: usize) {
        self.entries.reserve(additional);
        self.origins.reserve(additional);
        let Ledger {
            entries,
            index,
            hasher,
            ..
        } = self;
        index.reserve(additional, |&i| {
            hasher.hash_one(entries[i].voucher.as_str())
        });
    }

    fn position(&self, voucher: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(voucher);
        self.index
            .find(hash, |&i| self.entries[i].voucher == voucher)
            .copied()
    }

    /// Appends `expenditure`, recognising a duplicate voucher and refusing a conflicting one.
    pub fn append(
        &mut self,
        expenditure: Expenditure,
        origin: Origin,
    ) -> Result<Appended, LedgerError> {
        if let Some(i) = self.position(&expenditure.voucher) {
            let first = self.origins[i].clone();
            return if self.entries[i] == expenditure {
                self.duplicates.push(DuplicateVoucher {
                    voucher: expenditure.voucher,
                    first,
                    again: origin,
                });
                Ok(Appended::Duplicate)
            } else {
                Err(LedgerError::ConflictingVoucher {
                    voucher: expenditure.voucher,
                    first,
                    again: origin,
                })
            };
        }
        let Ledger {
            entries,
            index,
            hasher,
            ..
        } = self;
        let hash = hasher.hash_one(expenditure.voucher.as_str());
        index.insert_unique(hash, entries.len(), |&i| {
            hasher.hash_one(entries[i].voucher.as_str())
        });
        self.entries.push(expenditure);
        self.origins.push(origin);
        Ok(Appended::New)
    }

    /// Appends every entry of `other` (another journal), in order, collecting every conflict.
    pub fn extend(&mut self, other: Ledger) -> Vec<LedgerError> {
        let mut errors = Vec::new();
        for (e, o) in other.entries.into_iter().zip(other.origins) {
            if let Err(err) = self.append(e, o) {
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
            .filter_map(|(e, o)| ledger.append(e, o).err())
            .collect();
        (ledger, errors)
    }

    /// The entries, in the order they were appended.
    pub fn entries(&self) -> &[Expenditure] {
        &self.entries
    }

    /// Where each entry came from (same order as [`Ledger::entries`]).
    pub fn origins(&self) -> &[Origin] {
        &self.origins
    }

    /// The vouchers that were seen twice with identical content.
    pub fn duplicates(&self) -> &[DuplicateVoucher] {
        &self.duplicates
    }

    /// Number of distinct entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry with `voucher`.
    pub fn get(&self, voucher: &str) -> Option<&Expenditure> {
        self.position(voucher).map(|i| &self.entries[i])
    }
}
