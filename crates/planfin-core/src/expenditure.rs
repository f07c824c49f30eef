//! Expenditures and their stage in the public expenditure chain.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::currency::Currency;

/// The stage of an expenditure in the chain engagement -> liquidation -> ordonnancement ->
/// paiement. Only `Paiement` counts as paid; the others are committed.
///
/// ```
/// use planfin_core::expenditure::Stage;
/// assert_eq!("Engagé".parse::<Stage>(), Ok(Stage::Engagement));
/// assert_eq!("paid".parse::<Stage>(), Ok(Stage::Paiement));
/// assert!(Stage::Liquidation.is_committed());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Legal commitment (engagement).
    Engagement,
    /// Service certified, amount due established (liquidation).
    Liquidation,
    /// Payment ordered (ordonnancement / mandatement).
    Ordonnancement,
    /// Paid (paiement). The default.
    #[default]
    Paiement,
}

impl Stage {
    /// All stages, in the order of the chain.
    pub const ALL: [Stage; 4] = [
        Stage::Engagement,
        Stage::Liquidation,
        Stage::Ordonnancement,
        Stage::Paiement,
    ];

    /// Committed but not yet paid.
    pub fn is_committed(&self) -> bool {
        *self != Stage::Paiement
    }

    /// The position in the chain: 0 for engagement to 3 for paiement.
    ///
    /// ```
    /// use planfin_core::expenditure::Stage;
    /// assert_eq!(Stage::ALL.map(|s| s.index()), [0, 1, 2, 3]);
    /// ```
    pub fn index(&self) -> usize {
        match self {
            Stage::Engagement => 0,
            Stage::Liquidation => 1,
            Stage::Ordonnancement => 2,
            Stage::Paiement => 3,
        }
    }

    /// The stable code (`engagement`, `liquidation`, `ordonnancement`, `paiement`).
    pub fn code(&self) -> &'static str {
        match self {
            Stage::Engagement => "engagement",
            Stage::Liquidation => "liquidation",
            Stage::Ordonnancement => "ordonnancement",
            Stage::Paiement => "paiement",
        }
    }
}

impl Stage {
    /// Its name as findings give it (`paiement` in French, `payment` in English).
    pub fn message(&self) -> planfin_messages::Message {
        planfin_messages::Message::new(match self {
            Stage::Engagement => "stage-engagement",
            Stage::Liquidation => "stage-liquidation",
            Stage::Ordonnancement => "stage-ordonnancement",
            Stage::Paiement => "stage-paiement",
        })
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Stage {
    type Err = planfin_messages::Message;

    /// Accepts the French and English names and their usual forms, ignoring case and accents.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let folded = crate::words::fold(s.trim());
        match folded.as_str() {
            "engagement" | "engage" | "engagee" | "commitment" | "committed" | "obligation" => {
                Ok(Stage::Engagement)
            }
            "liquidation" | "liquide" | "liquidee" | "verified" | "certified" => {
                Ok(Stage::Liquidation)
            }
            "ordonnancement" | "ordonnance" | "ordonnancee" | "mandatement" | "mandate"
            | "ordered" | "payment order" => Ok(Stage::Ordonnancement),
            "paiement" | "paye" | "payee" | "paid" | "payment" | "" => Ok(Stage::Paiement),
            _ => Err(planfin_messages::msg!("error-stage-unknown", value = s)),
        }
    }
}

/// Reads a stage the way [`Stage::from_str`] does, so that a JSON ledger accepts the same
/// names as a workbook (`"payé"`, `"paid"`, `"engagé"`, ...).
impl<'de> Deserialize<'de> for Stage {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One entry of the expenditure journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expenditure {
    /// Voucher reference (numero de piece), unique in the ledger.
    pub voucher: String,
    /// Date of the operation.
    pub date: NaiveDate,
    /// Code of the budget line charged.
    pub line: String,
    /// Amount in `currency`, exact; negative for a correction.
    pub amount: Decimal,
    /// Currency of the amount.
    pub currency: Currency,
    /// Rate to the plan currency, where no peg applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    /// Stage in the expenditure chain.
    #[serde(default)]
    pub stage: Stage,
    /// Who is paid.
    #[serde(default)]
    pub payee: String,
    /// What for.
    #[serde(default)]
    pub description: String,
    /// Supporting document reference (facture, PV, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The voucher of the commitment this entry belongs to (a liquidation, an order or a
    /// payment of that commitment); `None` for an entry that describes its own voucher. See
    /// `docs/expenditure-chain.md`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commitment: Option<String>,
}

impl Expenditure {
    /// This expenditure as an [`Entry`], the borrowed form a [`crate::ledger::Ledger`] stores
    /// and hands out.
    pub fn as_entry(&self) -> Entry<'_> {
        Entry {
            voucher: &self.voucher,
            date: self.date,
            line: &self.line,
            amount: self.amount,
            currency: self.currency,
            rate: self.rate,
            stage: self.stage,
            payee: &self.payee,
            description: &self.description,
            document: self.document.as_deref(),
            commitment: self.commitment.as_deref(),
        }
    }
}

/// One entry of the journal, borrowed: the fields of an [`Expenditure`], with its texts
/// pointing into the ledger (or the workbook) that holds them. A ledger hands entries out in
/// this form, so that reading a million of them copies no text.
///
/// ```
/// use planfin_core::{cnltp, expenditure::Entry};
/// let ledger = cnltp::ledger();
/// let first: Entry<'_> = ledger.iter().next().ok_or("empty")?;
/// let owned = first.to_expenditure();
/// assert_eq!(owned.as_entry(), first);
/// assert_eq!(first, owned);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Entry<'a> {
    /// Voucher reference (numero de piece), unique in the ledger.
    pub voucher: &'a str,
    /// Date of the operation.
    pub date: NaiveDate,
    /// Code of the budget line charged.
    pub line: &'a str,
    /// Amount in `currency`, exact; negative for a correction.
    pub amount: Decimal,
    /// Currency of the amount.
    pub currency: Currency,
    /// Rate to the plan currency, where no peg applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Decimal>,
    /// Stage in the expenditure chain.
    pub stage: Stage,
    /// Who is paid.
    pub payee: &'a str,
    /// What for.
    pub description: &'a str,
    /// Supporting document reference (facture, PV, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<&'a str>,
    /// The voucher of the commitment this entry belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commitment: Option<&'a str>,
}

impl Entry<'_> {
    /// An owned copy.
    pub fn to_expenditure(&self) -> Expenditure {
        Expenditure {
            voucher: self.voucher.to_string(),
            date: self.date,
            line: self.line.to_string(),
            amount: self.amount,
            currency: self.currency,
            rate: self.rate,
            stage: self.stage,
            payee: self.payee.to_string(),
            description: self.description.to_string(),
            document: self.document.map(str::to_string),
            commitment: self.commitment.map(str::to_string),
        }
    }
}

impl PartialEq<Expenditure> for Entry<'_> {
    fn eq(&self, other: &Expenditure) -> bool {
        *self == other.as_entry()
    }
}

impl PartialEq<Entry<'_>> for Expenditure {
    fn eq(&self, other: &Entry<'_>) -> bool {
        self.as_entry() == *other
    }
}
