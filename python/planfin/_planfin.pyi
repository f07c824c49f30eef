"""Typed stubs of planfin's compiled module. Import ``planfin``, not ``planfin._planfin``."""

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, ClassVar, Literal, TypeAlias, final

__all__ = [
    "__version__",
    "Plan",
    "Ledger",
    "Expenditure",
    "VarianceReport",
    "ProgressReport",
    "FinalReport",
    "read_plan",
    "cnltp_plan",
    "read_ledger",
    "cnltp_ledger",
]

__version__: str

_Amount: TypeAlias = Decimal | int
_Grouping: TypeAlias = Literal["objective", "line", "source", "period"]
_Lang: TypeAlias = Literal["fr", "en"]
_DecimalMark: TypeAlias = Literal[",", "."]
_Finding: TypeAlias = dict[str, str | None | dict[str, str | int]]
_Row: TypeAlias = dict[str, Any]
_ExportFinding: TypeAlias = dict[str, str]
# A pandas.DataFrame: typed as Any so that type-checking planfin needs neither pandas nor
# pandas-stubs.
_DataFrame: TypeAlias = Any

@final
class Plan:
    """A budget plan: ceiling, period, objectives, budget lines, funding sources, amendments."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_json(text: str) -> Plan:
        """Reads a plan from JSON text (the format of ``Plan.to_json()``)."""
    @property
    def code(self) -> str:
        """Short code of the plan (``"CNLTP-2018-2019"``)."""
    @property
    def title(self) -> dict[str, str]:
        """Title in French and English: ``{"fr": ..., "en": ...}``."""
    @property
    def organisation(self) -> str:
        """The organisation that executes the plan."""
    @property
    def currency(self) -> str:
        """The plan currency as an ISO 4217 code (``"XOF"``)."""
    @property
    def start(self) -> datetime.date:
        """First day of the plan period."""
    @property
    def end(self) -> datetime.date:
        """Last day of the plan period."""
    @property
    def ceiling(self) -> Decimal:
        """The budget ceiling (plafond), exact."""
    @property
    def objectives(self) -> list[dict[str, Any]]:
        """Strategic objectives: ``[{"code", "title": {"fr", "en"}}]``."""
    @property
    def sources(self) -> list[dict[str, Any]]:
        """Funding sources: ``[{"code", "name": {"fr", "en"}, "kind"}]``."""
    @property
    def lines(self) -> list[dict[str, Any]]:
        """Budget lines: ``[{"code", "objective", "label", "source", "amounts", "initial",
        "costing"}]``."""
    @property
    def amendments(self) -> list[dict[str, Any]]:
        """Amendments: ``[{"reference", "date", "from", "to", "amount", "source", "reason",
        "approved_by"}]``."""
    @property
    def rates(self) -> list[dict[str, Any]]:
        """Exchange rates supplied with the plan: ``[{"date", "from", "to", "rate"}]``."""
    @property
    def warnings(self) -> list[dict[str, str]]:
        """What the workbook import noticed and accepted: ``[{"place", "message"}]``."""
    def validate(self, ledger: Ledger | None = None, lang: _Lang | None = None) -> list[_Finding]:
        """Every finding of validation of the plan (and of ``ledger`` against it)."""
    def variance(
        self,
        ledger: Ledger,
        as_of: datetime.date | None = None,
        by: _Grouping = "objective",
        lang: _Lang | None = None,
        tolerance: _Amount | None = None,
        stale_days: int = 90,
    ) -> VarianceReport:
        """The budget-vs-actual variance report of this plan against ``ledger``."""
    def progress(
        self,
        ledger: Ledger,
        as_of: datetime.date,
        lang: _Lang | None = None,
        tolerance: _Amount | None = None,
        stale_days: int = 90,
    ) -> ProgressReport:
        """The progress report (rapport d'étape) at the cut-off ``as_of``."""
    def final_report(
        self,
        ledger: Ledger,
        lang: _Lang | None = None,
        tolerance: _Amount | None = None,
        stale_days: int = 90,
    ) -> FinalReport:
        """The final report (rapport final) over the whole plan period."""
    def to_xlsx(self, path: str | os.PathLike[str], lang: _Lang = "fr") -> list[_ExportFinding]:
        """Writes the plan as a workbook that ``read_plan`` reads back."""
    def to_json(self) -> str:
        """The plan as pretty JSON."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Expenditure:
    """One entry of the expenditure journal."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(
        cls,
        voucher: str,
        date: datetime.date,
        line: str,
        amount: _Amount,
        currency: str,
        rate: _Amount | None = None,
        stage: str = "paiement",
        payee: str = "",
        description: str = "",
        document: str | None = None,
        commitment: str | None = None,
    ) -> Expenditure: ...
    @property
    def voucher(self) -> str:
        """Voucher reference (numero de piece), unique in a ledger."""
    @property
    def date(self) -> datetime.date:
        """Date of the operation."""
    @property
    def line(self) -> str:
        """Code of the budget line charged."""
    @property
    def amount(self) -> Decimal:
        """Amount in ``currency``, exact; negative for a correction."""
    @property
    def currency(self) -> str:
        """ISO 4217 code of the amount's currency."""
    @property
    def rate(self) -> Decimal | None:
        """Rate to the plan currency where no peg applies, or ``None``."""
    @property
    def stage(self) -> Literal["engagement", "liquidation", "ordonnancement", "paiement"]:
        """Stage in the expenditure chain."""
    @property
    def payee(self) -> str:
        """Who is paid."""
    @property
    def description(self) -> str:
        """What for."""
    @property
    def document(self) -> str | None:
        """Supporting document reference, or ``None``."""
    @property
    def commitment(self) -> str | None:
        """Voucher of the commitment (engagement) this entry belongs to, or ``None``."""
    @property
    def origin(self) -> str | None:
        """Where the entry came from (``"ledger.json expenditures[3]"``), or ``None``."""
    def to_dict(self) -> dict[str, Any]:
        """The fields as a dict (the keys ``Ledger.from_records`` reads)."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class Ledger:
    """The expenditure journal: append-only, keyed by voucher."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls) -> Ledger: ...
    @staticmethod
    def from_records(
        records: Iterable[Mapping[str, Any] | Expenditure],
        *,
        currency: str | None = None,
        source: str | None = None,
    ) -> Ledger:
        """A ledger from an iterable of dicts (or ``Expenditure`` objects)."""
    @staticmethod
    def from_pandas(
        df: _DataFrame, *, currency: str | None = None, source: str | None = None
    ) -> Ledger:
        """A ledger from a pandas DataFrame with the columns of ``from_records``."""
    @staticmethod
    def from_json(text: str) -> Ledger:
        """Reads a ledger from JSON text (the format of ``Ledger.to_json()``)."""
    def merge(self, other: Ledger) -> Ledger:
        """A new ledger with the entries of this one, then those of ``other``."""
    @property
    def warnings(self) -> list[dict[str, str]]:
        """What the workbook import noticed and accepted: ``[{"place", "message"}]``."""
    def get(self, voucher: str) -> Expenditure | None:
        """The entry with ``voucher``, or ``None``."""
    @property
    def duplicates(self) -> list[dict[str, str]]:
        """Vouchers seen twice with identical content: ``[{"voucher", "first", "again"}]``."""
    def to_records(self) -> list[dict[str, Any]]:
        """The entries as a list of dicts."""
    def to_pandas(self, float_amounts: bool = False) -> _DataFrame:
        """The entries as a pandas DataFrame (Decimal amounts in object columns)."""
    def to_xlsx(self, path: str | os.PathLike[str], lang: _Lang = "fr") -> list[_ExportFinding]:
        """Writes the ledger as a workbook that ``read_ledger`` reads back."""
    def to_json(self) -> str:
        """The ledger as pretty JSON."""
    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> Expenditure: ...
    def __iter__(self) -> Iterator[Expenditure]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class VarianceReport:
    """The budget-vs-actual variance report."""

    @property
    def plan(self) -> dict[str, Any]:
        """The plan: ``{"code", "title", "organisation", "currency", "start", "end", "ceiling"}``."""
    @property
    def currency(self) -> str:
        """ISO 4217 code of every amount (the plan currency)."""
    @property
    def as_of(self) -> datetime.date:
        """Cut-off date."""
    @property
    def by(self) -> _Grouping:
        """What the rows are."""
    @property
    def lang(self) -> _Lang:
        """Language of labels."""
    @property
    def tolerance(self) -> Decimal | None:
        """The ``over_tolerance`` percentage, or ``None``."""
    @property
    def sign_convention(self) -> str:
        """The sign convention."""
    @property
    def rounding(self) -> str:
        """The rounding rule of conversions."""
    @property
    def columns(self) -> list[str]:
        """The names of the columns of ``rows``, in order."""
    @property
    def rows(self) -> list[_Row]:
        """One dict per row: key, label, the amounts, execution_rate, flags."""
    @property
    def totals(self) -> dict[str, Decimal | None]:
        """The amount fields summed over the rows, and their execution_rate."""
    @property
    def findings(self) -> list[_Finding]:
        """Warnings of validation printed with the report."""
    def to_pandas(self, float_amounts: bool = False) -> _DataFrame:
        """The rows as a pandas DataFrame (Decimal amounts in object columns)."""
    def to_json(self) -> str:
        """The report as stable JSON."""
    def to_csv(self, bom: bool = False) -> str:
        """The rows and totals as CSV (RFC 4180)."""
    def to_markdown(self) -> str:
        """The report as a Markdown table."""
    def to_text(self) -> str:
        """The report as an aligned text table."""
    def to_xlsx(self, path: str | os.PathLike[str]) -> list[_ExportFinding]:
        """Writes the variance workbook (every grouping, live formulas, provenance)."""
    def _repr_markdown_(self) -> str: ...

@final
class ProgressReport:
    """The progress report (rapport d'étape) at a cut-off date."""

    @property
    def plan(self) -> dict[str, Any]:
        """The plan: ``{"code", "title", "organisation", "currency", "start", "end", "ceiling"}``."""
    @property
    def currency(self) -> str:
        """ISO 4217 code of every amount."""
    @property
    def as_of(self) -> datetime.date:
        """The cut-off date."""
    @property
    def lang(self) -> _Lang:
        """Language of labels."""
    @property
    def tolerance(self) -> Decimal | None:
        """The ``over_tolerance`` percentage, or ``None``."""
    @property
    def sign_convention(self) -> str:
        """The sign convention."""
    @property
    def rounding(self) -> str:
        """The rounding rule."""
    @property
    def burn_rate_basis(self) -> str:
        """How the burn rate is computed."""
    @property
    def projection_rule(self) -> str:
        """How the projection is computed."""
    @property
    def elapsed(self) -> dict[str, Any]:
        """``{"days_total", "days_elapsed", "share"}``."""
    @property
    def burn_rate_per_day(self) -> Decimal | None:
        """Total paid per elapsed day."""
    @property
    def ageing(self) -> dict[str, Any]:
        """Remaining to pay of the open commitments by age: ``{"by_objective", "by_line", "totals"}``."""
    @property
    def columns(self) -> list[str]:
        """The names of the columns of ``rows``."""
    @property
    def rows(self) -> list[_Row]:
        """One dict per objective, with ``projected_paid`` and ``projected_variance``."""
    @property
    def totals(self) -> dict[str, Decimal | None]:
        """The objectives' totals, with the projection."""
    @property
    def by_period(self) -> dict[str, Any]:
        """Execution by fiscal year: ``{"rows", "totals"}``."""
    @property
    def findings(self) -> list[_Finding]:
        """Warnings, ``over_budget`` and ``projected_over_budget`` findings."""
    def to_pandas(self, float_amounts: bool = False) -> _DataFrame:
        """The objective rows as a pandas DataFrame."""
    def to_json(self) -> str:
        """The report as stable JSON."""
    def to_csv(self, bom: bool = False) -> str:
        """The objective table as CSV."""
    def to_markdown(self) -> str:
        """Every table as Markdown."""
    def to_text(self) -> str:
        """Every table as aligned text."""
    def to_xlsx(self, path: str | os.PathLike[str]) -> list[_ExportFinding]:
        """Writes the progress workbook."""
    def _repr_markdown_(self) -> str: ...

@final
class FinalReport:
    """The final report (rapport final) over the whole plan period."""

    @property
    def plan(self) -> dict[str, Any]:
        """The plan: ``{"code", "title", "organisation", "currency", "start", "end", "ceiling"}``."""
    @property
    def currency(self) -> str:
        """ISO 4217 code of every amount."""
    @property
    def as_of(self) -> datetime.date:
        """Everything dated up to this day counts."""
    @property
    def lang(self) -> _Lang:
        """Language of labels."""
    @property
    def tolerance(self) -> Decimal | None:
        """The ``over_tolerance`` percentage, or ``None``."""
    @property
    def sign_convention(self) -> str:
        """The sign convention."""
    @property
    def rounding(self) -> str:
        """The rounding rule."""
    @property
    def reconciliation(self) -> dict[str, Decimal]:
        """From the ceiling to what is left unspent."""
    @property
    def columns(self) -> list[str]:
        """The names of the columns of ``rows``."""
    @property
    def rows(self) -> list[_Row]:
        """The variance by objective."""
    @property
    def totals(self) -> dict[str, Decimal | None]:
        """The totals of the objectives."""
    @property
    def by_source(self) -> dict[str, Any]:
        """The variance by funding source: ``{"rows", "totals"}``."""
    @property
    def findings(self) -> list[_Finding]:
        """Every finding."""
    def to_pandas(self, float_amounts: bool = False) -> _DataFrame:
        """The objective rows as a pandas DataFrame."""
    def to_json(self) -> str:
        """The report as stable JSON."""
    def to_csv(self, bom: bool = False) -> str:
        """The objective table as CSV."""
    def to_markdown(self) -> str:
        """Every table as Markdown."""
    def to_text(self) -> str:
        """Every table as aligned text."""
    def to_xlsx(self, path: str | os.PathLike[str]) -> list[_ExportFinding]:
        """Writes the final workbook."""
    def _repr_markdown_(self) -> str: ...

def read_plan(
    path: str | os.PathLike[str],
    *,
    decimal_mark: _DecimalMark | None = None,
    limits: Mapping[str, int] | None = None,
    lang: _Lang | None = None,
) -> Plan:
    """Reads a plan file: a workbook (xlsx, xlsm, xlsb, xls, ods) or JSON. `limits` sets the
    workbook reader's safety limits by name (`{"max_range_cells": 20_000_000}`)."""

def read_ledger(
    path: str | os.PathLike[str],
    plan: Plan | None = None,
    *,
    currency: str | None = None,
    decimal_mark: _DecimalMark | None = None,
    limits: Mapping[str, int] | None = None,
    lang: _Lang | None = None,
) -> Ledger:
    """Reads a ledger file: a workbook (xlsx, xlsm, xlsb, xls, ods) or JSON. `limits` sets the
    workbook reader's safety limits by name (`{"max_cells": 100_000_000}`)."""

def cnltp_plan() -> Plan:
    """The embedded CNLTP plan (ceiling 206,850,000 XOF; lines illustrative)."""

def cnltp_ledger() -> Ledger:
    """The illustrative sample ledger of the embedded CNLTP plan."""
