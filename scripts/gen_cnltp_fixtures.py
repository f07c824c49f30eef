#!/usr/bin/env python3
"""Generate the embedded CNLTP fixtures: fixtures/cnltp/plan.json and fixtures/cnltp/ledger.json.

The ceiling (206,850,000 XOF), the period (2018-2019), the five objectives, the organisations and
the funding channels come from the published article (shared/seed). The budget lines, the
amendments and the whole ledger are ILLUSTRATIVE: the article gives neither the split of the
budget nor any spending. Everything here is deterministic (fixed seed, stdlib only): running the
script twice gives byte-identical files, and the committed files are its output.

Usage: python3 scripts/gen_cnltp_fixtures.py [--check]
  --check  regenerate in memory and fail if the committed files differ.

The sample ledger exercises every report flag and stage:
  - line 0303 is overspent (paid > revised budget, after amendment VIR-2018-001 raised it);
  - line 0405 has nothing committed or paid (not_started);
  - a few ICMPD mission expenditures are in EUR with cents (converted at the 655.957 peg);
  - engagement, liquidation, ordonnancement and paiement all appear;
  - one voucher is dated after 2019-12-31 (outside_period);
  - one expenditure is charged to a line code that is not in the plan (unknown_line);
  - one correction entry has a negative amount;
  - one voucher appears twice with identical content (a duplicate, counted once);
  - an expenditure chain (docs/expenditure-chain.md), appended after the numbered vouchers: a
    commitment ENG-2019-0401 for the study on line 0401, a partial liquidation, an advance and
    a second payment that refer to it through `commitment`, and a purchase order BC-2019-0304
    that the commitment register shows at engagement in April and at paiement in August.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crates" / "planfin-core" / "data" / "cnltp"  # fixtures/cnltp links here

CEILING = 206_850_000
START = dt.date(2018, 1, 1)
END = dt.date(2019, 12, 31)

OBJECTIVES = [
    (
        "OS1",
        "Renforcer le cadre juridique et institutionnel de lutte contre la traite des personnes "
        "et le trafic illicite des migrants d'ici 2019",
        "Strengthen the legal and institutional framework against trafficking in persons and "
        "the smuggling of migrants by 2019",
    ),
    (
        "OS2",
        "Créer une agence de lutte contre la traite des personnes et le trafic illicite de "
        "migrants avec toutes ses attributions",
        "Create an agency against trafficking in persons and the smuggling of migrants, "
        "with its full remit",
    ),
    (
        "OS3",
        "Soutenir la société civile et les mouvements citoyens à influencer les décideurs dans "
        "la lutte contre la traite des personnes à des fins de travail forcé d'ici 2020",
        "Support civil society and citizen movements in influencing decision-makers in the "
        "fight against trafficking in persons for forced labour by 2020",
    ),
    (
        "OS4",
        "Développer un dossier plaidoyer sur la traite des personnes dans les pays à haut risque",
        "Develop an advocacy file on trafficking in persons in high-risk countries",
    ),
    (
        "OS5",
        "Créer une alliance entre la société civile malienne et des groupes de pression comme "
        "les ONG internationales et les partenaires techniques et financiers (PTF) pour "
        "favoriser la signature de conventions bilatérales en matière de traite des personnes "
        "à des fins de travail forcé",
        "Build an alliance between Malian civil society and pressure groups such as "
        "international NGOs and technical and financial partners to promote the signing of "
        "bilateral agreements on trafficking in persons for forced labour",
    ),
]

SOURCES = [
    (
        "ETAT",
        "Dotation budgétaire annuelle de l'État au ministère de la Justice (CNLTP)",
        "Annual state budget allocation through the Ministry of Justice (CNLTP)",
        "state_budget",
    ),
    (
        "ICMPD",
        "ICMPD, projet « Appui à la libre circulation des personnes et à la migration en "
        "Afrique de l'Ouest »",
        "ICMPD, project \"Support to free movement of persons and migration in West Africa\"",
        "donor",
    ),
    (
        "PTF",
        "Autres partenaires techniques et financiers (PTF)",
        "Other technical and financial partners",
        "donor",
    ),
]

# code, objective, label fr, label en, source, {year: amount}, costing (unit, quantity, unit cost)
LINES = [
    ("0101", "OS1", "Ateliers de relecture de la loi n°2012-023 du 12 juillet 2012",
     "Review workshops on Law No. 2012-023 of 12 July 2012", "ETAT",
     {2018: 6_000_000, 2019: 6_000_000}, ("atelier", 4, 3_000_000)),
    ("0102", "OS1", "Élaboration des textes d'application de la loi",
     "Drafting of the law's implementing texts", "ICMPD",
     {2018: 8_500_000}, ("jour de consultant", 85, 100_000)),
    ("0103", "OS1", "Formation des magistrats et officiers de police judiciaire",
     "Training of judges and judicial police officers", "ICMPD",
     {2018: 6_750_000, 2019: 6_750_000}, ("session", 6, 2_250_000)),
    ("0104", "OS1", "Atelier national de validation des textes révisés",
     "National validation workshop for the revised texts", "ETAT",
     {2019: 7_000_000}, None),
    ("0105", "OS1", "Traduction et vulgarisation de la loi en langues nationales",
     "Translation and popularisation of the law in national languages", "PTF",
     {2018: 3_000_000, 2019: 4_000_000}, None),
    ("0201", "OS2", "Étude de faisabilité de l'agence",
     "Feasibility study for the agency", "ICMPD",
     {2018: 9_000_000}, ("étude", 1, 9_000_000)),
    ("0202", "OS2", "Rédaction du projet de loi portant création de l'agence",
     "Drafting of the bill creating the agency", "ETAT",
     {2018: 2_500_000, 2019: 3_500_000}, None),
    ("0203", "OS2", "Voyages d'étude auprès d'agences de la sous-région",
     "Study visits to agencies in the sub-region", "ICMPD",
     {2019: 13_500_000}, ("mission", 3, 4_500_000)),
    ("0204", "OS2", "Équipement du siège de l'agence (informatique, mobilier)",
     "Equipment for the agency's headquarters (IT, furniture)", "ETAT",
     {2019: 15_000_000}, None),
    ("0205", "OS2", "Recrutement et formation initiale du personnel de l'agence",
     "Recruitment and initial training of the agency's staff", "PTF",
     {2019: 8_500_000}, None),
    ("0301", "OS3", "Renforcement des capacités des organisations de la société civile en plaidoyer",
     "Advocacy capacity building for civil society organisations", "ICMPD",
     {2018: 6_000_000, 2019: 6_000_000}, ("session", 8, 1_500_000)),
    ("0302", "OS3", "Appui aux initiatives des mouvements citoyens (micro-projets)",
     "Support to citizen movements' initiatives (small grants)", "PTF",
     {2018: 5_000_000, 2019: 7_000_000}, None),
    ("0303", "OS3", "Campagnes radio et télévision de sensibilisation",
     "Radio and television awareness campaigns", "ETAT",
     {2018: 4_500_000, 2019: 4_500_000}, ("spot", 120, 75_000)),
    ("0304", "OS3", "Caravane de sensibilisation dans les zones de départ",
     "Awareness caravan in areas of departure", "ICMPD",
     {2019: 7_500_000}, None),
    ("0305", "OS3", "Rencontres d'information avec les parlementaires",
     "Briefings with members of parliament", "ETAT",
     {2018: 2_000_000, 2019: 2_500_000}, None),
    ("0401", "OS4", "Étude sur la traite des personnes dans les pays à haut risque",
     "Study of trafficking in persons in high-risk countries", "ICMPD",
     {2018: 10_000_000}, ("jour de consultant", 80, 125_000)),
    ("0402", "OS4", "Collecte de données et missions de terrain",
     "Data collection and field missions", "ETAT",
     {2018: 3_900_000, 2019: 3_900_000}, ("mission", 12, 650_000)),
    ("0403", "OS4", "Rédaction et impression du dossier de plaidoyer",
     "Writing and printing of the advocacy file", "PTF",
     {2019: 4_200_000}, ("exemplaire", 1_000, 4_200)),
    ("0404", "OS4", "Atelier de validation du dossier de plaidoyer",
     "Validation workshop for the advocacy file", "ETAT",
     {2019: 3_000_000}, None),
    ("0405", "OS4", "Traduction et diffusion du dossier (français, anglais, arabe)",
     "Translation and dissemination of the file (French, English, Arabic)", "PTF",
     {2019: 5_000_000}, None),
    ("0501", "OS5", "Forum national de la société civile sur la traite des personnes",
     "National civil society forum on trafficking in persons", "PTF",
     {2018: 8_000_000}, None),
    ("0502", "OS5", "Secrétariat et animation de l'alliance",
     "Secretariat and facilitation of the alliance", "ETAT",
     {2018: 2_400_000, 2019: 2_400_000}, ("mois", 24, 200_000)),
    ("0503", "OS5", "Missions de plaidoyer auprès des pays de destination",
     "Advocacy missions to destination countries", "ICMPD",
     {2019: 9_000_000}, ("mission", 4, 2_250_000)),
    ("0504", "OS5", "Ateliers techniques de préparation des conventions bilatérales",
     "Technical workshops preparing bilateral agreements", "ETAT",
     {2019: 6_050_000}, None),
    ("0505", "OS5", "Suivi-évaluation, rapports d'étape et rapport final",
     "Monitoring and evaluation, progress reports and final report", "ETAT",
     {2018: 1_800_000, 2019: 2_200_000}, None),
]

AMENDMENTS = [
    {
        "reference": "VIR-2018-001",
        "date": "2018-10-12",
        "from": "0204",
        "to": "0303",
        "amount": "1500000",
        "reason": "Hausse des tarifs des espaces radio et télévision (illustratif)",
        "approved_by": "Ministre de la Justice",
    },
    {
        "reference": "VIR-2019-001",
        "date": "2019-04-02",
        "from": "0501",
        "to": "0302",
        "amount": "3000000",
        "reason": "Reliquat du forum national réaffecté aux micro-projets citoyens (illustratif)",
        "approved_by": "Ministre de la Justice",
    },
]

OVERSPENT = "0303"
NOT_STARTED = "0405"
OVERSPENT_PAID = 11_240_000  # revised 0303 = 9,000,000 + 1,500,000 = 10,500,000
EUR_LINES = ("0203", "0503")
UNKNOWN_LINE = "0306"

PAYEES = {
    "atelier": ["Hôtel du Fleuve", "Centre international de conférences (salle)",
                "Traiteur Le Baobab", "Participants (per diem)"],
    "conseil": ["Cabinet Conseil Juridique Sahel", "Consultant national", "Consultante nationale"],
    "impression": ["Imprimerie Niger Papier", "Librairie-Papeterie du Centre"],
    "media": ["Radio communautaire Kayes FM", "Radio Bamako FM", "Télévision nationale (espaces)",
              "Studio de production Djoliba"],
    "voyage": ["Sahel Voyages", "Agence Air Tours", "Participants (frais de mission)"],
    "equipement": ["Informatique Services Mali", "Mobilier de Bureau SARL"],
    "osc": ["Association des juristes maliennes", "Réseau des jeunes contre la traite",
            "Collectif des associations de migrants de retour", "ONG Solidarité Sahel"],
    "divers": ["Régie d'avances CNLTP", "Station-service du Quartier du Fleuve",
               "Transporteur Diarra et Frères"],
}

LINE_PAYEES = {
    "0101": ["atelier"], "0102": ["conseil"], "0103": ["atelier", "conseil"],
    "0104": ["atelier"], "0105": ["conseil", "impression", "media"],
    "0201": ["conseil"], "0202": ["conseil", "atelier"], "0203": ["voyage"],
    "0204": ["equipement"], "0205": ["conseil", "atelier"],
    "0301": ["atelier", "osc"], "0302": ["osc"], "0303": ["media"], "0304": ["media", "divers"],
    "0305": ["atelier"], "0401": ["conseil"], "0402": ["voyage", "divers"],
    "0403": ["impression"], "0404": ["atelier"], "0501": ["atelier", "osc"],
    "0502": ["divers", "osc"], "0503": ["voyage"], "0504": ["atelier"], "0505": ["conseil", "impression"],
}

NATURES = {
    "atelier": ["location de salle", "pause-café et déjeuners", "per diem des participants",
                "transport des participants"],
    "conseil": ["honoraires", "avance sur honoraires", "solde des honoraires"],
    "impression": ["impression", "reproduction et reliure"],
    "media": ["diffusion de spots", "production d'émissions", "couverture médiatique"],
    "voyage": ["billets d'avion", "frais de séjour", "frais de mission"],
    "equipement": ["acquisition d'ordinateurs", "acquisition de mobilier", "onduleurs et imprimantes"],
    "osc": ["subvention", "appui à l'organisation d'activités", "deuxième tranche de subvention"],
    "divers": ["carburant", "location de véhicules", "fournitures de bureau"],
}


def line_by_code(code: str):
    for line in LINES:
        if line[0] == code:
            return line
    raise KeyError(code)


def revised(code: str) -> int:
    total = sum(line_by_code(code)[5].values())
    for a in AMENDMENTS:
        if a.get("to") == code:
            total += int(a["amount"])
        if a.get("from") == code:
            total -= int(a["amount"])
    return total


def check_plan() -> None:
    total = sum(sum(line[5].values()) for line in LINES)
    assert total == CEILING, f"lines add to {total}, not {CEILING}"
    assert len({line[0] for line in LINES}) == len(LINES), "line codes must be unique"
    objectives = {o[0] for o in OBJECTIVES}
    sources = {s[0] for s in SOURCES}
    for code, objective, _, _, source, amounts, costing in LINES:
        assert objective in objectives and source in sources, code
        if costing is not None:
            assert costing[1] * costing[2] == sum(amounts.values()), f"costing of {code}"


def plan_document() -> dict:
    lines = []
    for code, objective, fr, en, source, amounts, costing in LINES:
        line = {
            "code": code,
            "objective": objective,
            "label": {"fr": fr, "en": en},
            "source": source,
            "amounts": [{"period": year, "amount": str(amount)} for year, amount in amounts.items()],
        }
        if costing is not None:
            unit, quantity, unit_cost = costing
            line["costing"] = {"unit": unit, "quantity": str(quantity), "unit_cost": str(unit_cost)}
        lines.append(line)
    return {
        "code": "CNLTP-2018-2019",
        "title": {
            "fr": "Plan d'action de plaidoyer pour la lutte contre la traite des personnes à des "
                  "fins de travail forcé à l'extérieur 2018-2019 (lignes et dépenses illustratives)",
            "en": "Advocacy action plan against trafficking in persons for forced labour abroad "
                  "2018-2019 (illustrative lines and spending)",
        },
        "organisation": "Comité national de lutte contre la traite des personnes et pratiques "
                        "assimilées (CNLTP), Mali",
        "currency": "XOF",
        "start": START.isoformat(),
        "end": END.isoformat(),
        "ceiling": str(CEILING),
        "objectives": [{"code": c, "title": {"fr": fr, "en": en}} for c, fr, en in OBJECTIVES],
        "sources": [{"code": c, "name": {"fr": fr, "en": en}, "kind": k} for c, fr, en, k in SOURCES],
        "lines": lines,
        "amendments": AMENDMENTS,
    }


PEG = Decimal("655.957")


def to_xof(amount: Decimal, currency: str) -> Decimal:
    """The amount in XOF: EUR at the peg, rounded half away from zero to the franc."""
    if currency == "EUR":
        return (amount * PEG).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return amount


def random_date(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def split(rng: random.Random, total: int, parts: int, step: int) -> list[int]:
    """Splits total into `parts` positive multiples of `step` (the last absorbs the rest)."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = total / sum(weights)
    amounts = [max(step, int(w * scale) // step * step) for w in weights[:-1]]
    amounts.append(total - sum(amounts))
    assert amounts[-1] > 0
    return amounts


def entry(rng: random.Random, code: str, date: dt.date, amount: str, currency: str, stage: str,
          kind: str | None = None) -> dict:
    kinds = LINE_PAYEES.get(code, ["divers"])
    kind = kind or rng.choice(kinds)
    label = line_by_code(code)[2] if code in {line[0] for line in LINES} else "Activité non prévue"
    nature = rng.choice(NATURES[kind])
    return {
        "voucher": "",
        "date": date.isoformat(),
        "line": code,
        "amount": amount,
        "currency": currency,
        "stage": stage,
        "payee": rng.choice(PAYEES[kind]),
        "description": f"{label} : {nature}",
        "document": None,
    }


def ledger_entries(rng: random.Random) -> list[dict]:
    entries: list[dict] = []
    for code, _, _, _, _, amounts, _ in LINES:
        if code == NOT_STARTED:
            continue
        rev = revised(code)
        target = OVERSPENT_PAID if code == OVERSPENT else int(rev * rng.uniform(0.45, 0.85)) // 5_000 * 5_000
        if code in EUR_LINES:
            # Mission costs paid in EUR by the ICMPD regional office, with cents; the rest of
            # the line's spending is in XOF.
            for _ in range(3):
                cents = rng.randint(90_000, 260_000)
                amount = (Decimal(cents) / 100).quantize(Decimal("0.01"))
                date = random_date(rng, dt.date(2019, 3, 1), dt.date(2019, 10, 31))
                entries.append(entry(rng, code, date, str(amount), "EUR", "paiement", "voyage"))
                target -= int(to_xof(amount, "EUR"))
        years = sorted(amounts)
        for year in years:
            share = target * amounts[year] // sum(amounts.values())
            if year == years[-1]:
                share = target - sum(target * amounts[y] // sum(amounts.values()) for y in years[:-1])
            n = max(3, min(16, share // 380_000))
            first = dt.date(year, 2, 1)
            last = dt.date(year, 12, 20) if year == 2018 else dt.date(year, 11, 30)
            for amount in split(rng, share, n, 5_000):
                entries.append(entry(rng, code, random_date(rng, first, last), str(amount), "XOF", "paiement"))
        # Commitments not yet paid, late in the plan period, on most lines.
        if code != OVERSPENT and rng.random() < 0.7:
            for _ in range(rng.randint(1, 3)):
                stage = rng.choice(["engagement", "liquidation", "ordonnancement"])
                amount = rng.randint(8, 60) * 10_000
                entries.append(entry(rng, code, random_date(rng, dt.date(2019, 9, 1), dt.date(2019, 12, 20)),
                                     str(amount), "XOF", stage))
    # A negative correction: an over-invoiced printing job credited back.
    entries.append(entry(rng, "0403", dt.date(2019, 10, 15), "-185000", "XOF", "paiement", "impression"))
    entries[-1]["description"] = ("Rédaction et impression du dossier de plaidoyer : avoir sur facture "
                                  "(correction d'une surfacturation)")
    # Spending on a line that is not in the plan.
    entries.append(entry(rng, UNKNOWN_LINE, dt.date(2019, 6, 18), "350000", "XOF", "paiement", "divers"))
    entries[-1]["payee"] = "Transporteur Diarra et Frères"
    entries[-1]["description"] = "Location de véhicules pour une activité non prévue au plan"
    # Printing of the final report paid after the plan period.
    entries.append(entry(rng, "0505", dt.date(2020, 1, 17), "420000", "XOF", "paiement", "impression"))
    entries[-1]["description"] = "Suivi-évaluation, rapports d'étape et rapport final : impression du rapport final"
    return entries


def ledger_document(rng: random.Random) -> dict:
    entries = ledger_entries(rng)
    entries.sort(key=lambda e: (e["date"], e["line"], e["amount"]))
    counters: dict[str, int] = {}
    for i, e in enumerate(entries):
        year = e["date"][:4]
        counters[year] = counters.get(year, 0) + 1
        e["voucher"] = f"PC-{year}-{counters[year]:04d}"
        e["document"] = f"FACT-{year}-{counters[year]:04d}" if i % 3 else None
        if e["document"] is None:
            del e["document"]
    # The same voucher imported twice (identical content): recognised, counted once.
    duplicate = next(e for e in entries if e["date"].startswith("2018-07") and e["currency"] == "XOF")
    position = entries.index(duplicate) + 25
    entries.insert(position, dict(duplicate))
    return {"expenditures": entries + chain_entries(rng)}


def chain_entries(rng: random.Random) -> list[dict]:
    """A commitment with partial events, and a register snapshot that moves a voucher on."""
    study = "Cabinet d'études Sahel Développement"

    def record(voucher: str, code: str, date: str, amount: int, stage: str, description: str,
               commitment: str | None = None) -> dict:
        e = entry(rng, code, dt.date.fromisoformat(date), str(amount), "XOF", stage)
        e.update(voucher=voucher, description=description)
        if commitment:
            e["commitment"] = commitment
        del e["document"]
        return e

    label = "Étude sur la traite des personnes dans les pays à risque"
    chain = [
        record("ENG-2019-0401", "0401", "2019-03-04", 3_000_000, "engagement",
               f"{label} : marché d'étude"),
        record("LIQ-2019-0401", "0401", "2019-04-15", 1_200_000, "liquidation",
               f"{label} : rapport de démarrage", "ENG-2019-0401"),
        record("PAY-2019-0401A", "0401", "2019-05-02", 900_000, "paiement",
               f"{label} : avance de démarrage", "ENG-2019-0401"),
        record("PAY-2019-0401B", "0401", "2019-06-05", 300_000, "paiement",
               f"{label} : solde du rapport de démarrage", "ENG-2019-0401"),
    ]
    for e in chain:
        e["payee"] = study
    caravan = "Caravane de sensibilisation dans les zones de départ : location de sonorisation"
    chain.append(record("BC-2019-0304", "0304", "2019-04-20", 1_800_000, "engagement", caravan))
    chain.append(dict(chain[-1], date="2019-08-14", stage="paiement"))
    return chain


def render_plan(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_ledger(doc: dict) -> str:
    rows = [json.dumps(e, ensure_ascii=False) for e in doc["expenditures"]]
    return '{"expenditures": [\n  ' + ",\n  ".join(rows) + "\n]}\n"


def summary(doc: dict) -> str:
    """Checks the flags the ledger must raise and describes it."""
    paid = Decimal(0)
    committed = Decimal(0)
    paid_by_line: dict[str, Decimal] = {}
    seen = set()
    for e in doc["expenditures"]:
        if (e["voucher"], e["stage"], e["date"]) in seen:
            continue
        seen.add((e["voucher"], e["stage"], e["date"]))
        amount = to_xof(Decimal(e["amount"]), e["currency"])
        if e["stage"] == "paiement":
            paid += amount
            paid_by_line[e["line"]] = paid_by_line.get(e["line"], Decimal(0)) + amount
        else:
            committed += amount
    overspent = [line[0] for line in LINES if paid_by_line.get(line[0], 0) > revised(line[0])]
    assert overspent == [OVERSPENT], overspent
    assert NOT_STARTED not in {e["line"] for e in doc["expenditures"]}
    assert Decimal("0.5") < paid / CEILING < Decimal("0.8")
    return (f"{len(doc['expenditures'])} rows ({len(seen)} distinct records), paid {paid} XOF "
            f"({paid / CEILING:.1%} of the ceiling), committed {committed} XOF")


def main() -> int:
    check_plan()
    assert revised(OVERSPENT) < OVERSPENT_PAID
    rng = random.Random(2018)
    plan_text = render_plan(plan_document())
    ledger_doc = ledger_document(rng)
    ledger_text = render_ledger(ledger_doc)
    description = summary(ledger_doc)
    outputs = {OUT / "plan.json": plan_text, OUT / "ledger.json": ledger_text}
    if "--check" in sys.argv[1:]:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"{p.relative_to(ROOT)} is not the output of this script: rerun it", file=sys.stderr)
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    print(description)
    return 0


if __name__ == "__main__":
    sys.exit(main())
