#!/usr/bin/env python3
"""planfin from Python, side by side with the Rust figures and with pandas and fastexcel.

    python benches/python_compare.py variance [--rows 1000000] [--repeat 10] [--rust]
    python benches/python_compare.py cpu [--rows 1000000] [--reports 100]
    python benches/python_compare.py import [--rows 1000000] [--repeat 3]

Run it with the Python that has planfin installed (scripts/test-python leaves one in
target/py-venv; `pip install ./python` builds it in release mode). Results go in the "Python"
section of benches/README.md.

variance  The variance report over the synthetic plan and ledger of the Rust bench
          (`planfin_benches::synthetic(200, ROWS, 42)`, ported below to build the same data
          from Python), timed from Python for each grouping; with --rust, also runs
          `cargo bench -p planfin-benches --bench variance` and prints its figures beside.
cpu       User CPU time per report by objective over REPORTS reports on the same data, to
          set beside the Rust example variance_cpu (see benches/README.md).
import    Reading a ROWS-row ledger workbook written by benches/import_gen.py: planfin's
          read_ledger (a Ledger of exact Decimals), the same followed by .to_pandas(),
          fastexcel's load_sheet(0), and pandas.read_excel with the calamine engine (each where
          installed: pip install fastexcel pyarrow python-calamine).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MASK = (1 << 64) - 1


class SplitMix64:
    """The generator of benches/src/lib.rs, bit for bit."""

    def __init__(self, seed: int) -> None:
        self.state = seed & MASK

    def next(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n: int) -> int:
        return self.next() % max(n, 1)

    def chance(self, per_10_000: int) -> bool:
        return self.below(10_000) < per_10_000


def synthetic(lines: int, expenditures: int, seed: int) -> tuple[str, list[dict[str, Any]]]:
    """The plan (as JSON text) and the ledger records of `planfin_benches::synthetic`."""
    rng = SplitMix64(seed)
    start, end = datetime.date(2018, 1, 1), datetime.date(2019, 12, 31)
    n_obj = min(max(lines, 1), 10)
    objectives = [
        {"code": f"OS{i}", "title": {"fr": f"Objectif {i}", "en": f"Objective {i}"}}
        for i in range(1, n_obj + 1)
    ]
    sources = [
        {"code": "ETAT", "name": {"fr": "Budget de l'État", "en": "State budget"}, "kind": "state_budget"},
        {"code": "PTF1", "name": {"fr": "Partenaire 1", "en": "Partner 1"}, "kind": "donor"},
        {"code": "AUTRE", "name": {"fr": "Autres", "en": "Other"}, "kind": "other"},
    ]
    budget_lines: list[dict[str, Any]] = []
    for i in range(lines):
        amounts = [{"period": y, "amount": str(10_000_000 + rng.below(90_000_000))} for y in (2018, 2019)]
        budget_lines.append(
            {
                "code": f"L{i + 1:04}",
                "objective": objectives[i % n_obj]["code"],
                "label": {"fr": f"Ligne {i + 1}", "en": f"Line {i + 1}"},
                "source": sources[i % len(sources)]["code"],
                "amounts": amounts,
            }
        )
    ceiling = sum(int(str(a["amount"])) for ln in budget_lines for a in ln["amounts"])
    amendments = []
    if lines >= 2:
        for k in range(10):
            frm = rng.below(lines)
            to = (frm + 1 + rng.below(lines - 1)) % lines
            amendments.append(
                {
                    "reference": f"VIR-{k + 1:02}",
                    "date": (start + datetime.timedelta(days=30 + k * 60)).isoformat(),
                    "from": budget_lines[frm]["code"],
                    "to": budget_lines[to]["code"],
                    "amount": str(100_000 + rng.below(1_000_000)),
                }
            )
    plan = {
        "code": "SYNTH",
        "title": {"fr": "Plan synthétique", "en": "Synthetic plan"},
        "organisation": "planfin benches",
        "currency": "XOF",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "ceiling": str(ceiling),
        "objectives": objectives,
        "sources": sources,
        "lines": budget_lines,
        "amendments": amendments,
    }
    days = (end - start).days + 1
    stages = ["engagement", "liquidation", "ordonnancement"]
    records = []
    for n in range(expenditures):
        line = "ZZZZ" if rng.chance(5) or lines == 0 else budget_lines[rng.below(lines)]["code"]
        offset = days + rng.below(60) if rng.chance(10) else rng.below(days)
        if rng.chance(1_500):
            cents = 10_000 + rng.below(1_000_000)
            amount, currency = f"{cents // 100}.{cents % 100:02}", "EUR"
        else:
            amount, currency = str(1_000 + rng.below(4_999_000)), "XOF"
        if rng.chance(50):
            amount = "-" + amount
        stage = stages[rng.below(3)] if rng.chance(2_500) else "paiement"
        records.append(
            {
                "voucher": f"V{n + 1:07}",
                "date": (start + datetime.timedelta(days=offset)).isoformat(),
                "line": line,
                "amount": amount,
                "currency": currency,
                "stage": stage,
            }
        )
    return json.dumps(plan), records


def best(call: Callable[[], Any], repeat: int) -> tuple[float, float, float]:
    """(best wall, median wall, median CPU) time of `repeat` calls, in seconds, with the
    collector off. CPU time (user + system, every thread) moves less than wall time when other
    programs share the machine."""
    walls, cpus = [], []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t, c = time.perf_counter(), time.process_time()
            call()
            walls.append(time.perf_counter() - t)
            cpus.append(time.process_time() - c)
        finally:
            gc.enable()
    return min(walls), statistics.median(walls), statistics.median(cpus)


def rust_figures() -> dict[str, tuple[float, float]]:
    """(lower bound, median) in seconds of `cargo bench -p planfin-benches --bench variance`,
    by grouping, as criterion prints them."""
    out = subprocess.run(
        ["cargo", "bench", "-p", "planfin-benches", "--bench", "variance", "--", "by_"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    units = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    found = {}
    for m in re.finditer(r"by_(\w+)\s+time:\s+\[([\d.]+) (\S+) ([\d.]+) (\S+) [\d.]+ \S+\]", out):
        found[m.group(1)] = (float(m.group(2)) * units[m.group(3)], float(m.group(4)) * units[m.group(5)])
    return found


def variance(args: argparse.Namespace) -> None:
    import planfin

    t = time.perf_counter()
    plan_json, records = synthetic(200, args.rows, 42)
    plan = planfin.Plan.from_json(plan_json)
    ledger = planfin.Ledger.from_json(json.dumps({"expenditures": records}))
    del records
    print(f"synthetic plan (200 lines) and ledger ({len(ledger):,} entries) built in {time.perf_counter() - t:.1f} s")
    rust = rust_figures() if args.rust else {}
    print(f"{'grouping':<10} {'py best':>10} {'py median':>10} {'py CPU':>10} {'rust low':>10} {'rust median':>12}")
    for by in ("objective", "line", "source", "period"):
        b, m, c = best(lambda: plan.variance(ledger, by=by), args.repeat)
        low, med = rust.get(by, (0.0, 0.0))
        print(f"{by:<10} {b * 1e3:>7.1f} ms {m * 1e3:>7.1f} ms {c * 1e3:>7.1f} ms {low * 1e3:>7.1f} ms {med * 1e3:>9.1f} ms")


def cpu(args: argparse.Namespace) -> None:
    """User CPU time per report by objective over `args.reports` calls, as the Rust example
    `variance_cpu` measures it."""
    import planfin

    plan_json, records = synthetic(200, args.rows, 42)
    plan = planfin.Plan.from_json(plan_json)
    ledger = planfin.Ledger.from_json(json.dumps({"expenditures": records}))
    del records
    gc.collect()
    gc.disable()
    before = os.times()
    for _ in range(args.reports):
        plan.variance(ledger)
    after = os.times()
    per = (after.user - before.user) / args.reports
    print(f"{per * 1e3:.1f} ms of user CPU per report by objective ({args.reports} reports, {len(ledger):,} entries)")


def import_(args: argparse.Namespace) -> None:
    import planfin

    work = Path(tempfile.gettempdir()) / "planfin-import-bench"
    work.mkdir(exist_ok=True)
    path = work / f"ledger_{args.rows}.xlsx"
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "benches" / "import_gen.py"), str(args.rows), str(path)], check=True, stdout=subprocess.DEVNULL)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB), best and median of {args.repeat}")
    runs: list[tuple[str, Callable[[], Any]]] = [
        ("planfin.read_ledger", lambda: planfin.read_ledger(path)),
        ("planfin.read_ledger + to_pandas()", lambda: planfin.read_ledger(path).to_pandas()),
    ]
    try:
        import fastexcel

        runs.append(("fastexcel load_sheet(0)", lambda: fastexcel.read_excel(str(path)).load_sheet(0)))
    except ImportError:
        print("fastexcel not installed: pip install fastexcel")
    try:
        import fastexcel
        import pyarrow  # noqa: F401

        runs.append(("fastexcel load_sheet(0).to_pandas()", lambda: fastexcel.read_excel(str(path)).load_sheet(0).to_pandas()))
    except ImportError:
        print("fastexcel's to_pandas() needs pyarrow: pip install pyarrow")
    try:
        import pandas
        import python_calamine  # noqa: F401

        runs.append(("pandas.read_excel(engine='calamine')", lambda: pandas.read_excel(path, engine="calamine")))
    except ImportError:
        print("pandas or python-calamine not installed: pip install pandas python-calamine")
    print(f"{'':<40} {'best':>9} {'median':>9} {'CPU':>9}")
    for label, call in runs:
        b, m, c = best(call, args.repeat)
        print(f"{label:<40} {b:>7.2f} s {m:>7.2f} s {c:>7.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    v = sub.add_parser("variance")
    v.add_argument("--rows", type=int, default=1_000_000)
    v.add_argument("--repeat", type=int, default=10)
    v.add_argument("--rust", action="store_true", help="also run the Rust bench and print its figures")
    c = sub.add_parser("cpu")
    c.add_argument("--rows", type=int, default=1_000_000)
    c.add_argument("--reports", type=int, default=100)
    i = sub.add_parser("import")
    i.add_argument("--rows", type=int, default=1_000_000)
    i.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    {"variance": variance, "cpu": cpu, "import": import_}[args.what](args)


if __name__ == "__main__":
    main()
