#!/usr/bin/env bash
# Peak memory and time of the timeline over 1,000,000 events (10,000
# agreements with 100 events each), with /usr/bin/time -v (Debian package
# `time`, installed when missing). Prints the example's own timing and the
# maximum resident set size.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
cargo build --release --quiet -p dpa-benches --example timeline_1m
for i in 1 2 3 4 5; do
  /usr/bin/time -v target/release/examples/timeline_1m "${1:-10000}" 2>"target/timeline-mem-$i.txt"
  grep "Maximum resident set size" "target/timeline-mem-$i.txt"
done
