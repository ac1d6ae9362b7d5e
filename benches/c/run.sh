#!/usr/bin/env bash
# Builds libdpa (release) and benches/c/bench_ffi.c, runs the benchmark RUNS
# times (default 7, at least 5) and prints the median of the runs for every
# case: nanoseconds per call (per value for the batch cases) and the ratio
# to the floor, dpa_noop(), measured in the same run (the median of the
# per-run ratios).
#
#   benches/c/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
[ "$runs" -ge 5 ] || { echo "run at least 5 times" >&2; exit 2; }
target_dir=${CARGO_TARGET_DIR:-target}
cargo build --release --locked --quiet -p dpa-ffi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gcc -std=c11 -O2 -Wall -Wextra -Werror -pedantic -Iinclude benches/c/bench_ffi.c \
  -L"$target_dir/release" -ldpa -o "$out/bench_ffi"
for i in $(seq 1 "$runs"); do
  echo "run $i of $runs ..." >&2
  LD_LIBRARY_PATH="$target_dir/release" "$out/bench_ffi" >"$out/run-$i.txt"
done
echo "C, libdpa $(sed -n 's/^#define DPA_VERSION_[A-Z]* //p' include/dpa.h | paste -sd. -), median of $runs runs"
printf '%-44s %12s %10s\n' case "ns" "x floor"
# Each line: NAME... NS "ns" RATIO"x"; names may contain spaces.
awk '{ ratio = $NF; sub(/x$/, "", ratio); ns = $(NF-2); $NF = ""; $(NF-1) = ""; $(NF-2) = "";
       sub(/ +$/, ""); print $0 "\t" ns "\t" ratio }' "$out"/run-*.txt |
  awk -F'\t' '
    function median(list, n,   i, j, t, a) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { if (!($1 in ns)) order[++count] = $1; ns[$1] = ns[$1] " " $2; ratio[$1] = ratio[$1] " " $3 }
    END { for (k = 1; k <= count; k++) { c = order[k]; printf "%-44s %12.2f %10.2f\n", c, median(ns[c]), median(ratio[c]) } }'
