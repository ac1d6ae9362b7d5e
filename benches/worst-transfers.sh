#!/usr/bin/env bash
# Time, peak memory and output size of `dpa check` and `dpa transfers` (text
# and JSON) on the worst accepted agreement for the transfers assessment
# (benches/src/worst.rs: as many sub-processors as the limits allow, each
# in every country outside the EEA, claiming all 21 transfer bases: about
# 4,000 within the TOML value limit, 6.6 MB of TOML), as
# TOML and as compact JSON (written by `dpa show --format json`, which falls
# back to compact JSON above the document limit). Then the round trip: the
# JSON written is read again.
#
#   benches/worst-transfers.sh [SUB_PROCESSORS] [RUNS]
#
# Prints one line per command and run: wall and user seconds, peak RSS,
# bytes written. Needs /usr/bin/time (Debian package `time`). The machine
# is shared: compare user seconds and medians.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}  # capped by the limits: see dpa_benches::worst_transfers_agreement
runs=${2:-3}
cargo build --release --quiet -p dpa-cli
cargo build --release --quiet -p dpa-benches --example worst_transfers
dir=target/worst-transfers
mkdir -p "$dir"
target/release/examples/worst_transfers "$dir/worst.toml" "$n"
target/release/dpa show --format json "$dir/worst.toml" >"$dir/worst.json"
echo "input: $(wc -c <"$dir/worst.toml") bytes TOML, $(wc -c <"$dir/worst.json") bytes JSON"
for f in "$dir/worst.toml" "$dir/worst.json"; do
  # `show` reads and validates the file and prints a summary: the floor.
  for cmd in "show" "check --at 2026-11-23" "check --at 2026-11-23 --format json" \
    "transfers --on 2026-11-23" "transfers --on 2026-11-23 --format json"; do
    for i in $(seq 1 "$runs"); do
      # shellcheck disable=SC2086
      bytes=$( { /usr/bin/time -f "%e s wall, %U s user, %M KB" -o "$dir/time.txt" \
        target/release/dpa $cmd "$f" || true; } | wc -c)
      echo "$(basename "$f") $cmd: $(cat "$dir/time.txt"), $bytes bytes out"
    done
  done
done
target/release/dpa show "$dir/worst.json" >/dev/null && echo "round trip: the JSON written is read again"
