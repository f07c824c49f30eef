"""The expenditure chain from Python: the three monthly journals of fixtures/chain (JSON and
workbooks), against the figures worked out by hand in fixtures/chain/README.md
(expected.json); records that refer to their commitment; the ageing of open commitments."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import planfin

KEYS = [
    "initial", "amendments", "revised", "engaged", "liquidated", "ordered", "paid",
    "remaining_to_pay", "available", "variance", "commitment_rate", "payment_rate",
]
BUCKETS = {"0-30": "age_0_30", "31-90": "age_31_90", "91-180": "age_91_180", "over_180": "age_over_180"}


@pytest.fixture(scope="module")
def expected(fixtures: Path) -> dict[str, Any]:
    return json.loads((fixtures / "chain" / "expected.json").read_text())


def journals(fixtures: Path, ext: str) -> tuple[planfin.Plan, planfin.Ledger]:
    plan = planfin.read_plan(fixtures / "small" / "plan.json")
    ledger = planfin.Ledger()
    for month in ("04", "05", "06"):
        ledger = ledger.merge(planfin.read_ledger(fixtures / "chain" / f"journal-2019-{month}.{ext}", plan))
    return plan, ledger


def figures(row: dict[str, Any]) -> list[Decimal | None]:
    return [row[k] for k in KEYS]


def by_hand(row: dict[str, str | None]) -> list[Decimal | None]:
    return [None if row[k] is None else Decimal(str(row[k])) for k in KEYS]


@pytest.mark.parametrize("ext", ["json", "xlsx"])
def test_every_figure_equals_the_hand_computation(fixtures: Path, expected: dict[str, Any], ext: str) -> None:
    plan, ledger = journals(fixtures, ext)
    for as_of, want in expected["as_of"].items():
        for by in ("line", "objective"):
            report = plan.variance(ledger, as_of=datetime.date.fromisoformat(as_of), by=by)
            rows = {r["key"]: r for r in report.rows}
            assert sorted(rows) == sorted(want[by]), (as_of, by)
            for key, row in want[by].items():
                assert figures(rows[key]) == by_hand(row), (ext, as_of, by, key)
            assert figures(report.totals) == by_hand(want["totals"]), (ext, as_of, by)
            # The names before the chain keep their meaning.
            assert report.totals["committed"] == report.totals["remaining_to_pay"]
            assert report.totals["execution_rate"] == report.totals["payment_rate"]
            codes = sorted(f["code"] for f in report.findings)
            assert codes == sorted(f["code"] for f in want["findings"]), (as_of, by)


def test_records_refer_to_their_commitment(fixtures: Path) -> None:
    _, ledger = journals(fixtures, "xlsx")
    paid = [r for r in ledger.to_records() if r["commitment"] == "ENG-2019-014"]
    assert sorted(r["voucher"] for r in paid) == ["LIQ-0102", "MAN-0144", "PAY-0131", "PAY-0190"]
    # The register snapshot of MAR-0007: at engagement in April, at paiement in June.
    history = [(r["date"], r["stage"]) for r in ledger.to_records() if r["voucher"] == "MAR-0007"]
    assert history == [(datetime.date(2019, 4, 10), "engagement"), (datetime.date(2019, 6, 12), "paiement")]
    e = planfin.Expenditure("PAY-1", datetime.date(2019, 5, 2), "0201", Decimal(30000), "XOF", commitment="ENG-1")
    assert e.commitment == "ENG-1"
    assert e.to_dict()["commitment"] == "ENG-1"


def test_a_later_stage_of_a_voucher_is_an_update_the_same_stage_and_date_a_conflict() -> None:
    day = datetime.date(2019, 3, 4)
    base = {"voucher": "ENG-7", "date": day, "line": "0101", "amount": Decimal(500), "currency": "XOF"}
    ledger = planfin.Ledger.from_records([
        {**base, "stage": "engagement"},
        {**base, "stage": "paiement", "date": datetime.date(2019, 6, 1)},
    ])
    assert len(ledger) == 2
    with pytest.raises(planfin.LedgerConflictError, match="ENG-7"):
        planfin.Ledger.from_records([{**base, "stage": "engagement"}, {**base, "stage": "engagement", "amount": Decimal(600)}])


def test_progress_ages_the_open_commitments(fixtures: Path, expected: dict[str, Any]) -> None:
    plan, ledger = journals(fixtures, "json")
    for as_of in ("2019-04-30", "2019-06-30"):
        want = expected["as_of"][as_of]["ageing"]
        ageing = plan.progress(ledger, datetime.date.fromisoformat(as_of)).ageing
        for by in ("line", "objective"):
            rows = {r["key"]: r for r in ageing[f"by_{by}"]}
            for key, buckets in want[by].items():
                for hand, ours in BUCKETS.items():
                    assert rows[key][ours] == Decimal(buckets[hand]), (as_of, by, key, hand)
        for hand, ours in BUCKETS.items():
            assert ageing["totals"][ours] == Decimal(want["totals"][hand])


def test_stale_days_moves_the_threshold(fixtures: Path) -> None:
    plan, ledger = journals(fixtures, "json")
    cut = datetime.date(2019, 6, 30)

    def stale(days: int) -> int:
        report = plan.variance(ledger, as_of=cut, stale_days=days)
        return sum(f["code"] == "stale_commitment" for f in report.findings)

    # ENG-2019-014 is 118 days old at 30 June, ENG-2019-031 47 days.
    assert (stale(118), stale(117), stale(46)) == (0, 1, 2)


def test_to_pandas_has_the_stage_columns(fixtures: Path) -> None:
    pytest.importorskip("pandas")
    plan, ledger = journals(fixtures, "json")
    frame = plan.variance(ledger, as_of=datetime.date(2019, 6, 30), by="line").to_pandas()
    row = frame.set_index("key").loc["0201"]
    # ENG-2019-014 120,000 and ENG-2019-031 140,000 engaged; 30,000 + 15,000 paid.
    assert (row["engaged"], row["paid"], row["remaining_to_pay"]) == (Decimal(260000), Decimal(45000), Decimal(215000))
