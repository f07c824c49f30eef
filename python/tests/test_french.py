"""The package's own exception messages in French, as a finance officer reads them: with
`lang="fr"` where a function takes it, else with PLANFIN_LANG=fr. The exception types and
attributes do not depend on the language."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import planfin

NBSP = "\u00a0"  # before ':' and inside guillemets
NNBSP = "\u202f"  # before ';', '?' and '!'
RECORD: dict[str, Any] = {
    "voucher": "A",
    "date": datetime.date(2019, 1, 2),
    "line": "0101",
    "amount": Decimal(5),
    "currency": "XOF",
}


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANFIN_LANG", "fr")


def test_bytes_that_are_not_utf8_with_lang_fr(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes(b'{"code": "\xe9"}')
    with pytest.raises(planfin.JsonError) as e:
        planfin.read_plan(latin1, lang="fr")
    assert str(e.value) == (
        f"{latin1}\u00a0: ce n'est pas du texte UTF-8 (octet invalide à la position 10)"
        "\u202f; enregistrez-le en JSON UTF-8"
    )
    assert e.value.path == str(latin1)
    assert e.value.line is None


def test_decimal_mark_with_lang_fr(fixtures: Path) -> None:
    path = fixtures / "xlsx" / "cnltp_ledger.xlsx"
    with pytest.raises(ValueError) as e:
        planfin.read_ledger(path, decimal_mark=";", lang="fr")
    assert type(e.value) is ValueError
    assert str(e.value) == (
        "decimal_mark «\u00a0;\u00a0» n'est pas un séparateur décimal\u00a0: "
        "utilisez «\u00a0,\u00a0» (1.250,50), «\u00a0.\u00a0» (1,250.50) ou None"
    )


@pytest.mark.usefixtures("french")
def test_missing_field_in_french_keeps_index_and_field() -> None:
    record = {k: v for k, v in RECORD.items() if k != "currency"}
    with pytest.raises(planfin.RecordError) as e:
        planfin.Ledger.from_records([RECORD, {**record, "voucher": "B"}])
    assert str(e.value) == (
        "records[1]\u00a0: champ currency manquant\u00a0: "
        "chaque enregistrement doit avoir voucher, date, line, amount et currency"
    )
    assert (e.value.index, e.value.field) == (1, "currency")
    assert isinstance(e.value, planfin.PlanfinError)
    assert isinstance(e.value, ValueError)


@pytest.mark.usefixtures("french")
def test_unknown_field_in_french() -> None:
    with pytest.raises(planfin.RecordError) as e:
        planfin.Ledger.from_records([{**RECORD, "amont": 5}])
    assert str(e.value) == (
        "records[0]\u00a0: champ inconnu 'amont'\u202f; les champs sont voucher, date, line, amount, "
        "currency, rate, stage, payee, description, document, commitment"
    )
    assert (e.value.index, e.value.field) == (0, None)


@pytest.mark.usefixtures("french")
def test_float_amount_in_french_is_still_a_type_error() -> None:
    with pytest.raises(TypeError) as e:
        planfin.Ledger.from_records([RECORD, {**RECORD, "voucher": "B", "amount": 0.1}])
    assert type(e.value) is TypeError
    assert str(e.value) == (
        "records[1]\u00a0: amount doit être de type decimal.Decimal ou int, et non float 0.1\u00a0: "
        "écrivez Decimal('0.1')"
    )


@pytest.mark.usefixtures("french")
def test_pandas_rows_are_lignes_in_french() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({k: [v] for k, v in {**RECORD, "amount": 0.1}.items()})
    with pytest.raises(TypeError) as e:
        planfin.Ledger.from_pandas(df, source="df")
    assert str(e.value).startswith("ligne 0\u00a0: amount doit être de type decimal.Decimal ou int")
    # The origin is data, the same in every language.
    assert planfin.Ledger.from_pandas(df.assign(amount=[Decimal(5)]), source="df")[0].origin == "df row 0"


@pytest.mark.usefixtures("french")
def test_index_and_date_and_lang_in_french(tmp_path: Path) -> None:
    ledger = planfin.Ledger.from_records([RECORD])
    with pytest.raises(IndexError) as e:
        ledger[3]
    assert str(e.value) == "indice 3 hors du journal (1 écriture)"
    with pytest.raises(TypeError) as t:
        planfin.Expenditure("A", datetime.datetime(2019, 1, 2, 10, 30), "0101", 5, "XOF")
    assert str(t.value) == (
        "date doit être de type datetime.date, et non datetime.datetime(2019, 1, 2, 10, 30)\u00a0: "
        "prenez sa méthode .date()"
    )
    with pytest.raises(ValueError) as v:
        ledger.to_xlsx(tmp_path / "l.xlsx", lang="de")
    assert str(v.value) == "«\u00a0de\u00a0» n'est pas une langue de planfin\u00a0: utilisez fr ou en"


def test_to_xlsx_refuses_an_unknown_lang_in_english(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as e:
        planfin.Ledger().to_xlsx(tmp_path / "l.xlsx", lang="de")
    assert str(e.value) == '"de" is not a language planfin speaks: use fr or en'


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("fr", ["plan CNLTP intégré à planfin", "journal construit en Python (376 écritures)"]),
        ("en", ["embedded CNLTP plan", "ledger built in Python (376 entries)"]),
    ],
)
def test_provenance_of_a_ledger_built_in_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, labels: list[str]
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    # The report's language decides, not the environment's.
    monkeypatch.setenv("PLANFIN_LANG", "en" if lang == "fr" else "fr")
    ledger = planfin.Ledger.from_records(planfin.cnltp_ledger())
    out = tmp_path / "p.xlsx"
    planfin.cnltp_plan().progress(ledger, datetime.date(2019, 6, 30), lang=lang).to_xlsx(out)
    cells = [
        str(c)
        for row in openpyxl.load_workbook(out, read_only=True).worksheets[-1].iter_rows(values_only=True)
        for c in row
        if c is not None
    ]
    assert [c for c in cells if c in labels] == labels
