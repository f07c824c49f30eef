//! Plans through Arrow record batches, Parquet and Arrow IPC files: exact round trips and the
//! refusals of a lines table.

use std::path::Path;

use planfin_columnar::{
    ColumnarError, Document, plan_from_batches, plan_to_batch, read_document, read_plan, write_plan,
};
use planfin_core::amendment::Amendment;
use planfin_core::currency::Currency;
use planfin_core::plan::{
    BudgetLine, FiscalPeriod, FundingSource, Objective, PeriodAmount, Plan, Rate, SourceKind, Text,
    UnitCosting,
};
use planfin_messages::Lang;
use proptest::prelude::*;
use rust_decimal::Decimal;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn date(text: &str) -> chrono::NaiveDate {
    text.parse().unwrap_or_default()
}

fn line(code: &str, amounts: Vec<PeriodAmount>, costing: Option<UnitCosting>) -> BudgetLine {
    BudgetLine {
        code: code.into(),
        objective: "OS1".into(),
        label: Text::new(format!("Ligne {code}"), ""),
        source: "ETAT".into(),
        amounts,
        costing,
    }
}

/// Years and quarters, a line with no amount, two lines with one code (kept apart), costings,
/// amendments of every shape and rates.
fn hand_made() -> Plan {
    let amount = |period: FiscalPeriod, units: i64, scale| PeriodAmount {
        period,
        amount: Decimal::new(units, scale),
    };
    Plan {
        code: "PAO-2019".into(),
        title: Text::new("Plan d'action — Côte d'Ivoire", "Action plan"),
        organisation: "Comité".into(),
        currency: Currency::EUR,
        start: date("2019-01-01"),
        end: date("2020-12-31"),
        ceiling: Decimal::new(123_456_789, 2),
        objectives: vec![Objective {
            code: "OS1".into(),
            title: Text::new("Plaidoyer", ""),
        }],
        sources: vec![FundingSource {
            code: "ETAT".into(),
            name: Text::new("Budget de l'État", "State budget"),
            kind: SourceKind::StateBudget,
        }],
        lines: vec![
            line(
                "0101",
                vec![
                    amount(FiscalPeriod::quarter(2019, 3), 1_234_567, 2),
                    amount(FiscalPeriod::year(2019), 5, 1),
                    amount(FiscalPeriod::year(2020), 1_000_000, 0),
                ],
                Some(UnitCosting {
                    unit: "atelier".into(),
                    quantity: Decimal::new(25, 1),
                    unit_cost: Decimal::new(493_827, 2),
                }),
            ),
            line("0102", Vec::new(), None),
            line("0101", vec![amount(FiscalPeriod::year(2019), 1, 0)], None),
        ],
        amendments: vec![
            Amendment::transfer(
                "V-1",
                date("2019-03-01"),
                "0101",
                "0102",
                Decimal::new(5025, 2),
            ),
            Amendment {
                reference: "R-2".into(),
                date: date("2019-04-01"),
                from: None,
                to: Some("0102".into()),
                amount: Decimal::from(7),
                source: Some("ETAT".into()),
                reason: "Don".into(),
                approved_by: "DAF".into(),
            },
        ],
        rates: vec![Rate {
            date: date("2019-01-01"),
            from: Currency::USD,
            to: Currency::EUR,
            rate: Decimal::new(8_734, 4),
        }],
    }
}

fn through_files(plan: &Plan) -> Result<(Plan, Plan)> {
    let dir = tempfile::tempdir()?;
    let parquet = dir.path().join("plan.parquet");
    let arrow = dir.path().join("plan.arrow");
    write_plan(plan, &parquet, &[])?;
    write_plan(plan, &arrow, &[])?;
    let Document::Plan(from_arrow) = read_document(&arrow, "plan.arrow")? else {
        return Err("a plan file reads as a plan".into());
    };
    Ok((read_plan(&parquet, "plan.parquet")?, *from_arrow))
}

#[test]
fn plans_come_back_exactly() -> Result {
    for plan in [planfin_core::cnltp::plan(), hand_made()] {
        let (parquet, arrow) = through_files(&plan)?;
        assert_eq!(parquet, plan);
        assert_eq!(arrow, plan);
        let json = planfin_core::json::plan_to_json(&plan);
        assert_eq!(planfin_core::json::plan_to_json(&parquet), json);
    }
    Ok(())
}

#[test]
fn the_lines_table_has_a_row_per_line_and_period() -> Result {
    let batch = plan_to_batch(&hand_made(), Path::new("p.parquet"))?;
    // 3 periods, a line with none, 1 period.
    assert_eq!(batch.num_rows(), 5);
    let schema = batch.schema();
    let types: Vec<String> = schema
        .fields()
        .iter()
        .map(|f| format!("{} {}", f.name(), f.data_type()))
        .collect();
    assert_eq!(
        types,
        [
            "position Int32",
            "code Dictionary(Int32, Utf8)",
            "objective Dictionary(Int32, Utf8)",
            "source Dictionary(Int32, Utf8)",
            "label_fr Utf8",
            "label_en Utf8",
            "period Dictionary(Int32, Utf8)",
            "amount Decimal128(38, 2)",
            "costing_unit Utf8",
            "costing_quantity Decimal128(38, 1)",
            "costing_unit_cost Decimal128(38, 2)",
        ]
    );
    Ok(())
}

#[test]
fn a_lines_table_without_the_plan_or_with_too_few_decimals_is_refused() -> Result {
    let batch = plan_to_batch(&hand_made(), Path::new("p.parquet"))?;
    let bare = arrow_schema::Schema::new(batch.schema().fields().clone());
    let Err(e) = plan_from_batches(&bare, [Ok(batch.clone())], "p.parquet") else {
        return Err("a lines table alone is not a plan".into());
    };
    assert_eq!(
        e.message().render(Lang::En),
        "p.parquet: no `planfin:plan` in the file's metadata: it is a table, not a plan planfin wrote; convert the plan to Parquet or Arrow with planfin"
    );
    let mut eur = planfin_core::cnltp::plan();
    eur.currency = Currency::EUR;
    let francs = plan_to_batch(&planfin_core::cnltp::plan(), Path::new("p.parquet"))?;
    let schema = francs.schema();
    let mut metadata = schema.metadata().clone();
    metadata.insert(
        "planfin:plan".into(),
        serde_json::to_string(&Plan {
            lines: Vec::new(),
            ..eur
        })?,
    );
    let as_euros = schema.as_ref().clone().with_metadata(metadata);
    let refused = plan_from_batches(&as_euros, [Ok(francs)], "p.parquet");
    assert!(
        matches!(&refused, Err(ColumnarError::ScaleTooSmall { currency, minor_unit: 2, scale: 0, .. }) if currency == "EUR"),
        "{refused:?}"
    );
    Ok(())
}

fn plan_strategy() -> impl Strategy<Value = Plan> {
    let amount = (
        1900i32..2100,
        prop::option::of(1u8..=4),
        any::<i64>(),
        0u32..4,
    );
    let line = (
        "[0-9]{2}",
        prop::collection::vec(amount, 0..4),
        prop::option::of((1i64..1_000, 0u32..3, -1_000_000i64..1_000_000, 0u32..5)),
        "\\PC{0,10}",
    );
    let rate = (0u8..3, 1i64..10_000_000, 0u32..8);
    (
        prop::collection::vec(line, 0..12),
        prop::collection::vec(rate, 0..3),
        any::<bool>(),
    )
        .prop_map(|(lines, rates, francs)| {
            let mut plan = hand_made();
            plan.currency = if francs { Currency::XOF } else { Currency::EUR };
            plan.lines = lines
                .into_iter()
                .map(|(code, amounts, costing, label)| BudgetLine {
                    code,
                    objective: "OS1".into(),
                    label: Text::new(label, "en"),
                    source: "ETAT".into(),
                    amounts: amounts
                        .into_iter()
                        .map(|(year, quarter, units, scale)| PeriodAmount {
                            period: FiscalPeriod { year, quarter },
                            amount: Decimal::new(units, scale),
                        })
                        .collect(),
                    costing: costing.map(|(q, qs, c, cs)| UnitCosting {
                        unit: "jour".into(),
                        quantity: Decimal::new(q, qs),
                        unit_cost: Decimal::new(c, cs),
                    }),
                })
                .collect();
            plan.rates = rates
                .into_iter()
                .map(|(from, units, scale)| Rate {
                    date: date("2019-01-01"),
                    from: [Currency::USD, Currency::XAF, Currency::EUR][usize::from(from)],
                    to: plan.currency,
                    rate: Decimal::new(units, scale),
                })
                .collect();
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_plans_come_back_exactly(plan in plan_strategy()) {
        let (parquet, arrow) = through_files(&plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&parquet, &plan);
        prop_assert_eq!(&arrow, &plan);
    }
}
