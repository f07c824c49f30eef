"""Amounts are decimal.Decimal or int, both ways; dates are datetime.date. Everything else is
refused with a message that says what to pass instead."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

import planfin

D = datetime.date(2019, 3, 1)


def expenditure(amount: Any = Decimal("1000"), date: Any = D, **kw: Any) -> planfin.Expenditure:
    return planfin.Expenditure("V-1", date, "0101", amount, kw.pop("currency", "XOF"), **kw)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0.1, "amount must be decimal.Decimal or int, got float 0.1: use Decimal('0.1')"),
        (1250000.0, "amount must be decimal.Decimal or int, got float 1250000.0: use Decimal('1250000.0')"),
        (True, "amount must be decimal.Decimal or int, got bool True"),
        ("12.5", "amount must be decimal.Decimal or int, got str '12.5': use Decimal('12.5')"),
        (None, "amount must be decimal.Decimal or int, got None"),
        ([1], "amount must be decimal.Decimal or int, got list [1]"),
    ],
)
def test_amounts_of_other_types_are_refused(value: Any, message: str) -> None:
    with pytest.raises(TypeError) as e:
        expenditure(value)
    assert str(e.value) == message


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (Decimal("NaN"), "amount must be a finite number, got Decimal('NaN')"),
        (Decimal("-Infinity"), "amount must be a finite number, got Decimal('-Infinity')"),
        (
            10**40,
            "amount int 10000000000000000000000000000000000000000 is too large: "
            "planfin keeps amounts exact up to 28 significant digits",
        ),
        (
            Decimal("1.0000000000000000000000000000001"),
            "amount Decimal('1.0000000000000000000000000000001') cannot be held exactly: "
            "planfin keeps amounts exact up to 28 significant digits and 28 decimals",
        ),
    ],
)
def test_amounts_that_cannot_be_exact_are_refused(value: Any, message: str) -> None:
    with pytest.raises(ValueError) as e:
        expenditure(value)
    assert str(e.value) == message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("1000.10"), "1000.10"),
        (Decimal("-0.5"), "-0.5"),
        (Decimal("1E+3"), "1000"),
        (1_250_000, "1250000"),
        (-5, "-5"),
        (Decimal("79228162514264337593543950335"), "79228162514264337593543950335"),
    ],
)
def test_decimals_and_ints_are_kept_exactly(value: Any, expected: str) -> None:
    amount = expenditure(value, currency="EUR").amount
    assert isinstance(amount, Decimal)
    assert str(amount) == expected
    assert amount == Decimal(expected)


def test_integer_types_with_index_are_ints() -> None:
    numpy = pytest.importorskip("numpy")
    assert expenditure(numpy.int64(42)).amount == Decimal(42)
    with pytest.raises(TypeError) as e:
        expenditure(numpy.float64(0.5))
    assert str(e.value) == "amount must be decimal.Decimal or int, got float64 0.5: use Decimal('0.5')"


def test_rates_are_guarded_too() -> None:
    assert expenditure(currency="USD", rate=Decimal("600.5")).rate == Decimal("600.5")
    assert expenditure().rate is None
    with pytest.raises(TypeError) as e:
        expenditure(currency="USD", rate=600.5)
    assert str(e.value) == "rate must be decimal.Decimal or int, got float 600.5: use Decimal('600.5')"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            datetime.datetime(2019, 3, 1, 10, 30),
            "date must be datetime.date, got datetime.datetime(2019, 3, 1, 10, 30): use its .date()",
        ),
        (
            "2019-03-01",
            "date must be datetime.date, got str '2019-03-01': "
            "use datetime.date.fromisoformat('2019-03-01')",
        ),
        (20190301, "date must be datetime.date, got int 20190301"),
    ],
)
def test_dates_are_datetime_date_only(value: Any, message: str) -> None:
    with pytest.raises(TypeError) as e:
        expenditure(date=value)
    assert str(e.value) == message


def test_dates_come_back_as_datetime_date() -> None:
    e = expenditure()
    assert type(e.date) is datetime.date
    assert e.date == D


def test_codes_are_text() -> None:
    with pytest.raises(TypeError) as e:
        planfin.Expenditure("V", D, 201, Decimal(1), "XOF")  # type: ignore[arg-type]
    assert str(e.value) == "line must be str, got int 201: codes are text ('0201' stays '0201'): pass a str"


def test_currency_and_stage_are_checked() -> None:
    with pytest.raises(planfin.MoneyError) as e:
        expenditure(currency="XYZ")
    assert str(e.value) == 'unknown currency "XYZ": use an ISO 4217 code such as XOF, XAF, EUR or USD'
    assert isinstance(e.value, ValueError)
    with pytest.raises(ValueError) as v:
        expenditure(stage="payé plus tard")
    assert str(v.value) == (
        '"payé plus tard" is not a stage: use engagement, liquidation, ordonnancement or paiement'
    )
    assert expenditure(stage="Engagé").stage == "engagement"
    assert expenditure(currency="eur").currency == "EUR"


def test_expenditure_properties_and_repr() -> None:
    e = planfin.Expenditure(
        "PC-1", D, "0101", Decimal("12.34"), "EUR", stage="ordonnancement",
        payee="Agence", description="Taxes", document="F-9",
    )
    assert (e.voucher, e.line, e.currency, e.stage, e.payee, e.description, e.document) == (
        "PC-1", "0101", "EUR", "ordonnancement", "Agence", "Taxes", "F-9",
    )
    assert e.origin is None
    assert repr(e) == "<Expenditure PC-1 2019-03-01 line=0101 12.34 EUR ordonnancement>"
    assert e.to_dict() == {
        "voucher": "PC-1", "date": D, "line": "0101", "amount": Decimal("12.34"),
        "currency": "EUR", "rate": None, "stage": "ordonnancement", "payee": "Agence",
        "description": "Taxes", "document": "F-9", "commitment": None,
    }
    assert e == planfin.Expenditure(**e.to_dict())
    assert e != expenditure()
