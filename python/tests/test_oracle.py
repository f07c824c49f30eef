"""An independent oracle of the variance report.

Hypothesis generates plans and ledgers (several currencies, pegs and rate tables, amendments of
every shape, every stage, cut-off dates, unknown lines, duplicates, amounts up to 10^15 with
minor-unit decimals); this file recomputes the report in plain Python from the JSON text alone
(`decimal` for amounts, exact fractions for rounding: nothing of planfin's code) and compares it
with planfin's JSON report field by field, flags included, for the four groupings, with and
without a cut-off date. A minority of cases is invalid (a blocking plan or ledger): there the
oracle predicts the refusal and its error codes instead of figures.

The rules are those of README.md and of the project's issue on the oracle. Two switches:

- ``NEW``: the rules changed in planfin-core by 76e7f61 (amendment sources, rate tables, negative
  planned amounts, over_committed). Each is on; off, its cases are not generated (or, for the
  flag, not compared), for running the oracle against an older build.
- ``RULES``: where the issue's rules and planfin (README and Rust alike) disagree, which one
  the oracle asserts: ``"planfin"`` (the default, so that CI passes) or ``"issue"``.

``PLANFIN_ORACLE_NEW=name,...=0`` (or ``all=0``) switches NEW rules off,
``PLANFIN_ORACLE_RULES=name=issue,...`` (or ``all=issue``) picks the issue's rules, and
``PLANFIN_ORACLE_EXAMPLES`` sets the number of cases (2,000 by default, the same ones on every
run; ``PLANFIN_ORACLE_RANDOM=1`` draws new ones).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import planfin

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, event, given, note, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


def _settings(defaults: dict[str, Any], variable: str, parse: Any) -> dict[str, Any]:
    """`defaults`, overridden by `variable`: `name=value,...` (`all=value` for every name)."""
    out = dict(defaults)
    for item in filter(None, (w.strip() for w in os.environ.get(variable, "").split(","))):
        name, _, value = item.partition("=")
        if name != "all" and name not in defaults:
            raise ValueError(f"{variable}: unknown name {name!r}; known: {sorted(defaults)}")
        for k in defaults if name == "all" else [name]:
            out[k] = parse(value)
    return out


# The rules of 76e7f61 (see the module docstring).
NEW: dict[str, bool] = _settings(
    {
        # An amendment whose `source` differs from the source of a line it touches blocks the
        # report (invalid_amendment); so each leg counts on its own line's source row.
        "amendment_source": True,
        # A table rate <= 0, one whose `to` is not the plan currency, two rates for the same
        # currencies and date: blocking (invalid_rate).
        "rate_table_errors": True,
        # A negative planned amount: blocking (negative_amount).
        "negative_planned": True,
        # The over_committed flag (available < 0).
        "over_committed": True,
    },
    "PLANFIN_ORACLE_NEW",
    lambda v: v not in ("0", "off", "false"),
)

# Where the issue and planfin disagree (see the module docstring).
RULES: dict[str, str] = _settings(
    {
        # A plan's table rate for a pegged pair (EUR, XOF, XAF into XOF or XAF, or into EUR
        # from XOF or XAF). planfin: an error (invalid_rate). Issue: a warning, and the rate
        # is ignored: the legal peg applies.
        "pegged_table_rate": "planfin",
        # An entry's own `rate` for a currency with a legal peg to the plan currency, the plan
        # currency itself included. planfin: an error (invalid_rate). Issue: the entry's own
        # rate applies before the peg, and an entry in the plan currency counts as is.
        "pegged_own_rate": "planfin",
    },
    "PLANFIN_ORACLE_RULES",
    lambda v: {"planfin": "planfin", "issue": "issue"}[v],
)

EXAMPLES = int(os.environ.get("PLANFIN_ORACLE_EXAMPLES", "2000"))
# PLANFIN_ORACLE_RANDOM=1: other cases on each run (to hunt further; CI runs the same cases).
DERANDOMIZE = os.environ.get("PLANFIN_ORACLE_RANDOM", "") in ("", "0")

D0 = Decimal(0)
PEG = Decimal("655.957")  # 1 EUR = 655.957 XOF = 655.957 XAF, by treaty; XOF = XAF at par
CFA = {"XOF", "XAF"}
MINOR = {"XOF": 0, "XAF": 0, "EUR": 2, "USD": 2, "GBP": 2, "JPY": 0, "KWD": 3}
FIELDS = ["initial", "amendments", "revised", "committed", "paid", "variance", "available"]
GROUPINGS: list[Any] = ["objective", "line", "source", "period"]
COMMITTED = {"engagement", "liquidation", "ordonnancement"}
STAGE_FORMS = {
    "engagement": "engagement",
    "liquidation": "liquidation",
    "ordonnancement": "ordonnancement",
    "paiement": "paiement",
    "engagé": "engagement",
    "payé": "paiement",
    "paid": "paiement",
}
UNKNOWN_LABEL = {"fr": "Ligne inconnue", "en": "Unknown line"}
# Warning codes compared as a multiset with planfin's findings.
WARNING_CODES = {"ceiling_mismatch", "outside_period", "unknown_line", "duplicate_voucher"}


# ---------------------------------------------------------------------------------------------
# The oracle: from the JSON text to the report, in plain Python.
# ---------------------------------------------------------------------------------------------


def dec(value: Any) -> Decimal:
    """An amount of the JSON (a string, or a number read exactly by `parse_float=Decimal`)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def round_half_away(value: Fraction | Decimal, places: int) -> Decimal:
    """`value` to `places` decimals, half away from zero, exactly."""
    f = Fraction(value)
    scaled = abs(f) * 10**places
    units = scaled.numerator // scaled.denominator
    if scaled - units >= Fraction(1, 2):
        units += 1
    return Decimal(-units if f < 0 else units).scaleb(-places)


def fits(amount: Decimal, currency: str) -> bool:
    """Whether `amount` has no more decimals than the currency (`10.500` EUR has not)."""
    exponent = amount.as_tuple().exponent
    return (isinstance(exponent, int) and -exponent <= MINOR[currency]) or round_half_away(amount, MINOR[currency]) == amount


def peg(frm: str, to: str) -> Fraction | None:
    if frm == to or (frm in CFA and to in CFA):
        return Fraction(1)
    if frm == "EUR" and to in CFA:
        return Fraction(PEG)
    if frm in CFA and to == "EUR":
        return 1 / Fraction(PEG)
    return None


def pegged_pair(a: str, b: str) -> bool:
    return a != b and peg(a, b) is not None


def text(t: dict[str, str], lang: str) -> str:
    other = "en" if lang == "fr" else "fr"
    return t.get(lang) or t.get(other) or ""


def year_of(period: Any) -> int:
    return int(str(period)[:4])


def day(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


class Refused(Exception):
    """What the oracle expects instead of a report: `at` is "load" (the ledger cannot be read)
    or "report" (blocking findings); `codes` the error codes."""

    def __init__(self, at: str, codes: set[str]) -> None:
        super().__init__(at, codes)
        self.at, self.codes = at, codes


@dataclass
class Row:
    key: str
    label: str
    unknown: bool = False
    initial: Decimal = D0
    amendments: Decimal = D0
    committed: Decimal = D0
    paid: Decimal = D0
    entries: int = 0
    outside_period: bool = False
    unknown_line: bool = False
    duplicate: bool = False


@dataclass
class Book:
    """A ledger as the oracle reads it: distinct entries in order, the duplicated vouchers and
    how many identical repeats each had."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    repeats: Counter[str] = field(default_factory=Counter)


def read_books(texts: list[str]) -> Book:
    book, seen = Book(), dict[str, tuple[Any, ...]]()
    for t in texts:
        for e in json.loads(t, parse_float=Decimal)["expenditures"]:
            canon = canonical_entry(e)
            v = e["voucher"]
            if v in seen:
                if seen[v] != canon:
                    raise Refused("load", {"conflict"})
                book.repeats[v] += 1
                continue
            seen[v] = canon
            book.entries.append(e)
    return book


def canonical_entry(e: dict[str, Any]) -> tuple[Any, ...]:
    return (
        e["voucher"],
        e["date"],
        e["line"],
        dec(e["amount"]),
        e["currency"],
        None if e.get("rate") is None else dec(e["rate"]),
        STAGE_FORMS[e.get("stage") or "paiement"],
        e.get("payee", ""),
        e.get("description", ""),
        e.get("document"),
    )


def canonical_amendment(a: dict[str, Any]) -> tuple[Any, ...]:
    return (
        a["reference"],
        a["date"],
        a.get("from"),
        a.get("to"),
        dec(a["amount"]),
        a.get("source"),
        a.get("reason", ""),
        a.get("approved_by", ""),
    )


def distinct_amendments(plan: dict[str, Any]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for a in plan.get("amendments", []):
        if a["reference"] not in seen:
            seen.add(a["reference"])
            out.append(a)
    return out


def legs(a: dict[str, Any]) -> list[tuple[str, Decimal]]:
    amount = dec(a["amount"])
    out = []
    if a.get("from"):
        out.append((a["from"], -amount))
    if a.get("to"):
        out.append((a["to"], amount))
    return out


@functools.lru_cache(maxsize=8)
def plan_errors_of(plan_text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    errors, warnings = plan_errors(json.loads(plan_text, parse_float=Decimal))
    return frozenset(errors), tuple(warnings)


def plan_errors(plan: dict[str, Any]) -> tuple[set[str], list[str]]:
    """The blocking error codes of the plan alone, and its warning codes."""
    errors: set[str] = set()
    warnings: list[str] = []
    cur = plan["currency"]
    start, end = day(plan["start"]), day(plan["end"])
    ceiling = dec(plan["ceiling"])
    if end < start:
        errors.add("invalid_period")
    if ceiling <= 0:
        errors.add("invalid_ceiling")
    if not fits(ceiling, cur):
        errors.add("too_precise")
    for kind in ("objectives", "sources", "lines"):
        codes = [x["code"] for x in plan[kind]]
        if len(set(codes)) != len(codes):
            errors.add("duplicate_code")
    objectives = {o["code"] for o in plan["objectives"]}
    sources = {s["code"] for s in plan["sources"]}
    line_source: dict[str, str] = {}
    total = D0
    for line in plan["lines"]:
        line_source.setdefault(line["code"], line["source"])
        if line["objective"] not in objectives:
            errors.add("unknown_objective")
        if line["source"] not in sources:
            errors.add("unknown_source")
        for pa in line["amounts"]:
            amount = dec(pa["amount"])
            total += amount
            if not fits(amount, cur):
                errors.add("too_precise")
            if not start.year <= year_of(pa["period"]) <= end.year:
                errors.add("period_outside_plan")
            if amount < 0 and NEW["negative_planned"]:
                errors.add("negative_amount")
    if total > ceiling:
        errors.add("ceiling_mismatch")
    elif total < ceiling:
        warnings.append("ceiling_mismatch")
    first: dict[str, tuple[Any, ...]] = {}
    for a in plan.get("amendments", []):
        canon = canonical_amendment(a)
        if a["reference"] in first:
            if first[a["reference"]] != canon:
                errors.add("duplicate_code")
            continue
        first[a["reference"]] = canon
        amount = dec(a["amount"])
        if amount <= 0 or not (a.get("from") or a.get("to")):
            errors.add("invalid_amendment")
        if not fits(amount, cur):
            errors.add("too_precise")
        for code in filter(None, (a.get("from"), a.get("to"))):
            if code not in line_source:
                errors.add("unknown_line")
            elif a.get("source") and a["source"] != line_source[code] and NEW["amendment_source"]:
                errors.add("invalid_amendment")
        if a.get("source") and a["source"] not in sources:
            errors.add("unknown_source")
        if not start <= day(a["date"]) <= end:
            warnings.append("outside_period")
    # A line's revised budget may not go below zero on any date: its amendments are applied in
    # date order (those of one day in the plan's order), whatever the report's cut-off. (A
    # negative planned amount is negative_amount, not this.)
    for line in plan["lines"]:
        revised = sum((dec(pa["amount"]) for pa in line["amounts"]), D0)
        for a in sorted(distinct_amendments(plan), key=lambda a: a["date"]):
            effect = sum((d for code, d in legs(a) if code == line["code"]), D0)
            revised += effect
            if effect != 0 and revised < 0:
                errors.add("negative_revised")
                break
    seen_rates = set()
    for r in plan.get("rates", []):
        if NEW["rate_table_errors"]:
            if dec(r["rate"]) <= 0 or r["to"] != cur or (r["from"], r["to"], r["date"]) in seen_rates:
                errors.add("invalid_rate")
            seen_rates.add((r["from"], r["to"], r["date"]))
        if r["to"] == cur and peg(r["from"], cur) is not None and RULES["pegged_table_rate"] == "planfin":
            errors.add("invalid_rate")
    return errors, warnings


def rate_of(plan: dict[str, Any], e: dict[str, Any]) -> Fraction | None:
    """Units of the plan currency per unit of the entry's currency, or None: no rate. (An own
    rate refused by planfin's rules is an error found before.)"""
    cur, frm = plan["currency"], e["currency"]
    if frm == cur:
        return Fraction(1)
    if e.get("rate") is not None:
        return Fraction(dec(e["rate"]))
    date = day(e["date"])
    table = [
        r
        for r in plan.get("rates", [])
        if r["from"] == frm
        and r["to"] == cur
        and day(r["date"]) <= date
        and peg(frm, cur) is None  # a pegged pair's table rate: ignored, or an error
        and dec(r["rate"]) > 0
    ]
    if table:
        latest = max(day(r["date"]) for r in table)
        return Fraction(dec(next(r for r in table if day(r["date"]) == latest)["rate"]))
    return peg(frm, cur)


@dataclass
class Expected:
    as_of: dt.date
    rows: list[dict[str, Any]]
    totals: dict[str, Any]
    warnings: Counter[str]


def execution_rate(paid: Decimal, revised: Decimal) -> Decimal | None:
    return None if revised == 0 else round_half_away(Fraction(paid) / Fraction(revised), 4)


def oracle(plan_text: str, ledger_texts: list[str], cut_off: dt.date | None, by: str, lang: str) -> Expected:
    """The variance report of the plan and ledgers, or `Refused`."""
    book = read_books(ledger_texts)
    plan = json.loads(plan_text, parse_float=Decimal)
    plan_errors_found, plan_warnings = plan_errors_of(plan_text)
    errors, warnings = set(plan_errors_found), list(plan_warnings)
    cur = plan["currency"]
    start, end = day(plan["start"]), day(plan["end"])
    if cut_off is None:
        as_of = max([end, *(day(a["date"]) for a in plan.get("amendments", [])), *(day(e["date"]) for e in book.entries)])
    else:
        as_of = cut_off
    entries = [e for e in book.entries if day(e["date"]) <= as_of]
    amendments = [a for a in distinct_amendments(plan) if day(a["date"]) <= as_of]

    line_of: dict[str, dict[str, Any]] = {}
    for line in plan["lines"]:
        line_of.setdefault(line["code"], line)
    rows: dict[str, Row] = {}

    def row(key: str, label: str = "", unknown: bool = False) -> Row:
        if key not in rows:
            rows[key] = Row(key, label, unknown)
        return rows[key]

    if by == "objective":
        for o in plan["objectives"]:
            row(o["code"], text(o["title"], lang))
    elif by == "source":
        for s in plan["sources"]:
            row(s["code"], text(s["name"], lang))
    elif by == "line":
        for line in plan["lines"]:
            row(line["code"], text(line["label"], lang))
    else:
        for y in range(start.year, end.year + 1):
            row(str(y), str(y))

    def row_of_line(line: dict[str, Any]) -> Row:
        return row(line[by]) if by in ("objective", "source") else row(line["code"])

    for line in plan["lines"]:
        for pa in line["amounts"]:
            py = str(year_of(pa["period"]))
            r = row(py, py) if by == "period" else row_of_line(line)
            r.initial += dec(pa["amount"])
    for a in amendments:
        for code, delta in legs(a):
            if code not in line_of:
                continue
            ay = str(day(a["date"]).year)
            r = row(ay, ay) if by == "period" else row_of_line(line_of[code])
            r.amendments += delta

    for e in entries:
        amount = dec(e["amount"])
        if not fits(amount, e["currency"]):
            errors.add("too_precise")
        if e.get("rate") is not None and (
            dec(e["rate"]) <= 0 or (RULES["pegged_own_rate"] == "planfin" and peg(e["currency"], cur) is not None)
        ):
            errors.add("invalid_rate")
            continue
        rate = rate_of(plan, e)
        if rate is None:
            errors.add("no_rate")
            continue
        date = day(e["date"])
        known = e["line"] in line_of
        if not known:
            warnings.append("unknown_line")
        if not start <= date <= end:
            warnings.append("outside_period")
        if by == "period":
            r = row(str(date.year), str(date.year))
        elif known:
            r = row_of_line(line_of[e["line"]])
        else:
            r = row("?" if by != "line" else e["line"], UNKNOWN_LABEL[lang], unknown=True)
        converted = round_half_away(Fraction(amount) * rate, MINOR[cur])
        if STAGE_FORMS[e.get("stage") or "paiement"] in COMMITTED:
            r.committed += converted
        else:
            r.paid += converted
        r.entries += 1
        r.outside_period |= not start <= date <= end
        r.unknown_line |= not known
        r.duplicate |= e["voucher"] in book.repeats
    counted = {e["voucher"] for e in entries}
    for voucher, n in book.repeats.items():
        if voucher in counted:
            warnings.extend(["duplicate_voucher"] * n)
    if errors:
        raise Refused("report", errors)

    ordered = sorted(rows.values(), key=lambda r: r.key) if by == "period" else [
        *(r for r in rows.values() if not r.unknown),
        *sorted((r for r in rows.values() if r.unknown), key=lambda r: r.key),
    ]
    out_rows = []
    totals: dict[str, Decimal | None] = dict.fromkeys(FIELDS, D0)
    for r in ordered:
        revised = r.initial + r.amendments
        values = {
            "initial": r.initial,
            "amendments": r.amendments,
            "revised": revised,
            "committed": r.committed,
            "paid": r.paid,
            "variance": revised - r.paid,
            "available": revised - r.committed - r.paid,
        }
        flags = set()
        if r.paid > revised:
            flags.add("over_budget")
        if values["available"] < 0:
            flags.add("over_committed")
        if r.entries == 0:
            flags.add("not_started")
        if r.outside_period:
            flags.add("outside_period")
        if r.unknown_line:
            flags.add("unknown_line")
        if r.duplicate:
            flags.add("duplicate_voucher")
        for k in FIELDS:
            totals[k] = (totals[k] or D0) + values[k]
        out_rows.append(
            {
                "key": r.key,
                "label": r.label,
                **values,
                "execution_rate": execution_rate(r.paid, revised),
                "flags": flags,
            }
        )
    totals["execution_rate"] = execution_rate(totals["paid"] or D0, totals["revised"] or D0)
    return Expected(as_of, out_rows, totals, Counter(w for w in warnings if w in WARNING_CODES))


# ---------------------------------------------------------------------------------------------
# Comparison with planfin.
# ---------------------------------------------------------------------------------------------


def amount_or_none(v: Any) -> Decimal | None:
    return None if v is None else Decimal(v)


def compare(got: dict[str, Any], want: Expected, by: str) -> list[str]:
    out = []
    if got["by"] != by:
        out.append(f"by: got {got['by']} want {by}")
    if day(got["as_of"]) != want.as_of:
        out.append(f"as_of: got {got['as_of']} want {want.as_of}")
    got_keys = [r["key"] for r in got["rows"]]
    want_keys = [r["key"] for r in want.rows]
    if got_keys != want_keys:
        out.append(f"row keys: got {got_keys} want {want_keys}")
    ignore = set() if NEW["over_committed"] else {"over_committed"}
    by_key = {r["key"]: r for r in got["rows"]}
    for w in want.rows:
        g = by_key.get(w["key"])
        if g is None:
            continue
        for k in FIELDS:
            if Decimal(g[k]) != w[k]:
                out.append(f"row {w['key']} {k}: got {g[k]} want {w[k]}")
        rate = amount_or_none(g["execution_rate"])
        if rate != w["execution_rate"] or (rate is not None and rate.as_tuple().exponent != -4):
            out.append(f"row {w['key']} execution_rate: got {g['execution_rate']} want {w['execution_rate']}")
        if set(g["flags"]) - ignore != w["flags"] - ignore:
            out.append(f"row {w['key']} flags: got {sorted(g['flags'])} want {sorted(w['flags'] - ignore)}")
        if g["label"] != w["label"]:
            out.append(f"row {w['key']} label: got {g['label']!r} want {w['label']!r}")
    for k in FIELDS:
        if Decimal(got["totals"][k]) != want.totals[k]:
            out.append(f"totals {k}: got {got['totals'][k]} want {want.totals[k]}")
    if amount_or_none(got["totals"]["execution_rate"]) != want.totals["execution_rate"]:
        out.append(f"totals execution_rate: got {got['totals']['execution_rate']} want {want.totals['execution_rate']}")
    warnings = Counter(
        f["code"] for f in got["findings"] if f["severity"] == "warning" and f["code"] in WARNING_CODES
    )
    if warnings != want.warnings:
        out.append(f"warnings: got {dict(warnings)} want {dict(want.warnings)}")
    return out


# ---------------------------------------------------------------------------------------------
# Generators.
# ---------------------------------------------------------------------------------------------


def fmt(units: int, places: int) -> str:
    """`units` minor units with `places` decimals, as a decimal string."""
    sign = "-" if units < 0 else ""
    units = abs(units)
    if places == 0:
        return f"{sign}{units}"
    return f"{sign}{units // 10**places}.{units % 10**places:0{places}d}"


@st.composite
def units(draw: Any, places: int, low: int = 0, high: int | None = None) -> int:
    """A number of minor units: mostly small amounts, sometimes up to 10^15 (major units)."""
    if high is None:
        magnitude = draw(st.sampled_from([3, 5, 6, 8, 11, 15]))
        high = 10 ** (magnitude + places)
    return draw(st.integers(low, max(low, high)))


def amount_json(draw: Any, value: int, places: int) -> Any:
    """A JSON amount: a string, sometimes a JSON number, sometimes without trailing zeros."""
    s = fmt(value, places)
    how = draw(st.sampled_from(["str", "str", "str", "number", "short"]))
    if how == "number" and (places == 0 or (abs(value) < 10**15 and len(str(abs(value)).rstrip("0")) <= 15)):
        # A JSON number, read from its text (json.dumps writes a float's shortest repr).
        return value if places == 0 else float(s)
    if how == "short" and "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


@st.composite
def dates(draw: Any, low: dt.date, high: dt.date) -> dt.date:
    return low + dt.timedelta(days=draw(st.integers(0, (high - low).days)))


def bilingual(draw: Any, fr: str, en: str) -> dict[str, str]:
    shape = draw(st.sampled_from(["both", "both", "fr", "en"]))
    return {"fr": fr if shape != "en" else "", "en": en if shape != "fr" else ""}


OTHER_CURRENCIES = {
    "XOF": ["XAF", "EUR", "USD", "GBP", "KWD", "JPY"],
    "XAF": ["XOF", "EUR", "USD"],
    "EUR": ["XOF", "XAF", "USD", "GBP"],
}


@dataclass
class Case:
    plan: dict[str, Any]
    ledgers: list[dict[str, Any]]
    cut_off: dt.date
    lang: Any  # "fr" or "en"


@st.composite
def cases(draw: Any) -> Case:
    cur = draw(st.sampled_from(["XOF"] * 6 + ["EUR"] * 2 + ["XAF"]))
    k = MINOR[cur]
    y0 = draw(st.integers(2017, 2021))
    start = draw(st.sampled_from([dt.date(y0, 1, 1), dt.date(y0, 1, 1), dt.date(y0, 7, 1), dt.date(y0, 3, 15)]))
    end_year = y0 + draw(st.integers(0, 2))
    end = max(start, draw(st.sampled_from([dt.date(end_year, 12, 31), dt.date(end_year, 12, 31), dt.date(end_year, 6, 30)])))
    years = list(range(start.year, end.year + 1))
    window = (start - dt.timedelta(days=120), end + dt.timedelta(days=120))

    objectives = [
        {"code": f"OS{i + 1}", "title": bilingual(draw, f"Objectif {i + 1}", f"Objective {i + 1}")}
        for i in range(draw(st.integers(1, 3)))
    ]
    source_codes = draw(st.lists(st.sampled_from(["ETAT", "DON", "PTF", "BM"]), min_size=1, max_size=3, unique=True))
    sources = [
        {"code": c, "name": bilingual(draw, f"Source {c}", f"Fund {c}"), "kind": draw(st.sampled_from(["state_budget", "donor", "other"]))}
        for c in source_codes
    ]
    n_lines = draw(st.integers(1, 5))
    line_codes = draw(st.lists(st.sampled_from(["0101", "0102", "0201", "0202", "0301", "L1", "L2", "A-9"]), min_size=n_lines, max_size=n_lines, unique=True))
    lines = []
    for code in line_codes:
        amounts = []
        for _ in range(draw(st.integers(1, 3))):
            y = draw(st.sampled_from(years))
            period = draw(st.sampled_from([y, str(y), f"{y}-Q{draw(st.integers(1, 4))}"]))
            value = draw(units(k))
            amounts.append({"period": period, "amount": amount_json(draw, value, k)})
        lines.append(
            {
                "code": code,
                "objective": draw(st.sampled_from(objectives))["code"],
                "label": bilingual(draw, f"Ligne {code}", f"Line {code}"),
                "source": draw(st.sampled_from(sources))["code"],
                "amounts": amounts,
            }
        )
    if NEW["negative_planned"] and draw(st.integers(0, 29)) == 15:  # a negative planned amount
        pa = draw(st.sampled_from(lines))["amounts"][0]
        pa["amount"] = fmt(-draw(units(k, 1)), k)
    total = sum((dec(pa["amount"]) for line in lines for pa in line["amounts"]), D0)
    ceiling = total if draw(st.integers(0, 4)) else total + Decimal(draw(units(k, 1))).scaleb(-k)
    if ceiling <= 0:  # every planned amount is 0: a ceiling must be positive
        ceiling = Decimal(draw(units(k, 1))).scaleb(-k)

    # Amendments, bounded in list order so that no line's revised budget goes below zero.
    revised = {line["code"]: sum((dec(pa["amount"]) for pa in line["amounts"]), D0) for line in lines}
    source_of = {line["code"]: line["source"] for line in lines}
    amendments: list[dict[str, Any]] = []
    # Sometimes an amendment names a source other than its lines' (blocking).
    other_source = NEW["amendment_source"] and draw(st.integers(0, 19)) == 10
    for i in range(draw(st.integers(0, 5))):
        if amendments and draw(st.integers(0, 5)) == 0:
            amendments.append(dict(draw(st.sampled_from(amendments))))  # the same one again
            continue
        shape = draw(st.sampled_from(["transfer", "transfer", "raise", "cut", "self"]))
        givers = [c for c, v in revised.items() if v > 0]
        if shape != "raise" and not givers:
            shape = "raise"
        a: dict[str, Any] = {"reference": f"VIR-{i + 1:02d}", "date": draw(dates(*window)).isoformat()}
        if shape == "raise":
            value = draw(units(k, 1))
            a["to"] = draw(st.sampled_from(line_codes))
        else:
            giver = draw(st.sampled_from(givers))
            value = draw(units(k, 1, int(revised[giver].scaleb(k))))
            a["from"] = giver
            if shape == "transfer":
                a["to"] = draw(st.sampled_from(line_codes))
            elif shape == "self":
                a["to"] = giver
        a["amount"] = amount_json(draw, value, k)
        for code, delta in legs(a):
            revised[code] += delta
        touched = {source_of[c] for c in (a.get("from"), a.get("to")) if c}
        choice = draw(st.sampled_from(["none", "line", "other" if other_source else "none"]))
        if choice == "line" and len(touched) == 1:
            a["source"] = next(iter(touched))
        elif choice == "other":
            a["source"] = draw(st.sampled_from(sources))["code"]
        if draw(st.booleans()):
            a["reason"] = "Virement"
            a["approved_by"] = "Ministre"
        amendments.append(a)

    # Exchange rates: the table covers the whole window for the currencies it lists.
    others = OTHER_CURRENCIES[cur]
    rates: list[dict[str, str]] = []
    can_table = [c for c in others if not pegged_pair(c, cur)]
    tabled = draw(st.lists(st.sampled_from(can_table), unique=True, min_size=draw(st.integers(0, 1)), max_size=3))
    for c in tabled:
        for j in range(draw(st.integers(1, 3))):
            date = window[0] - dt.timedelta(days=1) if j == 0 else draw(dates(*window))
            if any(r["from"] == c and r["date"] == date.isoformat() for r in rates):
                continue
            rates.append({"date": date.isoformat(), "from": c, "to": cur, "rate": fmt(draw(st.integers(1, 10**10)), draw(st.integers(0, 6)))})
    if draw(st.integers(0, 24)) == 12:  # a rate for a pegged pair (disputed rule)
        c = draw(st.sampled_from([c for c in others if pegged_pair(c, cur)]))
        rates.append({"date": draw(dates(*window)).isoformat(), "from": c, "to": cur, "rate": draw(st.sampled_from(["655.957", "650", "1"]))})
    if NEW["rate_table_errors"] and draw(st.integers(0, 24)) == 12:
        bad = draw(st.sampled_from(["zero", "negative", "to", "twice"]))
        c = draw(st.sampled_from([c for c in others if not pegged_pair(c, cur)]))
        date = draw(dates(*window)).isoformat()
        if bad == "zero":
            rates.append({"date": date, "from": c, "to": cur, "rate": "0"})
        elif bad == "negative":
            rates.append({"date": date, "from": c, "to": cur, "rate": "-600"})
        elif bad == "to":
            rates.append({"date": date, "from": c, "to": draw(st.sampled_from([x for x in ["USD", "GBP"] if x != c])), "rate": "1.5"})
        else:
            rates.append({"date": date, "from": c, "to": cur, "rate": "600"})
            rates.append({"date": date, "from": c, "to": cur, "rate": "601"})
    plan = {
        "code": "ORACLE",
        "title": bilingual(draw, "Plan oracle", "Oracle plan"),
        "organisation": "Oracle",
        "currency": cur,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "ceiling": fmt(int(ceiling.scaleb(k)), k),
        "objectives": objectives,
        "sources": sources,
        "lines": lines,
    }
    if amendments or draw(st.booleans()):
        plan["amendments"] = amendments
    if rates:
        plan["rates"] = rates
    if draw(st.integers(0, 14)) == 7:
        break_plan(draw, plan)

    # The ledger.
    entries: list[dict[str, Any]] = []
    for i in range(draw(st.integers(0, 12))):
        c = cur if draw(st.integers(0, 2)) else draw(st.sampled_from(others))
        places = MINOR[c]
        value = draw(units(places))
        if draw(st.integers(0, 9)) == 0:
            value = -value
        elif draw(st.integers(0, 19)) == 0:
            value = 0
        e: dict[str, Any] = {
            "voucher": f"PC-{i + 1:04d}",
            "date": draw(dates(*window)).isoformat(),
            "line": draw(st.sampled_from(line_codes)) if draw(st.integers(0, 7)) else draw(st.sampled_from(["9999", "0103", "ZZ"])),
            "amount": amount_json(draw, value, places),
            "currency": c,
        }
        needs_rate = peg(c, cur) is None and c not in tabled
        if needs_rate or (peg(c, cur) is None and draw(st.integers(0, 4)) == 0):
            e["rate"] = fmt(draw(st.integers(1, 10**9)), draw(st.integers(0, 5)))  # before the table
        elif draw(st.integers(0, 9)) == 0:
            e["rate"] = None  # null: no rate of its own
        stage = draw(st.sampled_from([None, "", *STAGE_FORMS]))
        if stage is not None:
            e["stage"] = stage
        if draw(st.booleans()):
            e["payee"] = "Fournisseur"
            e["description"] = "Achat"
        if draw(st.integers(0, 3)) == 0:
            e["document"] = f"F-{i}"
        entries.append(e)
    if entries and draw(st.integers(0, 19)) == 10:  # an own rate for a pegged currency (disputed)
        e = draw(st.sampled_from(entries))
        e["currency"] = draw(st.sampled_from([cur, *(c for c in others if peg(c, cur) is not None)]))
        e["amount"] = fmt(int(dec(e["amount"]).scaleb(MINOR[e["currency"]]).to_integral_value()), MINOR[e["currency"]])
        e["rate"] = draw(st.sampled_from(["655.957", "650.5", "1", "0.0015"]))
    for _ in range(draw(st.integers(0, 2)) if entries else 0):  # identical entries again
        entries.insert(draw(st.integers(0, len(entries))), dict(draw(st.sampled_from(entries))))
    if entries and draw(st.integers(0, 14)) == 7:
        break_ledger(draw, entries, cur)
    ledgers = [{"expenditures": entries}]
    if len(entries) > 1 and draw(st.integers(0, 3)) == 0:  # two journals, merged
        cut = draw(st.integers(1, len(entries) - 1))
        ledgers = [{"expenditures": entries[:cut]}, {"expenditures": entries[cut:]}]
    return Case(plan, ledgers, draw(dates(*window)), draw(st.sampled_from(["fr", "en"])))


def break_plan(draw: Any, plan: dict[str, Any]) -> None:
    """One blocking (or, for a ceiling above the lines, warning) mistake in the plan."""
    k = MINOR[plan["currency"]]
    lines = plan["lines"]
    how = draw(
        st.sampled_from(
            [
                "ceiling_zero", "ceiling_negative", "ceiling_below", "too_precise", "duplicate_line",
                "duplicate_objective", "unknown_objective", "unknown_source", "period_outside",
                "amendment_unknown_line", "amendment_zero", "amendment_negative_revised",
                "amendment_repeated_differently", "amendment_too_precise", "amendment_no_line",
                "amendment_unknown_source", "end_before_start",
            ]
        )
    )
    amendments = plan.setdefault("amendments", [])
    date = plan["start"]
    if how == "ceiling_zero":
        plan["ceiling"] = "0"
    elif how == "ceiling_negative":
        plan["ceiling"] = "-" + plan["ceiling"]
    elif how == "ceiling_below":
        lines[0]["amounts"].append({"period": plan["start"][:4], "amount": "1"})
    elif how == "too_precise":
        lines[0]["amounts"][0]["amount"] = fmt(int(dec(lines[0]["amounts"][0]["amount"]).scaleb(k)) * 10 + 5, k + 1)
    elif how == "duplicate_line":
        lines.append(dict(lines[0], amounts=[{"period": plan["start"][:4], "amount": "0"}]))
    elif how == "duplicate_objective":
        plan["objectives"].append(dict(plan["objectives"][0]))
    elif how == "unknown_objective":
        lines[-1]["objective"] = "OS9"
    elif how == "unknown_source":
        lines[-1]["source"] = "NOPE"
    elif how == "period_outside":
        lines[0]["amounts"][0]["period"] = int(plan["end"][:4]) + 1
    elif how == "amendment_unknown_line":
        amendments.append({"reference": "BAD", "date": date, "to": "NOPE", "amount": "1"})
    elif how == "amendment_zero":
        amendments.append({"reference": "BAD", "date": date, "to": lines[0]["code"], "amount": "0"})
    elif how == "amendment_negative_revised":
        amendments.append({"reference": "BAD", "date": date, "from": lines[0]["code"], "amount": fmt(10 ** (16 + k), k)})
    elif how == "amendment_repeated_differently":
        amendments.append({"reference": "BAD", "date": date, "to": lines[0]["code"], "amount": "1"})
        amendments.append({"reference": "BAD", "date": date, "to": lines[0]["code"], "amount": "2"})
    elif how == "amendment_too_precise":
        amendments.append({"reference": "BAD", "date": date, "to": lines[0]["code"], "amount": fmt(15, k + 1)})
    elif how == "amendment_no_line":
        amendments.append({"reference": "BAD", "date": date, "amount": "1"})
    elif how == "amendment_unknown_source":
        amendments.append({"reference": "BAD", "date": date, "to": lines[0]["code"], "amount": "1", "source": "NOPE"})
    elif how == "end_before_start":
        plan["end"] = (day(plan["start"]) - dt.timedelta(days=1)).isoformat()


def break_ledger(draw: Any, entries: list[dict[str, Any]], cur: str) -> None:
    """One refused or blocking entry: a conflicting voucher, no rate, too many decimals, a bad
    rate of its own."""
    e = draw(st.sampled_from(entries))
    how = draw(st.sampled_from(["conflict", "no_rate", "too_precise", "bad_rate"]))
    if how == "conflict":
        entries.append(dict(e, amount=fmt(int(dec(e["amount"]).scaleb(MINOR[e["currency"]])) + 1, MINOR[e["currency"]])))
    elif how == "no_rate":
        entries.append(dict(e, voucher="NR-1", currency="JPY" if cur != "JPY" else "KWD", amount="100", rate=None))
        entries[-1].pop("rate")
    elif how == "too_precise":
        places = MINOR[e["currency"]]
        entries.append(dict(e, voucher="TP-1", amount=fmt(12345, places + 1)))
    else:
        entries.append(dict(e, voucher="BR-1", currency="GBP" if cur != "GBP" else "USD", rate=draw(st.sampled_from(["0", "-1.5"]))))


# ---------------------------------------------------------------------------------------------
# The test.
# ---------------------------------------------------------------------------------------------


def load(plan_text: str, ledger_texts: list[str]) -> tuple[planfin.Plan, planfin.Ledger]:
    plan = planfin.Plan.from_json(plan_text)
    ledger = planfin.Ledger.from_json(ledger_texts[0])
    for t in ledger_texts[1:]:
        ledger = ledger.merge(planfin.Ledger.from_json(t))
    return plan, ledger


def features(case: Case) -> set[str]:
    """What a case has, for --hypothesis-show-statistics."""
    plan, cur = case.plan, case.plan["currency"]
    out = {f"plan in {cur}"}
    if len(case.ledgers) > 1:
        out.add("two journals merged")
    entries = [e for doc in case.ledgers for e in doc["expenditures"]]
    tabled = {r["from"] for r in plan.get("rates", [])}
    for e in entries:
        c = e["currency"]
        if c != cur:
            how = "own rate" if e.get("rate") is not None else "table rate" if c in tabled else "peg" if peg(c, cur) else "no rate"
            out.add(f"entry {c}->{cur} by {how}")
        if e.get("stage"):
            out.add(f"stage {e['stage']}")
        if e["line"] not in {line["code"] for line in plan["lines"]}:
            out.add("unknown line")
    if len({e["voucher"] for e in entries}) < len(entries):
        out.add("repeated voucher")
    refs = [a["reference"] for a in plan.get("amendments", [])]
    if len(set(refs)) < len(refs):
        out.add("repeated amendment reference")
    for a in plan.get("amendments", []):
        shape = "transfer" if a.get("from") and a.get("to") else "raise" if a.get("to") else "cut" if a.get("from") else "no line"
        out.add(f"amendment {shape}{' with source' if a.get('source') else ''}")
        if day(a["date"]) > case.cut_off:
            out.add("amendment after the cut-off")
    if any(day(e["date"]) > case.cut_off for e in entries):
        out.add("entry after the cut-off")
    if any("-Q" in str(pa["period"]) for line in plan["lines"] for pa in line["amounts"]):
        out.add("quarter period")
    if max((abs(dec(pa["amount"])) for line in plan["lines"] for pa in line["amounts"]), default=D0) >= 10**12:
        out.add("planned amount >= 10^12")
    return out


def check(case: Case, notes: bool = True) -> list[str]:
    """Every difference between planfin and the oracle on `case`, for every grouping, with and
    without the cut-off."""
    plan_text = json.dumps(case.plan, ensure_ascii=False)
    ledger_texts = [json.dumps(doc, ensure_ascii=False) for doc in case.ledgers]
    if notes:
        note(f"plan = {plan_text}")
        for t in ledger_texts:
            note(f"ledger = {t}")
        note(f"cut-off = {case.cut_off}, lang = {case.lang}")
    if notes:
        for feature in features(case):
            event(feature)
    problems: list[str] = []
    try:
        read_books(ledger_texts)
        load_refused = None
    except Refused as r:
        load_refused = r
    try:
        plan, ledger = load(plan_text, ledger_texts)
    except planfin.LedgerConflictError:
        if notes:
            event("ledger refused: conflicting voucher")
        if load_refused is None:
            problems.append("load: planfin refused the ledger as conflicting; the oracle reads it")
        return problems
    if load_refused is not None:
        return ["load: the oracle refuses the ledger (a conflicting voucher); planfin read it"]
    for cut_off in (None, case.cut_off):
        for by in GROUPINGS:
            what = f"by={by} as_of={cut_off}"
            try:
                want: Expected | Refused = oracle(plan_text, ledger_texts, cut_off, by, case.lang)
            except Refused as r:
                want = r
            try:
                got = json.loads(plan.variance(ledger, as_of=cut_off, by=by, lang=case.lang).to_json())
            except planfin.ValidationError as error:
                codes = {str(f["code"]) for f in error.findings if f["severity"] == "error"}
                if notes:
                    event(f"{'cut-off' if cut_off else 'no cut-off'}: refused {sorted(codes)}")
                if not isinstance(want, Refused):
                    problems.append(f"{what}: planfin refused ({sorted(codes)}); the oracle computes a report")
                elif codes != want.codes:
                    problems.append(f"{what}: error codes: got {sorted(codes)} want {sorted(want.codes)}")
                continue
            if notes:
                event(f"{'cut-off' if cut_off else 'no cut-off'}: report computed")
                for got_row in got["rows"]:
                    for f in got_row["flags"]:
                        event(f"flag {f}")
            if isinstance(want, Refused):
                problems.append(f"{what}: planfin computed a report; the oracle refuses it ({sorted(want.codes)})")
                continue
            problems.extend(f"{what}: {p}" for p in compare(got, want, by))
    return problems


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=DERANDOMIZE,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(cases())
def test_variance_report_matches_the_oracle(case: Case) -> None:
    problems = check(case)
    assert problems == [], "\n".join(problems)


def test_the_oracle_agrees_with_the_hand_computed_small_fixture() -> None:
    """The oracle itself, on fixtures/small (whose figures its README works out by hand)."""
    from pathlib import Path

    small = Path(__file__).resolve().parents[2] / "fixtures" / "small"
    plan_text = (small / "plan.json").read_text(encoding="utf-8")
    ledgers = [(small / n).read_text(encoding="utf-8") for n in ("ledger.json", "ledger-q4.json")]
    want = oracle(plan_text, ledgers, None, "line", "en")
    table = {r["key"]: [r[k] for k in FIELDS] for r in want.rows}
    assert table == {
        "0101": [400000, 50000, 450000, 0, 470000, -20000, -20000],
        "0102": [200000, 20000, 220000, 38095, 65596, 154404, 116309],
        "0201": [300000, -50000, 250000, 125000, 75000, 175000, 50000],
        "0202": [100000, -20000, 80000, 0, 0, 80000, 80000],
    }
    assert [r["flags"] for r in want.rows] == [{"over_budget", "over_committed"}, set(), {"duplicate_voucher"}, {"not_started"}]
    assert check(Case(json.loads(plan_text), [json.loads(t) for t in ledgers], dt.date(2019, 6, 30), "en"), notes=False) == []
