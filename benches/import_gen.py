#!/usr/bin/env python3
"""Write a large ledger workbook for the import benchmarks (standard library only).

    python3 benches/import_gen.py ROWS OUT.xlsx

One sheet "Depenses", 9 columns as a finance journal has them: Date (a date cell), N° pièce,
Objectif, Activité, Ligne, Source, Libellé, Montant (whole XOF), Devise. Text goes through the
shared-strings table, as Excel writes it. Deterministic: the same ROWS give the same content.
"""

import datetime as dt
import sys
import zipfile
from xml.sax.saxutils import escape

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Depenses" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf/></cellStyleXfs>
<cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""

HEADERS = ["Date", "N° pièce", "Objectif", "Activité", "Ligne", "Source", "Libellé",
           "Montant", "Devise"]
LINES = [f"0{o}0{a}" for o in range(1, 6) for a in range(1, 6)]
SOURCES = ["ETAT", "ICMPD", "PTF"]
LABELS = ["Atelier : pause-café et déjeuners", "Honoraires du consultant",
          "Frais de mission", "Impression et reprographie", "Location de salle",
          "Carburant et transport", "Spots radio", "Fournitures de bureau"]
EPOCH = dt.date(1899, 12, 30)


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    strings = {}

    def sid(s):
        i = strings.get(s)
        if i is None:
            i = strings[s] = len(strings)
        return i

    start = (dt.date(2018, 1, 1) - EPOCH).days
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", STYLES)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
                    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    + f'<dimension ref="A1:I{rows + 1}"/><sheetData>'.encode())
            head = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{sid(h)}</v></c>'
                           for i, h in enumerate(HEADERS))
            f.write(f'<row r="1">{head}</row>'.encode())
            buf = []
            for n in range(rows):
                r = n + 2
                line = LINES[n % len(LINES)]
                cells = (
                    f'<row r="{r}"><c r="A{r}" s="1"><v>{start + n % 730}</v></c>'
                    f'<c r="B{r}" t="s"><v>{sid(f"PC-{n + 1:07d}")}</v></c>'
                    f'<c r="C{r}" t="s"><v>{sid("OS" + line[1])}</v></c>'
                    f'<c r="D{r}" t="s"><v>{sid("Activité " + line)}</v></c>'
                    f'<c r="E{r}" t="s"><v>{sid(line)}</v></c>'
                    f'<c r="F{r}" t="s"><v>{sid(SOURCES[n % 3])}</v></c>'
                    f'<c r="G{r}" t="s"><v>{sid(LABELS[n % len(LABELS)])}</v></c>'
                    f'<c r="H{r}"><v>{(n * 7919) % 2_000_000 + 1000}</v></c>'
                    f'<c r="I{r}" t="s"><v>{sid("XOF")}</v></c></row>'
                )
                buf.append(cells)
                if len(buf) == 10_000:
                    f.write("".join(buf).encode())
                    buf.clear()
            f.write("".join(buf).encode())
            f.write(b"</sheetData></worksheet>")
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns='
                    b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                    + f'count="{len(strings)}" uniqueCount="{len(strings)}">'.encode())
            buf = []
            for s in strings:
                buf.append(f"<si><t>{escape(s)}</t></si>")
                if len(buf) == 10_000:
                    f.write("".join(buf).encode())
                    buf.clear()
            f.write("".join(buf).encode())
            f.write(b"</sst>")
    total = sum((n * 7919) % 2_000_000 + 1000 for n in range(rows))
    print(f"{out}: {rows} rows, amounts sum to {total} XOF")


if __name__ == "__main__":
    main()
