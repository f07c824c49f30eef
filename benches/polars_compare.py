"""The variance report's group-by in polars, beside planfin's `variance_cpu`, on the same
1,000,000 synthetic expenditures (`benches/examples/synthetic_csv.rs` writes them as CSV).

What polars computes is the report by objective's arithmetic on integers: each amount in
francs (EUR cents converted at the legal 655.957 peg, rounded half away from zero per entry),
then per objective the cumulative stage sums: engaged (every record), liquidated (stage >=
liquidation), ordered (>= ordonnancement) and paid (paiement). planfin does that and more in
its report: it checks every record (line, currency, rate, period, precision), flags rows,
finds duplicates and the chain's findings, and builds the revised budget from the plan's
amounts and amendments.

    cargo run --release -p planfin-benches --example synthetic_csv -- target/synthetic-1m.csv
    python benches/polars_compare.py target/synthetic-1m.csv --repeat 100

Prints the wall and CPU time per group-by (CPU summed over polars' threads) and the totals,
which equal planfin's report totals (engaged, liquidated, ordered, paid) for the same data.
"""

from __future__ import annotations

import argparse
import os
import time

import polars as pl


def frame(path: str) -> pl.DataFrame:
    return pl.read_csv(path, schema={"objective": pl.Utf8, "stage": pl.Int8, "currency": pl.Utf8, "minor": pl.Int64})


def group_by(df: pl.DataFrame) -> pl.DataFrame:
    cents = pl.col("minor")
    # 655.957 XOF per EUR: cents x 655957 / 100000, half away from zero, in integers.
    scaled = cents * 655_957
    half_away = (scaled.abs() + 50_000) // 100_000 * scaled.sign()
    francs = pl.when(pl.col("currency") == "EUR").then(half_away).otherwise(cents)
    stage = pl.col("stage")
    return (
        df.lazy()
        .with_columns(francs.alias("francs"))
        .group_by("objective")
        .agg(
            pl.col("francs").sum().alias("engaged"),
            pl.col("francs").filter(stage >= 1).sum().alias("liquidated"),
            pl.col("francs").filter(stage >= 2).sum().alias("ordered"),
            pl.col("francs").filter(stage >= 3).sum().alias("paid"),
        )
        .sort("objective")
        .collect()
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    df = frame(args.csv)
    group_by(df)  # warm up
    wall, cpu = time.perf_counter(), os.times()
    for _ in range(args.repeat):
        result = group_by(df)
    wall = time.perf_counter() - wall
    after = os.times()
    used = (after.user - cpu.user) + (after.system - cpu.system)
    print(f"polars {pl.__version__}, {pl.thread_pool_size()} threads, {len(df):,} rows")
    print(f"per group-by: {wall / args.repeat * 1000:.1f} ms wall, {used / args.repeat * 1000:.1f} ms CPU")
    totals = result.select(pl.col("engaged", "liquidated", "ordered", "paid").sum()).row(0)
    print("polars totals: engaged {} liquidated {} ordered {} paid {}".format(*totals))


if __name__ == "__main__":
    main()
