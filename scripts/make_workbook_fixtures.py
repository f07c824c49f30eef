#!/usr/bin/env python3
"""Generate the workbook fixtures of planfin-xlsx from fixtures/cnltp/*.json.

Written with openpyxl, another tool than planfin's own, so that the importer is tested against
workbooks it did not write; the .xls and .ods copies are converted by LibreOffice headless.
The outputs are committed: tests never need openpyxl nor LibreOffice.

    pip install openpyxl
    apt-get install -y --no-install-recommends libreoffice-calc-nogui
    python3 scripts/make_workbook_fixtures.py            # writes fixtures/xlsx/

Files (French headers):
  cnltp_plan.xlsx        the CNLTP plan, long layout (Année + Montant), amendments
  cnltp_ledger.xlsx      the CNLTP sample ledger, one row per voucher as in the JSON
  messy_plan.xlsx        title rows, shuffled columns, wide layout (2018, Montant 2019, Total)
                         with a totals row, text amounts with U+00A0 and FCFA
  plan_two_row_header.xlsx  Lignes header on two rows (Montant merged above 2018 | 2019)
  messy_ledger.xlsx      title rows, shuffled columns, text amounts (U+00A0, U+202F, FCFA),
                         dates as text, EUR amounts as text, French stages, a totals row
  ledger_1904.xlsx       the CNLTP ledger in the 1904 date system
  ledger_e9.xlsx         the CNLTP ledger whose Montant cell E9 holds "12,5 kF"
  ledger_blank_cells.xlsx  the CNLTP ledger with styled (bordered) blank cells
  ledger_errors.xlsx     one of each cell error, for the golden messages
  ledger_missing_columns.xlsx, plan_errors.xlsx   more golden messages
and fixtures/hostile/password_protected.xlsx (the E9 ledger, encrypted with msoffcrypto-tool).
and .xls / .ods copies of cnltp_*, messy_* (and ledger_1904) converted by LibreOffice, plus
.xlsm copies of the ledgers written by LibreOffice's own OOXML writer.
"""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "xlsx")
NBSP = "\u00a0"
NNBSP = "\u202f"

STAGE_FR = {
    "engagement": "Engagé",
    "liquidation": "Liquidé",
    "ordonnancement": "Ordonnancé",
    "paiement": "Payé",
}
KIND_FR = {"state_budget": "Etat", "donor": "Bailleur", "other": "Autre"}


def load():
    with open(os.path.join(ROOT, "fixtures", "cnltp", "plan.json"), encoding="utf-8") as f:
        plan = json.load(f)
    with open(os.path.join(ROOT, "fixtures", "cnltp", "ledger.json"), encoding="utf-8") as f:
        ledger = json.load(f)["expenditures"]
    return plan, ledger


def number(s):
    """An amount string as the number a spreadsheet cell holds: int when whole, else float."""
    d = Decimal(s)
    return int(d) if d == d.to_integral_value() else float(d)


def grouped(d, sep=NBSP, decimal=","):
    """1250000 -> '1 250 000' with `sep`; 1892.31 -> '1 892,31'."""
    d = Decimal(d)
    sign = "-" if d < 0 else ""
    d = abs(d)
    whole = int(d)
    frac = d - whole
    s = f"{whole:,}".replace(",", sep)
    if frac:
        s += decimal + f"{frac:.2f}"[2:]
    return sign + s


def date(s):
    return dt.date.fromisoformat(s)


def save(wb, name):
    path = os.path.join(OUT, name)
    wb.save(path)
    print("wrote", os.path.relpath(path, ROOT))
    return path


def plan_head(ws, plan, ceiling=None):
    rows = [
        ("Code", plan["code"]),
        ("Titre", plan["title"]["fr"]),
        ("Titre EN", plan["title"]["en"]),
        ("Organisation", plan["organisation"]),
        ("Devise", plan["currency"]),
        ("Début", date(plan["start"])),
        ("Fin", date(plan["end"])),
        ("Plafond", number(plan["ceiling"]) if ceiling is None else ceiling),
    ]
    for r in rows:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=6, max_row=7, min_col=2, max_col=2):
        for c in row:
            c.number_format = "DD/MM/YYYY"


def objectives_sheet(wb, plan, title_rows=()):
    ws = wb.create_sheet("Objectifs")
    for t in title_rows:
        ws.append(t)
    ws.append(["Code", "Intitulé", "Title EN"])
    for o in plan["objectives"]:
        ws.append([o["code"], o["title"]["fr"], o["title"]["en"]])


def sources_sheet(wb, plan):
    ws = wb.create_sheet("Sources")
    ws.append(["Code", "Nom", "Name EN", "Type"])
    for s in plan["sources"]:
        ws.append([s["code"], s["name"]["fr"], s["name"]["en"], KIND_FR[s["kind"]]])


def amendments_sheet(wb, plan, text_amounts=False):
    ws = wb.create_sheet("Amendements")
    ws.append(["Date", "Référence", "De", "Vers", "Montant", "Motif", "Approuvé par"])
    for a in plan.get("amendments", []):
        amount = grouped(a["amount"]) + " FCFA" if text_amounts else number(a["amount"])
        ws.append(
            [
                date(a["date"]),
                a["reference"],
                a.get("from"),
                a.get("to"),
                amount,
                a.get("reason", ""),
                a.get("approved_by", ""),
            ]
        )
        ws.cell(ws.max_row, 1).number_format = "DD/MM/YYYY"


def text_code(ws, row, col, value):
    c = ws.cell(row, col, value)
    c.number_format = "@"


def cnltp_plan(plan):
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    plan_head(ws, plan)
    objectives_sheet(wb, plan)
    sources_sheet(wb, plan)
    ws = wb.create_sheet("Lignes")
    ws.append(
        ["Code", "Objectif", "Libellé", "Label EN", "Source", "Année", "Montant",
         "Unité", "Quantité", "Coût unitaire"]
    )
    for line in plan["lines"]:
        for a in line["amounts"]:
            costing = line.get("costing") or {}
            ws.append(
                [None, line["objective"], line["label"]["fr"], line["label"]["en"],
                 line["source"], int(a["period"]), number(a["amount"]),
                 costing.get("unit"),
                 number(costing["quantity"]) if costing else None,
                 number(costing["unit_cost"]) if costing else None]
            )
            text_code(ws, ws.max_row, 1, line["code"])
    amendments_sheet(wb, plan)
    return save(wb, "cnltp_plan.xlsx")


def messy_plan(plan):
    wb = Workbook()
    ws = wb.active
    ws.title = "PLAN"
    ws.append(["RÉPUBLIQUE DU MALI"])
    ws.append([])
    plan_head(ws, plan, ceiling="206" + NBSP + "850" + NBSP + "000 FCFA")
    objectives_sheet(wb, plan, title_rows=[["Objectifs stratégiques du plan"], []])
    sources_sheet(wb, plan)
    ws = wb.create_sheet("Lignes budgétaires")
    ws.append(["MINISTÈRE DE LA JUSTICE - CNLTP"])
    ws.append(["Plan de plaidoyer 2018-2019 : budget par ligne (FCFA)"])
    ws.append([])
    years = sorted({int(a["period"]) for l in plan["lines"] for a in l["amounts"]})
    # Shuffled columns, one column per year, a Total column.
    ws.append(["Libellé", "Source de financement", "2018", "Montant 2019", "Total",
               "Code ligne", "Objectif", "Qté", "Libellé anglais", "Unité",
               "Coût unitaire (FCFA)"])
    assert years == [2018, 2019], years
    sums = {y: Decimal(0) for y in years}
    for i, line in enumerate(plan["lines"]):
        per = {int(a["period"]): Decimal(a["amount"]) for a in line["amounts"]}
        for y in years:
            sums[y] += per.get(y, Decimal(0))
        total = sum(per.values())
        y18 = per.get(2018)
        # Every third line has its 2018 amount as text with non-breaking spaces and FCFA.
        if y18 is not None and i % 3 == 0:
            y18 = grouped(y18) + " FCFA"
        elif y18 is not None:
            y18 = number(str(y18))
        y19 = number(str(per[2019])) if 2019 in per else None
        costing = line.get("costing") or {}
        ws.append([line["label"]["fr"], line["source"], y18, y19, number(str(total)), None,
                   line["objective"],
                   number(costing["quantity"]) if costing else None,
                   line["label"]["en"], costing.get("unit"),
                   grouped(costing["unit_cost"], sep=" ") if costing else None])
        text_code(ws, ws.max_row, 6, line["code"])
        if i == 10:
            ws.append([])  # a blank row in the middle
    ws.append(["TOTAL GÉNÉRAL", None, number(str(sums[2018])), number(str(sums[2019])),
               number(str(sums[2018] + sums[2019]))])
    amendments_sheet(wb, plan, text_amounts=True)
    return save(wb, "messy_plan.xlsx")


def plan_two_row_header(plan):
    """The CNLTP plan with its Lignes header on two rows: "Montant (FCFA)" merged above the
    years, the other headers merged down, as budget offices lay them out."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    plan_head(ws, plan)
    objectives_sheet(wb, plan)
    sources_sheet(wb, plan)
    ws = wb.create_sheet("Lignes")
    ws.append(["Budget par ligne (FCFA)"])
    ws.append(["Code", "Objectif", "Libellé", "Label EN", "Source", "Montant (FCFA)", None,
               "Total"])
    ws.append([None, None, None, None, None, "2018", "2019", None])
    for col in "ABCDEH":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("F2:G2")
    for line in plan["lines"]:
        per = {int(a["period"]): Decimal(a["amount"]) for a in line["amounts"]}
        ws.append([None, line["objective"], line["label"]["fr"], line["label"]["en"],
                   line["source"], number(str(per[2018])) if 2018 in per else None,
                   number(str(per[2019])) if 2019 in per else None,
                   number(str(sum(per.values())))])
        text_code(ws, ws.max_row, 1, line["code"])
    amendments_sheet(wb, plan)
    return save(wb, "plan_two_row_header.xlsx")


LEDGER_HEADERS = ["Date", "N° pièce", "Ligne budgétaire", "Étape", "Montant", "Devise",
                  "Bénéficiaire", "Libellé", "Justificatif", "N° engagement"]


def ledger_row(e):
    return [date(e["date"]), e["voucher"], e["line"], STAGE_FR[e.get("stage", "paiement")],
            number(e["amount"]), e["currency"], e.get("payee", ""), e.get("description", ""),
            e.get("document"), e.get("commitment")]


def plain_ledger(ledger, name, epoch_1904=False, e9=None):
    wb = Workbook()
    if epoch_1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Depenses"
    ws.append(LEDGER_HEADERS)
    for e in ledger:
        ws.append(ledger_row(e))
        ws.cell(ws.max_row, 1).number_format = "DD/MM/YYYY"
        text_code(ws, ws.max_row, 3, e["line"])
    if e9 is not None:
        ws["E9"] = e9
    return save(wb, name)


def ledger_blank_cells(ledger):
    """The CNLTP ledger with a border on every cell of the table, the empty Justificatif cells
    too: styled blank cells, which a fast reader cannot tell from unsaved formulas."""
    from openpyxl.styles import Border, Side
    path = plain_ledger(ledger, "ledger_blank_cells.xlsx")
    from openpyxl import load_workbook
    wb = load_workbook(path)
    ws = wb["Depenses"]
    thin = Side(style="thin")
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=len(LEDGER_HEADERS)):
        for c in row:
            c.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    return save(wb, "ledger_blank_cells.xlsx")


def messy_ledger(ledger):
    wb = Workbook()
    ws = wb.active
    ws.title = "Feuil1"
    ws.append(["notes"])
    ws = wb.create_sheet("DÉPENSES")
    ws.append(["COMITÉ NATIONAL DE LUTTE CONTRE LA TRAITE DES PERSONNES"])
    ws.append(["Journal des dépenses 2018-2019"])
    ws.append([])
    # Shuffled columns, usual variants of the names.
    ws.append(["Réf.", "Bénéficiaire", "Montant (FCFA)", "Date", "Imputation", "Devise",
               "Objet", "Etape", "Pièce justificative", "N° d'engagement"])
    raw_total = Decimal(0)
    for i, e in enumerate(ledger):
        amount = Decimal(e["amount"])
        raw_total += amount
        if e["currency"] == "EUR":
            shown = grouped(amount, sep=NNBSP) + " €"
        elif i % 4 == 0:
            shown = grouped(amount) + " FCFA"
        elif i % 4 == 1 and amount < 0:
            shown = "(" + grouped(-amount, sep=" ") + ")"
        elif i % 4 == 1:
            shown = grouped(amount, sep=" ")
        else:
            shown = number(e["amount"])
        d = date(e["date"])
        shown_date = d.strftime("%d/%m/%Y") if i % 5 == 0 else d
        # The currency column is left empty for XOF rows whose amount says FCFA, and the
        # header says FCFA: both must resolve to XOF.
        currency = e["currency"] if e["currency"] != "XOF" or i % 3 else None
        ws.append([e["voucher"], e.get("payee", ""), shown, shown_date, e["line"], currency,
                   e.get("description", ""), STAGE_FR[e.get("stage", "paiement")],
                   e.get("document"), e.get("commitment")])
        if not isinstance(shown_date, str):
            ws.cell(ws.max_row, 4).number_format = "DD/MM/YYYY"
        text_code(ws, ws.max_row, 5, e["line"])
        if i in (40, 41):
            ws.append([])
    ws.append(["TOTAL GÉNÉRAL", None, number(str(raw_total))])
    ws.append([])
    ws.append(["Arrêté le présent journal à la date du 31/12/2019"])
    return save(wb, "messy_ledger.xlsx")


def error_ledger():
    """One of each cell error (golden messages in crates/planfin-xlsx/tests/import)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Depenses"
    ws.append(LEDGER_HEADERS)
    good = [dt.date(2018, 3, 1), "PC-1", "0101", "Payé", 1000, "XOF", "Hôtel", "Atelier", None]
    rows = [
        ("E", 1250.5),            # row 3: fractional XOF
        ("E", "1,000"),           # row 4: ambiguous
        ("A", "31/02/2019"),      # row 5: no such day
        ("E", "=B2*2"),           # row 6: formula without a cached value (openpyxl saves none)
        ("E", "#DIV/0!"),         # row 7: error cell
        ("D", "payé ?"),          # row 8: unknown stage
        ("E", "12,5 kF"),         # row 9: not an amount
        ("B", None),              # row 10: empty voucher
        ("F", "FRANCS SUISSES"),  # row 11: unknown currency
        ("E", "1 500 EUR"),       # row 12: the amount says EUR, the Devise column XOF
    ]
    ws.append(good)
    ws.cell(2, 1).number_format = "DD/MM/YYYY"
    for n, (col, value) in enumerate(rows, start=2):
        row = list(good)
        row[1] = f"PC-{n}"
        row["ABCDEFGHI".index(col)] = value
        ws.append(row)
        ws.cell(ws.max_row, 1).number_format = "DD/MM/YYYY"
    return save(wb, "ledger_errors.xlsx")


def ledger_missing_columns():
    wb = Workbook()
    ws = wb.active
    ws.title = "Dépenses"
    ws.append(["Journal 2019"])
    ws.append(["Date", "N° pièce", "Montant", "Devise", "Objet"])
    ws.append([dt.date(2019, 1, 5), "PC-1", 1000, "XOF", "Atelier"])
    return save(wb, "ledger_missing_columns.xlsx")


def plan_errors(plan):
    """A plan whose Lignes sheet breaks the rules: wrong row Total, fractional XOF, wrong
    totals row, unknown source kind."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    plan_head(ws, plan)
    objectives_sheet(wb, plan)
    ws = wb.create_sheet("Sources")
    ws.append(["Code", "Nom", "Type"])
    ws.append(["ETAT", "Etat", "Etat"])
    ws.append(["X", "Mécène", "mécénat"])
    ws = wb.create_sheet("Lignes")
    ws.append(["Code", "Objectif", "Libellé", "Source", "2018", "2019", "Total"])
    ws.append(["0101", "OS1", "Ateliers", "ETAT", 1000000, 2000000, 3000000])
    ws.append(["0102", "OS1", "Etudes", "ETAT", 500000, 500000, 1100000])
    ws.append(["0103", "OS2", "Missions", "ETAT", 250000.5, None, 250000.5])
    ws.append(["Total", None, None, None, 1750000, 2500000, 4350000])
    return save(wb, "plan_errors.xlsx")


def password_protected():
    """fixtures/hostile/password_protected.xlsx: the E9 ledger encrypted with the password
    "secret" (Agile encryption, as Excel does), when msoffcrypto-tool is installed
    (pip install msoffcrypto-tool). Encryption is salted: the output differs at each run."""
    try:
        import msoffcrypto  # noqa: F401
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        print("msoffcrypto-tool not installed: password_protected.xlsx not regenerated",
              file=sys.stderr)
        return
    src = os.path.join(OUT, "ledger_e9.xlsx")
    dst = os.path.join(ROOT, "fixtures", "hostile", "password_protected.xlsx")
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        OOXMLFile(fin).encrypt("secret", fout)
    print("wrote", os.path.relpath(dst, ROOT))


def convert(paths):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice not found: .xls and .ods copies not regenerated", file=sys.stderr)
        return
    for fmt, target, only in (
        ("xls", "xls", paths),
        ("ods", "ods", paths),
        # LibreOffice's own OOXML writer, macro-enabled flavour: another xlsx producer.
        ("xlsm", "xlsm:Calc MS Excel 2007 VBA XML", [p for p in paths if "ledger" in p]),
    ):
        with tempfile.TemporaryDirectory() as profile:
            cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                   "--convert-to", target, "--outdir", OUT, *only]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        # soffice exits 0 even when a conversion fails: check every output.
        for p in only:
            out = os.path.splitext(p)[0] + "." + fmt
            if not os.path.exists(out) or os.path.getsize(out) == 0:
                sys.exit(f"LibreOffice did not write {out}")
            print("wrote", os.path.relpath(out, ROOT))


def main():
    os.makedirs(OUT, exist_ok=True)
    plan, ledger = load()
    to_convert = [
        cnltp_plan(plan),
        plain_ledger(ledger, "cnltp_ledger.xlsx"),
        messy_plan(plan),
        plan_two_row_header(plan),
        messy_ledger(ledger),
        plain_ledger(ledger, "ledger_1904.xlsx", epoch_1904=True),
    ]
    plain_ledger(ledger, "ledger_e9.xlsx", e9="12,5 kF")
    ledger_blank_cells(ledger)
    password_protected()
    error_ledger()
    ledger_missing_columns()
    plan_errors(plan)
    convert(to_convert)


if __name__ == "__main__":
    main()
