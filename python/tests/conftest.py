"""Shared fixtures: the repository's fixtures/ folder (the same files the Rust tests use), the
plan and ledgers of fixtures/small, and a synthetic ledger large enough to time and to watch
the GIL."""

from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

import pytest

import planfin

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(autouse=True)
def english_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages in English unless a test asks for French (`lang="fr"`, or PLANFIN_LANG): the
    machine's locale must not decide what the tests read."""
    monkeypatch.setenv("PLANFIN_LANG", "en")


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="module")
def small(fixtures: Path) -> tuple[planfin.Plan, planfin.Ledger]:
    """fixtures/small: its plan, and its two ledgers merged (the table of its README)."""
    plan = planfin.read_plan(fixtures / "small" / "plan.json")
    ledger = planfin.read_ledger(fixtures / "small" / "ledger.json").merge(
        planfin.read_ledger(fixtures / "small" / "ledger-q4.json")
    )
    return plan, ledger


def synthetic_records(plan: planfin.Plan, n: int, seed: int = 7) -> list[dict[str, object]]:
    """`n` XOF expenditures over the plan's lines and period, every stage, deterministic."""
    rng = random.Random(seed)
    lines = [line["code"] for line in plan.lines]
    days = (plan.end - plan.start).days
    stages = ["engagement", "liquidation", "ordonnancement", "paiement", "paiement"]
    return [
        {
            "voucher": f"S-{i:07d}",
            "date": (plan.start + datetime.timedelta(days=rng.randrange(days + 1))).isoformat(),
            "line": rng.choice(lines),
            "amount": str(rng.randrange(1_000, 500_000)),
            "currency": "XOF",
            "stage": rng.choice(stages),
            "payee": "Fournisseur",
            "description": "Synthetic",
        }
        for i in range(n)
    ]


@pytest.fixture(scope="session")
def big_ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 300,000-entry JSON ledger for the CNLTP plan."""
    path = tmp_path_factory.mktemp("big") / "ledger-300k.json"
    records = synthetic_records(planfin.cnltp_plan(), 300_000)
    path.write_text(json.dumps({"expenditures": records}), encoding="utf-8")
    return path
