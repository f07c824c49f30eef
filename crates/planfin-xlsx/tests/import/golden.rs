//! Golden messages: exactly what the finance officer reads, for each kind of error. Checked
//! by hand once against the fixture generator (scripts/make_workbook_fixtures.py), then frozen.

use planfin_xlsx::ImportError;

use crate::{ledger, plan};

fn message<T>(r: Result<T, ImportError>) -> String {
    match r {
        Ok(_) => "imported, expected an error".to_string(),
        Err(e) => e.to_string(),
    }
}

const AMOUNT_FIX: &str = "write digits with spaces between thousands, one decimal mark and an optional currency (FCFA, XOF, EUR, €), e.g. 1 250 000 or 12 500,50";

#[test]
fn every_cell_error_of_a_ledger_at_once() {
    let expected = [
        "ledger_errors.xlsx: Depenses!E3: \"1250.5\" is not an amount: XOF has no decimals; round the amount to a whole number of francs".to_string(),
        format!("ledger_errors.xlsx: Depenses!E4: \"1,000\" is not an amount: \"1,000\" is ambiguous: the mark can be a thousands separator or a decimal mark; {AMOUNT_FIX}"),
        "ledger_errors.xlsx: Depenses!A5: \"31/02/2019\" is not a date: there is no such day; format the cell as a date, or type it as dd/mm/yyyy (31/12/2019)".to_string(),
        "ledger_errors.xlsx: Depenses!E6: \"=B2*2\" is not an amount: the cell holds a formula whose result was never computed and saved; recalculate and save the workbook (open it in Excel or LibreOffice and save it)".to_string(),
        "ledger_errors.xlsx: Depenses!E7: \"#DIV/0!\" is not an amount: the cell holds the spreadsheet error #DIV/0!; correct the formula or the cells it uses, then save the workbook".to_string(),
        "ledger_errors.xlsx: Depenses!D8: \"payé ?\" is not a stage: the stages are engagement, liquidation, ordonnancement and paiement; write one of them (an empty cell means paiement)".to_string(),
        format!("ledger_errors.xlsx: Depenses!E9: \"12,5 kF\" is not an amount: \"kF\" is not part of an amount; {AMOUNT_FIX}"),
        "ledger_errors.xlsx: Depenses!B10: empty cell, expected a code: this column is required; fill in the cell, or delete the row if it is not an entry".to_string(),
        "ledger_errors.xlsx: Depenses!F11: \"FRANCS SUISSES\" is not a currency: a currency is an ISO code or FCFA; write XOF (or FCFA), EUR, USD, ...".to_string(),
        "ledger_errors.xlsx: Depenses!E12: \"1 500 EUR\" is not an amount: the amount says EUR but the currency of the row is XOF; make the amount and the Devise column agree".to_string(),
    ];
    let got = message(ledger("xlsx/ledger_errors.xlsx"));
    assert_eq!(got.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn a_kilo_franc_in_e9_names_the_sheet_and_the_cell() {
    let err = ledger("xlsx/ledger_e9.xlsx").err();
    let cells = err
        .as_ref()
        .map(|e| e.cell_errors().to_vec())
        .unwrap_or_default();
    assert_eq!(cells.len(), 1);
    assert_eq!(
        (cells[0].sheet.as_str(), cells[0].cell.as_str()),
        ("Depenses", "E9")
    );
    assert_eq!(
        message(ledger("xlsx/ledger_e9.xlsx")),
        format!(
            "ledger_e9.xlsx: Depenses!E9: \"12,5 kF\" is not an amount: \"kF\" is not part of an amount; {AMOUNT_FIX}"
        )
    );
}

/// A journal with no Devise column: one row of 1 500 on line 0101.
fn journal_without_currency(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("sans_devise.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    let written = sheet.set_name("Depenses").and_then(|s| {
        s.write_row(0, 0, ["Date", "N° pièce", "Ligne", "Montant"])?
            .write_row(1, 0, ["15/03/2019", "PC-1", "0101"])?
            .write_number(1, 3, 1500)
    });
    assert!(written.is_ok() && wb.save(&path).is_ok());
    path
}

#[test]
fn a_journal_with_no_currency_read_without_its_plan_is_refused() {
    // Its plain amounts are in the plan's currency, unknown without the plan: each is refused,
    // naming its cell (planfin read them as XOF whatever the plan's currency).
    let dir = tempfile::tempdir().ok();
    let Some(dir) = dir else { return };
    let path = journal_without_currency(dir.path());
    let alone = planfin_xlsx::ImportOptions {
        display_name: Some("sans_devise.xlsx".to_string()),
        ..Default::default()
    };
    assert_eq!(
        message(planfin_xlsx::read_ledger(&path, &alone)),
        "sans_devise.xlsx: Depenses!D2: \"1500\" is not an amount: the journal has no Devise column and the amount names no currency; add a Devise column, or read the journal with its plan, whose currency is then the journal's"
    );
    // Read with an EUR plan, the amount is 1,500 EUR.
    let with_plan = planfin_xlsx::ImportOptions {
        currency: Some(planfin_core::currency::Currency::EUR),
        ..alone
    };
    let read = planfin_xlsx::read_ledger(&path, &with_plan).map(|l| l.value.to_expenditures());
    let read = read.as_deref().unwrap_or_default();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].currency, planfin_core::currency::Currency::EUR);
    assert_eq!(read[0].amount, planfin_core::Decimal::from(1500));
}

#[test]
fn missing_columns_name_what_was_found() {
    assert_eq!(
        message(ledger("xlsx/ledger_missing_columns.xlsx")),
        "ledger_missing_columns.xlsx: Dépenses: missing column(s) Ligne / Line: the header row (row 2) has \"Date\", \"N° pièce\", \"Montant\", \"Devise\", \"Objet\"; add the column(s) with these names (French or English) or rename the existing ones"
    );
}

#[test]
fn plan_cell_errors_and_wide_totals() {
    assert_eq!(
        message(plan("xlsx/plan_errors.xlsx"))
            .lines()
            .collect::<Vec<_>>(),
        [
            "plan_errors.xlsx: Sources!C3: \"mécénat\" is not a kind of source: the kinds are Etat / State budget, Bailleur / Donor, Autre / Other; write one of them",
            "plan_errors.xlsx: Lignes!G3: \"1100000\" is not the total of the row's years: the years of the row add up to 1,000,000; correct the Total or the yearly amounts",
            "plan_errors.xlsx: Lignes!E4: \"250000.5\" is not an amount: XOF has no decimals; round the amount to a whole number of francs",
        ]
    );
}

#[test]
fn missing_sheets_list_the_sheets_found() {
    assert_eq!(
        message(plan("xlsx/cnltp_ledger.xlsx")),
        "cnltp_ledger.xlsx: no sheet named \"Plan\": the workbook has \"Depenses\"; name the sheet that holds them \"Plan\""
    );
    assert_eq!(
        message(ledger("xlsx/cnltp_plan.xlsx")),
        "cnltp_plan.xlsx: no sheet named \"Depenses\" or \"Expenditures\": the workbook has \"Plan\", \"Objectifs\", \"Sources\", \"Lignes\", \"Amendements\"; name the sheet that holds them \"Depenses\""
    );
}

#[test]
fn errors_are_capped_with_a_count() {
    let options = planfin_xlsx::ImportOptions {
        display_name: Some("ledger_errors.xlsx".to_string()),
        limits: planfin_xlsx::Limits {
            max_errors: 2,
            ..Default::default()
        },
        ..crate::named("ledger_errors.xlsx")
    };
    let got = message(planfin_xlsx::read_ledger(
        crate::fixture("xlsx/ledger_errors.xlsx"),
        &options,
    ));
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[2],
        "ledger_errors.xlsx: 8 more errors not shown (10 in all); fix these and import again"
    );
}

#[test]
fn a_declared_locale_reads_ambiguous_thousands() {
    // With French decimals declared, "1,000" in E4 is 1 XOF and is no longer an error.
    let options = planfin_xlsx::ImportOptions {
        locale: planfin_xlsx::Locale::DecimalPoint,
        ..crate::named("ledger_errors.xlsx")
    };
    let got = message(planfin_xlsx::read_ledger(
        crate::fixture("xlsx/ledger_errors.xlsx"),
        &options,
    ));
    assert!(!got.contains("Depenses!E4"), "{got}");
    assert_eq!(got.lines().count(), 9);
}

#[test]
fn documents_are_told_by_their_sheets() {
    use planfin_xlsx::{Document, read_document};
    let read = |rel: &str| read_document(crate::fixture(rel), &crate::named(rel)).map(|d| d.value);
    assert!(matches!(read("xlsx/cnltp_plan.ods"), Ok(Document::Plan(_))));
    assert!(matches!(read("xlsx/messy_plan.xls"), Ok(Document::Plan(_))));
    assert!(matches!(
        read("xlsx/messy_ledger.xlsx"),
        Ok(Document::Ledger(_))
    ));
    assert_eq!(
        message(read("xlsx/ledger_e9.xlsx")),
        format!(
            "ledger_e9.xlsx: Depenses!E9: \"12,5 kF\" is not an amount: \"kF\" is not part of an amount; {AMOUNT_FIX}"
        )
    );
}

#[test]
fn a_ledger_with_a_sheet_of_line_codes_is_a_ledger() -> Result<(), Box<dyn std::error::Error>> {
    // A journal often carries the plan's line codes on a sheet of its own (for drop-downs):
    // its expenditures sheet, not the `Lignes` sheet, says what the workbook is.
    use planfin_xlsx::{Document, ImportOptions, read_document};
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Depenses")?;
    for (c, h) in ["Date", "N° pièce", "Ligne", "Montant", "Devise"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h)?;
    }
    for (c, v) in ["14/03/2018", "PC-1", "0101", "1 250 000", "XOF"]
        .iter()
        .enumerate()
    {
        sheet.write_string(1, c as u16, *v)?;
    }
    let codes = book.add_worksheet().set_name("Lignes")?;
    codes.write_string(0, 0, "Code")?;
    codes.write_string(1, 0, "0101")?;
    book.save(&path)?;
    match read_document(&path, &ImportOptions::default())?.value {
        Document::Ledger(ledger) => assert_eq!(ledger.len(), 1),
        other => panic!("read as {other:?}"),
    }
    Ok(())
}
