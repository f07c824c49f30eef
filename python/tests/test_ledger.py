"""Ledgers: reading, building from records and DataFrames, duplicates and conflicts."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import planfin

D = Decimal
DAY = datetime.date(2019, 1, 2)
RECORD: dict[str, Any] = {"voucher": "A", "date": DAY, "line": "0101", "amount": D(5), "currency": "XOF"}


def test_read_ledger_json(fixtures: Path) -> None:
    ledger = planfin.read_ledger(fixtures / "small" / "ledger.json")
    assert len(ledger) == 7
    assert [e.voucher for e in ledger] == ["L1", "L2", "L3", "L4", "L5", "L6", "L7"]
    l3 = ledger[2]
    assert (l3.amount, l3.currency, l3.stage) == (D("100.00"), "EUR", "paiement")
    assert str(l3.amount) == "100.00"
    assert ledger[1].stage == "paiement"  # stage omitted: paiement
    assert ledger[-1].amount == D(-5000)
    assert l3.origin == f"{fixtures / 'small' / 'ledger.json'} expenditures[2]"
    with pytest.raises(IndexError) as e:
        ledger[7]
    assert str(e.value) == "ledger index 7 out of range (7 entries)"
    with pytest.raises(IndexError):
        ledger[-8]


def test_read_ledger_with_plan_argument(fixtures: Path) -> None:
    plan = planfin.read_plan(fixtures / "small" / "plan.json")
    assert len(planfin.read_ledger(fixtures / "small" / "ledger.json", plan=plan)) == 7


def test_sum_of_amounts_is_exact(fixtures: Path) -> None:
    ledger = planfin.read_ledger(fixtures / "small" / "ledger.json")
    xof = sum((e.amount for e in ledger if e.currency == "XOF"), D(0))
    # 150000 + 320000 + 30000 + 125000 + 80000 - 5000, by hand.
    assert xof == D(700000)
    many = planfin.Ledger.from_records(
        {**RECORD, "voucher": f"C{i}", "amount": D("0.10"), "currency": "EUR"} for i in range(1000)
    )
    total = sum((e.amount for e in many), D(0))
    assert total == D("100.00")
    assert str(total) == "100.00"


def test_cnltp_ledger() -> None:
    ledger = planfin.cnltp_ledger()
    # 370 vouchers, and the chain of ENG-2019-0401 and BC-2019-0304 (6 records, 5 vouchers).
    assert len(ledger) == 376
    assert ledger.duplicates == [
        {
            "voucher": "PC-2018-0062",
            "first": "fixtures/cnltp/ledger.json expenditures[61]",
            "again": "fixtures/cnltp/ledger.json expenditures[86]",
        }
    ]
    assert {e.currency for e in ledger} == {"XOF", "EUR"}
    assert repr(ledger) == "<Ledger entries=376 duplicates=1 2018-02-01..2020-01-17>"
    assert [(e.date, e.stage) for e in ledger if e.voucher == "BC-2019-0304"] == [
        (datetime.date(2019, 4, 20), "engagement"),
        (datetime.date(2019, 8, 14), "paiement"),
    ]
    assert {e.voucher for e in ledger if e.commitment == "ENG-2019-0401"} == {
        "LIQ-2019-0401", "PAY-2019-0401A", "PAY-2019-0401B",
    }


def test_from_records_dicts_and_expenditures() -> None:
    e = planfin.Expenditure("B", DAY, "0102", D("12.34"), "EUR", stage="engagement")
    ledger = planfin.Ledger.from_records([RECORD, e], source="janvier")
    assert [x.voucher for x in ledger] == ["A", "B"]
    assert ledger[0].origin == "janvier records[0]"
    assert ledger[1] == e
    assert ledger.get("B") == e
    assert ledger.get("Z") is None
    assert ledger.to_records()[0] == {
        **RECORD, "rate": None, "stage": "paiement", "payee": "", "description": "", "document": None,
        "commitment": None,
    }


def test_from_records_default_currency() -> None:
    record = {k: v for k, v in RECORD.items() if k != "currency"}
    assert planfin.Ledger.from_records([record], currency="XOF")[0].currency == "XOF"
    with pytest.raises(planfin.RecordError) as e:
        planfin.Ledger.from_records([record])
    assert str(e.value) == "records[0]: no currency: every record needs voucher, date, line, amount and currency"


def test_from_records_refuses_a_float_amount() -> None:
    with pytest.raises(TypeError) as e:
        planfin.Ledger.from_records([RECORD, {**RECORD, "voucher": "B", "amount": 0.1}])
    assert str(e.value) == "records[1]: amount must be decimal.Decimal or int, got float 0.1: use Decimal('0.1')"


@pytest.mark.parametrize(
    ("record", "message", "field"),
    [
        (
            {**RECORD, "amont": 5},
            "records[0]: unknown field 'amont': the fields are voucher, date, line, amount, "
            "currency, rate, stage, payee, description, document, commitment",
            None,
        ),
        (
            {k: v for k, v in RECORD.items() if k != "line"},
            "records[0]: no line: every record needs voucher, date, line, amount and currency",
            "line",
        ),
        (
            {**RECORD, "voucher": None},
            "records[0]: no voucher: every record needs voucher, date, line, amount and currency",
            "voucher",
        ),
        (
            {**RECORD, "currency": "EURO"},
            'records[0]: unknown currency "EURO": use an ISO 4217 code such as XOF, XAF, EUR or USD',
            "currency",
        ),
        (
            {**RECORD, "stage": "bof"},
            'records[0]: "bof" is not a stage: use engagement, liquidation, ordonnancement or paiement',
            "stage",
        ),
    ],
)
def test_from_records_bad_records(record: dict[str, Any], message: str, field: str | None) -> None:
    with pytest.raises(planfin.RecordError) as e:
        planfin.Ledger.from_records([record])
    assert str(e.value) == message
    assert (e.value.index, e.value.field) == (0, field)
    assert isinstance(e.value, planfin.PlanfinError)
    assert isinstance(e.value, ValueError)


def test_from_records_type_errors_name_the_record() -> None:
    with pytest.raises(TypeError) as e:
        planfin.Ledger.from_records([RECORD, 5])
    assert str(e.value) == "records[1] must be a dict (or another mapping) or a planfin.Expenditure, got int"
    with pytest.raises(TypeError) as e:
        planfin.Ledger.from_records([{**RECORD, "date": "2019-01-02"}])
    assert str(e.value) == (
        "records[0]: date must be datetime.date, got str '2019-01-02': "
        "use datetime.date.fromisoformat('2019-01-02')"
    )
    with pytest.raises(TypeError):
        planfin.Ledger.from_records(5)  # type: ignore[arg-type]


def test_duplicates_count_once_and_conflicts_raise() -> None:
    ledger = planfin.Ledger.from_records([RECORD, dict(RECORD)], source="jan")
    assert len(ledger) == 1
    assert ledger.duplicates == [{"voucher": "A", "first": "jan records[0]", "again": "jan records[1]"}]
    with pytest.raises(planfin.LedgerConflictError) as e:
        planfin.Ledger.from_records([RECORD, {**RECORD, "amount": D(6)}], source="jan")
    assert str(e.value) == (
        'voucher "A" at jan records[1] conflicts with the entry of the same voucher at jan records[0]: '
        "a voucher keeps its line and commitment, and has one amount per stage and date; give the new "
        "entry its own voucher, or record a correction as a new entry"
    )
    assert e.value.conflicts == [
        {
            "message": str(e.value),
            "voucher": "A",
            "first": {"file": "jan", "place": "records[0]"},
            "again": {"file": "jan", "place": "records[1]"},
        }
    ]


def test_several_conflicts_are_all_reported() -> None:
    records = [RECORD, {**RECORD, "amount": D(6)}, {**RECORD, "voucher": "B"}, {**RECORD, "voucher": "B", "line": "0102"}]
    with pytest.raises(planfin.LedgerConflictError) as e:
        planfin.Ledger.from_records(records)
    assert str(e.value).splitlines()[0] == "2 conflicting vouchers"
    assert [c["voucher"] for c in e.value.conflicts] == ["A", "B"]


def test_merge_recognises_a_voucher_read_twice(fixtures: Path) -> None:
    first = planfin.read_ledger(fixtures / "small" / "ledger.json")
    q4 = planfin.read_ledger(fixtures / "small" / "ledger-q4.json")
    merged = first.merge(q4)
    assert len(merged) == 8
    assert len(first) == 7  # merge returns a new ledger
    assert merged.duplicates == [
        {
            "voucher": "L7",
            "first": f"{fixtures / 'small' / 'ledger.json'} expenditures[6]",
            "again": f"{fixtures / 'small' / 'ledger-q4.json'} expenditures[0]",
        }
    ]
    # L1 is a payment on line 0101: on line 0102 it is another expenditure under the same voucher.
    changed = planfin.Ledger.from_records([{**RECORD, "voucher": "L1", "line": "0102"}], source="other")
    with pytest.raises(planfin.LedgerConflictError) as e:
        first.merge(changed)
    assert str(e.value).startswith('voucher "L1" at other records[0] conflicts with the entry of the same voucher at ')


def test_json_round_trip(tmp_path: Path) -> None:
    ledger = planfin.cnltp_ledger()
    path = tmp_path / "ledger.json"
    path.write_text(ledger.to_json(), encoding="utf-8")
    assert planfin.read_ledger(path) == ledger
    assert planfin.Ledger.from_json(ledger.to_json()) == ledger


def test_json_conflicts_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "conflict.json"
    path.write_text(
        '{"expenditures": ['
        '{"voucher": "A", "date": "2019-01-02", "line": "0101", "amount": "5", "currency": "XOF"},'
        '{"voucher": "A", "date": "2019-01-02", "line": "0101", "amount": "6", "currency": "XOF"}]}',
        encoding="utf-8",
    )
    with pytest.raises(planfin.LedgerConflictError) as e:
        planfin.read_ledger(path)
    assert str(e.value) == (
        f"{path}: 1 conflicting voucher\n"
        f'voucher "A" at {path} expenditures[1] conflicts with the entry of the same voucher at '
        f"{path} expenditures[0]: a voucher keeps its line and commitment, and has one amount per stage "
        "and date; give the new entry its own voucher, or record a correction as a new entry"
    )
    assert e.value.path == str(path)


def test_empty_ledger() -> None:
    ledger = planfin.Ledger()
    assert len(ledger) == 0
    assert list(ledger) == []
    assert repr(ledger) == "<Ledger entries=0>"
    report = planfin.cnltp_plan().variance(ledger)
    assert report.totals["paid"] == 0
    assert all("not_started" in row["flags"] for row in report.rows)


def test_iteration_is_lazy_and_repeatable() -> None:
    ledger = planfin.cnltp_ledger()
    it = iter(ledger)
    assert iter(it) is it
    assert next(it).voucher == "PC-2018-0001"
    assert sum(1 for _ in ledger) == 376


def test_to_pandas_keeps_decimals_exact(fixtures: Path) -> None:
    pd = pytest.importorskip("pandas")
    ledger = planfin.read_ledger(fixtures / "small" / "ledger.json")
    df = ledger.to_pandas()
    assert list(df.columns) == [
        "voucher", "date", "line", "amount", "currency", "rate", "stage", "payee", "description", "document",
        "commitment",
    ]
    assert df["amount"].dtype == object
    assert df["amount"].map(type).eq(Decimal).all()
    assert df.loc[df["currency"] == "XOF", "amount"].sum() == D(700000)
    assert df["date"].iloc[0] == datetime.date(2019, 2, 10)
    floats = ledger.to_pandas(float_amounts=True)
    assert floats["amount"].dtype == "float64"
    assert floats["amount"].iloc[2] == 100.0
    assert isinstance(df, pd.DataFrame)


def test_from_pandas(fixtures: Path) -> None:
    pd = pytest.importorskip("pandas")
    ledger = planfin.read_ledger(fixtures / "small" / "ledger.json")
    assert planfin.Ledger.from_pandas(ledger.to_pandas()) == ledger
    df = pd.DataFrame(
        {
            "voucher": ["A", "B"],
            "date": pd.to_datetime(["2019-01-02", "2019-01-03"]),
            "line": ["0101", "0102"],
            "amount": [1250000, 300],
            "stage": ["engagement", None],
        }
    )
    built = planfin.Ledger.from_pandas(df, currency="XOF", source="df")
    assert [(e.date, e.amount, e.stage) for e in built] == [
        (datetime.date(2019, 1, 2), D(1250000), "engagement"),
        (datetime.date(2019, 1, 3), D(300), "paiement"),
    ]
    assert built[1].origin == "df row 1"
    floats = df.assign(amount=[0.1, 2.5])
    with pytest.raises(TypeError) as e:
        planfin.Ledger.from_pandas(floats, currency="XOF")
    assert str(e.value) == "row 0: amount must be decimal.Decimal or int, got float 0.1: use Decimal('0.1')"
    with pytest.raises(TypeError) as e:
        planfin.Ledger.from_pandas([RECORD])
    assert str(e.value) == "expected a pandas.DataFrame, got list"
