"""Errors: one Python exception per Rust error kind, with the whole message and context."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import planfin


def test_hierarchy() -> None:
    for cls in (
        planfin.JsonError,
        planfin.WorkbookError,
        planfin.LedgerConflictError,
        planfin.ValidationError,
        planfin.MoneyError,
        planfin.RecordError,
        planfin.ExportError,
    ):
        assert issubclass(cls, planfin.PlanfinError)
    assert issubclass(planfin.PlanfinError, Exception)
    assert issubclass(planfin.MoneyError, ValueError)
    assert issubclass(planfin.RecordError, ValueError)


def test_missing_file_is_file_not_found(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(FileNotFoundError) as e:
        planfin.read_plan(path)
    assert str(e.value) == f"[Errno 2] No such file or directory: '{path}'"
    assert e.value.filename == str(path)
    with pytest.raises(IsADirectoryError):
        planfin.read_ledger(tmp_path)


def test_malformed_json_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"code": "X",\n "title": 3}', encoding="utf-8")
    with pytest.raises(planfin.JsonError) as e:
        planfin.read_plan(path)
    assert str(e.value) == f"{path}:2:11: invalid type: integer `3`, expected struct Text"
    assert (e.value.path, e.value.line, e.value.column) == (str(path), 2, 11)
    with pytest.raises(planfin.JsonError) as e:
        planfin.Ledger.from_json('{"expenditures": 3}')
    assert str(e.value) == "<string>:1:18: invalid type: integer `3`, expected a list of expenditures"


def test_bytes_that_are_not_json(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes(b'{"code": "\xe9"}')
    with pytest.raises(planfin.JsonError) as e:
        planfin.read_plan(latin1)
    assert str(e.value) == f"{latin1}: not UTF-8 text (invalid byte at offset 10): save it as UTF-8 JSON"
    zipped = tmp_path / "book.json"
    zipped.write_bytes(b"PK\x03\x04" + bytes(100))
    with pytest.raises(planfin.JsonError) as e:
        planfin.read_ledger(zipped)
    assert str(e.value) == (
        f"{zipped}: this is a workbook or zip file, not JSON: name it .xlsx, .xls or .ods to read it as a workbook"
    )
    assert e.value.line is None


def test_a_bom_is_accepted(tmp_path: Path, fixtures: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + (fixtures / "small" / "plan.json").read_bytes())
    assert planfin.read_plan(path).code == "SMALL-2019"


def test_exceptions_can_be_built_and_pickled_from_python() -> None:
    e = planfin.WorkbookError("bad", path="a.xlsx", sheet="Depenses", cell="E9", errors=[{"cell": "E9"}])
    assert (e.path, e.sheet, e.cell, e.errors, e.total) == ("a.xlsx", "Depenses", "E9", [{"cell": "E9"}], 1)
    assert e.message == "bad"
    copy = pickle.loads(pickle.dumps(e))
    assert (str(copy), copy.path, copy.sheet, copy.cell, copy.errors) == ("bad", "a.xlsx", "Depenses", "E9", [{"cell": "E9"}])
    v = pickle.loads(pickle.dumps(planfin.ValidationError("x", findings=[{"code": "c"}])))
    assert v.findings == [{"code": "c"}]


def test_importing_planfin_does_not_import_pandas() -> None:
    code = "import sys, planfin; planfin.cnltp_plan().variance(planfin.cnltp_ledger()).rows; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(__file__).parent)
    assert out.stdout.strip() == "False"


def test_safety_limits_can_be_set_by_name(fixtures: Path) -> None:
    ledger = fixtures / "xlsx" / "cnltp_ledger.xlsx"
    with pytest.raises(planfin.WorkbookError) as e:
        planfin.read_ledger(ledger, limits={"max_cells": 100})
    assert "has more than 100 cells" in str(e.value)
    assert 'limits={"max_cells": N} in Python' in str(e.value)
    far = fixtures / "hostile" / "xls_far_cell.xls"
    with pytest.raises(planfin.WorkbookError) as e:
        planfin.read_ledger(far)
    assert "raise max_range_cells" in str(e.value)
    # Raised, the limit lets the reader build the sheet; its header was the cell moved away.
    with pytest.raises(planfin.WorkbookError) as e:
        planfin.read_ledger(far, limits={"max_range_cells": 20_000_000})
    assert "missing column(s) Date" in str(e.value)
    assert len(planfin.read_ledger(ledger, limits={"max_cells": 10_000})) == 376
    with pytest.raises(ValueError, match='"max_rows" is not a limit'):
        planfin.read_plan(fixtures / "xlsx" / "cnltp_plan.xlsx", limits={"max_rows": 1})
