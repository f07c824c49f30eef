"""Reads a planfin workbook back with openpyxl and checks it against expected values.

    python3 check_openpyxl.py WORKBOOK.xlsx EXPECTED.json

EXPECTED.json:
    {"cells": [{"sheet": "Synthèse", "cell": "C10", "formula": "=SUM(", "value": "206850000"}, ...],
     "text": [{"sheet": "Depenses", "cell": "H2", "value": "=HYPERLINK(...)"}],
     "properties": {"planfin version": "0.1.0"},
     "charts": {"count": 1, "series": ["Synthèse!$E$4:$E$9"]},
     "validations": [{"sheet": "Lignes", "cell": "B2", "type": "list"}],
     "layout": [{"sheet": "Synthèse", "freeze": "B4", "filter": "A3:K9", "amount_format": "#,##0",
                 "conditional": ["K4:K9"]}]}

For each cell: loaded with formulas, the cell holds a formula starting with "formula" (or, with
"formula": null, no formula at all); loaded with cached values (data_only=True), its value is
the exact decimal "value" (a float read back in its shortest form). Text cells must be
strings equal to "value", never formulas. Layout: frozen panes, autofilter, landscape
fit-to-width printing with the header row repeated, the amount number format of C4, and
conditional formats on the given ranges. Exit 0 when all hold, 1 otherwise, 77 when openpyxl
is not installed (the caller skips).
"""

import json
import sys
import zipfile
from decimal import Decimal

try:
    import openpyxl
except ImportError:
    print("openpyxl not installed: pip install openpyxl")
    sys.exit(77)


def as_decimal(value):
    if value is None or value == "":
        return None
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def main(path, expected_path):
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    problems = []
    checked = 0
    for c in expected.get("cells", []):
        f = formulas[c["sheet"]][c["cell"]].value
        v = values[c["sheet"]][c["cell"]].value
        where = f"{c['sheet']}!{c['cell']}"
        prefix = c.get("formula")
        if prefix is None:
            if isinstance(f, str) and f.startswith("="):
                problems.append(f"{where}: unexpected formula {f!r}")
        elif not (isinstance(f, str) and f.startswith(prefix)):
            problems.append(f"{where}: formula {f!r}, expected {prefix!r}...")
        want = None if c["value"] is None else Decimal(c["value"])
        if as_decimal(v) != want:
            problems.append(f"{where}: cached value {v!r}, expected {c['value']}")
        checked += 1
    for c in expected.get("text", []):
        cell = formulas[c["sheet"]][c["cell"]]
        where = f"{c['sheet']}!{c['cell']}"
        if cell.data_type != "s" or cell.value != c["value"]:
            problems.append(f"{where}: {cell.value!r} (type {cell.data_type}), expected text {c['value']!r}")
        checked += 1
    props = {p.name: p.value for p in formulas.custom_doc_props.props}
    for name, value in expected.get("properties", {}).items():
        if props.get(name) != value:
            problems.append(f"property {name!r}: {props.get(name)!r}, expected {value!r}")
        checked += 1
    for v in expected.get("validations", []):
        ws = formulas[v["sheet"]]
        found = [dv for dv in ws.data_validations.dataValidation if v["cell"] in dv.sqref]
        if not any(dv.type == v["type"] for dv in found):
            problems.append(f"{v['sheet']}!{v['cell']}: no {v['type']} validation")
        elif not all(dv.prompt for dv in found):
            problems.append(f"{v['sheet']}!{v['cell']}: no input message")
        checked += 1
    for lay in expected.get("layout", []):
        ws = formulas[lay["sheet"]]
        where = lay["sheet"]
        fit = ws.sheet_properties.pageSetUpPr
        header = int(lay["freeze"][1:]) - 1
        found = {
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
            "orientation": ws.page_setup.orientation,
            "fit to page": bool(fit is not None and fit.fitToPage),
            "fit height": ws.page_setup.fitToHeight,
            "repeated rows": ws.print_title_rows,
            "amount format": ws["C4"].number_format,
        }
        wanted = {
            "freeze": lay["freeze"],
            "filter": lay["filter"],
            "orientation": "landscape",
            "fit to page": True,
            "fit height": 0,
            "repeated rows": f"${header}:${header}",
            "amount format": lay["amount_format"],
        }
        for k, want in wanted.items():
            if found[k] != want:
                problems.append(f"{where}: {k} {found[k]!r}, expected {want!r}")
        ranges = [str(r.sqref) for r in ws.conditional_formatting]
        for r in lay.get("conditional", []):
            if r not in ranges:
                problems.append(f"{where}: no conditional format on {r} (found {ranges})")
        checked += 1
    if "charts" in expected:
        with zipfile.ZipFile(path) as z:
            charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
            xml = "".join(z.read(n).decode("utf-8") for n in charts)
        if len(charts) != expected["charts"]["count"]:
            problems.append(f"{len(charts)} charts, expected {expected['charts']['count']}")
        for ref in expected["charts"].get("series", []):
            if ref not in xml:
                problems.append(f"no chart series {ref}")
        checked += 1
    for p in problems:
        print(p)
    print(f"openpyxl {openpyxl.__version__}: {checked} checks, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
