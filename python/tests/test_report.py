"""The variance report, checked against the hand-computed table of fixtures/small/README.md."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import planfin

D = Decimal
AMOUNTS = ["initial", "amendments", "revised", "committed", "paid", "variance", "available"]


def amounts(row: dict[str, Any]) -> list[Decimal]:
    return [row[k] for k in AMOUNTS]


# fixtures/small/README.md: computed by hand (EUR at 655.957, rounded once per voucher).
BY_LINE = {
    "0101": [400000, 50000, 450000, 0, 470000, -20000, -20000],
    "0102": [200000, 20000, 220000, 38095, 65596, 154404, 116309],
    "0201": [300000, -50000, 250000, 125000, 75000, 175000, 50000],
    "0202": [100000, -20000, 80000, 0, 0, 80000, 80000],
}


def test_variance_by_line_matches_the_hand_computed_table(small: Any) -> None:
    plan, ledger = small
    report = plan.variance(ledger, by="line", lang="fr")
    assert {r["key"]: amounts(r) for r in report.rows} == {k: [D(x) for x in v] for k, v in BY_LINE.items()}
    # 0101: paid 470,000 and available -20,000 against 450,000 revised.
    assert [r["flags"] for r in report.rows] == [
        ["over_budget", "over_committed"],
        [],
        ["duplicate_voucher"],
        ["not_started"],
    ]
    # paid / revised to four decimals: 470000/450000, 65596/220000, 75000/250000, 0/80000.
    assert [r["execution_rate"] for r in report.rows] == [D("1.0444"), D("0.2982"), D("0.3000"), D(0)]
    assert [r["label"] for r in report.rows] == ["Ateliers", "Missions", "Etude", "Impression"]
    for row in report.rows:
        for key in AMOUNTS:
            assert type(row[key]) is Decimal


def test_totals_foot_and_cross_foot(small: Any) -> None:
    plan, ledger = small
    report = plan.variance(ledger, by="line")
    totals = report.totals
    assert amounts(totals) == [D(x) for x in [1000000, 0, 1000000, 163095, 610596, 389404, 226309]]
    assert totals["execution_rate"] == D("0.6106")
    for key in AMOUNTS:
        assert sum((r[key] for r in report.rows), D(0)) == totals[key]
    assert totals["variance"] == totals["revised"] - totals["paid"]
    assert totals["available"] == totals["revised"] - totals["committed"] - totals["paid"]


def test_variance_by_objective_source_and_period(small: Any) -> None:
    plan, ledger = small
    by_objective = plan.variance(ledger)
    assert by_objective.by == "objective"
    assert {r["key"]: amounts(r) for r in by_objective.rows} == {
        "OS1": [D(x) for x in [600000, 70000, 670000, 38095, 535596, 134404, 96309]],
        "OS2": [D(x) for x in [400000, -70000, 330000, 125000, 75000, 255000, 130000]],
    }
    by_source = plan.variance(ledger, by="source")
    assert {r["key"]: amounts(r) for r in by_source.rows} == {
        "ETAT": [D(x) for x in [500000, 30000, 530000, 0, 470000, 60000, 60000]],
        "DON": [D(x) for x in [500000, -30000, 470000, 163095, 140596, 329404, 166309]],
    }
    by_period = plan.variance(ledger, by="period")
    assert [r["key"] for r in by_period.rows] == ["2019"]
    assert amounts(by_period.rows[0]) == amounts(by_period.totals)


def test_as_of_leaves_later_events_out(small: Any) -> None:
    plan, ledger = small
    report = plan.variance(ledger, as_of=datetime.date(2019, 6, 30), by="line")
    assert report.as_of == datetime.date(2019, 6, 30)
    # VIR-01 (June 1) in, VIR-02 (November 15) out; L4, L7 and L8 are dated after June 30.
    assert {r["key"]: [r["revised"], r["committed"], r["paid"]] for r in report.rows} == {
        "0101": [D(450000), D(0), D(470000)],
        "0102": [D(200000), D(0), D(65596)],
        "0201": [D(250000), D(125000), D(80000)],
        "0202": [D(100000), D(0), D(0)],
    }
    assert plan.variance(ledger).as_of == datetime.date(2019, 12, 31)


def test_tolerance_and_language(small: Any) -> None:
    plan, ledger = small
    report = plan.variance(ledger, by="line", tolerance=10, lang="en")
    assert report.tolerance == D(10)
    # |variance| > 10 % of revised: 20000 <= 45000; 154404 > 22000; 175000 > 25000; 80000 > 8000.
    assert ["over_tolerance" in r["flags"] for r in report.rows] == [False, True, True, True]
    assert report.rows[0]["label"] == "Workshops"
    assert report.lang == "en"
    assert plan.variance(ledger, by="line", tolerance=D("7.5")).tolerance == D("7.5")
    assert plan.variance(ledger).tolerance is None


def test_cnltp_variance_and_repr() -> None:
    report = planfin.cnltp_plan().variance(planfin.cnltp_ledger())
    assert repr(report) == "<VarianceReport by=objective as_of=2020-01-17 rows=6 total_revised=206850000 XOF>"
    assert report.totals["revised"] == D("206850000")
    assert report.totals["initial"] == D("206850000")
    assert report.plan["ceiling"] == D("206850000")
    assert report.plan["code"] == "CNLTP-2018-2019"
    assert report.currency == "XOF"
    assert [r["key"] for r in report.rows] == ["OS1", "OS2", "OS3", "OS4", "OS5", "?"]
    assert report.rows[-1]["flags"] == ["over_budget", "over_committed", "unknown_line"]
    # Line 0303 is paid (so engaged) beyond its revised budget; the commitments of late 2019
    # are still open at the as-of date, some for more than 90 days.
    assert {f["code"] for f in report.findings} == {
        "unknown_line", "outside_period", "duplicate_voucher", "stale_commitment", "over_committed",
    }
    assert all(set(f) == {"code", "severity", "message", "location", "args"} for f in report.findings)
    assert "remaining_to_pay (alias committed) = engaged - paid" in report.sign_convention
    assert "half away from zero" in report.rounding


def test_renderings(small: Any) -> None:
    plan, ledger = small
    report = plan.variance(ledger, by="line", lang="fr")
    csv = report.to_csv()
    assert csv.splitlines()[:2] == [
        "key,label,initial,amendments,revised,engaged,liquidated,ordered,paid,remaining_to_pay,available,"
        "variance,commitment_rate,payment_rate,flags",
        "0101,Ateliers,400000,50000,450000,470000,470000,470000,470000,0,-20000,-20000,1.0444,1.0444,"
        "over_budget over_committed",
    ]
    # fixtures/small/README.md: paid 610,596, committed 163,095 of which L5 125,000 is
    # liquidated and L8 8,095 ordered.
    assert csv.splitlines()[-1] == (
        "Total,,1000000,0,1000000,773691,743691,618691,610596,163095,226309,389404,0.7737,0.6106,"
    )
    assert "\r\n" in csv
    assert report.to_csv(bom=True) == "\ufeff" + csv
    md = report.to_markdown()
    assert (
        "| 0101 | Ateliers | 400 000 | 50 000 | 450 000 | 470 000 | 470 000 | 470 000 | 470 000 | 0 | -20 000 "
        "| -20 000 | 104,44 % | 104,44 % | dépassement, engagé au-delà du budget |"
    ) in md
    assert report._repr_markdown_() == md
    text = report.to_text()
    assert str(report) == text
    assert "1 000 000" in text
    data = json.loads(report.to_json())
    assert data["totals"]["paid"] == "610596"
    assert data["rows"][0]["key"] == "0101"
    assert data["by"] == "line"
    assert data["currency"] == "XOF"


def test_to_pandas(small: Any) -> None:
    pytest.importorskip("pandas")
    plan, ledger = small
    report = plan.variance(ledger, by="line")
    df = report.to_pandas()
    assert list(df.columns) == report.columns
    assert report.columns == [
        "key", "label", "initial", "amendments", "revised", "engaged", "liquidated", "ordered", "paid",
        "remaining_to_pay", "committed", "available", "variance", "commitment_rate", "payment_rate",
        "execution_rate", "flags",
    ]
    for key in AMOUNTS:
        assert df[key].dtype == object
        assert df[key].sum() == report.totals[key]
    assert df.set_index("key").loc["0102", "committed"] == D(38095)
    assert df["flags"].iloc[0] == ["over_budget", "over_committed"]
    floats = report.to_pandas(float_amounts=True)
    for key in AMOUNTS:
        assert floats[key].dtype == "float64"
    assert floats["paid"].sum() == 610596.0


def test_blocking_findings_raise_validation_error(fixtures: Path) -> None:
    text = (fixtures / "small" / "plan.json").read_text(encoding="utf-8")
    plan = planfin.Plan.from_json(text.replace('"ceiling": "1000000"', '"ceiling": "999999"'))
    with pytest.raises(planfin.ValidationError) as e:
        plan.variance(planfin.Ledger())
    assert str(e.value) == (
        "1 blocking finding; first: plan: error [ceiling_mismatch]: the lines add up to 1,000,000, "
        "the ceiling is 999,999 (difference -1): the lines exceed the ceiling; reduce them or raise the ceiling"
    )
    assert e.value.findings == [
        {
            "code": "ceiling_mismatch",
            "severity": "error",
            "message": "the lines add up to 1,000,000, the ceiling is 999,999 (difference -1): "
            "the lines exceed the ceiling; reduce them or raise the ceiling",
            "location": "plan",
            "args": {"total": "1000000", "ceiling": "999999", "gap": "-1"},
        }
    ]


def test_bad_options_are_refused(small: Any) -> None:
    plan, ledger = small
    with pytest.raises(ValueError) as e:
        plan.variance(ledger, by="quarter")  # type: ignore[arg-type]
    assert str(e.value) == '"quarter" is not a grouping: use one of objective, line, source, period'
    with pytest.raises(ValueError) as e:
        plan.variance(ledger, by="quarter", lang="fr")  # type: ignore[arg-type]
    assert str(e.value) == "«\u00a0quarter\u00a0» n'est pas un regroupement\u00a0: utilisez l'un de objective, line, source, period"
    with pytest.raises(ValueError) as e:
        plan.variance(ledger, lang="de")  # type: ignore[arg-type]
    assert str(e.value) == '"de" is not a language planfin speaks: use fr or en'
    with pytest.raises(TypeError) as t:
        plan.variance(ledger, tolerance=0.05)  # type: ignore[arg-type]
    assert str(t.value) == "tolerance must be decimal.Decimal or int, got float 0.05: use Decimal('0.05')"
    with pytest.raises(TypeError) as t:
        plan.variance(ledger, as_of=datetime.datetime(2019, 6, 30))  # type: ignore[arg-type]
    assert str(t.value) == "as_of must be datetime.date, got datetime.datetime(2019, 6, 30, 0, 0): use its .date()"
    with pytest.raises(TypeError):
        plan.variance(ledger.to_records())  # type: ignore[arg-type]
