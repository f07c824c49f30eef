#!/usr/bin/env python3
"""Write the Excel binary (.xlsb) fixtures (Python standard library only, byte-reproducible).

    python3 scripts/make_xlsb_fixtures.py           # writes the files below
    python3 scripts/make_xlsb_fixtures.py --check   # exit 1 unless the committed files match

No tool on this machine writes .xlsb (LibreOffice reads it only), so the records of MS-XLSB are
written here directly, as Excel lays them out: a workbook part naming the sheet, a shared
strings part, a styles part whose second cell format is a date, and the sheet's rows.

  fixtures/xlsx/cnltp_ledger.xlsb   the CNLTP sample ledger (fixtures/cnltp/ledger.json) with
                                    the French headers of cnltp_ledger.xlsx: dates as date
                                    cells, codes and texts as shared strings, whole amounts as
                                    RK integers, EUR amounts as doubles
  fixtures/hostile/xlsb_bad_string_index.xlsb
                                    a sheet whose cell points past the shared strings table
                                    (calamine indexes it unchecked and panics)
  fixtures/hostile/xlsb_huge_record.xlsb
                                    a sheet record that claims 256 MB in a 2 KB file
                                    (calamine allocates the claimed length before reading)

LibreOffice reads cnltp_ledger.xlsb to the same cells as cnltp_ledger.xlsx (checked by hand
with `soffice --headless --convert-to csv`), except that it shows the dates as their serial
numbers: it ignores a styles part this small. calamine, which planfin reads with, applies it.
"""

import datetime as dt
import filecmp
import json
import os
import struct
import sys
import tempfile
import zipfile
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXED = (2020, 1, 1, 0, 0, 0)
EPOCH = dt.date(1899, 12, 30)

HEADERS = ["Date", "N° pièce", "Ligne budgétaire", "Étape", "Montant", "Devise",
           "Bénéficiaire", "Libellé", "Justificatif", "N° engagement"]
STAGE_FR = {"engagement": "Engagé", "liquidation": "Liquidé",
            "ordonnancement": "Ordonnancé", "paiement": "Payé"}

# Record types (MS-XLSB 2.3).
BEGIN_BOOK, END_BOOK, WB_PROP = 0x0083, 0x0084, 0x0099
BEGIN_BUNDLE_SHS, BUNDLE_SH, END_BUNDLE_SHS = 0x008F, 0x009C, 0x0090
BEGIN_SST, SST_ITEM, END_SST = 0x009F, 0x0013, 0x00A0
BEGIN_CELL_XFS, XF, END_CELL_XFS = 0x0269, 0x002F, 0x026A
BEGIN_SHEET, END_SHEET, WS_DIM = 0x0081, 0x0082, 0x0094
BEGIN_SHEET_DATA, END_SHEET_DATA, ROW_HDR = 0x0091, 0x0092, 0x0000
CELL_RK, CELL_REAL, CELL_ISST = 0x0002, 0x0005, 0x0007
DATE_STYLE = 1


def varint(n, most):
    out = bytearray()
    for _ in range(most):
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            break
    if n:
        raise ValueError("record too long")
    return bytes(out)


def record(typ, data=b""):
    """A record: its type (1 or 2 bytes of 7 bits), its length (1 to 4 bytes), its data."""
    return varint(typ, 2) + varint(len(data), 4) + data


def wide(s):
    """XLWideString: a count of UTF-16 code units, then UTF-16LE."""
    encoded = s.encode("utf-16-le")
    return struct.pack("<I", len(encoded) // 2) + encoded


def workbook_part(sheet):
    sh = struct.pack("<II", 0, 1) + wide("rId1") + wide(sheet)
    return b"".join([
        record(BEGIN_BOOK),
        record(WB_PROP, struct.pack("<II", 0, 0) + wide("")),
        record(BEGIN_BUNDLE_SHS),
        record(BUNDLE_SH, sh),
        record(END_BUNDLE_SHS),
        record(END_BOOK),
    ])


def styles_part():
    """Two cell formats: general, and built-in number format 14 (a date)."""
    def xf(fmt):
        return record(XF, struct.pack("<HH", 0, fmt) + bytes(12))
    return (record(BEGIN_CELL_XFS, struct.pack("<I", 2)) + xf(0) + xf(14)
            + record(END_CELL_XFS))


def strings_part(strings):
    items = [record(SST_ITEM, b"\x00" + wide(s)) for s in strings]
    return (record(BEGIN_SST, struct.pack("<II", len(strings), len(strings))) + b"".join(items)
            + record(END_SST))


def sheet_part(rows, columns, extra=b""):
    """`rows`: lists of cells, each None or (kind, value, style) with kind "isst", "rk"
    (a whole number of 30 bits) or "real"; `extra`: raw bytes after the last row."""
    out = [record(BEGIN_SHEET),
           record(WS_DIM, struct.pack("<IIII", 0, len(rows) - 1, 0, columns - 1)),
           record(BEGIN_SHEET_DATA)]
    for r, cells in enumerate(rows):
        out.append(record(ROW_HDR, struct.pack("<IIHBBBI", r, 0, 300, 0, 0, 0, 0)))
        for c, cell in enumerate(cells):
            if cell is None:
                continue
            kind, value, style = cell
            head = struct.pack("<II", c, style)
            if kind == "isst":
                out.append(record(CELL_ISST, head + struct.pack("<I", value)))
            elif kind == "rk":
                out.append(record(CELL_RK, head + struct.pack("<i", (value << 2) | 2)))
            else:
                out.append(record(CELL_REAL, head + struct.pack("<d", value)))
    out += [extra, record(END_SHEET_DATA), record(END_SHEET)]
    return b"".join(out)


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>
<Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/>
<Override PartName="/xl/styles.bin" ContentType="application/vnd.ms-excel.styles"/>
<Override PartName="/xl/sharedStrings.bin" ContentType="application/vnd.ms-excel.sharedStrings"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/>
</Relationships>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.bin"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.bin"/>
</Relationships>"""


def package(path, sheet_name, rows, strings, extra=b""):
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES.encode()),
        ("_rels/.rels", RELS.encode()),
        ("xl/workbook.bin", workbook_part(sheet_name)),
        ("xl/_rels/workbook.bin.rels", WORKBOOK_RELS.encode()),
        ("xl/styles.bin", styles_part()),
        ("xl/sharedStrings.bin", strings_part(strings)),
        ("xl/worksheets/sheet1.bin", sheet_part(rows, len(HEADERS), extra)),
    ]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return path


class Strings:
    """The shared strings table, in order of first use."""

    def __init__(self):
        self.index = {}

    def cell(self, s):
        i = self.index.setdefault(s, len(self.index))
        return ("isst", i, 0)


def amount_cell(text):
    d = Decimal(text)
    if d == d.to_integral_value() and -(1 << 29) <= d < (1 << 29):
        return ("rk", int(d), 0)
    return ("real", float(d), 0)


def cnltp_ledger(out):
    with open(os.path.join(ROOT, "fixtures", "cnltp", "ledger.json"), encoding="utf-8") as f:
        ledger = json.load(f)["expenditures"]
    strings = Strings()
    rows = [[strings.cell(h) for h in HEADERS]]
    for e in ledger:
        serial = (dt.date.fromisoformat(e["date"]) - EPOCH).days
        document = e.get("document")
        rows.append([
            ("rk", serial, DATE_STYLE),
            strings.cell(e["voucher"]),
            strings.cell(e["line"]),
            strings.cell(STAGE_FR[e.get("stage", "paiement")]),
            amount_cell(e["amount"]),
            strings.cell(e["currency"]),
            strings.cell(e["payee"]) if e.get("payee") else None,
            strings.cell(e["description"]) if e.get("description") else None,
            strings.cell(document) if document else None,
            strings.cell(e["commitment"]) if e.get("commitment") else None,
        ])
    return package(os.path.join(out, "xlsx", "cnltp_ledger.xlsb"), "Depenses", rows,
                   list(strings.index))


def bad_string_index(out):
    strings = Strings()
    rows = [[strings.cell(h) for h in HEADERS],
            [("rk", 43132, DATE_STYLE), ("isst", 1_000_000, 0)]]
    return package(os.path.join(out, "hostile", "xlsb_bad_string_index.xlsb"), "Depenses", rows,
                   list(strings.index))


def huge_record(out):
    strings = Strings()
    rows = [[strings.cell(h) for h in HEADERS]]
    # A BrtCellReal whose length field says 2**28 - 1 bytes, with none following.
    claim = varint(CELL_REAL, 2) + bytes([0xFF, 0xFF, 0xFF, 0x7F])
    return package(os.path.join(out, "hostile", "xlsb_huge_record.xlsb"), "Depenses", rows,
                   list(strings.index), extra=claim)


def generate(out, quiet):
    paths = []
    for make in (cnltp_ledger, bad_string_index, huge_record):
        os.makedirs(os.path.join(out, "xlsx"), exist_ok=True)
        os.makedirs(os.path.join(out, "hostile"), exist_ok=True)
        path = make(out)
        paths.append(os.path.relpath(path, out))
        if not quiet:
            print("wrote", os.path.relpath(path, ROOT), os.path.getsize(path), "bytes")
    return paths


def main():
    fixtures = os.path.join(ROOT, "fixtures")
    if sys.argv[1:] == ["--check"]:
        with tempfile.TemporaryDirectory() as tmp:
            names = generate(tmp, quiet=True)
            _, mismatch, errors = filecmp.cmpfiles(fixtures, tmp, names, shallow=False)
        if mismatch or errors:
            sys.exit(f"the .xlsb fixtures differ from their generator: {mismatch + errors}")
        print(f"fixtures: {len(names)} .xlsb files match their generator")
        return
    generate(fixtures, quiet=False)


if __name__ == "__main__":
    main()
