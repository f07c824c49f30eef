"""No silent wrong total and no crash: the defects of issue 9's review, as a Python user meets
them. Every expected figure is worked out by hand in the comments."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pytest

import planfin

D = Decimal
MAX = "79228162514264337593543950335"


def small_plan(fixtures: Path, edit: Callable[[dict[str, Any]], None]) -> planfin.Plan:
    data = json.loads((fixtures / "small" / "plan.json").read_text(encoding="utf-8"))
    edit(data)
    return planfin.Plan.from_json(json.dumps(data))


def codes(findings: list[Any]) -> set[str]:
    return {f["code"] for f in findings if f["severity"] == "error"}


def test_amounts_that_overflow_are_findings_not_a_panic(fixtures: Path) -> None:
    def edit(p: dict[str, Any]) -> None:
        p["ceiling"] = MAX
        p["lines"][0]["amounts"][0]["amount"] = "-" + MAX

    plan = small_plan(fixtures, edit)
    assert "negative_amount" in codes(plan.validate())
    with pytest.raises(planfin.ValidationError) as caught:
        plan.variance(planfin.Ledger())
    assert "negative_amount" in {f["code"] for f in caught.value.findings}


def test_a_bad_rate_table_blocks_the_report(fixtures: Path) -> None:
    # A rate of -600 turned a 10 USD payment into -6,000 XOF paid.
    ledger = planfin.Ledger.from_records(
        [{"voucher": "U1", "date": date(2019, 3, 1), "line": "0101", "amount": D(10), "currency": "USD"}]
    )

    def with_rate(rate: str) -> planfin.Plan:
        return small_plan(fixtures, lambda p: p.update(rates=[{"date": "2019-01-01", "from": "USD", "to": "XOF", "rate": rate}]))

    with pytest.raises(planfin.ValidationError) as caught:
        with_rate("-600").variance(ledger)
    assert "invalid_rate" in {f["code"] for f in caught.value.findings}
    # 10 USD x 600 = 6,000 XOF.
    report = with_rate("600").variance(ledger, by="line")
    assert next(r for r in report.rows if r["key"] == "0101")["paid"] == D(6000)


def test_a_source_is_the_sum_of_its_lines(fixtures: Path) -> None:
    # A transfer of 300 from 0101 (ETAT) to 0102 (DON): -300 on ETAT and +300 on DON by source,
    # as by line. Naming a source that is not both lines' is refused.
    transfer = {"reference": "T1", "date": "2019-03-01", "from": "0101", "to": "0102", "amount": "300"}
    plan = small_plan(fixtures, lambda p: p.update(amendments=[transfer]))
    by_source = {r["key"]: r["amendments"] for r in plan.variance(planfin.Ledger(), by="source").rows}
    assert by_source == {"ETAT": D(-300), "DON": D(300)}
    named = small_plan(fixtures, lambda p: p.update(amendments=[{**transfer, "source": "ETAT"}]))
    assert "invalid_amendment" in codes(named.validate())


def journal_without_currency(path: Path, date: str) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Depenses"
    ws.append(["Date", "N° pièce", "Ligne", "Montant"])
    ws.append([date, "PC-1", "0101", 1000])
    wb.save(path)
    return path


def test_a_journal_without_currency_is_in_its_plans_currency(fixtures: Path, tmp_path: Path) -> None:
    # With an EUR plan, 1,000 paid was read as 1,000 XOF, i.e. 1.52 EUR.
    journal = journal_without_currency(tmp_path / "journal.xlsx", "15/03/2019")
    plan = small_plan(fixtures, lambda p: p.update(currency="EUR"))
    ledger = planfin.read_ledger(journal, plan)
    assert [(e.amount, e.currency) for e in ledger] == [(D(1000), "EUR")]
    report = plan.variance(ledger, by="line")
    assert next(r for r in report.rows if r["key"] == "0101")["paid"] == D("1000.00")
    with pytest.raises(planfin.WorkbookError) as caught:
        planfin.read_ledger(journal)
    assert (caught.value.sheet, caught.value.cell) == ("Depenses", "D2")
    assert "no Devise column" in str(caught.value)


def test_engaged_beyond_the_revised_budget_is_flagged(small: Any) -> None:
    # 0202: 100,000 less VIR-02's 20,000 = 80,000 revised; 90,000 engaged: -10,000 available.
    plan, _ = small
    ledger = planfin.Ledger.from_records(
        [
            {
                "voucher": "E1",
                "date": date(2019, 3, 1),
                "line": "0202",
                "amount": D(90000),
                "currency": "XOF",
                "stage": "engagement",
            }
        ]
    )
    row = next(r for r in plan.variance(ledger, by="line").rows if r["key"] == "0202")
    assert row["available"] == D(-10000)
    assert row["flags"] == ["over_committed"]


def test_a_date_with_trailing_text_is_refused(small: Any, tmp_path: Path) -> None:
    plan, _ = small
    journal = journal_without_currency(tmp_path / "journal.xlsx", "31/12/2019 xyz")
    with pytest.raises(planfin.WorkbookError) as caught:
        planfin.read_ledger(journal, plan)
    assert (caught.value.sheet, caught.value.cell) == ("Depenses", "A2")
    assert "only a time of day" in str(caught.value)


def test_a_plan_workbook_keeps_the_rate_table(fixtures: Path, tmp_path: Path) -> None:
    # JSON -> xlsx -> JSON lost the plan's rates (the workbook had no sheet for them).
    rates = [
        {"date": "2019-01-01", "from": "USD", "to": "XOF", "rate": "600.5"},
        {"date": "2019-07-01", "from": "USD", "to": "XOF", "rate": "610"},
    ]
    plan = small_plan(fixtures, lambda p: p.update(rates=rates))
    plan.to_xlsx(tmp_path / "plan.xlsx")
    back = planfin.read_plan(tmp_path / "plan.xlsx")
    assert back == plan
    assert [(r["from"], r["rate"]) for r in back.rates] == [("USD", D("600.5")), ("USD", D(610))]
