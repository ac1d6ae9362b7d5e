#!/usr/bin/env bash
# `dpa schedule` on a generated Parquet customer table (default 10,000,000
# rows) against the floor: the same file read and written with the parquet
# crate and no computation (benches/examples/schedule_table.rs, the same
# reader and batch size, the parquet crate's ArrowWriter on one thread).
# `dpa schedule` encodes the output's columns on worker threads (as many as
# `nproc`, at most 4); so that the threads' share is seen, the floor is also
# run with that same writer ("floor, threaded writer"). Runs each RUNS times
# (default 5), alternating, and prints the medians, the ratios (goal: at most
# 1.5 against the single-threaded floor) and the peak memory of each
# (/usr/bin/time; Debian package `time`, installed when missing).
#
#   benches/schedule.sh [ROWS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-10000000}"
runs="${2:-5}"
target="${CARGO_TARGET_DIR:-target}"
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
cargo build --release --quiet -p dpa-cli --bin dpa
cargo build --release --quiet -p dpa-benches --example schedule_table
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
"$target/release/examples/schedule_table" gen "$dir/customers.parquet" "$rows" >/dev/null
echo "table: $rows rows, $(du -h "$dir/customers.parquet" | cut -f1)"

# measure NAME COMMAND...: RUNS runs; prints "seconds peak_kib" per run.
measure() {
  local name="$1"; shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$dir/$name.time" "$@" >/dev/null 2>"$dir/$name.err" || {
      cat "$dir/$name.err" >&2; exit 1; }
    cat "$dir/$name.time"
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

threads=$(nproc); threads=$((threads > 4 ? 4 : threads))
# Alternate them so that a busy machine slows all alike.
: >"$dir/floor.all"; : >"$dir/threaded.all"; : >"$dir/dpa.all"
for _ in $(seq "$runs"); do
  runs=1 measure floor "$target/release/examples/schedule_table" floor \
    "$dir/customers.parquet" "$dir/copy.parquet" >>"$dir/floor.all"
  runs=1 measure threaded "$target/release/examples/schedule_table" floor \
    "$dir/customers.parquet" "$dir/copy.parquet" "$threads" >>"$dir/threaded.all"
  runs=1 measure dpa "$target/release/dpa" schedule examples/agreements/belco.toml \
    --input "$dir/customers.parquet" --output "$dir/due.parquet" --at 2027-03-01 >>"$dir/dpa.all"
done
floor_s=$(cut -d' ' -f1 "$dir/floor.all" | median)
threaded_s=$(cut -d' ' -f1 "$dir/threaded.all" | median)
dpa_s=$(cut -d' ' -f1 "$dir/dpa.all" | median)
floor_kib=$(cut -d' ' -f2 "$dir/floor.all" | sort -n | tail -1)
threaded_kib=$(cut -d' ' -f2 "$dir/threaded.all" | sort -n | tail -1)
dpa_kib=$(cut -d' ' -f2 "$dir/dpa.all" | sort -n | tail -1)
echo "floor (read + write, no computation, one thread): median ${floor_s} s, peak $((floor_kib / 1024)) MiB"
echo "floor, threaded writer ($threads encoder threads):    median ${threaded_s} s, peak $((threaded_kib / 1024)) MiB"
echo "dpa schedule ($threads encoder threads):              median ${dpa_s} s, peak $((dpa_kib / 1024)) MiB"
awk -v a="$dpa_s" -v b="$floor_s" 'BEGIN {printf "ratio dpa schedule / floor: %.2f (goal <= 1.5)\n", a / b}'
awk -v a="$dpa_s" -v b="$threaded_s" 'BEGIN {printf "ratio dpa schedule / floor with the threaded writer: %.2f\n", a / b}'
