#!/usr/bin/env bash
# Side-by-side import timings of a large ledger (9 columns), in one run:
#   planfin      planfin-xlsx's read_ledger (examples/import_ledger.rs), the whole import
#   floor        calamine's streaming cell reader alone, summing the amount column
#                (examples/import_floor.rs): the floor of any calamine-based importer
#   fastexcel    fastexcel.read_excel(...).load_sheet(0), where installed
#   pandas       pandas.read_excel(engine="calamine"), where installed
# with the best wall time and CPU time (user + system) of 3 runs and the peak memory (max RSS),
# from /usr/bin/time -v. planfin decodes the XML on a second thread: on a busy machine compare
# the CPU columns too.
#
#   benches/import_compare.sh [ROWS...]        default: 100000 1000000
#
# Needs python3, /usr/bin/time (Debian package `time`); pandas/fastexcel are optional
# (pip install pandas python-calamine fastexcel).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rows_list=("${@:-100000 1000000}")
# shellcheck disable=SC2206
rows_list=(${rows_list[*]})
work=${TMPDIR:-/tmp}/planfin-import-bench
mkdir -p "$work"

cargo build --release -q -p planfin-xlsx --example import_floor --example import_ledger
bin=target/release/examples

measure() { # label, command...: prints "label wall_seconds cpu_seconds peak_MB"
    local label=$1
    shift
    local log
    log=$(mktemp)
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || { cat "$log" >&2; rm -f "$log"; return 1; }
    awk -v label="$label" '
        /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
        /User time \(seconds\)/ { cpu += $NF }
        /System time \(seconds\)/ { cpu += $NF }
        /Maximum resident set size/ { kb = $NF }
        END { printf "%s %.2f %.2f %.0f\n", label, s, cpu, kb / 1024 }' "$log"
    rm -f "$log"
}

have_py() { python3 -c "import $1" 2>/dev/null; }

for rows in "${rows_list[@]}"; do
    file=$work/ledger_$rows.xlsx
    [ -f "$file" ] || python3 benches/import_gen.py "$rows" "$file" >/dev/null
    echo "== $rows rows ($(du -h "$file" | cut -f1)), best of 3 runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    results=()
    for attempt in 1 2 3; do
        results+=("$(measure planfin "$bin/import_ledger" "$file")")
        results+=("$(measure floor "$bin/import_floor" "$file" 7)")
        if have_py fastexcel; then
            results+=("$(measure fastexcel python3 -c "import fastexcel,sys; fastexcel.read_excel(sys.argv[1]).load_sheet(0)" "$file")")
        fi
        if have_py pandas && have_py python_calamine; then
            results+=("$(measure pandas python3 -c "import pandas,sys; pandas.read_excel(sys.argv[1], engine='calamine')" "$file")")
        fi
    done
    printf '%s\n' "${results[@]}" | awk '
        {
            if (!($1 in wall) || $2 < wall[$1]) wall[$1] = $2
            if (!($1 in cpu) || $3 < cpu[$1]) cpu[$1] = $3
            if ($4 > mem[$1]) mem[$1] = $4
        }
        END {
            printf "%-10s %8s %8s %8s %8s %8s\n", "reader", "wall s", "x floor", "cpu s", "x floor", "peak MB"
            split("floor planfin fastexcel pandas", names, " ")
            for (i = 1; i <= 4; i++) {
                k = names[i]
                if (k in wall) printf "%-10s %8.2f %8.2f %8.2f %8.2f %8.0f\n", k, wall[k], wall[k] / wall["floor"], cpu[k], cpu[k] / cpu["floor"], mem[k]
            }
        }'
done
