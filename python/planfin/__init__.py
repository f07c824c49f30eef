"""planfin: budget plans, expenditure ledgers and variance reports, with exact amounts.

Amounts are :class:`decimal.Decimal` both ways (``int`` is accepted; a ``float`` is refused),
dates are :class:`datetime.date`, currencies ISO 4217 codes. Errors are
:class:`PlanfinError` subclasses that say where the problem is.

>>> import planfin
>>> plan, ledger = planfin.cnltp_plan(), planfin.cnltp_ledger()
>>> report = plan.variance(ledger)
>>> report.totals["initial"]
Decimal('206850000')
"""

from planfin._errors import (
    ExportError,
    JsonError,
    LedgerConflictError,
    MoneyError,
    PlanfinError,
    RecordError,
    ValidationError,
    WorkbookError,
)
from planfin._planfin import (
    Expenditure,
    FinalReport,
    Ledger,
    Plan,
    ProgressReport,
    VarianceReport,
    __version__,
    cnltp_ledger,
    cnltp_plan,
    read_ledger,
    read_plan,
)

__all__ = [
    "Expenditure",
    "ExportError",
    "FinalReport",
    "JsonError",
    "Ledger",
    "LedgerConflictError",
    "MoneyError",
    "Plan",
    "PlanfinError",
    "ProgressReport",
    "RecordError",
    "ValidationError",
    "VarianceReport",
    "WorkbookError",
    "__version__",
    "cnltp_ledger",
    "cnltp_plan",
    "read_ledger",
    "read_plan",
]
