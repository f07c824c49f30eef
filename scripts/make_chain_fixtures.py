#!/usr/bin/env python3
"""Generate the expenditure-chain fixtures of fixtures/chain/ from the records listed below.

Three monthly journals of a finance office, against the plan fixtures/small/plan.json (XOF):
the end-of-April export (March and April), the May and the June journals. Each is written as a
JSON ledger and as a workbook with the same records; the expected figures are worked by hand
in fixtures/chain/README.md and fixtures/chain/expected.json (the rules:
docs/expenditure-chain.md). The workbooks are written with openpyxl, another tool than
planfin's own, so that the importer is tested against workbooks it did not write. The outputs
are committed: tests never need openpyxl.

    pip install openpyxl
    python3 scripts/make_chain_fixtures.py            # writes fixtures/chain/journal-*

Files:
  journal-2019-04.json / .xlsx   March and April
  journal-2019-05.json / .xlsx   May, and MAR-0007 at engagement again (the commitment
                                 register's snapshot repeated: a duplicate, counted once)
  journal-2019-06.json / .xlsx   June

Workbooks: one sheet `Depenses`, French headers (Date, N° pièce, Ligne, Montant, Devise, Étape,
Bénéficiaire, Libellé, Justificatif, N° engagement), dates as date cells (DD/MM/YYYY), amounts
as integer numbers, line codes as text cells, empty cells where a record has no document or no
commitment. After writing, every workbook is read back and compared with its JSON twin.
"""

import datetime as dt
import json
import os
import sys

from openpyxl import Workbook, load_workbook

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fixtures", "chain")

JOURNALS = ["journal-2019-04", "journal-2019-05", "journal-2019-06"]

# (journals holding the record, voucher, date, line, amount, stage, payee, description,
#  document, commitment). All amounts XOF.
RECORDS = [
    # -- end-of-April export: March and April
    (["journal-2019-04"], "ENG-2019-014", "2019-03-04", "0201", 120000, "engagement",
     "Cabinet Sahel Conseil", "Étude de référence, marché", "BC-2019-014", None),
    (["journal-2019-04"], "PAY-0087", "2019-03-20", "0101", 84980, "paiement",
     "Hôtel Amitié", "Atelier de lancement", "FAC-0311", None),
    # the commitment register's snapshot of MAR-0007, repeated in the May journal
    (["journal-2019-04", "journal-2019-05"], "MAR-0007", "2019-04-10", "0102", 40000,
     "engagement", "Agence Voyages Niger", "Mission de suivi Ségou", "BC-2019-021", None),
    (["journal-2019-04"], "LIQ-0102", "2019-04-15", "0201", 50000, "liquidation",
     "Cabinet Sahel Conseil", "Rapport de démarrage", "PV-0102", "ENG-2019-014"),
    # -- May
    (["journal-2019-05"], "PAY-0131", "2019-05-02", "0201", 30000, "paiement",
     "Cabinet Sahel Conseil", "Avance de démarrage", None, "ENG-2019-014"),
    (["journal-2019-05"], "ENG-2019-031", "2019-05-14", "0201", 140000, "engagement",
     "Bureau Études Delta", "Enquête ménages", "BC-2019-031", None),
    (["journal-2019-05"], "PAY-0152", "2019-05-16", "0102", 27500, "paiement",
     "Compagnie Transports Kayes", "Billets mission Kayes", "FAC-0516", None),
    (["journal-2019-05"], "PAY-0200", "2019-05-20", "0101", 25000, "paiement",
     "Traiteur Baobab", "Pauses-café atelier", "FAC-0520", "ENG-2019-099"),
    (["journal-2019-05"], "MAN-0144", "2019-05-27", "0201", 50000, "ordonnancement",
     "Cabinet Sahel Conseil", "Mandat rapport de démarrage", "MDT-0144", "ENG-2019-014"),
    # -- June
    (["journal-2019-06"], "PAY-0190", "2019-06-05", "0201", 15000, "paiement",
     "Cabinet Sahel Conseil", "Paiement rapport de démarrage", "OP-0190", "ENG-2019-014"),
    (["journal-2019-06"], "MAR-0007", "2019-06-12", "0102", 40000, "paiement",
     "Agence Voyages Niger", "Mission de suivi Ségou", "OP-0007", None),
    (["journal-2019-06"], "PAY-0215", "2019-06-20", "0101", 160000, "paiement",
     "Hôtel Amitié", "Atelier de validation", "FAC-0620", None),
]

STAGE_FR = {
    "engagement": "Engagement",
    "liquidation": "Liquidation",
    "ordonnancement": "Ordonnancement",
    "paiement": "Paiement",
}
HEADERS = ["Date", "N° pièce", "Ligne", "Montant", "Devise", "Étape", "Bénéficiaire",
           "Libellé", "Justificatif", "N° engagement"]


def records_of(journal):
    """The JSON records of one journal, in the order of RECORDS."""
    out = []
    for (journals, voucher, date, line, amount, stage, payee, description, document,
         commitment) in RECORDS:
        if journal not in journals:
            continue
        r = {"voucher": voucher, "date": date, "line": line, "amount": str(amount),
             "currency": "XOF", "stage": stage, "payee": payee, "description": description}
        if document is not None:
            r["document"] = document
        if commitment is not None:
            r["commitment"] = commitment
        out.append(r)
    return out


def write_json(journal, records):
    path = os.path.join(OUT, journal + ".json")
    lines = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in records)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"expenditures": [\n' + lines + "\n]}\n")
    print("wrote", os.path.relpath(path, ROOT))


def write_xlsx(journal, records):
    wb = Workbook()
    ws = wb.active
    ws.title = "Depenses"
    ws.append(HEADERS)
    for r in records:
        ws.append([dt.date.fromisoformat(r["date"]), r["voucher"], r["line"], int(r["amount"]),
                   r["currency"], STAGE_FR[r["stage"]], r["payee"], r["description"],
                   r.get("document"), r.get("commitment")])
        row = ws.max_row
        ws.cell(row, 1).number_format = "DD/MM/YYYY"
        ws.cell(row, 3).number_format = "@"
        ws.cell(row, 4).number_format = "#,##0"
    for col, width in zip("ABCDEFGHIJ", (12, 14, 8, 12, 8, 16, 28, 32, 14, 16)):
        ws.column_dimensions[col].width = width
    path = os.path.join(OUT, journal + ".xlsx")
    wb.save(path)
    print("wrote", os.path.relpath(path, ROOT))


def check(journal, records):
    """Reads the workbook back with openpyxl and compares it with the JSON records."""
    wb = load_workbook(os.path.join(OUT, journal + ".xlsx"))
    if wb.sheetnames != ["Depenses"]:
        sys.exit(f"{journal}.xlsx: sheets {wb.sheetnames}")
    rows = list(wb["Depenses"].iter_rows(values_only=True))
    if list(rows[0]) != HEADERS:
        sys.exit(f"{journal}.xlsx: headers {rows[0]}")
    if len(rows) - 1 != len(records):
        sys.exit(f"{journal}.xlsx: {len(rows) - 1} rows, {len(records)} records")
    for n, (row, r) in enumerate(zip(rows[1:], records), start=2):
        date, voucher, line, amount, currency, stage, payee, description, document, commitment = row
        # openpyxl reads a date cell back as a datetime at midnight
        ok = (
            isinstance(date, dt.datetime) and date.date().isoformat() == r["date"]
            and voucher == r["voucher"]
            and isinstance(line, str) and line == r["line"]
            and isinstance(amount, int) and str(amount) == r["amount"]
            and currency == r["currency"]
            and stage == STAGE_FR[r["stage"]]
            and payee == r["payee"] and description == r["description"]
            and document == r.get("document") and commitment == r.get("commitment")
        )
        if not ok:
            sys.exit(f"{journal}.xlsx row {n}: {row} is not {r}")
    print("checked", journal + ".xlsx:", len(records), "rows match", journal + ".json")


def main():
    os.makedirs(OUT, exist_ok=True)
    for journal in JOURNALS:
        records = records_of(journal)
        write_json(journal, records)
        write_xlsx(journal, records)
        check(journal, records)


if __name__ == "__main__":
    main()
