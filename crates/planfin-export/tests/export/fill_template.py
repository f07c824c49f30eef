"""Fills planfin templates the way a finance officer would, with openpyxl.

    python3 fill_template.py plan PLAN_TEMPLATE.xlsx OUT.xlsx
    python3 fill_template.py ledger LEDGER_TEMPLATE.xlsx OUT.xlsx

The plan: 2 objectives, 2 sources, 3 lines over 2018-2019 (one with a costing), one
transfer; ceiling 10,000,000 XOF. The ledger: 3 expenditures, one correction. Codes typed as
text (0201), dates as real dates. Exit 77 when openpyxl is missing.
"""

import datetime
import sys

try:
    import openpyxl
except ImportError:
    print("openpyxl not installed: pip install openpyxl")
    sys.exit(77)


def fill_plan(ws_by_name):
    plan = ws_by_name["Plan"]
    for row, value in enumerate(
        ["T-2018", "Plan test", "Test plan", "CNLTP", "XOF",
         datetime.date(2018, 1, 1), datetime.date(2019, 12, 31), 10_000_000],
        start=1,
    ):
        plan.cell(row=row, column=2, value=value)
    objectives = ws_by_name["Objectifs"]
    for r, row in enumerate([["OS1", "Plaidoyer", "Advocacy"], ["OS2", "Formation", None]], start=2):
        for c, v in enumerate(row, start=1):
            objectives.cell(row=r, column=c, value=v)
    sources = ws_by_name["Sources"]
    for r, row in enumerate([["ETAT", "Budget de l'Etat", None, "Etat"], ["ICMPD", "Projet ICMPD", None, "Bailleur"]], start=2):
        for c, v in enumerate(row, start=1):
            sources.cell(row=r, column=c, value=v)
    lines = ws_by_name["Lignes"]
    rows = [
        ["0101", "OS1", "Ateliers", None, "ETAT", 2018, 2_000_000, "atelier", 4, 500_000],
        ["0101", "OS1", "Ateliers", None, "ETAT", 2019, None, None, None, None],
        ["0201", "OS2", "Formations", "Training", "ICMPD", 2018, 3_000_000, None, None, None],
        ["0201", "OS2", "Formations", "Training", "ICMPD", 2019, 4_000_000, None, None, None],
        ["0202", "OS2", "Guide", None, "ICMPD", "2019-Q2", 1_000_000, None, None, None],
    ]
    r = 2
    for row in rows:
        if row[6] is None:
            continue
        for c, v in enumerate(row, start=1):
            lines.cell(row=r, column=c, value=v)
        r += 1
    amendments = ws_by_name["Amendements"]
    for c, v in enumerate([datetime.date(2019, 3, 1), "V-1", "0201", "0101", 500_000, None, "Réallocation", "DG"], start=1):
        amendments.cell(row=2, column=c, value=v)


def fill_ledger(ws_by_name):
    ws = ws_by_name["Depenses"]
    rows = [
        [datetime.date(2018, 3, 14), "PC-001", "0101", 1_250_000, "XOF", None, "paiement", "Hôtel", "=atelier", "FAC-1"],
        [datetime.date(2018, 4, 2), "PC-002", "0201", 1_000, "EUR", None, "engagement", "+33 6 12", "Billets", None],
        [datetime.date(2018, 5, 9), "PC-003", "0101", -50_000, "XOF", None, "paiement", "Hôtel", "Correction", None],
    ]
    for r, row in enumerate(rows, start=2):
        for c, v in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, str) and v[:1] in "=+-@":
                cell.data_type = "s"


def main(kind, template, out):
    wb = openpyxl.load_workbook(template)
    ws_by_name = {ws.title: ws for ws in wb.worksheets}
    (fill_plan if kind == "plan" else fill_ledger)(ws_by_name)
    wb.save(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
