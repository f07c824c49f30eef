//! Ledgers through Arrow record batches, Parquet and Arrow IPC files: exact round trips, the
//! JSON reader's duplicates and conflicts, and every refusal with its message.

use std::path::Path;
use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, Date32Array, Decimal128Array, DictionaryArray, Float64Array, Int64Array, RecordBatch,
    StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use planfin_columnar::{
    ColumnarError, ledger_from_batches, ledger_to_batch, read_ledger, write_ledger,
};
use planfin_core::currency::Currency;
use planfin_core::expenditure::{Expenditure, Stage};
use planfin_core::ledger::{Ledger, Origin};
use planfin_messages::Lang;
use proptest::prelude::*;
use rust_decimal::Decimal;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn expenditure(voucher: &str, stage: Stage, amount: Decimal, currency: Currency) -> Expenditure {
    Expenditure {
        voucher: voucher.into(),
        date: "2019-03-14".parse().unwrap_or_default(),
        line: "0101".into(),
        amount,
        currency,
        rate: None,
        stage,
        payee: "Hôtel de l'Amitié".into(),
        description: "Atelier, 2e jour".into(),
        document: None,
        commitment: None,
    }
}

/// Every stage, four currencies (0, 2 and 3 decimals), commitments, rates, a voucher's history,
/// a duplicate, origins with and without a file or a place.
fn hand_made() -> Ledger {
    let kwd: Currency = "KWD".parse().unwrap_or(Currency::EUR);
    let mut entries = Vec::new();
    for (i, stage) in Stage::ALL.into_iter().enumerate() {
        let mut e = expenditure("ENG-1", stage, Decimal::from(1_250_000), Currency::XOF);
        e.date = e.date + chrono::Days::new(i as u64 * 30);
        e.document = (i % 2 == 0).then(|| format!("FAC-{i}"));
        entries.push((
            e,
            Origin::new("journal.xlsx", format!("Depenses!A{}", i + 2)),
        ));
    }
    let mut paid = expenditure(
        "PAY-1",
        Stage::Paiement,
        Decimal::new(40_000_000, 0),
        Currency::XOF,
    );
    paid.commitment = Some("ENG-1".into());
    paid.line = "0101".into();
    entries.push((paid.clone(), Origin::new("journal.xlsx", "Depenses!A9")));
    let mut eur = expenditure(
        "EUR-1",
        Stage::Engagement,
        Decimal::new(123_456, 2),
        Currency::EUR,
    );
    eur.rate = Some(Decimal::new(655_957, 3));
    eur.line = "0201".into();
    entries.push((
        eur,
        Origin {
            file: Some("eur.json".into()),
            place: None,
        },
    ));
    let mut dinar = expenditure("KWD-1", Stage::Liquidation, Decimal::new(-1_005, 3), kwd);
    dinar.rate = Some(Decimal::new(2_150_125, 3));
    dinar.payee = String::new();
    entries.push((
        dinar,
        Origin {
            file: None,
            place: Some("row 3".into()),
        },
    ));
    let usd = expenditure(
        "USD-1",
        Stage::Ordonnancement,
        Decimal::new(5, 1),
        Currency::USD,
    );
    entries.push((usd, Origin::default()));
    // 29 digits: 32 at the file's 3 decimals, read back exactly.
    let big = expenditure("BIG-1", Stage::Engagement, Decimal::MAX, Currency::XOF);
    entries.push((big, Origin::new("journal.xlsx", "Depenses!A10")));
    // The same record again, from another file: counted once, kept as a duplicate.
    entries.push((paid, Origin::new("journal-feb.xlsx", "Depenses!A3")));
    let (ledger, conflicts) = Ledger::from_entries(entries);
    assert!(conflicts.is_empty(), "{conflicts:?}");
    assert_eq!(ledger.duplicates().len(), 1);
    ledger
}

fn through_files(ledger: &Ledger) -> Result<(Ledger, Ledger)> {
    let dir = tempfile::tempdir()?;
    let parquet = dir.path().join("ledger.parquet");
    let arrow = dir.path().join("ledger.arrow");
    write_ledger(ledger, &parquet, &[])?;
    write_ledger(ledger, &arrow, &[])?;
    Ok((
        read_ledger(&parquet, "ledger.parquet")?,
        read_ledger(&arrow, "ledger.arrow")?,
    ))
}

#[test]
fn the_cnltp_ledger_comes_back_exactly() -> Result {
    let ledger = planfin_core::cnltp::ledger();
    let (parquet, arrow) = through_files(&ledger)?;
    assert_eq!(parquet, ledger);
    assert_eq!(arrow, ledger);
    // Exact to the text: the sample's amounts have no trailing zeros.
    let json = planfin_core::json::ledger_to_json(&ledger);
    assert_eq!(planfin_core::json::ledger_to_json(&parquet), json);
    Ok(())
}

#[test]
fn every_field_comes_back_exactly() -> Result {
    let ledger = hand_made();
    let (parquet, arrow) = through_files(&ledger)?;
    assert_eq!(parquet, ledger);
    assert_eq!(arrow, ledger);
    assert_eq!(parquet.duplicates(), ledger.duplicates());
    assert_eq!(parquet.history("ENG-1").count(), 4);
    Ok(())
}

#[test]
fn the_columns_have_the_documented_types() -> Result {
    let batch = ledger_to_batch(&hand_made(), Path::new("l.parquet"))?;
    let schema = batch.schema();
    let types: Vec<(String, String, bool)> = schema
        .fields()
        .iter()
        .map(|f| (f.name().clone(), f.data_type().to_string(), f.is_nullable()))
        .collect();
    let dict = "Dictionary(Int32, Utf8)";
    let expected = [
        ("voucher", dict, false),
        ("date", "Date32", false),
        ("line", dict, false),
        ("stage", dict, false),
        // KWD has 3 decimals: the most of the currencies present.
        ("amount", "Decimal128(38, 3)", false),
        ("currency", dict, false),
        ("rate", "Decimal128(38, 3)", true),
        ("payee", dict, false),
        ("description", "Utf8", false),
        ("document", "Utf8", true),
        ("commitment", dict, true),
        ("origin_file", dict, true),
        ("origin_place", "Utf8", true),
    ];
    let expected: Vec<(String, String, bool)> = expected
        .iter()
        .map(|(n, t, null)| (n.to_string(), t.to_string(), *null))
        .collect();
    assert_eq!(types, expected);
    assert_eq!(
        schema.metadata().get("planfin:kind").map(String::as_str),
        Some("ledger")
    );
    // 1,250,000 XOF at 3 decimals, and -1.005 KWD.
    let amounts = batch
        .column(4)
        .as_any()
        .downcast_ref::<Decimal128Array>()
        .ok_or("amounts")?;
    assert_eq!(amounts.value(0), 1_250_000_000);
    assert_eq!(amounts.value(6), -1_005);
    assert_eq!(amounts.value(8), 79_228_162_514_264_337_593_543_950_335_000);
    Ok(())
}

/// A table of `columns`, as another tool would write it.
fn table(columns: Vec<(&str, ArrayRef)>) -> Result<RecordBatch> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(n, a)| Field::new(*n, a.data_type().clone(), true))
        .collect();
    let arrays = columns.into_iter().map(|(_, a)| a).collect();
    Ok(RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)?)
}

fn strings(values: &[&str]) -> ArrayRef {
    Arc::new(StringArray::from(values.to_vec()))
}

fn decimal(units: &[i128], scale: i8) -> Result<ArrayRef> {
    Ok(Arc::new(
        Decimal128Array::from(units.to_vec()).with_precision_and_scale(38, scale)?,
    ))
}

/// Two rows of plain `Utf8` strings, no optional column.
fn minimal(amount: ArrayRef, currency: &[&str]) -> Result<RecordBatch> {
    table(vec![
        ("voucher", strings(&["A", "B"])),
        ("date", Arc::new(Date32Array::from(vec![17_897, 17_898]))),
        ("line", strings(&["0101", "0102"])),
        ("amount", amount),
        ("currency", strings(currency)),
    ])
}

fn read(batch: RecordBatch) -> std::result::Result<Ledger, ColumnarError> {
    ledger_from_batches(&batch.schema(), [Ok(batch.clone())], "theirs.parquet")
}

fn refusal(batch: RecordBatch) -> [String; 2] {
    match read(batch) {
        Ok(_) => ["accepted".into(), "accepted".into()],
        Err(e) => [e.message().render(Lang::Fr), e.message().render(Lang::En)],
    }
}

#[test]
fn plain_strings_and_integers_are_read_with_the_defaults() -> Result {
    let amounts: ArrayRef = Arc::new(Int64Array::from(vec![250_000, -1_000]));
    let ledger = read(minimal(amounts, &["XOF", "XOF"])?)?;
    let first = ledger.iter().next().ok_or("empty")?;
    assert_eq!(first.date.to_string(), "2019-01-01");
    assert_eq!(first.amount, Decimal::from(250_000));
    assert_eq!(first.stage, Stage::Paiement);
    assert_eq!(
        (first.payee, first.description, first.document),
        ("", "", None)
    );
    assert_eq!(
        ledger.origin(1).map(|o| o.to_string()).as_deref(),
        Some("theirs.parquet #2")
    );
    let cents = decimal(&[12_345, 100], 2)?;
    let eur = read(minimal(cents, &["EUR", "EUR"])?)?;
    assert_eq!(
        eur.iter().map(|e| e.amount.to_string()).collect::<Vec<_>>(),
        ["123.45", "1"]
    );
    Ok(())
}

#[test]
fn a_float_amount_column_is_refused_by_name() -> Result {
    let floats: ArrayRef = Arc::new(Float64Array::from(vec![0.1, 0.2]));
    assert_eq!(
        refusal(minimal(floats, &["EUR", "EUR"])?),
        [
            "theirs.parquet\u{a0}: la colonne `amount` contient des nombres à virgule flottante (Float64), qui ne peuvent pas tenir un montant exactement\u{202f}; écrivez-la en décimal (`Decimal128` avec les décimales de la devise) ou en entier",
            "theirs.parquet: column `amount` holds floating-point numbers (Float64), which cannot hold an amount exactly; write it as a decimal (`Decimal128` with the currency's decimals) or as an integer",
        ]
    );
    Ok(())
}

#[test]
fn a_missing_column_is_named() -> Result {
    let batch = table(vec![
        ("voucher", strings(&["A"])),
        ("date", Arc::new(Date32Array::from(vec![17_897]))),
        ("line", strings(&["0101"])),
        ("currency", strings(&["XOF"])),
    ])?;
    let [_, en] = refusal(batch);
    assert!(
        en.starts_with("theirs.parquet: no column `amount`; "),
        "{en}"
    );
    Ok(())
}

#[test]
fn a_scale_too_small_for_a_currency_is_refused() -> Result {
    let whole = decimal(&[250_000, 12], 0)?;
    assert_eq!(
        refusal(minimal(whole, &["XOF", "EUR"])?),
        [
            "theirs.parquet\u{a0}: la colonne `amount` a 0 décimale, mais les montants en EUR en ont 2\u{202f}; écrivez la colonne avec au moins 2 décimales",
            "theirs.parquet: column `amount` has 0 decimals, but EUR amounts have 2 decimals; write the column with at least 2 decimals",
        ]
    );
    Ok(())
}

#[test]
fn a_value_that_does_not_convert_names_its_row_and_column() -> Result {
    let amounts = decimal(&[1, 2], 2)?;
    let [fr, en] = refusal(minimal(amounts, &["EUR", "EURO"])?);
    assert!(fr.starts_with("theirs.parquet\u{a0}: ligne 2, colonne `currency`\u{a0}: «\u{a0}EURO\u{a0}» est illisible\u{a0}: "), "{fr}");
    assert!(
        en.starts_with("theirs.parquet: row 2, column `currency`: \"EURO\" cannot be read: "),
        "{en}"
    );
    let stage = table(vec![
        ("voucher", strings(&["A"])),
        ("date", Arc::new(Date32Array::from(vec![17_897]))),
        ("line", strings(&["0101"])),
        ("amount", decimal(&[1], 0)?),
        ("currency", strings(&["XOF"])),
        ("stage", strings(&["virement"])),
    ])?;
    let [_, en] = refusal(stage);
    assert!(
        en.starts_with("theirs.parquet: row 1, column `stage`: \"virement\" cannot be read: "),
        "{en}"
    );
    let wrong = table(vec![
        ("voucher", strings(&["A"])),
        ("date", strings(&["2019-01-01"])),
        ("line", strings(&["0101"])),
        ("amount", decimal(&[1], 0)?),
        ("currency", strings(&["XOF"])),
    ])?;
    let [_, en] = refusal(wrong);
    assert_eq!(
        en,
        "theirs.parquet: column `date` holds Utf8, not dates (`Date32`)"
    );
    Ok(())
}

#[test]
fn dictionary_strings_with_nulls_are_read() -> Result {
    let keys: DictionaryArray<Int32Type> = vec![Some("A"), None].into_iter().collect();
    let batch = table(vec![
        ("voucher", Arc::new(keys)),
        ("date", Arc::new(Date32Array::from(vec![17_897, 17_898]))),
        ("line", strings(&["0101", "0102"])),
        ("amount", decimal(&[1, 2], 0)?),
        ("currency", strings(&["XOF", "XOF"])),
    ])?;
    assert_eq!(
        *batch.column(0).data_type(),
        DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
    );
    let [_, en] = refusal(batch);
    assert_eq!(
        en,
        "theirs.parquet: row 2, column `voucher`: empty, and the column needs a value"
    );
    Ok(())
}

#[test]
fn duplicates_and_conflicts_are_those_of_the_json_reader() -> Result {
    let rows = table(vec![
        ("voucher", strings(&["A", "A", "A"])),
        (
            "date",
            Arc::new(Date32Array::from(vec![17_897, 17_897, 17_897])),
        ),
        ("line", strings(&["0101", "0101", "0101"])),
        ("amount", decimal(&[10, 10, 11], 0)?),
        ("currency", strings(&["XOF", "XOF", "XOF"])),
    ])?;
    let Err(ColumnarError::Conflicts { conflicts, .. }) = read(rows) else {
        return Err("a conflicting voucher must be refused".into());
    };
    let e = r#"{"voucher":"A","date":"2019-01-01","line":"0101","amount":"10","currency":"XOF"}"#;
    let other = e.replace("\"10\"", "\"11\"");
    let json = format!(r#"{{"expenditures": [{e}, {e}, {other}]}}"#);
    let Err(planfin_core::json::JsonError::Conflicts {
        conflicts: theirs, ..
    }) = planfin_core::json::ledger_from_json(&json, "l.json")
    else {
        return Err("the JSON reader refuses it too".into());
    };
    assert_eq!(conflicts.len(), theirs.len());
    assert_eq!(
        conflicts[0].to_string(),
        "voucher \"A\" at theirs.parquet #3 conflicts with the entry of the same voucher at theirs.parquet #1: a voucher keeps its line and commitment, and has one amount per stage and date; give the new entry its own voucher, or record a correction as a new entry"
    );
    Ok(())
}

#[test]
fn an_output_that_is_an_input_is_refused() -> Result {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("l.parquet");
    write_ledger(&hand_made(), &path, &[])?;
    let refused = write_ledger(&hand_made(), &path, &[&path]);
    assert!(matches!(refused, Err(ColumnarError::OutputIsInput { .. })));
    let damaged = dir.path().join("damaged.parquet");
    std::fs::write(&damaged, b"PAR1 not really")?;
    let Err(e) = read_ledger(&damaged, "damaged.parquet") else {
        return Err("a damaged file must be refused".into());
    };
    assert!(
        e.to_string()
            .starts_with("damaged.parquet: cannot read it as a Parquet or Arrow IPC file: "),
        "{e}"
    );
    Ok(())
}

/// A record of a generated ledger: vouchers from a small pool (histories, duplicates and
/// conflicts), every stage, four currencies, amounts up to the currency's decimals and beyond.
fn entry() -> impl Strategy<Value = (Expenditure, Origin)> {
    (
        (0u8..12, 0usize..4, 0usize..4, -400i64..400),
        (
            -10_000_000_000i64..10_000_000_000,
            0u32..5,
            prop::option::of(1i64..10_000_000),
        ),
        (
            "[a-zA-Zé ,'-]{0,12}",
            "\\PC{0,20}",
            prop::option::of("[A-Z]{2}-[0-9]{1,3}"),
        ),
        (
            prop::option::of(0u8..12),
            prop::option::of("[a-z]{1,6}\\.xlsx"),
            prop::option::of("[A-Z][a-z]{2}![A-Z][0-9]{1,4}"),
        ),
    )
        .prop_map(
            |(
                (v, stage, currency, day),
                (units, scale, rate),
                (payee, description, document),
                (commitment, file, place),
            )| {
                let currency = ["XOF", "EUR", "KWD", "JPY"][currency]
                    .parse()
                    .unwrap_or(Currency::XOF);
                let e = Expenditure {
                    voucher: format!("V{v}"),
                    date: "2019-01-01"
                        .parse::<chrono::NaiveDate>()
                        .unwrap_or_default()
                        + chrono::Duration::days(day),
                    line: format!("0{}", 101 + v % 3),
                    amount: Decimal::new(units, scale),
                    currency,
                    rate: rate.map(|r| Decimal::new(r, 4)),
                    stage: Stage::ALL[stage],
                    payee,
                    description,
                    document,
                    commitment: commitment.map(|c| format!("V{c}")),
                };
                (
                    e,
                    Origin {
                        file: file.map(Arc::from),
                        place,
                    },
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_ledgers_come_back_exactly(entries in prop::collection::vec(entry(), 0..60)) {
        let (ledger, _) = Ledger::from_entries(entries);
        let batch = ledger_to_batch(&ledger, Path::new("g.parquet")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = ledger_from_batches(&batch.schema(), [Ok(batch.clone())], "g.parquet")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &ledger);
        let (parquet, arrow) = through_files(&ledger).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&parquet, &ledger);
        prop_assert_eq!(&arrow, &ledger);
    }
}
