//! How a ledger holds its entries: one column per field, texts in shared buffers.
//!
//! A journal of a million entries held as a million [`crate::expenditure::Expenditure`]
//! values costs about 400 MB (a 168-byte struct, four small heap strings and an origin
//! string each). Column by column, with the vouchers packed end to end, the repeated texts
//! (line codes, payees, descriptions, documents) kept once, and each origin reduced to a
//! numbered place, the same journal takes about 80 bytes an entry.

use std::fmt::Write;
use std::hash::BuildHasher;

use hashbrown::DefaultHashBuilder;
use planfin_messages::CompactString;
use std::sync::Arc;

use super::{LedgerError, Origin};

/// Texts packed end to end in one buffer, found by their end offsets.
#[derive(Debug, Clone, Default)]
pub(super) struct Texts {
    bytes: String,
    ends: Vec<u32>,
}

impl Texts {
    /// Adds `text`, returning its index.
    pub(super) fn push(&mut self, text: &str) -> Result<u32, LedgerError> {
        let index = u32::try_from(self.ends.len()).map_err(|_| LedgerError::Full)?;
        let end = self
            .bytes
            .len()
            .checked_add(text.len())
            .and_then(|e| u32::try_from(e).ok())
            .ok_or(LedgerError::Full)?;
        self.bytes.push_str(text);
        self.ends.push(end);
        Ok(index)
    }

    /// The text at `index` (empty when out of range).
    pub(super) fn get(&self, index: u32) -> &str {
        let i = index as usize;
        let start = match i.checked_sub(1) {
            None => 0,
            Some(previous) => self.ends.get(previous).map_or(0, |&e| e as usize),
        };
        let end = self.ends.get(i).map_or(start, |&e| e as usize);
        self.bytes.get(start..end).unwrap_or_default()
    }

    /// Whether `more` texts of `bytes` bytes in all can still be added.
    pub(super) fn has_room(&self, more: usize, bytes: usize) -> bool {
        let max = u32::MAX as usize;
        self.ends.len().saturating_add(more) <= max && self.bytes.len().saturating_add(bytes) <= max
    }
}

/// Distinct texts, each kept once: `intern` gives the same index for the same text.
#[derive(Debug, Clone, Default)]
pub(super) struct Interned {
    texts: Texts,
    index: hashbrown::HashTable<u32>,
    hasher: DefaultHashBuilder,
}

impl Interned {
    /// The index of `text`, adding it when new.
    pub(super) fn intern(&mut self, text: &str) -> Result<u32, LedgerError> {
        let Interned {
            texts,
            index,
            hasher,
        } = self;
        let hash = hasher.hash_one(text);
        if let Some(&i) = index.find(hash, |&i| texts.get(i) == text) {
            return Ok(i);
        }
        let i = texts.push(text)?;
        index.insert_unique(hash, i, |&j| hasher.hash_one(texts.get(j)));
        Ok(i)
    }

    /// The text at `index`.
    pub(super) fn get(&self, index: u32) -> &str {
        self.texts.get(index)
    }

    /// Number of distinct texts.
    pub(super) fn len(&self) -> usize {
        self.texts.ends.len()
    }

    /// Whether `more` new texts of `bytes` bytes in all can still be added.
    pub(super) fn has_room(&self, more: usize, bytes: usize) -> bool {
        self.texts.has_room(more, bytes)
    }
}

/// A family of places: the same file and the same text around a number (`Depenses!A` and
/// `` for `Depenses!A12`), or one place with no number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Family {
    file: Option<Arc<str>>,
    /// `None`: the origin has no place.
    before: Option<Box<str>>,
    after: Box<str>,
    numbered: bool,
}

/// Each entry's origin as (family, number): eight bytes an entry instead of a string.
#[derive(Debug, Clone, Default)]
pub(super) struct Origins {
    families: Vec<Family>,
    index: hashbrown::HashTable<u32>,
    hasher: DefaultHashBuilder,
    family: Vec<u32>,
    number: Vec<u32>,
}

/// `place` split around its last run of digits, when that run is a number written the usual
/// way (no leading zero) that fits in a `u32`: `Depenses!A12` is (`Depenses!A`, 12, ``).
fn split_number(place: &str) -> Option<(&str, u32, &str)> {
    let bytes = place.as_bytes();
    // Positions of ASCII bytes: the next byte starts a character.
    let end = bytes
        .iter()
        .rposition(u8::is_ascii_digit)?
        .saturating_add(1);
    let start = bytes[..end]
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |i| i.saturating_add(1));
    let digits = &place[start..end];
    if digits.len() > 1 && digits.starts_with('0') {
        return None;
    }
    let n = digits.parse().ok()?;
    Some((&place[..start], n, &place[end..]))
}

impl Origins {
    /// Records `origin` as the next entry's.
    pub(super) fn push(&mut self, origin: &Origin) -> Result<(), LedgerError> {
        let (before, number, after, numbered) = match origin.place.as_deref() {
            None => (None, 0, "", false),
            Some(place) => match split_number(place) {
                Some((before, n, after)) => (Some(before), n, after, true),
                None => (Some(place), 0, "", false),
            },
        };
        let same = |f: &Family| {
            f.numbered == numbered
                && f.before.as_deref() == before
                && *f.after == *after
                && match (&f.file, &origin.file) {
                    (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
                    (None, None) => true,
                    _ => false,
                }
        };
        // Entries come in runs from one file: try the family of the entry before first.
        let last = self.family.last().copied();
        let family = match last.filter(|&f| same(&self.families[f as usize])) {
            Some(f) => f,
            None => {
                let Origins {
                    families,
                    index,
                    hasher,
                    ..
                } = self;
                let hash = hasher.hash_one((origin.file.as_deref(), before, after, numbered));
                match index.find(hash, |&f| same(&families[f as usize])) {
                    Some(&f) => f,
                    None => {
                        let f = u32::try_from(families.len()).map_err(|_| LedgerError::Full)?;
                        families.push(Family {
                            file: origin.file.clone(),
                            before: before.map(Box::from),
                            after: after.into(),
                            numbered,
                        });
                        index.insert_unique(hash, f, |&g| {
                            let g = &families[g as usize];
                            hasher.hash_one((
                                g.file.as_deref(),
                                g.before.as_deref(),
                                &*g.after,
                                g.numbered,
                            ))
                        });
                        f
                    }
                }
            }
        };
        self.family.push(family);
        self.number.push(number);
        Ok(())
    }

    /// The file and the place of entry `i`, the place written without a heap allocation
    /// when it is short (`Depenses!A12`); `None` for an entry out of range.
    pub(super) fn parts(&self, i: usize) -> Option<(Option<&Arc<str>>, Option<CompactString>)> {
        let (Some(&f), Some(&n)) = (self.family.get(i), self.number.get(i)) else {
            return None;
        };
        let family = &self.families[f as usize];
        let place = family.before.as_deref().map(|before| {
            let mut place = CompactString::new(before);
            if family.numbered {
                // Writing into a string cannot fail.
                let _ = write!(place, "{n}{}", family.after);
            }
            place
        });
        Some((family.file.as_ref(), place))
    }

    /// The origin of entry `i`.
    pub(super) fn get(&self, i: usize) -> Origin {
        self.parts(i)
            .map_or_else(Origin::default, |(file, place)| Origin {
                file: file.cloned(),
                place: place.map(String::from),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_split_around_their_number() {
        assert_eq!(split_number("Depenses!A12"), Some(("Depenses!A", 12, "")));
        assert_eq!(
            split_number("expenditures[3]"),
            Some(("expenditures[", 3, "]"))
        );
        assert_eq!(split_number("row 0"), Some(("row ", 0, "")));
        assert_eq!(split_number("piece 007"), None);
        assert_eq!(split_number("no digits"), None);
        assert_eq!(split_number("n99999999999"), None);
    }

    #[test]
    fn origins_come_back_as_they_went_in() {
        let file: Arc<str> = "jan.xlsx".into();
        let cases = [
            Origin::new(file.clone(), "Depenses!A2"),
            Origin::new(file.clone(), "Depenses!A3"),
            Origin::new(file.clone(), "Feuil2!A3"),
            Origin::new("feb.json", "expenditures[0]"),
            Origin::new("feb.json", "piece 007"),
            Origin::new("feb.json", "x"),
            Origin {
                file: None,
                place: Some("row 4".into()),
            },
            Origin::default(),
            Origin::new(file, "Depenses!A4"),
        ];
        let mut origins = Origins::default();
        for o in &cases {
            origins.push(o).unwrap_or_default();
        }
        let back: Vec<Origin> = (0..cases.len()).map(|i| origins.get(i)).collect();
        assert_eq!(back, cases);
        assert_eq!(origins.families.len(), 7);
    }

    #[test]
    fn texts_and_interned_texts() {
        let mut texts = Texts::default();
        let a = texts.push("PC-1").unwrap_or(u32::MAX);
        let b = texts.push("").unwrap_or(u32::MAX);
        let c = texts.push("é").unwrap_or(u32::MAX);
        assert_eq!(
            (texts.get(a), texts.get(b), texts.get(c)),
            ("PC-1", "", "é")
        );
        assert!(texts.has_room(1, 10) && !texts.has_room(1, u32::MAX as usize));
        let mut interned = Interned::default();
        let x = interned.intern("0101").unwrap_or(u32::MAX);
        let y = interned.intern("0102").unwrap_or(u32::MAX);
        assert_eq!(interned.intern("0101").ok(), Some(x));
        assert_eq!(interned.intern("0102").ok(), Some(y));
        assert_ne!(x, y);
        assert_eq!(interned.intern("0103").ok(), Some(2));
        assert_eq!(interned.get(x), "0101");
    }
}
