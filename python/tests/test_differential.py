"""Differential test: the variance recomputed from the same files with pandas and Python's
decimal, independently of planfin (own JSON reading, own conversion at the CFA peg, own
grouping), finds no difference with planfin's report, row by row and field by field."""

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
AMOUNTS = ["initial", "amendments", "revised", "committed", "paid", "variance", "available"]


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal, parse_int=Decimal)


def expected_by(plan_path: Path, ledger_path: Path, by: str, as_of: datetime.date | None = None) -> Any:
    plan = load(plan_path)
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
    spend = pd.DataFrame(load(ledger_path)["expenditures"])
    # The same voucher twice with the same content counts once.
    spend = spend.drop_duplicates(subset=["voucher"])
    spend["date"] = spend["date"].map(datetime.date.fromisoformat)
    last = max([datetime.date.fromisoformat(plan["end"]), *spend["date"], *(datetime.date.fromisoformat(a["date"]) for a in plan["amendments"])])
    as_of = as_of or last
    spend = spend[spend["date"] <= as_of].copy()
    spend["stage"] = spend["stage"].fillna("paiement")

    def in_xof(row: Any) -> Decimal:
        amount = Decimal(row["amount"])
        if row["currency"] == "EUR":
            amount = amount * PEG
        return amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)  # half away from zero

    spend["xof"] = spend.apply(in_xof, axis=1)
    spend["paid"] = spend["xof"].where(spend["stage"] == "paiement", Decimal(0))
    spend["committed"] = spend["xof"].where(spend["stage"] != "paiement", Decimal(0))

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
    planned = lines.groupby(by if by != "line" else "line")[["initial", "amendments"]].agg(lambda s: sum(s, Decimal(0)))
    spent = spend.groupby("group")[["committed", "paid"]].agg(lambda s: sum(s, Decimal(0)))
    table = planned.join(spent, how="outer").map(lambda v: Decimal(0) if not isinstance(v, Decimal) else v)
    table["revised"] = table["initial"] + table["amendments"]
    table["variance"] = table["revised"] - table["paid"]
    table["available"] = table["variance"] - table["committed"]
    table["execution_rate"] = [
        None if r == 0 else (p / r).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
        for p, r in zip(table["paid"], table["revised"], strict=True)
    ]
    return table


@pytest.mark.parametrize("by", ["line", "objective", "source"])
@pytest.mark.parametrize("as_of", [None, datetime.date(2019, 3, 31)])
def test_cnltp_variance_has_no_difference_with_pandas_and_decimal(
    fixtures: Path, by: str, as_of: datetime.date | None
) -> None:
    plan_path, ledger_path = fixtures / "cnltp" / "plan.json", fixtures / "cnltp" / "ledger.json"
    expected = expected_by(plan_path, ledger_path, by, as_of)
    report = planfin.read_plan(plan_path).variance(planfin.read_ledger(ledger_path), by=by, as_of=as_of)
    got = report.to_pandas().set_index("key")
    assert sorted(got.index) == sorted(expected.index)
    differences = [
        (key, field, got.loc[key, field], expected.loc[key, field])
        for key in expected.index
        for field in [*AMOUNTS, "execution_rate"]
        if got.loc[key, field] != expected.loc[key, field]
    ]
    assert differences == []
    for field in AMOUNTS:
        assert got[field].sum() == report.totals[field] == expected[field].sum()
