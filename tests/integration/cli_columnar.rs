//! `planfin convert` to and from Parquet and Arrow IPC, `--plan` and `--ledger` reading them,
//! and the refusals of a Parquet file another tool wrote, in French and English.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{ArrayRef, Date32Array, Decimal128Array, Float64Array, RecordBatch, StringArray};
use arrow_schema::{Field, Schema};
use planfin_core::json::{ledger_from_json, ledger_to_json, plan_from_json, plan_to_json};

use crate::cli_convert::{FULL_LEDGER, FULL_PLAN, convert};
use crate::{TestResult, fixture, planfin, planfin_en};

fn read(path: &Path) -> std::io::Result<String> {
    std::fs::read_to_string(path)
}

#[test]
fn xlsx_to_parquet_to_json_is_xlsx_to_json() -> TestResult {
    let dir = tempfile::tempdir()?;
    for kind in ["plan", "ledger"] {
        let xlsx = fixture(&format!("xlsx/cnltp_{kind}.xlsx"));
        let (parquet, back, direct) = (
            dir.path().join(format!("{kind}.parquet")),
            dir.path().join(format!("{kind}-back.json")),
            dir.path().join(format!("{kind}.json")),
        );
        convert(&xlsx, &parquet);
        convert(&parquet, &back);
        convert(&xlsx, &direct);
        assert_eq!(read(&back)?, read(&direct)?, "{kind}");
    }
    Ok(())
}

#[test]
fn json_to_arrow_to_json_is_exact() -> TestResult {
    let dir = tempfile::tempdir()?;
    let cnltp = |kind: &str| read(&fixture(&format!("cnltp/{kind}.json")));
    let documents = [
        (
            "cnltp-plan",
            plan_to_json(&plan_from_json(&cnltp("plan")?, "p")?),
        ),
        (
            "cnltp-ledger",
            ledger_to_json(&ledger_from_json(&cnltp("ledger")?, "l")?),
        ),
        // Amounts of 26 to 29 digits, every field, several currencies and stages.
        ("full-plan", plan_to_json(&plan_from_json(FULL_PLAN, "p")?)),
        (
            "full-ledger",
            ledger_to_json(&ledger_from_json(FULL_LEDGER, "l")?),
        ),
    ];
    for (name, json) in documents {
        let input = dir.path().join(format!("{name}.json"));
        std::fs::write(&input, &json)?;
        for ext in ["arrow", "parquet"] {
            let columnar = dir.path().join(format!("{name}.{ext}"));
            let back = dir.path().join(format!("{name}-{ext}.json"));
            convert(&input, &columnar);
            convert(&columnar, &back);
            assert_eq!(read(&back)?, json, "{name} through .{ext}");
        }
    }
    Ok(())
}

#[test]
fn a_report_from_parquet_is_the_report_from_json() -> TestResult {
    let dir = tempfile::tempdir()?;
    let (plan, ledger) = (fixture("cnltp/plan.json"), fixture("cnltp/ledger.json"));
    // Named as the report below names them: the origins kept in the file are the same.
    let plan_parquet = dir.path().join("plan.parquet");
    let ledger_parquet = dir.path().join("ledger.parquet");
    convert(&plan, &plan_parquet);
    convert(&ledger, &ledger_parquet);
    let report = |plan: &Path, ledger: &Path| -> Result<String, Box<dyn std::error::Error>> {
        let out = planfin()
            .args(["report", "--format", "json", "--plan"])
            .arg(plan)
            .arg("--ledger")
            .arg(ledger)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        Ok(String::from_utf8(out)?)
    };
    let from_json = report(&plan, &ledger)?;
    assert!(from_json.contains("\"rows\""), "{from_json}");
    assert_eq!(report(&plan, &ledger_parquet)?, from_json);
    assert_eq!(report(&plan_parquet, &ledger_parquet)?, from_json);
    Ok(())
}

/// A two-row ledger table as another tool writes it, with `amount` as given.
fn foreign(path: &Path, amount: Option<ArrayRef>, currency: &str) -> TestResult {
    let mut columns: Vec<(&str, ArrayRef)> = vec![
        ("voucher", Arc::new(StringArray::from(vec!["A-1", "A-2"]))),
        ("date", Arc::new(Date32Array::from(vec![17_897, 17_898]))),
        ("line", Arc::new(StringArray::from(vec!["0101", "0102"]))),
        ("currency", Arc::new(StringArray::from(vec![currency; 2]))),
    ];
    if let Some(amount) = amount {
        columns.push(("amount", amount));
    }
    let schema = Arc::new(Schema::new(
        columns
            .iter()
            .map(|(n, a)| Field::new(*n, a.data_type().clone(), false))
            .collect::<Vec<_>>(),
    ));
    let batch = RecordBatch::try_new(
        schema.clone(),
        columns.into_iter().map(|(_, a)| a).collect(),
    )?;
    let mut writer = parquet::arrow::ArrowWriter::try_new(File::create(path)?, schema, None)?;
    writer.write(&batch)?;
    writer.close()?;
    Ok(())
}

/// The error lines of `planfin convert input out.json`, in French then English.
fn refusals(input: &Path, out: &Path) -> Result<[String; 2], Box<dyn std::error::Error>> {
    let mut both = Vec::new();
    for mut cmd in [planfin(), planfin_en()] {
        let output = cmd
            .arg("convert")
            .arg(input)
            .arg(out)
            .assert()
            .code(1)
            .get_output()
            .clone();
        both.push(String::from_utf8(output.stderr)?);
    }
    assert!(!out.exists(), "nothing is written");
    Ok([both[0].clone(), both[1].clone()])
}

#[test]
fn a_float_amount_column_is_refused_by_name() -> TestResult {
    let dir = tempfile::tempdir()?;
    let input = dir.path().join("floats.parquet");
    foreign(
        &input,
        Some(Arc::new(Float64Array::from(vec![0.1, 0.2]))),
        "EUR",
    )?;
    let f = input.display();
    assert_eq!(
        refusals(&input, &dir.path().join("out.json"))?,
        [
            format!(
                "planfin\u{a0}: erreur\u{a0}: {f}\u{a0}: la colonne `amount` contient des nombres à virgule flottante (Float64), qui ne peuvent pas tenir un montant exactement\u{202f}; écrivez-la en décimal (`Decimal128` avec les décimales de la devise) ou en entier\n"
            ),
            format!(
                "planfin: error: {f}: column `amount` holds floating-point numbers (Float64), which cannot hold an amount exactly; write it as a decimal (`Decimal128` with the currency's decimals) or as an integer\n"
            ),
        ]
    );
    Ok(())
}

#[test]
fn a_missing_column_and_a_scale_too_small_are_refused_by_name() -> TestResult {
    let dir = tempfile::tempdir()?;
    let missing = dir.path().join("missing.parquet");
    foreign(&missing, None, "XOF")?;
    let f = missing.display();
    assert_eq!(
        refusals(&missing, &dir.path().join("out.json"))?,
        [
            format!(
                "planfin\u{a0}: erreur\u{a0}: {f}\u{a0}: pas de colonne `amount`\u{202f}; un journal a besoin des colonnes `voucher`, `date`, `line`, `amount` et `currency`, un budget des colonnes de ses lignes (voir le README)\n"
            ),
            format!(
                "planfin: error: {f}: no column `amount`; a ledger needs the columns `voucher`, `date`, `line`, `amount` and `currency`, a plan the columns of its lines (see the README)\n"
            ),
        ]
    );
    let whole = dir.path().join("whole-euros.parquet");
    let euros = Decimal128Array::from(vec![1_250, 99]).with_precision_and_scale(18, 0)?;
    foreign(&whole, Some(Arc::new(euros)), "EUR")?;
    let f = whole.display();
    assert_eq!(
        refusals(&whole, &dir.path().join("out.json"))?,
        [
            format!(
                "planfin\u{a0}: erreur\u{a0}: {f}\u{a0}: la colonne `amount` a 0 décimale, mais les montants en EUR en ont 2\u{202f}; écrivez la colonne avec au moins 2 décimales\n"
            ),
            format!(
                "planfin: error: {f}: column `amount` has 0 decimals, but EUR amounts have 2 decimals; write the column with at least 2 decimals\n"
            ),
        ]
    );
    Ok(())
}

#[test]
fn a_value_that_does_not_convert_names_its_row_and_column() -> TestResult {
    let dir = tempfile::tempdir()?;
    let input = dir.path().join("bad-currency.parquet");
    let amounts = Decimal128Array::from(vec![1, 2]).with_precision_and_scale(38, 2)?;
    foreign(&input, Some(Arc::new(amounts)), "EURO")?;
    let f = input.display();
    let [fr, en] = refusals(&input, &dir.path().join("out.json"))?;
    assert!(
        fr.starts_with(&format!("planfin\u{a0}: erreur\u{a0}: {f}\u{a0}: ligne 1, colonne `currency`\u{a0}: «\u{a0}EURO\u{a0}» est illisible\u{a0}: ")),
        "{fr}"
    );
    assert!(
        en.starts_with(&format!(
            "planfin: error: {f}: row 1, column `currency`: \"EURO\" cannot be read: "
        )),
        "{en}"
    );
    Ok(())
}
