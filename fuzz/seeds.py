#!/usr/bin/env python3
"""Seed corpora of the fuzz targets, built from fixtures/ into fuzz/corpus/<target>/ (gitignored).

Run by scripts/fuzz before fuzzing; safe to run again: the seeds (files named seed-*) are
rewritten, whatever the fuzzer added to the corpus is kept.

- json_reports: plan JSON, one 0xFF byte, ledger JSON (the target's input format), from
  fixtures/small and fixtures/cnltp (the CNLTP ledger cut to its first 40 entries, so that the
  seeds stay small), a plan alone (no 0xFF: an empty ledger), and variants with an exchange
  rate, a committed stage, a quarter and a cut-off-straddling amendment.
- workbook_bytes: every workbook of fixtures/xlsx and fixtures/hostile up to 128 KiB, and the
  zip-based ones again with their entries stored uncompressed, so that mutations reach the
  XML instead of the deflate stream.
- text_parsers: amounts, dates and fiscal periods as users type them, and a few f64 number
  cells (8 bytes, little-endian, then the decimals).
"""

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT / "fuzz" / "corpus"
MAX_WORKBOOK = 128 * 1024


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / f"seed-{name}").write_bytes(data)


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def json_seeds():
    small_plan = json.loads((FIXTURES / "small" / "plan.json").read_text("utf-8"))
    small_ledger = json.loads((FIXTURES / "small" / "ledger.json").read_text("utf-8"))
    q4 = json.loads((FIXTURES / "small" / "ledger-q4.json").read_text("utf-8"))
    cnltp_plan = json.loads((FIXTURES / "cnltp" / "plan.json").read_text("utf-8"))
    cnltp_ledger = json.loads((FIXTURES / "cnltp" / "ledger.json").read_text("utf-8"))
    cnltp_ledger = {"expenditures": cnltp_ledger["expenditures"][:40]}
    both = {"expenditures": small_ledger["expenditures"] + q4["expenditures"]}

    def pair(plan, ledger):
        return compact(plan).encode() + b"\xff" + compact(ledger).encode()

    write("json_reports", "small", pair(small_plan, small_ledger))
    write("json_reports", "small-q4", pair(small_plan, q4))
    write("json_reports", "small-both", pair(small_plan, both))
    write("json_reports", "small-plan-only", compact(small_plan))
    write("json_reports", "cnltp-40", pair(cnltp_plan, cnltp_ledger))
    # The fixtures as they are written (pretty, comments of layout included).
    write(
        "json_reports",
        "small-raw",
        (FIXTURES / "small" / "plan.json").read_bytes()
        + b"\xff"
        + (FIXTURES / "small" / "ledger.json").read_bytes(),
    )

    # Variants that reach the rarer paths: a USD expenditure converted at a dated rate, stages
    # that commit, a quarter period, a raise and a cut, an expenditure outside the period.
    plan = json.loads(json.dumps(small_plan))
    plan["rates"] = [{"date": "2019-01-01", "from": "USD", "to": "XOF", "rate": "585.5"}]
    plan["lines"][0]["amounts"] = [
        {"period": "2019-Q1", "amount": "100000"},
        {"period": "2019-Q3", "amount": "300000"},
    ]
    plan["amendments"] = plan.get("amendments", []) + [
        {"reference": "REV-1", "date": "2019-09-30", "to": "0202", "amount": "10000"},
        {"reference": "REV-2", "date": "2019-10-01", "from": "0102", "amount": "5000", "source": "DON"},
    ]
    ledger = {
        "expenditures": [
            {"voucher": "U1", "date": "2019-05-01", "line": "0101", "amount": "10.25",
             "currency": "USD", "stage": "engagement"},
            {"voucher": "U2", "date": "2019-08-01", "line": "0201", "amount": "1250000",
             "currency": "XOF", "stage": "liquidation", "rate": "1"},
            {"voucher": "U3", "date": "2020-01-15", "line": "0202", "amount": "-500",
             "currency": "XOF", "stage": "ordonnancement"},
            {"voucher": "U4", "date": "2019-12-31", "line": "9999", "amount": "12.34",
             "currency": "EUR"},
        ]
    }
    write("json_reports", "rates-stages", pair(plan, ledger))


def stored(data):
    """The zip `data` with every entry stored uncompressed, or None if it is not a zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
                for info in src.infolist():
                    body = src.read(info)
                    copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                    copy.compress_type = zipfile.ZIP_STORED
                    dst.writestr(copy, body)
            return out.getvalue()
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, ValueError, OSError):
        return None


def workbook_seeds():
    for folder in ("xlsx", "hostile"):
        for path in sorted((FIXTURES / folder).iterdir()):
            data = path.read_bytes()
            if len(data) > MAX_WORKBOOK:
                continue
            write("workbook_bytes", f"{folder}-{path.name}", data)
            plain = stored(data) if data.startswith(b"PK") else None
            if plain is not None and len(plain) <= MAX_WORKBOOK:
                write("workbook_bytes", f"{folder}-stored-{path.name}", plain)


TEXTS = [
    "1 250 000 FCFA", "12 500,50", "1.250,50", "1,250.50", "(1 250,50)", "-12.5 EUR",
    "€ 10", "$ 3,50", "1\u00a0250\u202f000 F CFA", "250000 XOF", "\u2212 12,5", "1'250'000",
    "0,5", ".5", "1,000", "1.000", "+42", "100.00 USD", "12,345,678.90", "1e9",
    "31/12/2019", "31-12-2019", "31.12.2019", "2019-12-31", "2019-12-31T00:00:00",
    "2019-12-31 10:30", "29/02/2020", "29/02/1900", "1/1/2019",
    "2019", "2019-Q3", "2019 T4", "2019-q1", " 2018 ",
]

FLOATS = [(1250000.0, 0), (1250.5, 2), (0.1, 2), (65595.7, 0), (1e14 + 0.5, 0), (-3.3333333, 4)]


def text_seeds():
    for i, text in enumerate(TEXTS):
        write("text_parsers", f"{i:02}", text)
    for i, (value, dp) in enumerate(FLOATS):
        write("text_parsers", f"float-{i}", struct.pack("<d", value) + bytes([dp]))


def main():
    json_seeds()
    workbook_seeds()
    text_seeds()
    for target in sorted(p.name for p in CORPUS.iterdir()):
        n = sum(1 for _ in (CORPUS / target).iterdir())
        print(f"fuzz: corpus/{target}: {n} inputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
