//! The findings of a report: shared between the reports of one computation, in the report's
//! language, and built only when read.
//!
//! A large ledger can leave a quarter of a million commitments open and older than the stale
//! threshold. Each is a `stale_commitment` finding, but most reports never show them one by
//! one (a Python script reading `.rows`, the totals of a dashboard): [`Findings`] keeps them as
//! their figures (voucher, origin, date, remaining amount) and builds their [`Finding`]s, with
//! typed messages, the first time the list is read. Their count is known without building them.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use planfin_messages::{CompactString, msg};
use serde::Serialize;

use crate::currency::Currency;
use crate::money::from_minor_units;
use crate::plan::Lang;
use crate::validation::{Finding, FindingCode, place_location};

/// An open commitment older than the stale threshold, as its figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stale {
    pub(crate) voucher: CompactString,
    pub(crate) file: Option<Arc<str>>,
    pub(crate) place: Option<CompactString>,
    /// The date of its first record.
    pub(crate) since: NaiveDate,
    /// engaged - paid, in minor units of the plan currency.
    pub(crate) remaining: i128,
}

/// The stale commitments of one computation and what their messages say about all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StaleCommitments {
    pub(crate) currency: Currency,
    pub(crate) as_of: NaiveDate,
    pub(crate) stale_days: u32,
    pub(crate) items: Vec<Stale>,
}

impl StaleCommitments {
    fn finding(&self, s: &Stale) -> Finding {
        let age = self.as_of.signed_duration_since(s.since).num_days();
        let remaining = from_minor_units(s.remaining, self.currency).unwrap_or_default();
        Finding::warning(
            FindingCode::StaleCommitment,
            msg!(
                "finding-stale-commitment",
                voucher = s.voucher.clone(),
                since = s.since,
                remaining = remaining,
                currency = self.currency.code(),
                as_of = self.as_of,
                age = age,
                stale_days = self.stale_days,
            ),
            place_location(&s.voucher, s.file.as_ref(), s.place.clone()),
        )
    }
}

/// The list: `head`, then the stale commitments, then `tail`; `all` once built.
#[derive(Debug, Clone, Default)]
struct Items {
    head: Vec<Finding>,
    stale: Option<StaleCommitments>,
    tail: Vec<Finding>,
    all: OnceLock<Vec<Finding>>,
}

impl Items {
    fn len(&self) -> usize {
        let stale = self.stale.as_ref().map_or(0, |s| s.items.len());
        // Each list is in memory: their lengths add up within usize.
        self.head
            .len()
            .saturating_add(stale)
            .saturating_add(self.tail.len())
    }

    fn slice(&self) -> &[Finding] {
        let Some(stale) = &self.stale else {
            return &self.head;
        };
        self.all.get_or_init(|| {
            let mut all = Vec::with_capacity(self.len());
            all.extend_from_slice(&self.head);
            all.extend(stale.items.iter().map(|s| stale.finding(s)));
            all.extend_from_slice(&self.tail);
            all
        })
    }
}

/// The findings of a report, in the report's language: shared, not copied, between the reports
/// built from one computation, built when first read (see the module's documentation), and
/// serialised as a list of [`LocalizedFinding`](crate::validation::LocalizedFinding)s.
///
/// ```
/// use planfin_core::{cnltp, report::{variance, ReportOptions}};
/// let report = variance(&cnltp::plan(), &cnltp::ledger(), &ReportOptions::default())?;
/// assert_eq!(report.findings.len(), report.findings.iter().count());
/// # Ok::<(), planfin_core::report::ReportError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Findings {
    lang: Lang,
    items: Arc<Items>,
}

impl Findings {
    /// `items`, to be read in `lang`.
    pub fn new(lang: Lang, items: Vec<Finding>) -> Findings {
        Findings {
            lang,
            items: Arc::new(Items {
                head: items,
                ..Items::default()
            }),
        }
    }

    /// `head`, then the findings of `stale`, then `tail`.
    pub(crate) fn with_stale(
        head: Vec<Finding>,
        stale: StaleCommitments,
        tail: Vec<Finding>,
    ) -> Findings {
        let stale = (!stale.items.is_empty()).then_some(stale);
        let (head, tail) = match stale {
            Some(_) => (head, tail),
            None => ([head, tail].concat(), Vec::new()),
        };
        Findings {
            lang: Lang::default(),
            items: Arc::new(Items {
                head,
                stale,
                tail,
                all: OnceLock::new(),
            }),
        }
    }

    /// How many there are (without building them).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The language they are read in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The same findings, read in `lang` (shared, not copied).
    pub fn in_lang(&self, lang: Lang) -> Findings {
        Findings {
            lang,
            items: self.items.clone(),
        }
    }

    /// Adds `more` (copying the list only if another report shares it).
    pub fn extend(&mut self, more: impl IntoIterator<Item = Finding>) {
        let items = Arc::make_mut(&mut self.items);
        items.all = OnceLock::new();
        match items.stale {
            Some(_) => items.tail.extend(more),
            None => items.head.extend(more),
        }
    }

    /// Adds one finding (copying the list only if another report shares it).
    pub fn push(&mut self, finding: Finding) {
        self.extend([finding]);
    }
}

impl PartialEq for Findings {
    fn eq(&self, other: &Findings) -> bool {
        self.lang == other.lang && **self == **other
    }
}

impl Eq for Findings {}

impl std::ops::Deref for Findings {
    type Target = [Finding];
    fn deref(&self) -> &[Finding] {
        self.items.slice()
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for Findings {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|f| f.localized(self.lang)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::{d, date};

    fn stale(voucher: &str, since: &str, remaining: i128) -> Stale {
        Stale {
            voucher: voucher.into(),
            file: Some("mars.xlsx".into()),
            place: Some("Depenses!A7".into()),
            since: date(since),
            remaining,
        }
    }

    fn other(line: &str) -> Finding {
        Finding::warning(
            FindingCode::OverCommitted,
            msg!("common-text", text = line),
            msg!("location-line", line = line),
        )
    }

    #[test]
    fn stale_commitments_are_built_in_place_when_read() {
        let list = StaleCommitments {
            currency: Currency::XOF,
            as_of: date("2019-06-30"),
            stale_days: 90,
            items: vec![stale("ENG-1", "2019-03-01", 250_000)],
        };
        let mut findings = Findings::with_stale(vec![other("0101")], list, vec![other("0102")]);
        findings.push(other("0103"));
        assert_eq!(findings.len(), 4);
        let codes: Vec<FindingCode> = findings.iter().map(|f| f.code).collect();
        use FindingCode::{OverCommitted as O, StaleCommitment as S};
        assert_eq!(codes, [O, S, O, O]);
        let f = &findings[1];
        // 1 March to 30 June 2019: 30 + 30 + 31 + 30 = 121 days.
        assert_eq!(f.message.arg("age"), Some(&121i64.into()));
        assert_eq!(f.message.arg("remaining"), Some(&d("250000").into()));
        assert_eq!(
            f.location_text(Lang::En).as_deref(),
            Some("mars.xlsx Depenses!A7 (voucher ENG-1)")
        );
    }

    #[test]
    fn no_stale_commitment_keeps_one_list() {
        let list = StaleCommitments {
            currency: Currency::XOF,
            as_of: date("2019-06-30"),
            stale_days: 90,
            items: Vec::new(),
        };
        let findings = Findings::with_stale(vec![other("0101")], list, vec![other("0102")]);
        assert_eq!(
            findings,
            Findings::new(Lang::default(), vec![other("0101"), other("0102")])
        );
    }
}
