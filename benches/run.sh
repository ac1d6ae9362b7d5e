#!/usr/bin/env bash
# Runs the whole benchmark suite of dpa-benches several times and prints a
# Markdown table of the median of divan's per-run medians for every
# benchmark, then the ratios BENCHMARKS.md reports.
#
#   benches/run.sh [RUNS] [DIVAN ARGS...]
#
# RUNS defaults to 9 (at least 5: the machine this was written on has two
# shared cores whose speed changes from minute to minute). DIVAN ARGS default to `--sample-count 500`; give your
# own to replace them (e.g. `benches/run.sh 5 --sample-count 100 add_months`
# to run only the month arithmetic). The raw output of each run is kept in
# target/bench-runs/<timestamp>/run-N.txt.
#
# Benchmarks that count items (divan's throughput line, `ItemsCount`) are
# reported per item: 1 / (median throughput), which is the median sample
# time divided by the items in a sample. The others are reported per call.
#
# Needs cargo and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-9}
shift || true
if [ "$#" -eq 0 ]; then
  set -- --sample-count 500
fi

out="target/bench-runs/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

# Build first, so that compiling is not part of any run.
cargo bench -p dpa-benches --no-run --quiet

for i in $(seq 1 "$runs"); do
  echo "run $i of $runs ..." >&2
  cargo bench -p dpa-benches --quiet -- --color never "$@" >"$out/run-$i.txt"
done
echo "raw output: $out" >&2

python3 - "$out"/run-*.txt <<'PY'
import re
import statistics
import sys

TIME_UNITS = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
RATE_UNITS = {"": 1.0, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}
TREE = "│├╰─ "


def parse(path):
    """{benchmark path: (ns per item or per call, 'item' | 'call')} of one run."""
    rows = {}
    col = None      # character column where divan's value columns start
    stack = []      # names of the enclosing groups
    last = None     # path of the last benchmark line (for its throughput line)
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if "fastest" in line and "median" in line:   # a bench binary's header
            col = line.index("fastest")
            stack = [line[:col].strip()]
            last = None
            continue
        if col is None or len(line) <= col:
            continue
        head, cells = line[:col], line[col:].split("│")
        if len(cells) < 3:
            continue
        name = head.strip(TREE).strip()
        median = cells[2].strip()
        if name:
            depth = (len(head) - len(head.lstrip(TREE))) // 3
            stack = stack[:depth] + [name]
            last = None
            m = re.fullmatch(r"([\d.]+) (ps|ns|µs|us|ms|s)", median)
            if m:
                last = "/".join(stack)
                rows[last] = (float(m.group(1)) * TIME_UNITS[m.group(2)], "call")
        elif last is not None:
            m = re.fullmatch(r"([\d.]+) ([KMGT]?)item/s", median)
            if m:
                per_second = float(m.group(1)) * RATE_UNITS[m.group(2)]
                rows[last] = (1e9 / per_second, "item")
    return rows


def fmt(ns):
    if ns < 1e3:
        return f"{ns:.3g} ns" if ns < 100 else f"{ns:.0f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.3g} µs"
    return f"{ns / 1e6:.3g} ms"


runs = [parse(p) for p in sys.argv[1:]]
names = [n for n in runs[0]]
for r in runs[1:]:
    names += [n for n in r if n not in names]

median = {}
print(f"| benchmark | median of {len(runs)} run medians | range of run medians | per |")
print("|---|---:|---:|---|")
for n in names:
    values = [r[n][0] for r in runs if n in r]
    unit = next(r[n][1] for r in runs if n in r)
    median[n] = statistics.median(values)
    print(f"| `{n}` | {fmt(median[n])} | {fmt(min(values))} – {fmt(max(values))} | {unit} |")

PAIRS = [
    ("dpa_clamp", "chrono_checked_add_months"),
    ("dpa_clamp", "jiff_checked_add"),
    ("dpa_clamp", "time_hand_clamp"),
    ("dpa_clamp_ok", "chrono_checked_add_months"),
    ("dpa_month_end_sticky", "chrono_checked_add_months"),
    ("dpa_thirty_days", "chrono_checked_add_months"),
]
print()
print("Ratios are baseline / ours: above 1, ours is faster. The last column is")
print("the median over the runs of the ratio within each run (the two")
print("benchmarks ran seconds apart, so it is less exposed to the machine's")
print("changes of speed than the ratio of the medians).")
print()
print("| add 3 months, n dates | ours | baseline | ratio of medians | median of per-run ratios |")
print("|---|---:|---:|---:|---:|")
for size in ("4096", "65536"):
    for ours, base in PAIRS:
        a = f"calendar/add_months_3/{ours}/{size}"
        b = f"calendar/add_months_3/{base}/{size}"
        if a in median and b in median:
            per_run = statistics.median(r[b][0] / r[a][0] for r in runs if a in r and b in r)
            print(f"| {ours} vs {base}, n = {size} | {fmt(median[a])} | {fmt(median[b])} "
                  f"| {median[b] / median[a]:.2f} | {per_run:.2f} |")
PY
