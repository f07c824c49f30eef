"""Plans: reading, the embedded CNLTP plan, properties, validation, JSON round trip."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

import planfin


def test_cnltp_plan_has_the_published_ceiling_period_and_objectives() -> None:
    plan = planfin.cnltp_plan()
    # From the published article: 206,850,000 FCFA, 2018-2019, five strategic objectives.
    assert plan.ceiling == Decimal("206850000")
    assert isinstance(plan.ceiling, Decimal)
    assert plan.currency == "XOF"
    assert plan.start == datetime.date(2018, 1, 1)
    assert plan.end == datetime.date(2019, 12, 31)
    assert [o["code"] for o in plan.objectives] == ["OS1", "OS2", "OS3", "OS4", "OS5"]
    assert plan.code == "CNLTP-2018-2019"
    assert "illustratives" in plan.title["fr"]
    assert plan.organisation


def test_cnltp_lines_add_up_to_the_ceiling_exactly() -> None:
    plan = planfin.cnltp_plan()
    lines = plan.lines
    assert len(lines) == 25
    assert sum((line["initial"] for line in lines), Decimal(0)) == plan.ceiling
    for line in lines:
        assert line["initial"] == sum((a["amount"] for a in line["amounts"]), Decimal(0))
        assert isinstance(line["code"], str)


def test_read_plan_json(fixtures: Path) -> None:
    plan = planfin.read_plan(fixtures / "small" / "plan.json")
    assert plan.code == "SMALL-2019"
    assert plan.title == {"fr": "Petit plan d'essai", "en": "Small test plan"}
    assert plan.ceiling == Decimal(1_000_000)
    assert plan.sources == [
        {"code": "ETAT", "name": {"fr": "Budget de l'Etat", "en": "State budget"}, "kind": "state_budget"},
        {"code": "DON", "name": {"fr": "Bailleur", "en": "Donor"}, "kind": "donor"},
    ]
    line = plan.lines[1]
    assert line == {
        "code": "0102",
        "objective": "OS1",
        "label": {"fr": "Missions", "en": "Missions"},
        "source": "DON",
        "amounts": [{"period": "2019", "amount": Decimal("200000")}],
        "initial": Decimal("200000"),
        "costing": {"unit": "mission", "quantity": Decimal(4), "unit_cost": Decimal(50000)},
    }
    assert plan.lines[0]["costing"] is None
    assert plan.amendments[0] == {
        "reference": "VIR-01",
        "date": datetime.date(2019, 6, 1),
        "from": "0201",
        "to": "0101",
        "amount": Decimal(50000),
        "source": None,
        "reason": "Ateliers plus longs",
        "approved_by": "Ministre",
    }
    assert plan.rates == []


def test_read_plan_accepts_str_paths(fixtures: Path) -> None:
    assert planfin.read_plan(str(fixtures / "small" / "plan.json")).code == "SMALL-2019"


def test_plan_json_round_trip(tmp_path: Path) -> None:
    plan = planfin.cnltp_plan()
    path = tmp_path / "plan.json"
    path.write_text(plan.to_json(), encoding="utf-8")
    assert planfin.read_plan(path) == plan
    assert planfin.Plan.from_json(plan.to_json()) == plan
    assert planfin.read_plan(path) != planfin.Plan.from_json(
        plan.to_json().replace('"206850000"', '"206850001"')
    )


def test_plan_repr() -> None:
    assert repr(planfin.cnltp_plan()) == (
        "<Plan CNLTP-2018-2019 2018-01-01..2019-12-31 ceiling=206850000 XOF "
        "objectives=5 lines=25 amendments=2>"
    )


def test_validate_a_sound_plan_finds_nothing(fixtures: Path) -> None:
    plan = planfin.read_plan(fixtures / "small" / "plan.json")
    assert plan.validate() == []
    ledger = planfin.read_ledger(fixtures / "small" / "ledger.json")
    # Only what the chain finds at the end of 2019 (fixtures/small/README.md): L4 engaged on
    # 1 July and L5 liquidated on 1 May, unpaid more than 90 days later; line 0101 engaged
    # 150,000 + 320,000 = 470,000 against a revised 450,000.
    found = [(f["code"], f["location"]) for f in plan.validate(ledger, lang="en")]
    assert found == [
        ("stale_commitment", f"{fixtures / 'small' / 'ledger.json'} expenditures[3] (voucher L4)"),
        ("stale_commitment", f"{fixtures / 'small' / 'ledger.json'} expenditures[4] (voucher L5)"),
        ("over_committed", "line 0101"),
    ]


def test_validate_reports_every_finding_with_code_and_location() -> None:
    plan = planfin.Plan.from_json(
        planfin.cnltp_plan().to_json().replace('"206850000"', '"206850001"', 1)
    )
    findings = plan.validate()
    assert findings == [
        {
            "code": "ceiling_mismatch",
            "severity": "warning",
            "message": "the lines add up to 206,850,000, the ceiling is 206,850,001 (difference 1): part "
            "of the ceiling is not allocated to any line; allocate it or lower the ceiling",
            "location": "plan",
            "args": {"total": "206850000", "ceiling": "206850001", "gap": "1"},
        }
    ]
    # The same finding for a French reader: the same code, location and arguments.
    [french] = plan.validate(lang="fr")
    assert french["message"] == (
        "les lignes totalisent 206\u202f850\u202f000, le plafond est de 206\u202f850\u202f001 "
        "(différence 1)\u00a0: une partie du plafond n'est affectée à aucune ligne\u202f; "
        "affectez-la ou abaissez le plafond"
    )
    assert (french["code"], french["location"], french["args"]) == (
        "ceiling_mismatch",
        "plan",
        findings[0]["args"],
    )
    ledger_findings = planfin.cnltp_plan().validate(planfin.cnltp_ledger())
    # What the report finds about the ledger, the expenditure chain's findings included.
    assert {f["code"] for f in ledger_findings} == {
        "unknown_line",
        "outside_period",
        "duplicate_voucher",
        "stale_commitment",
        "over_committed",
    }
    report_codes = sorted(f["code"] for f in planfin.cnltp_plan().variance(planfin.cnltp_ledger()).findings)
    assert sorted(f["code"] for f in ledger_findings) == report_codes
    assert all(f["severity"] == "warning" for f in ledger_findings)


def test_plan_is_immutable() -> None:
    plan = planfin.cnltp_plan()
    with pytest.raises(AttributeError):
        plan.code = "X"  # type: ignore[misc]
