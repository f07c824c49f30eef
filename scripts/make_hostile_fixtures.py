#!/usr/bin/env python3
"""Generate the hostile workbooks of fixtures/hostile/ (Python standard library only).

    python3 scripts/make_hostile_fixtures.py           # writes fixtures/hostile/
    python3 scripts/make_hostile_fixtures.py --check   # exit 1 unless the committed files match

Each must be refused by planfin-xlsx with a clear error, in well under a second and in little
memory (crates/planfin-xlsx/tests/import/hostile.rs):
  xfd1048576.xlsx        a valid workbook whose only cell is XFD1048576 (a whole-range reader
                         allocates about half a terabyte)
  shared_strings_bomb.xlsx  sharedStrings.xml of 300 MB deflated to a few hundred KB
  declared_huge.xlsx     a worksheet whose central directory entry declares 6 GB
  billion_laughs.xlsx    nested XML entities in sharedStrings.xml and the sheet
  many_entries.xlsx      a zip of 10,001 entries
  truncated.xlsx         the first half of a valid workbook
  repeat_bomb.ods        one non-empty cell repeated 16,384 x 4,000 times (65 million cells)
  empty.xlsx             zero bytes
  not_a_workbook.xlsx    a CSV export renamed .xlsx
  html_table.xls         an HTML table named .xls, as some systems export
  xls_far_cell.xls       the CNLTP ledger .xls with one cell moved to IV65536: calamine would
                         build a 65,536 x 256 sheet (about 0.5 GB) when opening it
  xls_huge_dimensions.xls  the same with a DIMENSIONS record declaring 4 billion rows by 65,535
                         columns: calamine's reservation for it aborts the process
(password_protected.xlsx, salted encryption, comes from scripts/make_workbook_fixtures.py.)
"""

import filecmp
import os
import struct
import sys
import tempfile
import zipfile

FIXED = (2020, 1, 1, 0, 0, 0)


def entry(name, compress=zipfile.ZIP_DEFLATED):
    """A zip entry with a fixed date, so that the outputs are reproducible byte for byte."""
    info = zipfile.ZipInfo(name, date_time=FIXED)
    info.compress_type = compress
    return info

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "hostile")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Depenses" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
SHEET_HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
EMPTY_STRINGS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>"""


def workbook(name, sheet, shared=EMPTY_STRINGS):
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(entry("[Content_Types].xml"), CONTENT_TYPES)
        z.writestr(entry("_rels/.rels"), RELS)
        z.writestr(entry("xl/workbook.xml"), WORKBOOK)
        z.writestr(entry("xl/_rels/workbook.xml.rels"), WORKBOOK_RELS)
        z.writestr(entry("xl/worksheets/sheet1.xml"), sheet)
        if isinstance(shared, str):
            z.writestr(entry("xl/sharedStrings.xml"), shared)
        else:
            with z.open(entry("xl/sharedStrings.xml"), "w", force_zip64=True) as f:
                for chunk in shared:
                    f.write(chunk)
    return path


def xfd():
    sheet = (SHEET_HEAD + '<dimension ref="A1:XFD1048576"/><sheetData>'
             '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
             "</sheetData></worksheet>")
    return workbook("xfd1048576.xlsx", sheet)


def shared_strings_bomb():
    def chunks():
        yield (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
               b'openxmlformats.org/spreadsheetml/2006/main">')
        block = b"<si><t>A</t></si>" * 65536
        for _ in range(300_000_000 // len(block)):
            yield block
        yield b"</sst>"
    sheet = SHEET_HEAD + '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    return workbook("shared_strings_bomb.xlsx", sheet, shared=chunks())


def declared_huge():
    """A small sheet whose central directory record claims 6 GB uncompressed (zip64)."""
    sheet = SHEET_HEAD + "<sheetData></sheetData></worksheet>"
    path = workbook("declared_huge.xlsx", sheet)
    data = bytearray(open(path, "rb").read())
    name = b"xl/worksheets/sheet1.xml"

    # Find the central directory record of the sheet and rewrite its uncompressed size.
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            raise SystemExit("sheet record not found")
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + name_len]) == name:
            break
        pos += 4
    struct.pack_into("<I", data, pos + 24, 0xFFFFFFFF)
    extra_len = struct.unpack_from("<H", data, pos + 30)[0]
    assert extra_len == 0, "expected no extra field"
    extra = struct.pack("<HHQ", 1, 8, 6 << 30)
    data[pos + 30:pos + 32] = struct.pack("<H", len(extra))
    insert_at = pos + 46 + name_len
    data[insert_at:insert_at] = extra
    # Fix the end-of-central-directory record: the directory grew by len(extra).
    eocd = data.rfind(b"PK\x05\x06")
    cd_size = struct.unpack_from("<I", data, eocd + 12)[0]
    struct.pack_into("<I", data, eocd + 12, cd_size + len(extra))

    open(path, "wb").write(bytes(data))
    return path


def billion_laughs():
    entities = ['<!ENTITY lol "lol">']
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i - 1}"
        entities.append(f'<!ENTITY lol{i} "' + f"&{prev};" * 10 + '">')
    doctype = "<!DOCTYPE lolz [" + "".join(entities) + "]>"
    shared = ('<?xml version="1.0" encoding="UTF-8"?>' + doctype +
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              "<si><t>&lol9;</t></si></sst>")
    sheet = ('<?xml version="1.0" encoding="UTF-8"?>' + doctype +
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>'
             '<c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>')
    return workbook("billion_laughs.xlsx", sheet, shared=shared)


def many_entries():
    path = os.path.join(OUT, "many_entries.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr(entry("[Content_Types].xml", zipfile.ZIP_STORED), CONTENT_TYPES)
        z.writestr(entry("xl/workbook.xml", zipfile.ZIP_STORED), WORKBOOK)
        for i in range(10_001):
            z.writestr(entry(f"xl/media/e{i}.bin", zipfile.ZIP_STORED), b"")
    return path


def truncated():
    src = os.path.join(ROOT, "fixtures", "xlsx", "cnltp_ledger.xlsx")
    data = open(src, "rb").read()
    path = os.path.join(OUT, "truncated.xlsx")
    open(path, "wb").write(data[: len(data) // 2])
    return path


def patched_xls(name, patch):
    """fixtures/xlsx/cnltp_ledger.xls with `patch(data)` applied in place: BIFF records sit in
    the file's sectors as they are, so a record's fields can be rewritten without rebuilding
    the OLE2 container."""
    data = bytearray(open(os.path.join(ROOT, "fixtures", "xlsx", "cnltp_ledger.xls"), "rb").read())
    patch(data)
    path = os.path.join(OUT, name)
    open(path, "wb").write(bytes(data))
    return path


def record_at(data, typ, length):
    """Where the first record of this type and data length starts (its header)."""
    at = data.find(struct.pack("<HH", typ, length))
    if at < 0:
        sys.exit(f"no record {typ:#06x} of {length} bytes in cnltp_ledger.xls")
    return at


def xls_far_cell():
    def patch(data):
        at = record_at(data, 0x00FD, 10)  # LabelSst: row, col, xf, string index
        data[at + 4:at + 8] = struct.pack("<HH", 65535, 255)
    return patched_xls("xls_far_cell.xls", patch)


def xls_huge_dimensions():
    def patch(data):
        at = record_at(data, 0x0200, 14)  # Dimensions: first/last+1 row (u32), col (u16)
        data[at + 4:at + 16] = struct.pack("<IIHH", 0, 0xFFFFFFF0, 0, 0xFFFF)
    return patched_xls("xls_huge_dimensions.xls", patch)


def small_files():
    open(os.path.join(OUT, "empty.xlsx"), "wb").close()
    with open(os.path.join(OUT, "not_a_workbook.xlsx"), "w", encoding="utf-8") as f:
        f.write("Date;N° pièce;Ligne;Montant\n01/02/2018;PC-1;0101;250000\n")
    with open(os.path.join(OUT, "html_table.xls"), "w", encoding="utf-8") as f:
        f.write("<html><body><table><tr><td>Date</td><td>Montant</td></tr></table></body></html>\n")


def ods_repeat_bomb():
    """An ods whose one row of a non-empty cell repeated 16,384 times is itself repeated 4,000
    times: 65 million cells from 1 KB of XML."""
    path = os.path.join(OUT, "repeat_bomb.ods")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Depenses">'
        '<table:table-row table:number-rows-repeated="4000">'
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell>'
        "</table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(entry("mimetype", zipfile.ZIP_STORED),
                   "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(entry("content.xml"), content)
        z.writestr(entry("META-INF/manifest.xml"),
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                   '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                   '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                   '"application/vnd.oasis.opendocument.spreadsheet"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
                   '"text/xml"/></manifest:manifest>')
    return path


def main():
    global OUT
    if sys.argv[1:] == ["--check"]:
        committed = OUT
        with tempfile.TemporaryDirectory() as tmp:
            OUT = tmp
            generate(quiet=True)
            names = sorted(os.listdir(tmp))
            _, mismatch, errors = filecmp.cmpfiles(committed, tmp, names, shallow=False)
        if mismatch or errors:
            sys.exit(f"fixtures/hostile differs from its generator: {mismatch + errors}")
        print(f"fixtures/hostile: {len(names)} files match their generator")
        return
    generate(quiet=False)


def generate(quiet):
    os.makedirs(OUT, exist_ok=True)
    for make in (xfd, shared_strings_bomb, declared_huge, billion_laughs, many_entries,
                 truncated, ods_repeat_bomb, xls_far_cell, xls_huge_dimensions):
        path = make()
        if not quiet:
            print("wrote", os.path.relpath(path, ROOT), os.path.getsize(path), "bytes")
    small_files()


if __name__ == "__main__":
    main()
