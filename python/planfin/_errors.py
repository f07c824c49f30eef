"""The exceptions planfin raises, one class per kind of Rust error.

Every one is a :class:`PlanfinError`; catch that to catch them all. The compiled module
instantiates them with their attributes, so they carry where the problem is.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ExportError",
    "JsonError",
    "LedgerConflictError",
    "MoneyError",
    "PlanfinError",
    "RecordError",
    "ValidationError",
    "WorkbookError",
]


class PlanfinError(Exception):
    """Base of every error planfin raises about a plan, a ledger, a file or a report.

    ``path`` is the file the error is about, when there is one.
    """

    path: str | None

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path

    @property
    def message(self) -> str:
        """The message, as ``str(error)``."""
        return str(self.args[0]) if self.args else ""


class JsonError(PlanfinError):
    """A JSON plan or ledger that cannot be read: ``line`` and ``column`` (1-based) say where,
    when the text is JSON but malformed or of the wrong shape."""

    line: int | None
    column: int | None

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.line = line
        self.column = column


class WorkbookError(PlanfinError):
    """A workbook (xlsx, xls, ods) that cannot be imported; nothing of it is imported.

    ``kind`` says what is wrong: ``"cells"``, ``"missing_sheet"``, ``"missing_columns"``,
    ``"password_protected"``, ``"too_large"``, ``"not_a_workbook"`` or ``"unreadable"``.
    ``sheet`` and ``cell`` name the first bad cell (``"Depenses"``, ``"E9"``) when the problem
    is in cells; ``errors`` lists every bad cell reported (up to the importer's cap) as dicts
    with ``file``, ``sheet``, ``cell``, ``value``, ``expected``, ``rule``, ``fix`` and
    ``message``;
    ``total`` counts them all.
    """

    kind: str
    sheet: str | None
    cell: str | None
    errors: list[dict[str, str]]
    total: int

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        kind: str = "other",
        sheet: str | None = None,
        cell: str | None = None,
        errors: list[dict[str, str]] | None = None,
        total: int | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.kind = kind
        self.sheet = sheet
        self.cell = cell
        self.errors = list(errors or [])
        self.total = len(self.errors) if total is None else total


class LedgerConflictError(PlanfinError):
    """The same voucher with different content: vouchers are unique.

    ``conflicts`` lists each as a dict with ``voucher``, ``first`` and ``again`` (where each
    entry was read: ``{"file", "place"}``) and ``message``.
    """

    conflicts: list[dict[str, Any]]

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        conflicts: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.conflicts = list(conflicts or [])


class ValidationError(PlanfinError):
    """Validation found errors that block a report.

    ``findings`` lists every finding, errors and warnings, as dicts with ``code``,
    ``severity``, ``message`` and ``location``.
    """

    findings: list[dict[str, str | None]]

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        findings: list[dict[str, str | None]] | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.findings = list(findings or [])


class MoneyError(PlanfinError, ValueError):
    """An amount that cannot be computed exactly: an unknown currency, two currencies mixed,
    no exchange rate, an overflow."""


class RecordError(PlanfinError, ValueError):
    """A record given to ``Ledger.from_records`` or ``Ledger.from_pandas`` that is not an
    expenditure: ``index`` is its position (0-based), ``field`` the field at fault, if one."""

    index: int | None
    field: str | None

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        index: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.index = index
        self.field = field


class ExportError(PlanfinError):
    """A report or a plan that could not be written; an existing file is left as it was."""
