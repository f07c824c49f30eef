"""The GIL is released while planfin reads files and computes reports: another Python thread
makes progress during the call. Each call's window is shrunk by a margin so that the thread
switches just before and after the call do not count; with the GIL held through the call, no
tick could land inside it."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import planfin

MARGIN = 0.002  # seconds, four times the switch interval set below (a variance over the
# 300,000 entries takes under 10 ms)


def ticks_inside(call: Callable[[], Any], repeat: int, covered_at_least: float = 0.05) -> tuple[int, float]:
    """How many ticks of another thread landed strictly inside calls of `call`, and the time
    those calls spent inside their shrunk windows. `call` runs `repeat` times, and more (up to
    100) until the windows cover `covered_at_least` seconds: a fast machine makes short calls."""
    stamps: list[float] = []
    stop = threading.Event()

    def tick() -> None:
        while not stop.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0.0001)

    windows: list[tuple[float, float]] = []
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        time.sleep(0.02)
        while len(windows) < repeat or (
            len(windows) < 100 and sum(max(0.0, hi - lo) for lo, hi in windows) < covered_at_least
        ):
            start = time.perf_counter()
            call()
            windows.append((start + MARGIN, time.perf_counter() - MARGIN))
    finally:
        stop.set()
        ticker.join()
        sys.setswitchinterval(interval)
    inside = sum(1 for s in stamps for lo, hi in windows if lo < s < hi)
    covered = sum(max(0.0, hi - lo) for lo, hi in windows)
    return inside, covered


@pytest.fixture(scope="module")
def big_ledger(big_ledger_path: Path) -> planfin.Ledger:
    return planfin.read_ledger(big_ledger_path)


def test_big_ledger_is_read(big_ledger: planfin.Ledger) -> None:
    assert len(big_ledger) == 300_000


def test_variance_releases_the_gil(big_ledger: planfin.Ledger) -> None:
    plan = planfin.cnltp_plan()
    inside, covered = ticks_inside(lambda: plan.variance(big_ledger, by="line"), repeat=3)
    assert covered > 0.01, "the calls were too short to tell"
    assert inside > 20


def test_reading_releases_the_gil(big_ledger_path: Path) -> None:
    inside, covered = ticks_inside(lambda: planfin.read_ledger(big_ledger_path), repeat=1)
    assert covered > 0.01, "the calls were too short to tell"
    assert inside > 20


def test_writing_json_releases_the_gil(big_ledger: planfin.Ledger) -> None:
    inside, covered = ticks_inside(big_ledger.to_json, repeat=1)
    assert covered > 0.01, "the calls were too short to tell"
    assert inside > 20


def test_writing_a_workbook_releases_the_gil(big_ledger: planfin.Ledger, tmp_path: Path) -> None:
    part = planfin.Ledger.from_records(big_ledger[i] for i in range(50_000))
    out = tmp_path / "ledger.xlsx"
    inside, covered = ticks_inside(lambda: part.to_xlsx(out), repeat=1)
    assert covered > 0.01, "the calls were too short to tell"
    assert inside > 20


def test_a_report_is_shared_across_threads(big_ledger: planfin.Ledger) -> None:
    plan = planfin.cnltp_plan()
    results: list[Any] = []

    def work() -> None:
        results.append(plan.variance(big_ledger).totals)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    assert all(r == results[0] for r in results)


def test_control_a_call_holding_the_gil_shows_no_tick() -> None:
    # sum() over a range runs in C without ever letting another thread run: the method
    # above must see no tick inside such a call, or it would prove nothing.
    inside, covered = ticks_inside(lambda: sum(range(20_000_000)), repeat=2)
    assert covered > 0.01, "the calls were too short to tell"
    assert inside == 0
