#!/usr/bin/env bash
# The one command behind BENCHMARKS.md: every benchmark of every user's
# path, each against its named baseline measured in the same run, medians
# of RUNS runs (default 5).
#
#   benches/all.sh [RUNS]
#
#   Rust    benches/run.sh RUNS --sample-count 200   divan: parse, check, every deadline,
#                                                     add-months beside chrono, jiff and time
#           benches/timeline-memory.sh               1,000,000 events: time and peak memory
#   C       benches/c/run.sh RUNS                    per call and per batch value against dpa_noop()
#           benches/boundary.sh RUNS                 what the C boundary adds to dpa-core in Rust
#           cargo bench --bench boundary_paired      the same for the date calls, in paired rounds
#   PHP     benches/php/run.sh RUNS                  the same through PHP 8.2 FFI
#   Python  benches/python/run.sh RUNS               the wheel against dateutil, pandas, numpy,
#                                                     pydantic and a trivial pyo3 function
#
# The report (each section's tables, with the machine and the toolchain) is
# written to target/bench-all/<time>/report.md and printed at the end. Takes
# about 30 minutes at 5 runs; needs cargo, gcc, php with FFI (the test
# command installs it), python3 and, for the Python section, PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ "$runs" -ge 5 ] || { echo "run at least 5 times" >&2; exit 2; }
out="target/bench-all/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
report="$out/report.md"

section() { printf '\n## %s\n\n' "$*" >>"$report"; echo "== $*" >&2; }
fenced() { { echo '```'; cat; echo '```'; } >>"$report"; }

{
  echo "# dpa benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), benches/all.sh $runs"
  echo
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
  echo "- memory: $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "- $(rustc --version)"
  echo "- $(gcc --version | head -1)"
  echo "- $(php -r 'echo "PHP ", PHP_VERSION;' 2>/dev/null || echo 'PHP: not installed')"
  echo "- $(python3 --version)"
} >"$report"

section "Rust (divan; ratio = baseline / ours)"
benches/run.sh "$runs" --sample-count 200 >"$out/rust.md"
cat "$out/rust.md" >>"$report"

section "Rust: the timeline of 1,000,000 events (time and peak memory)"
benches/timeline-memory.sh 2>&1 | fenced

section "C: per call against dpa_noop()"
benches/c/run.sh "$runs" | fenced

section "C: what the boundary adds to the same computation in Rust"
benches/boundary.sh "$runs" >>"$report"
section "C: the date calls against the same computation in Rust, in paired rounds"
cargo bench -p dpa-benches --bench boundary_paired --quiet -- 1500 >>"$report"

section "PHP: per call against a dpa_noop() call through FFI"
benches/php/run.sh "$runs" | fenced

section "Python: the wheel against dateutil, pandas, numpy, pydantic"
benches/python/run.sh "$runs" >>"$report"

echo "report: $report" >&2
cat "$report"
