//! The JSON formats of a plan and of a ledger (documented in the README).
//!
//! A plan file is the serde form of [`Plan`]. A ledger file is
//! `{"expenditures": [ {voucher, date, line, amount, currency, ...}, ... ]}`. Amounts are JSON
//! strings holding exact decimals (`"1250000"`, `"1234.56"`); JSON numbers are accepted too and
//! read exactly from their text, never through `f64`.

use serde::{Deserialize, Serialize};

use crate::expenditure::Expenditure;
use crate::ledger::{Ledger, LedgerError, Origin};
use crate::plan::Plan;

/// A JSON document that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonError {
    /// Malformed JSON or a value of the wrong shape.
    #[error("{}", self.message())]
    Syntax {
        /// The file, as named by the caller.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        message: String,
    },
    /// Vouchers that conflict inside the document.
    #[error("{}", self.message())]
    Conflicts {
        /// The file.
        file: String,
        /// Every conflict.
        conflicts: Vec<LedgerError>,
    },
}

impl JsonError {
    /// What went wrong, where and how to fix it, for a person. The syntax error's detail is
    /// serde's own words, in English.
    pub fn message(&self) -> planfin_messages::Message {
        use planfin_messages::msg;
        match self {
            JsonError::Syntax {
                file,
                line,
                column,
                message,
            } => msg!(
                "error-json-syntax",
                file = file,
                line = line.to_string(),
                column = column.to_string(),
                detail = message,
            ),
            JsonError::Conflicts { file, conflicts } => {
                crate::ledger::conflicts_message(file, conflicts)
            }
        }
    }
}

impl JsonError {
    /// The error serde found in `file`: its position, and its words without the position
    /// serde repeats at their end.
    pub fn syntax(file: &str, e: &serde_json::Error) -> JsonError {
        let (line, column) = (e.line(), e.column());
        let text = e.to_string();
        let message = text
            .strip_suffix(&format!(" at line {line} column {column}"))
            .unwrap_or(&text)
            .to_string();
        JsonError::Syntax {
            file: file.to_string(),
            line,
            column,
            message,
        }
    }
}

/// The on-disk shape of a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerDocument {
    /// The entries.
    pub expenditures: Vec<Expenditure>,
}

/// Reads a plan from JSON text; `file` names it in errors.
///
/// ```
/// let plan = planfin_core::json::plan_from_json(planfin_core::cnltp::PLAN_JSON, "cnltp.json")?;
/// assert_eq!(plan.currency.code(), "XOF");
/// assert!(planfin_core::json::plan_from_json("{", "bad.json").is_err());
/// # Ok::<(), planfin_core::json::JsonError>(())
/// ```
pub fn plan_from_json(text: &str, file: &str) -> Result<Plan, JsonError> {
    serde_json::from_str(text).map_err(|e| JsonError::syntax(file, &e))
}

/// Writes a plan as pretty JSON.
pub fn plan_to_json(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).unwrap_or_default() + "\n"
}

/// Reads a ledger from JSON text; each entry's origin is `file expenditures[i]`.
///
/// The entries are appended to the ledger as they are parsed: no list of them is built first,
/// so a million-entry file needs little more than its text and the ledger.
///
/// ```
/// let text = r#"{"expenditures": [{"voucher": "PC-1", "date": "2018-02-01", "line": "0101",
///     "amount": "250000", "currency": "XOF"}]}"#;
/// let ledger = planfin_core::json::ledger_from_json(text, "jan.json")?;
/// assert_eq!(ledger.origin(0).map(|o| o.to_string()).as_deref(), Some("jan.json expenditures[0]"));
/// # Ok::<(), planfin_core::json::JsonError>(())
/// ```
pub fn ledger_from_json(text: &str, file: &str) -> Result<Ledger, JsonError> {
    let mut sink = Sink {
        ledger: Ledger::new(),
        conflicts: Vec::new(),
        origin: Origin::new(file, String::new()),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(DocumentSeed(&mut sink), &mut de)
        .and_then(|()| de.end())
        .map_err(|e| JsonError::syntax(file, &e))?;
    if sink.conflicts.is_empty() {
        Ok(sink.ledger)
    } else {
        Err(JsonError::Conflicts {
            file: file.to_string(),
            conflicts: sink.conflicts,
        })
    }
}

/// Where [`ledger_from_json`] puts the entries as they are parsed.
struct Sink {
    ledger: Ledger,
    conflicts: Vec<LedgerError>,
    /// The file, and the place rewritten for each entry.
    origin: Origin,
}

/// A [`LedgerDocument`], read into a [`Sink`].
struct DocumentSeed<'s>(&'s mut Sink);

/// The `expenditures` list, read into a [`Sink`].
struct EntriesSeed<'s>(&'s mut Sink);

const LEDGER_FIELDS: &[&str] = &["expenditures"];

impl<'de> serde::de::DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_struct("LedgerDocument", LEDGER_FIELDS, self)
    }
}

impl<'de> serde::de::Visitor<'de> for DocumentSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a ledger: an object with an \"expenditures\" list")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        use serde::de::Error;
        let mut seen = false;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key != "expenditures" {
                return Err(A::Error::unknown_field(&key, LEDGER_FIELDS));
            }
            if seen {
                return Err(A::Error::duplicate_field("expenditures"));
            }
            seen = true;
            map.next_value_seed(EntriesSeed(&mut *self.0))?;
        }
        if seen {
            Ok(())
        } else {
            Err(A::Error::missing_field("expenditures"))
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for EntriesSeed<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for EntriesSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of expenditures")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        use std::fmt::Write;
        let sink = self.0;
        for i in 0usize.. {
            let Some(e) = seq.next_element::<Expenditure>()? else {
                break;
            };
            let place = sink.origin.place.get_or_insert_default();
            place.clear();
            let _ = write!(place, "expenditures[{i}]");
            if let Err(conflict) = sink.ledger.append_entry(e.as_entry(), &sink.origin) {
                sink.conflicts.push(conflict);
            }
        }
        Ok(())
    }
}

/// Writes a ledger's distinct entries as pretty JSON (in the shape of [`LedgerDocument`],
/// entry by entry: no copy of the ledger is made).
pub fn ledger_to_json(ledger: &Ledger) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and serde_json writes UTF-8.
    let _ = write_ledger_json(ledger, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`ledger_to_json`] into `out` as the entries are serialised, for an output too large to
/// build as one string first.
///
/// ```
/// let ledger = planfin_core::cnltp::ledger();
/// let mut out = Vec::new();
/// planfin_core::json::write_ledger_json(&ledger, &mut out)?;
/// assert_eq!(out, planfin_core::json::ledger_to_json(&ledger).into_bytes());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_ledger_json(ledger: &Ledger, mut out: impl std::io::Write) -> std::io::Result<()> {
    /// The entries of a ledger, serialised as a list as they are read.
    struct Expenditures<'a>(&'a Ledger);
    impl Serialize for Expenditures<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.iter())
        }
    }
    #[derive(Serialize)]
    struct Document<'a> {
        expenditures: Expenditures<'a>,
    }
    let doc = Document {
        expenditures: Expenditures(ledger),
    };
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_strings_or_numbers_are_exact() {
        let text = r#"{"expenditures":[
            {"voucher":"A","date":"2018-02-01","line":"0101","amount":"1000.10","currency":"EUR"},
            {"voucher":"B","date":"2018-02-01","line":"0101","amount":0.1,"currency":"EUR"}]}"#;
        let ledger = ledger_from_json(text, "l.json");
        let amounts: Vec<String> = ledger
            .map(|l| l.iter().map(|e| e.amount.to_string()).collect())
            .unwrap_or_default();
        assert_eq!(amounts, ["1000.10", "0.1"]);
    }

    #[test]
    fn the_document_shape_is_checked_as_entries_stream_in() {
        let err = |text: &str| {
            ledger_from_json(text, "l.json")
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(
            err(r#"{"expenditures": [], "extra": 1}"#)
                .contains("unknown field `extra`, expected `expenditures`")
        );
        assert!(
            err(r#"{"expenditures": [], "expenditures": []}"#)
                .contains("duplicate field `expenditures`")
        );
        assert!(err("{}").contains("missing field `expenditures`"));
        assert!(err("[]").starts_with("l.json:1:"));
        assert!(err(r#"{"expenditures": []} x"#).contains("trailing characters"));
        let e =
            r#"{"voucher":"A","date":"2018-02-01","line":"0101","amount":"10","currency":"XOF"}"#;
        let other = e.replace("\"10\"", "\"11\"");
        let conflicting = format!(r#"{{"expenditures": [{e}, {e}, {other}]}}"#);
        assert!(err(&conflicting).starts_with(
            "l.json: 1 conflicting voucher; first: voucher \"A\" at l.json expenditures[2]"
        ));
        let ledger = ledger_from_json(&format!(r#"{{"expenditures": [{e}, {e}]}}"#), "l.json");
        let duplicates = ledger.map(|l| l.duplicates().to_vec()).unwrap_or_default();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(duplicates[0].again.to_string(), "l.json expenditures[1]");
    }

    #[test]
    fn a_misspelt_field_is_refused_not_ignored() {
        // Ignored, "stgae" would leave the default stage, paiement: a commitment counted as paid.
        let text = r#"{"expenditures":[
            {"voucher":"A","date":"2018-02-01","line":"0101","amount":"10","currency":"XOF","stgae":"engagement"}]}"#;
        let err = ledger_from_json(text, "l.json")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("l.json:2:"), "{err}");
        assert!(err.contains("unknown field `stgae`"), "{err}");
        let plan = PLAN_WITH_TYPO;
        let err = plan_from_json(plan, "p.json")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("unknown field `celing`"), "{err}");
    }

    const PLAN_WITH_TYPO: &str = r#"{"code":"P","title":{"fr":"","en":""},"organisation":"O",
        "currency":"XOF","start":"2018-01-01","end":"2018-12-31","celing":"1",
        "objectives":[],"sources":[],"lines":[]}"#;

    #[test]
    fn stages_read_as_in_workbooks() {
        let text = r#"{"expenditures":[
            {"voucher":"A","date":"2018-02-01","line":"0101","amount":"10","currency":"XOF","stage":"Payé"},
            {"voucher":"B","date":"2018-02-01","line":"0101","amount":"10","currency":"XOF","stage":"engagé"},
            {"voucher":"C","date":"2018-02-01","line":"0101","amount":"10","currency":"XOF","stage":"liquidation"}]}"#;
        let stages: Vec<_> = ledger_from_json(text, "l.json")
            .map(|l| l.iter().map(|e| e.stage).collect())
            .unwrap_or_default();
        use crate::expenditure::Stage;
        assert_eq!(
            stages,
            [Stage::Paiement, Stage::Engagement, Stage::Liquidation]
        );
        let bad = text.replace("liquidation", "virement");
        let err = ledger_from_json(&bad, "l.json")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("\"virement\" is not a stage"), "{err}");
    }
}
