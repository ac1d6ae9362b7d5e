#!/usr/bin/env bash
# What libdpa's C boundary adds to the same computation in Rust: runs
# benches/benches/boundary.rs RUNS times (default 5) and prints, for each
# pair, the median of the per-run medians (ns per value) and the median of
# the per-run ratios (C ÷ Rust) and differences (C − Rust, ns).
#
#   benches/boundary.sh [RUNS] [DIVAN ARGS...]   (default --sample-count 200)
#
# DPA_BOUNDARY_BIN=PATH runs that benchmark binary instead of building
# this tree's (to measure an earlier build, kept aside, the same way).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
[ "$#" -gt 0 ] || set -- --sample-count 200
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
bin=${DPA_BOUNDARY_BIN:-}
[ -n "$bin" ] || cargo bench -p dpa-benches --bench boundary --no-run --quiet
for i in $(seq 1 "$runs"); do
  echo "run $i of $runs ..." >&2
  if [ -n "$bin" ]; then
    "$bin" --bench --color never "$@" >"$out/run-$i.txt"
  else
    cargo bench -p dpa-benches --bench boundary --quiet -- --color never "$@" >"$out/run-$i.txt"
  fi
done
python3 - "$out"/run-*.txt <<'PY'
import re, statistics, sys
RATE = {"": 1.0, "K": 1e3, "M": 1e6, "G": 1e9}

def parse(path):
    """{group/name: ns per value} of one run (divan's median throughput)."""
    rows, group, last, col = {}, "", None, None
    for line in open(path, encoding="utf-8"):
        if "fastest" in line and "median" in line:
            col = line.index("fastest")
            continue
        m = re.match(r"^[│ ]*[├╰]─ (\w+)", line)
        if m:
            name = m.group(1)
            depth = line.index(name)
            if depth <= 3:
                group = name
                last = name
            else:
                last = f"{group}/{name}"
            continue
        cells = line[col:].split("│") if col is not None else []
        if last and len(cells) >= 3:
            m = re.search(r"([\d.]+) ([KMG]?)item/s", cells[2])
            if m:
                rows[last] = 1e9 / (float(m.group(1)) * RATE[m.group(2)])
                last = None
    return rows

runs = [parse(p) for p in sys.argv[1:]]
PAIRS = [
    ("add_months/c_one_call", "add_months/rust", "dpa_add_months, one call"),
    ("add_months/c_one_call_ymd", "add_months/rust", "dpa_add_months_ymd, one call"),
    ("add_months/c_batch", "add_months/rust_loop", "dpa_add_months_batch, per value"),
    ("deletion_deadline/c_one_call", "deletion_deadline/rust", "dpa_agreement_deletion_deadline, one call"),
    ("deletion_deadline/c_batch", "deletion_deadline/rust", "dpa_agreement_date_deadlines, per value"),
    ("deletion_deadline/c_batch", "deletion_deadline/rust_loop", "dpa_agreement_date_deadlines, per value, against the Rust loop into a slice"),
    ("deletion_deadline/rust_loop", "deletion_deadline/rust", "(Rust) the loop into a slice against date_due_of per date"),
    ("deletion_deadline/c_one_call", "deletion_deadline/rust_from_parts", "dpa_agreement_deletion_deadline, one call, against Rust from year, month, day"),
    ("deletion_deadline/c_batch", "deletion_deadline/rust_from_parts", "dpa_agreement_date_deadlines, per value, against Rust from year, month, day"),
    ("deletion_deadline/rust_from_parts", "deletion_deadline/rust", "(Rust) from year, month, day against from a Date"),
    ("deletion_deadline/c_one_call", "deletion_deadline/rust_deadline", "dpa_agreement_deletion_deadline, one call, against the Deadline"),
    ("deletion_deadline/c_batch", "deletion_deadline/rust_deadline", "dpa_agreement_date_deadlines, per value, against the Deadline"),
    ("deletion_deadline/rust", "deletion_deadline/rust_deadline", "(Rust) date_due_of against date_deadline_of"),
    ("deletion_deadline/rust_converted", "deletion_deadline/rust", "(diagnostic) Rust + the conversion to dpa_deadline, no crossing"),
    ("deletion_due/c_one_call", "deletion_deadline/rust", "dpa_agreement_date_due, one call"),
    ("deletion_due/c_one_call", "deletion_deadline/rust_from_parts", "dpa_agreement_date_due, one call, against Rust from year, month, day"),
    ("deletion_due/c_batch", "deletion_deadline/rust_loop", "dpa_agreement_date_dues, per value, against the Rust loop into a slice"),
]
med = lambda xs: statistics.median(xs)
print(f"median of {len(runs)} runs; floor dpa_noop: {med([r['noop'] for r in runs]):.2f} ns")
print("| C function | C ns | Rust ns | C ÷ Rust | C − Rust |")
print("|---|---:|---:|---:|---:|")
for c, rust, label in PAIRS:
    if all(c in r and rust in r for r in runs):
        print(f"| {label} | {med([r[c] for r in runs]):.2f} | {med([r[rust] for r in runs]):.2f} "
              f"| {med([r[c] / r[rust] for r in runs]):.2f} | {med([r[c] - r[rust] for r in runs]):+.2f} ns |")
PY
