"""Differential test: the variance recomputed from the same files with pandas and Python's
decimal, independently of planfin (own JSON reading, own conversion at the CFA peg, own
expenditure chain after docs/expenditure-chain.md, own grouping), finds no difference with
planfin's report, row by row and field by field."""

from __future__ import annotations

import datetime
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

import planfin

pd = pytest.importorskip("pandas")

PEG = Decimal("655.957")  # 1 EUR = 655.957 XOF, fixed by treaty
AMOUNTS = [
    "initial", "amendments", "revised", "engaged", "liquidated", "ordered", "paid",
    "remaining_to_pay", "committed", "available", "variance",
]
STAGES = ["engagement", "liquidation", "ordonnancement", "paiement"]
FIGURES = ["engaged", "liquidated", "ordered", "paid"]


STAGES_FR = {"Payé": "paiement", "Engagé": "engagement", "Liquidé": "liquidation", "Ordonnancé": "ordonnancement"}
HEADERS_FR = {
    "Date": "date", "N° pièce": "voucher", "Ligne budgétaire": "line", "Étape": "stage", "Montant": "amount",
    "Devise": "currency", "N° engagement": "commitment",
}


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal, parse_int=Decimal)


def records_of_json(path: Path) -> list[dict[str, Any]]:
    return [
        {
            "voucher": e["voucher"],
            "date": datetime.date.fromisoformat(e["date"]),
            "line": e["line"],
            "amount": Decimal(e["amount"]),
            "currency": e["currency"],
            "stage": e.get("stage") or "paiement",
            "commitment": e.get("commitment"),
        }
        for e in load(path)["expenditures"]
    ]


def records_of_workbook(path: Path) -> list[dict[str, Any]]:
    """The Depenses sheet read with openpyxl, another reader than planfin's."""
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(path, read_only=True)["Depenses"]
    rows = sheet.iter_rows(values_only=True)
    header = [HEADERS_FR.get(str(h)) for h in next(rows)]
    records = []
    for row in rows:
        r = {k: v for k, v in zip(header, row, strict=True) if k}
        # A number cell is a float: its shortest repr is what the spreadsheet shows.
        amount = r["amount"]
        r["amount"] = Decimal(amount) if isinstance(amount, int) else Decimal(repr(amount))
        r["date"] = r["date"].date()
        r["stage"] = STAGES_FR[r["stage"]]
        records.append(r)
    return records


def chain_figures(spend: Any) -> Any:
    """Engaged, liquidated, ordered and paid per commitment (its group) and line: per stage,
    the latest record of each voucher; the commitment's own and its events' sum, the larger;
    then each stage at least what the later stages reached."""
    known = set(spend["voucher"])
    spend["group"] = [
        c if isinstance(c, str) and c in known else v for v, c in zip(spend["voucher"], spend["commitment"], strict=True)
    ]
    latest = spend.sort_values("date").groupby(["group", "voucher", "stage"], as_index=False).last()
    latest["own"] = latest["voucher"] == latest["group"]
    rows = []
    for (group, line), records in latest.groupby(["group", "line"]):
        cumulative: Decimal | None = None
        figures = {}
        for stage, name in reversed(list(zip(STAGES, FIGURES, strict=True))):
            at = records[records["stage"] == stage]
            sides = [sum(at[at["own"] == own]["xof"], Decimal(0)) for own in (True, False) if (at["own"] == own).any()]
            direct = max(sides) if sides else None
            cumulative = max(v for v in (direct, cumulative) if v is not None) if direct is not None or cumulative is not None else None
            figures[name] = cumulative if cumulative is not None else Decimal(0)
        rows.append({"line": line, **figures})
    return pd.DataFrame(rows, columns=["line", *FIGURES])


def expected_by(plan: Any, records: list[dict[str, Any]], by: str, as_of: datetime.date | None = None) -> Any:
    lines = pd.DataFrame(
        [
            {
                "line": ln["code"],
                "objective": ln["objective"],
                "source": ln["source"],
                "initial": sum((Decimal(a["amount"]) for a in ln["amounts"]), Decimal(0)),
            }
            for ln in plan["lines"]
        ]
    )
    spend = pd.DataFrame(records)
    # The same record twice (voucher, stage and date) counts once.
    spend = spend.drop_duplicates(subset=["voucher", "stage", "date"])
    last = max([datetime.date.fromisoformat(plan["end"]), *spend["date"], *(datetime.date.fromisoformat(a["date"]) for a in plan["amendments"])])
    as_of = as_of or last
    spend = spend[spend["date"] <= as_of].copy()

    def in_xof(row: Any) -> Decimal:
        amount = row["amount"]
        if row["currency"] == "EUR":
            amount = amount * PEG
        return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)  # half away from zero

    spend["xof"] = spend.apply(in_xof, axis=1)
    spend = chain_figures(spend)

    moved: dict[str, Decimal] = {}
    for a in plan["amendments"]:
        if datetime.date.fromisoformat(a["date"]) <= as_of:
            amount = Decimal(a["amount"])
            if a.get("from"):
                moved[a["from"]] = moved.get(a["from"], Decimal(0)) - amount
            if a.get("to"):
                moved[a["to"]] = moved.get(a["to"], Decimal(0)) + amount
    lines["amendments"] = lines["line"].map(lambda c: moved.get(c, Decimal(0)))

    known = set(lines["line"])
    spend["group"] = spend["line"].map(
        dict(zip(lines["line"], lines[by], strict=True)) if by != "line" else {c: c for c in known}
    )
    spend.loc[~spend["line"].isin(known), "group"] = "?" if by != "line" else spend["line"]
    planned = lines.groupby(by)[["initial", "amendments"]].agg(lambda s: sum(s, Decimal(0)))
    spent = spend.groupby("group")[FIGURES].agg(lambda s: sum(s, Decimal(0)))
    table = planned.join(spent, how="outer").map(lambda v: Decimal(0) if not isinstance(v, Decimal) else v)
    table["revised"] = table["initial"] + table["amendments"]
    table["remaining_to_pay"] = table["committed"] = table["engaged"] - table["paid"]
    table["available"] = table["revised"] - table["engaged"]
    table["variance"] = table["revised"] - table["paid"]
    for rate, part in (("commitment_rate", "engaged"), ("payment_rate", "paid")):
        table[rate] = [
            None if r == 0 else (p / r).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
            for p, r in zip(table[part], table["revised"], strict=True)
        ]
    return table


def differences(report: planfin.VarianceReport, expected: Any) -> list[Any]:
    got = report.to_pandas().set_index("key")
    assert sorted(got.index) == sorted(expected.index)
    for field in AMOUNTS:
        assert got[field].sum() == report.totals[field] == expected[field].sum()
    return [
        (key, field, got.loc[key, field], expected.loc[key, field])
        for key in expected.index
        for field in [*AMOUNTS, "commitment_rate", "payment_rate"]
        if got.loc[key, field] != expected.loc[key, field]
    ]


@pytest.mark.parametrize("by", ["line", "objective", "source"])
@pytest.mark.parametrize("as_of", [None, datetime.date(2019, 3, 31)])
def test_cnltp_variance_has_no_difference_with_pandas_and_decimal(
    fixtures: Path, by: str, as_of: datetime.date | None
) -> None:
    plan_path, ledger_path = fixtures / "cnltp" / "plan.json", fixtures / "cnltp" / "ledger.json"
    expected = expected_by(load(plan_path), records_of_json(ledger_path), by, as_of)
    report = planfin.read_plan(plan_path).variance(planfin.read_ledger(ledger_path), by=by, as_of=as_of)
    assert differences(report, expected) == []


@pytest.mark.parametrize("by", ["line", "objective"])
def test_workbook_variance_has_no_difference_with_openpyxl_pandas_and_decimal(fixtures: Path, by: str) -> None:
    plan_path, ledger_path = fixtures / "cnltp" / "plan.json", fixtures / "xlsx" / "cnltp_ledger.xlsx"
    expected = expected_by(load(plan_path), records_of_workbook(ledger_path), by)
    report = planfin.read_plan(fixtures / "xlsx" / "cnltp_plan.xlsx").variance(planfin.read_ledger(ledger_path), by=by)
    assert differences(report, expected) == []
