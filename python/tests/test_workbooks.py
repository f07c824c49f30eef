"""Workbooks through planfin-xlsx: the same plan and ledger in xlsx, xls and ods; the messy
French workbook; errors naming the bad cell; hostile files refused with an exception."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import planfin

FORMATS = ["xlsx", "xls", "ods"]


@pytest.mark.parametrize("ext", FORMATS)
def test_cnltp_workbooks_read_as_the_json(fixtures: Path, ext: str) -> None:
    assert planfin.read_plan(fixtures / "xlsx" / f"cnltp_plan.{ext}") == planfin.cnltp_plan()
    assert planfin.read_ledger(fixtures / "xlsx" / f"cnltp_ledger.{ext}") == planfin.cnltp_ledger()


@pytest.mark.parametrize("ext", FORMATS)
def test_messy_french_workbooks_read_to_exact_totals(fixtures: Path, ext: str) -> None:
    ledger = planfin.read_ledger(fixtures / "xlsx" / f"messy_ledger.{ext}")
    plan = planfin.read_plan(fixtures / "xlsx" / f"messy_plan.{ext}")
    # Expected sums from the JSON fixture the workbooks were written from, read with Python's
    # json and decimal (the duplicate record counted once).
    raw = json.loads((fixtures / "cnltp" / "ledger.json").read_text(encoding="utf-8"))["expenditures"]
    distinct = {(e["voucher"], e.get("stage"), e["date"]): e for e in raw}.values()
    for currency in ("XOF", "EUR"):
        expected = sum((Decimal(e["amount"]) for e in distinct if e["currency"] == currency), Decimal(0))
        got = sum((e.amount for e in ledger if e.currency == currency), Decimal(0))
        assert got == expected
        assert isinstance(got, Decimal)
    report = plan.variance(ledger)
    assert report.totals["revised"] == Decimal("206850000")
    assert report.totals == planfin.cnltp_plan().variance(planfin.cnltp_ledger()).totals
    assert any(w["message"].startswith("totals row checked") for w in ledger.warnings)
    assert any(w["message"].startswith("totals row checked") for w in plan.warnings)
    # Read in French, its notes stay French whatever the language when they are looked at.
    french = planfin.read_plan(fixtures / "xlsx" / f"messy_plan.{ext}", lang="fr")
    assert any(w["message"].startswith("ligne de total vérifiée\u00a0: ") for w in french.warnings)


def test_bad_cell_is_named(fixtures: Path) -> None:
    path = fixtures / "xlsx" / "ledger_e9.xlsx"
    with pytest.raises(planfin.PlanfinError) as e:
        planfin.read_ledger(path)
    error = e.value
    assert isinstance(error, planfin.WorkbookError)
    assert str(error) == (
        f'{path}: Depenses!E9: "12,5 kF" is not an amount: "kF" is not part of an amount; write digits '
        "with spaces between thousands, one decimal mark and an optional currency (FCFA, XOF, EUR, €), "
        "e.g. 1 250 000 or 12 500,50"
    )
    assert (error.path, error.kind, error.sheet, error.cell, error.total) == (str(path), "cells", "Depenses", "E9", 1)
    assert error.errors == [
        {
            "file": str(path),
            "sheet": "Depenses",
            "cell": "E9",
            "value": "12,5 kF",
            "expected": "an amount",
            "rule": '"kF" is not part of an amount',
            "fix": "write digits with spaces between thousands, one decimal mark and an optional currency "
            "(FCFA, XOF, EUR, €), e.g. 1 250 000 or 12 500,50",
            "message": str(error),
        }
    ]


def test_the_same_error_in_french_keeps_its_attributes(fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = fixtures / "xlsx" / "ledger_e9.xlsx"
    with pytest.raises(planfin.WorkbookError) as english:
        planfin.read_ledger(path, lang="en")
    with pytest.raises(planfin.WorkbookError) as french:
        planfin.read_ledger(path, lang="fr")
    assert str(french.value) == (
        f"{path}\u00a0: Depenses!E9\u00a0: «\u00a012,5 kF\u00a0» n'est pas un montant\u00a0: «\u00a0kF\u00a0» "
        "ne fait pas partie d'un montant\u202f; écrivez des chiffres avec une espace entre les milliers, "
        "une seule marque décimale et, si besoin, la devise (FCFA, XOF, EUR, €), par exemple "
        "1\u202f250\u202f000 ou 12\u202f500,50"
    )
    attributes = ("path", "kind", "sheet", "cell", "total")
    assert [getattr(french.value, a) for a in attributes] == [getattr(english.value, a) for a in attributes]
    [cell] = french.value.errors
    assert (cell["expected"], cell["rule"]) == ("un montant", "«\u00a0kF\u00a0» ne fait pas partie d'un montant")
    # With no lang=, PLANFIN_LANG decides, then the locale.
    monkeypatch.setenv("PLANFIN_LANG", "fr")
    with pytest.raises(planfin.WorkbookError) as by_environment:
        planfin.read_ledger(path)
    assert str(by_environment.value) == str(french.value)


def test_every_bad_cell_is_reported(fixtures: Path) -> None:
    # Read as the journal of an XOF plan: its rows with an empty Devise cell are in XOF.
    with pytest.raises(planfin.WorkbookError) as e:
        planfin.read_ledger(fixtures / "xlsx" / "ledger_errors.xlsx", currency="XOF")
    assert e.value.total == len(e.value.errors) == len(str(e.value).splitlines()) == 10
    assert (e.value.sheet, e.value.cell) == ("Depenses", "E3")
    assert [x["cell"] for x in e.value.errors][:2] == ["E3", "E4"]


def test_missing_columns(fixtures: Path) -> None:
    path = fixtures / "xlsx" / "ledger_missing_columns.xlsx"
    with pytest.raises(planfin.WorkbookError) as e:
        planfin.read_ledger(path)
    assert str(e.value) == (
        f'{path}: Dépenses: missing column(s) Ligne / Line: the header row (row 2) has "Date", "N° pièce", '
        '"Montant", "Devise", "Objet"; add the column(s) with these names (French or English) or rename '
        "the existing ones"
    )
    assert (e.value.kind, e.value.sheet, e.value.cell, e.value.errors) == ("missing_columns", "Dépenses", None, [])


def test_plan_workbook_errors(fixtures: Path) -> None:
    with pytest.raises(planfin.WorkbookError) as e:
        planfin.read_plan(fixtures / "xlsx" / "plan_errors.xlsx")
    assert (e.value.kind, e.value.sheet, e.value.cell) == ("cells", "Sources", "C3")
    assert e.value.total == 3


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("billion_laughs.xlsx", "unreadable"),
        ("declared_huge.xlsx", "too_large"),
        ("empty.xlsx", "not_a_workbook"),
        ("html_table.xls", "not_a_workbook"),
        ("many_entries.xlsx", "too_large"),
        ("not_a_workbook.xlsx", "not_a_workbook"),
        ("shared_strings_bomb.xlsx", "too_large"),
        ("truncated.xlsx", "unreadable"),
        ("xfd1048576.xlsx", "missing_columns"),
    ],
)
def test_hostile_workbooks_raise_and_never_crash(fixtures: Path, name: str, kind: str) -> None:
    path = fixtures / "hostile" / name
    for read in (planfin.read_ledger, planfin.read_plan):
        with pytest.raises(planfin.WorkbookError) as e:
            read(path)
        assert e.value.path == str(path)
        assert str(e.value).startswith(f"{path}: ")
    with pytest.raises(planfin.WorkbookError) as e:
        planfin.read_ledger(path)
    assert e.value.kind == kind


def test_missing_workbook_is_file_not_found(tmp_path: Path) -> None:
    path = tmp_path / "nope.xlsx"
    with pytest.raises(FileNotFoundError) as e:
        planfin.read_ledger(path)
    assert e.value.filename == str(path)


def test_import_options(fixtures: Path) -> None:
    plan = planfin.cnltp_plan()
    path = fixtures / "xlsx" / "cnltp_ledger.xlsx"
    assert planfin.read_ledger(path, plan, currency="XOF", decimal_mark=",") == planfin.cnltp_ledger()
    assert planfin.read_ledger(path, decimal_mark=".") == planfin.cnltp_ledger()
    with pytest.raises(ValueError) as e:
        planfin.read_ledger(path, decimal_mark=";")
    assert str(e.value) == 'decimal_mark ";" is not a decimal mark: use "," (1.250,50), "." (1,250.50) or None'
    with pytest.raises(planfin.MoneyError):
        planfin.read_ledger(path, currency="EURO")


def test_merge_keeps_import_warnings(fixtures: Path) -> None:
    a = planfin.read_ledger(fixtures / "xlsx" / "cnltp_ledger.xlsx")
    b = planfin.read_ledger(fixtures / "xlsx" / "cnltp_ledger.ods")
    merged = a.merge(b)
    assert len(merged) == 376
    assert merged.warnings == a.warnings + b.warnings
    # a's own duplicate, every entry of b read again, and b's own duplicate.
    assert len(merged.duplicates) == 1 + len(b) + 1
