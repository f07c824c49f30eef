"""The progress and final reports, and the workbooks written from every report."""

from __future__ import annotations

import datetime
import hashlib
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

import planfin

D = Decimal
CUT = datetime.date(2019, 6, 30)


def test_progress_at_a_cut_off(small: Any) -> None:
    plan, ledger = small
    report = plan.progress(ledger, CUT)
    # 2019 has 365 days; January 1 to June 30 inclusive is 181 of them.
    assert report.elapsed == {"days_total": 365, "days_elapsed": 181, "share": D("0.4959")}
    # Paid by June 30 (fixtures/small/README.md): OS1 = 470000 + 65596, OS2 = 80000.
    paid = {"OS1": D(535596), "OS2": D(80000)}
    revised = {"OS1": D(450000 + 200000), "OS2": D(250000 + 100000)}
    rows = {r["key"]: r for r in report.rows}
    for key in ("OS1", "OS2"):
        projected = (paid[key] * 365 / 181).quantize(D(1), rounding=ROUND_HALF_UP)
        assert rows[key]["paid"] == paid[key]
        assert rows[key]["revised"] == revised[key]
        assert rows[key]["projected_paid"] == projected
        assert rows[key]["projected_variance"] == revised[key] - projected
    assert report.totals["projected_paid"] == rows["OS1"]["projected_paid"] + rows["OS2"]["projected_paid"]
    assert report.burn_rate_per_day == (D(615596) / 181).quantize(D(1), rounding=ROUND_HALF_UP)
    assert report.as_of == CUT
    assert report.columns == [*planfin.cnltp_plan().variance(planfin.Ledger()).columns, "projected_paid", "projected_variance"]
    years = report.by_period
    assert [r["key"] for r in years["rows"]] == ["2019"]
    assert years["rows"][0]["days_elapsed"] == 181
    assert years["totals"]["paid"] == D(615596)
    assert repr(report) == f"<ProgressReport as_of=2019-06-30 elapsed=181/365 days paid=615596 projected_paid={report.totals['projected_paid']} XOF>"


def test_progress_renderings(small: Any) -> None:
    pytest.importorskip("pandas")
    plan, ledger = small
    report = plan.progress(ledger, CUT, lang="en", tolerance=10)
    assert report.lang == "en"
    assert report.tolerance == D(10)
    df = report.to_pandas()
    assert list(df.columns) == report.columns
    assert df["projected_paid"].dtype == object
    assert report.to_csv().splitlines()[0].startswith("key,label,initial,")
    assert "Progress report" in report.to_markdown()
    assert str(report) == report.to_text()
    data = json.loads(report.to_json())
    assert data["report"] == "progress"
    assert data["elapsed"]["days_elapsed"] == 181
    assert "burn_rate_per_day" in report.burn_rate_basis
    assert "projected_paid" in report.projection_rule
    with pytest.raises(TypeError) as e:
        plan.progress(ledger, "2019-06-30")  # type: ignore[arg-type]
    assert str(e.value) == "as_of must be datetime.date, got str '2019-06-30': use datetime.date.fromisoformat('2019-06-30')"


def test_final_report_reconciles(small: Any) -> None:
    plan, ledger = small
    report = plan.final_report(ledger, lang="fr")
    # Two transfers (50000 and 20000), no raise or cut; totals of fixtures/small/README.md.
    assert report.reconciliation == {
        "ceiling": D(1000000),
        "initial_allocation": D(1000000),
        "unallocated": D(0),
        "transfers_gross": D(70000),
        "transfers_net": D(0),
        "raises": D(0),
        "cuts": D(0),
        "raises_cuts_net": D(0),
        "amendments": D(0),
        "revised": D(1000000),
        "engaged": D(773691),
        "committed": D(163095),
        "remaining_to_pay": D(163095),
        "paid": D(610596),
        "available": D(226309),
        "unspent": D(389404),
    }
    assert {r["key"]: r["paid"] for r in report.rows} == {"OS1": D(535596), "OS2": D(75000)}
    assert {r["key"]: r["revised"] for r in report.by_source["rows"]} == {"ETAT": D(530000), "DON": D(470000)}
    assert report.by_source["totals"]["paid"] == report.totals["paid"] == D(610596)
    assert "over_budget" in {f["code"] for f in report.findings}
    assert repr(report) == "<FinalReport 2019-01-01..2019-12-31 ceiling=1000000 revised=1000000 paid=610596 unspent=389404 XOF>"
    assert json.loads(report.to_json())["report"] == "final"
    assert "Rapport final" in report.to_markdown()
    assert report.to_csv(bom=True).startswith("\ufeffkey,label,")
    assert report.as_of == datetime.date(2019, 12, 31)
    assert report.to_pandas()["paid"].sum() == D(610596)


def test_cnltp_final_report() -> None:
    report = planfin.cnltp_plan().final_report(planfin.cnltp_ledger(), lang="en")
    assert report.reconciliation["ceiling"] == D(206850000)
    assert report.reconciliation["revised"] == report.reconciliation["initial_allocation"] + report.reconciliation["amendments"]


def test_blocked_reports_raise(fixtures: Path) -> None:
    text = (fixtures / "small" / "plan.json").read_text(encoding="utf-8")
    plan = planfin.Plan.from_json(text.replace('"ceiling": "1000000"', '"ceiling": "999999"'))
    with pytest.raises(planfin.ValidationError):
        plan.progress(planfin.Ledger(), CUT)
    with pytest.raises(planfin.ValidationError):
        plan.final_report(planfin.Ledger())


def sheet_names(path: Path) -> list[str]:
    openpyxl = pytest.importorskip("openpyxl")
    return list(openpyxl.load_workbook(path, read_only=True).sheetnames)


def test_variance_workbook(fixtures: Path, small: Any, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    plan, ledger = small
    out = tmp_path / "variance.xlsx"
    assert plan.variance(ledger, by="line", lang="fr").to_xlsx(out) == []
    assert sheet_names(out) == ["Synthèse", "Objectifs", "Sources", "Exercices", "Constats", "Provenance"]
    provenance = "\n".join(
        " ".join(str(c) for c in row if c is not None)
        for row in openpyxl.load_workbook(out, read_only=True)["Provenance"].iter_rows(values_only=True)
    )
    for name in ("plan.json", "ledger.json", "ledger-q4.json"):
        digest = hashlib.sha256((fixtures / "small" / name).read_bytes()).hexdigest()
        assert digest in provenance


def test_report_workbooks_of_embedded_and_python_data(tmp_path: Path) -> None:
    plan = planfin.cnltp_plan()
    ledger = planfin.Ledger.from_records(planfin.cnltp_ledger())
    assert plan.progress(ledger, CUT, lang="fr").to_xlsx(tmp_path / "p.xlsx") == []
    assert sheet_names(tmp_path / "p.xlsx") == [
        "Synthèse", "Objectifs", "Exercices", "Ancienneté objectifs", "Ancienneté lignes", "Constats", "Provenance",
    ]
    assert plan.final_report(ledger, lang="fr").to_xlsx(tmp_path / "f.xlsx") == []
    assert sheet_names(tmp_path / "f.xlsx") == ["Rapprochement", "Objectifs", "Sources", "Constats", "Provenance"]


def test_plan_and_ledger_workbooks_round_trip(tmp_path: Path) -> None:
    plan, ledger = planfin.cnltp_plan(), planfin.cnltp_ledger()
    assert plan.to_xlsx(tmp_path / "plan.xlsx") == []
    assert planfin.read_plan(tmp_path / "plan.xlsx") == plan
    assert ledger.to_xlsx(tmp_path / "ledger.xlsx", lang="en") == []
    assert planfin.read_ledger(tmp_path / "ledger.xlsx") == ledger


def test_export_errors(tmp_path: Path) -> None:
    plan = planfin.cnltp_plan()
    path = tmp_path / "plan.xlsx"
    plan.to_xlsx(path)
    read = planfin.read_plan(path)
    with pytest.raises(planfin.ExportError) as e:
        read.to_xlsx(path)
    assert str(e.value) == f"refusing to write {path}: it is the input file {path}; choose another output file name"
    assert e.value.path == str(path)
    missing = tmp_path / "no" / "such" / "folder" / "r.xlsx"
    with pytest.raises(planfin.ExportError) as e:
        plan.variance(planfin.cnltp_ledger()).to_xlsx(missing)
    assert str(e.value).startswith(f"cannot write {missing}: ")
    assert str(e.value).endswith("; check that the folder exists, is writable and has free space")
