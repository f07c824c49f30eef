"""Parquet as planfin writes it, read by pyarrow (an independent reader): the column types, and
the amounts against the JSON ledger's; and a Parquet file with a float amount column, which
`planfin convert` refuses, naming the column."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
LEDGER = ROOT / "fixtures" / "cnltp" / "ledger.json"


@pytest.fixture(scope="module")
def planfin_bin() -> Path:
    """The `planfin` command: $PLANFIN_BIN, else target/debug/planfin, built if missing."""
    given = os.environ.get("PLANFIN_BIN")
    if given:
        return Path(given)
    binary = ROOT / "target" / "debug" / "planfin"
    if not binary.exists():
        subprocess.run(["cargo", "build", "--quiet", "-p", "planfin-cli", "--bin", "planfin"], cwd=ROOT, check=True)
    return binary


def run(planfin_bin: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(planfin_bin), *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def test_pyarrow_reads_the_types_and_the_exact_amounts(planfin_bin: Path, tmp_path: Path) -> None:
    out = tmp_path / "ledger.parquet"
    done = run(planfin_bin, "convert", LEDGER, out)
    assert done.returncode == 0, done.stderr
    table = pq.read_table(out)
    schema = table.schema
    # EUR has 2 decimals, XOF none: the file's scale is the larger.
    assert schema.field("amount").type == pa.decimal128(38, 2)
    assert not schema.field("amount").nullable
    assert schema.field("date").type == pa.date32()
    for name in ("voucher", "line", "stage", "currency", "payee", "commitment"):
        assert schema.field(name).type == pa.dictionary(pa.int32(), pa.string()), name
    assert schema.field("description").type == pa.string()
    assert schema.field("rate").nullable
    assert schema.metadata[b"planfin:kind"] == b"ledger"

    entries = json.loads(LEDGER.read_text(encoding="utf-8"))["expenditures"]
    # A record seen twice is counted once: the file holds the first.
    expected = [(i, e) for i, e in enumerate(entries) if e not in entries[:i]]
    assert len(expected) < len(entries)
    assert table.num_rows == len(expected)
    rows = table.to_pylist()
    for row, (i, entry) in zip(rows, expected):
        assert row["voucher"] == entry["voucher"]
        assert row["date"] == datetime.date.fromisoformat(entry["date"])
        assert row["currency"] == entry["currency"]
        # Decimal("1250000.00") == Decimal("1250000"): the same amount, read exactly.
        assert isinstance(row["amount"], Decimal)
        assert row["amount"] == Decimal(str(entry["amount"]))
        assert row["stage"] == entry.get("stage", "paiement")
        assert row["commitment"] == entry.get("commitment")
        assert row["origin_place"] == f"expenditures[{i}]"


def test_a_float_amount_column_is_refused_by_name(planfin_bin: Path, tmp_path: Path) -> None:
    floats = tmp_path / "floats.parquet"
    table = pa.table(
        {
            "voucher": ["A-1", "A-2"],
            "date": pa.array([datetime.date(2019, 1, 1), datetime.date(2019, 1, 2)], pa.date32()),
            "line": ["0101", "0102"],
            "amount": pa.array([0.1, 0.2], pa.float64()),
            "currency": ["EUR", "EUR"],
        }
    )
    pq.write_table(table, floats)
    out = tmp_path / "out.json"
    for lang, says in (
        ("en", f"planfin: error: {floats}: column `amount` holds floating-point numbers (Float64), which cannot hold an amount exactly"),
        ("fr", f"planfin\u00a0: erreur\u00a0: {floats}\u00a0: la colonne `amount` contient des nombres à virgule flottante (Float64)"),
    ):
        done = run(planfin_bin, "--lang", lang, "convert", floats, out)
        assert done.returncode == 1
        assert done.stderr.startswith(says), done.stderr
        assert not out.exists()


def test_a_decimal_table_pyarrow_wrote_is_read(planfin_bin: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.parquet"
    table = pa.table(
        {
            "voucher": ["A-1", "A-2"],
            "date": pa.array([datetime.date(2019, 1, 1), datetime.date(2019, 1, 2)], pa.date32()),
            "line": ["0101", "0102"],
            "amount": pa.array([Decimal("1250000.00"), Decimal("12.34")], pa.decimal128(18, 2)),
            "currency": ["XOF", "EUR"],
        }
    )
    pq.write_table(table, theirs)
    out = tmp_path / "theirs.json"
    done = run(planfin_bin, "convert", theirs, out)
    assert done.returncode == 0, done.stderr
    entries = json.loads(out.read_text(encoding="utf-8"))["expenditures"]
    assert [(e["voucher"], e["amount"], e["currency"], e["stage"]) for e in entries] == [
        ("A-1", "1250000", "XOF", "paiement"),
        ("A-2", "12.34", "EUR", "paiement"),
    ]
