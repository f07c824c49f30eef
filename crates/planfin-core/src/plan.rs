//! The plan: ceiling, period, objectives, budget lines, funding sources, amendments and rates.
//!
//! A [`Plan`] is plain data (serde-ready): building one never fails. Whether it is consistent
//! (codes unique and resolved, lines adding up to the ceiling, ...) is the job of
//! [`crate::validation`], which returns every finding at once.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::amendment::Amendment;
use crate::currency::Currency;
use crate::money::{MoneyError, checked_sum};

/// A text in French and English. Either may be empty; [`Text::get`] falls back to the other.
///
/// ```
/// use planfin_core::plan::{Lang, Text};
/// let t = Text::new("Plaidoyer", "");
/// assert_eq!(t.get(Lang::En), "Plaidoyer");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// French text.
    #[serde(default)]
    pub fr: String,
    /// English text.
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// A text from its French and English versions.
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, or in the other language when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Fr => (&self.fr, &self.en),
            Lang::En => (&self.en, &self.fr),
        };
        if first.is_empty() { second } else { first }
    }
}

/// The language of labels in reports and of every message (from planfin-messages).
pub use planfin_messages::Lang;

/// A fiscal period: a year, or a quarter of a year.
///
/// ```
/// use planfin_core::plan::FiscalPeriod;
/// let q: FiscalPeriod = "2019-Q3".parse()?;
/// assert_eq!(q, FiscalPeriod::quarter(2019, 3));
/// assert_eq!(q.to_string(), "2019-Q3");
/// assert_eq!("2018".parse::<FiscalPeriod>()?, FiscalPeriod::year(2018));
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FiscalPeriod {
    /// Calendar year.
    pub year: i32,
    /// Quarter 1 to 4, or `None` for the whole year.
    pub quarter: Option<u8>,
}

impl FiscalPeriod {
    /// A whole year.
    pub fn year(year: i32) -> FiscalPeriod {
        FiscalPeriod {
            year,
            quarter: None,
        }
    }

    /// One quarter (1 to 4) of a year.
    pub fn quarter(year: i32, quarter: u8) -> FiscalPeriod {
        FiscalPeriod {
            year,
            quarter: Some(quarter),
        }
    }
}

impl fmt::Display for FiscalPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.quarter {
            Some(q) => write!(f, "{}-Q{q}", self.year),
            None => write!(f, "{}", self.year),
        }
    }
}

impl std::str::FromStr for FiscalPeriod {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad =
            || format!("{s:?} is not a fiscal period: write a year (2019) or a quarter (2019-Q3)");
        let s = s.trim();
        let (year, quarter) = match s.split_once(['-', ' ']) {
            Some((y, q)) => {
                let q = q.trim().trim_start_matches(['Q', 'q', 'T', 't']);
                let q: u8 = q.parse().map_err(|_| bad())?;
                if !(1..=4).contains(&q) {
                    return Err(bad());
                }
                (y, Some(q))
            }
            None => (s, None),
        };
        let year: i32 = year.parse().map_err(|_| bad())?;
        if !(1900..=9999).contains(&year) {
            return Err(bad());
        }
        Ok(FiscalPeriod { year, quarter })
    }
}

impl Serialize for FiscalPeriod {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FiscalPeriod {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Year(i32),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            // A number is a year, checked as a year typed as text is.
            Raw::Year(y) => y.to_string().parse().map_err(serde::de::Error::custom),
            Raw::Text(t) => t.parse().map_err(serde::de::Error::custom),
        }
    }
}

/// A strategic objective of the plan (`OS1`, `OS2`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Code, unique in the plan.
    pub code: String,
    /// Title in French and English.
    pub title: Text,
}

/// The kind of a funding source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The national budget (dotation budgetaire de l'Etat).
    StateBudget,
    /// A donor project or technical and financial partner.
    Donor,
    /// Anything else.
    Other,
}

impl SourceKind {
    /// The stable code used in files (`state_budget`, `donor`, `other`).
    pub fn code(&self) -> &'static str {
        match self {
            SourceKind::StateBudget => "state_budget",
            SourceKind::Donor => "donor",
            SourceKind::Other => "other",
        }
    }
}

/// Where the money of a budget line comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundingSource {
    /// Code, unique in the plan.
    pub code: String,
    /// Name in French and English.
    pub name: Text,
    /// State budget, donor or other.
    pub kind: SourceKind,
}

/// The planned amount of a line for one fiscal period, in the plan currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodAmount {
    /// The year or quarter.
    pub period: FiscalPeriod,
    /// The amount, exact.
    pub amount: Decimal,
}

/// Optional costing of a line: quantity x unit cost must equal the line's total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitCosting {
    /// The unit ("atelier", "jour", "mission", ...).
    pub unit: String,
    /// How many units.
    pub quantity: Decimal,
    /// Cost of one unit, in the plan currency.
    pub unit_cost: Decimal,
}

/// A budget line: an activity or item of an objective, funded by one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// Code, unique in the plan, kept as text (`0201` stays `0201`).
    pub code: String,
    /// Code of the objective it serves.
    pub objective: String,
    /// Label in French and English.
    pub label: Text,
    /// Code of its funding source.
    pub source: String,
    /// Planned amounts per fiscal period.
    pub amounts: Vec<PeriodAmount>,
    /// Optional unit x quantity x unit cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub costing: Option<UnitCosting>,
}

impl BudgetLine {
    /// The line's initial budget: the sum of its period amounts.
    pub fn initial(&self) -> Result<Decimal, MoneyError> {
        checked_sum(self.amounts.iter().map(|a| a.amount))
    }
}

/// An exchange rate supplied by the user, valid from a date until the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// First day the rate applies.
    pub date: NaiveDate,
    /// Currency converted from.
    pub from: Currency,
    /// Currency converted to.
    pub to: Currency,
    /// Units of `to` per unit of `from`.
    pub rate: Decimal,
}

/// A budget plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Short code of the plan.
    pub code: String,
    /// Title in French and English.
    pub title: Text,
    /// The organisation that executes the plan.
    pub organisation: String,
    /// The plan currency: every report is in it.
    pub currency: Currency,
    /// First day of the plan period.
    pub start: NaiveDate,
    /// Last day of the plan period.
    pub end: NaiveDate,
    /// The budget ceiling (plafond).
    pub ceiling: Decimal,
    /// Strategic objectives.
    pub objectives: Vec<Objective>,
    /// Funding sources.
    pub sources: Vec<FundingSource>,
    /// Budget lines.
    pub lines: Vec<BudgetLine>,
    /// Amendments (virements, revisions).
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    /// Dated exchange rates for currencies with no peg to the plan currency.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<Rate>,
}

impl Plan {
    /// The objective with `code`.
    pub fn objective(&self, code: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.code == code)
    }

    /// The funding source with `code`.
    pub fn source(&self, code: &str) -> Option<&FundingSource> {
        self.sources.iter().find(|s| s.code == code)
    }

    /// The budget line with `code`.
    pub fn line(&self, code: &str) -> Option<&BudgetLine> {
        self.lines.iter().find(|l| l.code == code)
    }

    /// Whether `date` lies within the plan period.
    pub fn in_period(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The rate from `from` to the plan currency on `date`: the user's table first (the latest
    /// entry dated on or before `date`), then the legal peg.
    pub fn rate_on(&self, from: Currency, date: NaiveDate) -> Option<Decimal> {
        self.rates
            .iter()
            .filter(|r| r.from == from && r.to == self.currency && r.date <= date)
            .max_by_key(|r| r.date)
            .map(|r| r.rate)
            .or_else(|| from.peg_to(self.currency))
    }

    /// The sum of every line's initial budget.
    pub fn total_initial(&self) -> Result<Decimal, MoneyError> {
        self.lines.iter().try_fold(Decimal::ZERO, |acc, l| {
            l.initial().and_then(|x| crate::money::checked_add(acc, x))
        })
    }
}

/// The budget lines of a plan found by code: built once per report, and each of the ledger's
/// distinct line codes is looked up once. When two lines share a code (a blocking finding of
/// validation), the first one is found.
///
/// ```
/// use planfin_core::{cnltp, plan::LineIndex};
/// let plan = cnltp::plan();
/// let index = LineIndex::new(&plan);
/// let i = index.get(&plan.lines[3].code);
/// assert_eq!(i, Some(3));
/// assert_eq!(index.get("no such line"), None);
/// ```
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    lines: hashbrown::HashMap<&'a str, usize>,
}

impl<'a> LineIndex<'a> {
    /// The index of `plan`'s lines.
    pub fn new(plan: &'a Plan) -> LineIndex<'a> {
        let mut lines = hashbrown::HashMap::with_capacity(plan.lines.len());
        for (i, line) in plan.lines.iter().enumerate() {
            lines.entry(line.code.as_str()).or_insert(i);
        }
        LineIndex { lines }
    }

    /// The position in `plan.lines` of the line with `code`.
    pub fn get(&self, code: &str) -> Option<usize> {
        self.lines.get(code).copied()
    }
}
