#!/usr/bin/env bash
# Time, peak memory and output size of `dpa check` and `dpa transfers` (text
# and JSON) on the worst accepted agreement for the transfers assessment
# (benches/src/worst.rs: as many sub-processors as the limits allow, each
# reached from every country outside the EEA and claiming all 24 transfer
# bases: about 4,000 within the TOML value limit, 6.6 MB of TOML), as TOML
# and as compact JSON (written by `dpa show --format json`, which falls
# back to compact JSON above the document limit), against the floor of
# reading the file (`dpa show`: reads and validates it, prints a summary).
# Then the round trip: the JSON written is read again.
#
#   benches/worst-transfers.sh [SUB_PROCESSORS] [RUNS]
#
# Prints one line per command and run (wall and user seconds, peak RSS,
# bytes written), then per input and command the medians over the runs,
# user time and peak RSS against the floor's medians, and the output as a
# multiple of the input. Needs /usr/bin/time (Debian package `time`). The
# machine is shared: compare user seconds and medians.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}  # capped by the limits: see dpa_benches::worst_transfers_agreement
runs=${2:-3}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet -p dpa-cli
cargo build --release --quiet -p dpa-benches --example worst_transfers
dpa=$target/release/dpa
dir=$target/worst-transfers
mkdir -p "$dir"
"$target/release/examples/worst_transfers" "$dir/worst.toml" "$n"
"$dpa" show --format json "$dir/worst.toml" >"$dir/worst.json"
echo "input: $(wc -c <"$dir/worst.toml") bytes TOML, $(wc -c <"$dir/worst.json") bytes JSON"
: >"$dir/runs.txt"
for f in "$dir/worst.toml" "$dir/worst.json"; do
  for cmd in "show" "check --at 2026-11-23" "check --at 2026-11-23 --format json" \
    "transfers --on 2026-11-23" "transfers --on 2026-11-23 --format json"; do
    for i in $(seq 1 "$runs"); do
      # shellcheck disable=SC2086
      bytes=$( { /usr/bin/time -f "%e %U %M" -o "$dir/time.txt" \
        "$dpa" $cmd "$f" || true; } | wc -c)
      # The last line: a failing exit (1 when the check fails) adds a line
      # before it.
      read -r wall user kb < <(tail -n 1 "$dir/time.txt")
      echo "$(basename "$f") $cmd: $wall s wall, $user s user, $kb KB, $bytes bytes out"
      echo "$(basename "$f")|$cmd|$wall|$user|$kb|$bytes|$(wc -c <"$f")" >>"$dir/runs.txt"
    done
  done
done
echo
echo "medians of $runs runs (x floor: against \`show\` on the same input):"
python3 - "$dir/runs.txt" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("|") for l in open(sys.argv[1])]
groups = {}
for f, cmd, wall, user, kb, out, size in rows:
    groups.setdefault((f, cmd), []).append((float(wall), float(user), int(kb), int(out), int(size)))
for (f, cmd), rs in groups.items():
    med = lambda i: statistics.median(r[i] for r in rs)
    floor = groups[(f, "show")]
    fu = statistics.median(r[1] for r in floor)
    fm = statistics.median(r[2] for r in floor)
    print(f"{f:11} {cmd:40} wall {med(0):6.2f} s  user {med(1):6.2f} s ({med(1) / fu:4.1f} x floor)"
          f"  peak {med(2) / 1000:7.1f} MB ({med(2) / fm:4.1f} x floor)"
          f"  out {med(3) / 1e6:7.1f} MB ({med(3) / rs[0][4]:5.1f} x input)")
PY
"$dpa" show "$dir/worst.json" >/dev/null && echo "round trip: the JSON written is read again"
