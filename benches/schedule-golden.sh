#!/usr/bin/env bash
# Records what `dpa schedule` writes for the bundled tables and for
# generated ones (benches/examples/schedule_table.rs `edge`: every event and
# completion column; Date32, Date64, text, timestamps in a named zone, at an
# offset and in UTC; dates over the whole range 0001-9999, near its ends
# and outside it; text that is no date), under every bundled agreement, to
# CSV and to Parquet, with --on-error skip and fail, with and without
# --detail, with --column and --agreement-column: each output file, its
# standard error and its exit code, into OUT. Record before a change and
# after it, then compare with `diff -r BEFORE AFTER`.
#
#   benches/schedule-golden.sh OUT [ROWS]     # ROWS per generated table, default 20000
#
# DPA=PATH runs that `dpa` binary (a copy kept from before the change)
# instead of building the work tree's.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "$1")"
rows="${2:-20000}"
target="${CARGO_TARGET_DIR:-target}"
if [ -z "${DPA:-}" ]; then
  cargo build --release --quiet -p dpa-cli --bin dpa
fi
cargo build --release --quiet -p dpa-benches --example schedule_table
dpa="${DPA:-$target/release/dpa}"
rm -rf "$out"
mkdir -p "$out/tables" "$out/runs"
tables="$out/tables"
"$target/release/examples/schedule_table" edge "$tables" "$rows" >/dev/null
cp examples/tables/customers.csv "$tables/customers.csv"
cp examples/agreements/*.toml "$tables/"
# The text table with its termination column renamed (for --column), and
# with an agreement column naming each bundled agreement, a file that does
# not exist and none.
sed '1s/terminated_on/end_date/' "$tables/text.csv" >"$tables/renamed.csv"
names=(belco.toml belco-1.2.2.toml alles-online.toml example-hosting-en.toml
  voorbeeld-webdiensten.toml missing.toml "")
awk -F, -v OFS=, -v list="$(IFS='|'; echo "${names[*]}")" '
  BEGIN { n = split(list, a, "|") }
  NR == 1 { print $0, "agreement"; next }
  { print $0, a[(NR % 7) + 1] }' "$tables/text.csv" >"$tables/by-agreement.csv"

# run NAME ARGS...: one run; its output file, stderr and exit code.
run() {
  local name="$1"; shift
  local code=0
  "$dpa" schedule "$@" 2>"$out/runs/$name.err" || code=$?
  echo "$code" >"$out/runs/$name.code"
}

for agreement in examples/agreements/*.toml; do
  a="$(basename "$agreement" .toml)"
  for table in customers.csv dates.parquet date64.parquet text.csv narrow.parquet wide.parquet; do
    t="${table%%.*}"
    for format in csv parquet; do
      for on_error in skip fail; do
        for detail in "" --detail; do
          name="$a.$t.$on_error${detail:+.detail}.$format"
          run "$name" "$agreement" --input "$tables/$table" --output "$out/runs/$name" \
            --at 2027-03-01 --on-error "$on_error" $detail
        done
      done
    done
  done
  run "$a.renamed.skip.csv" "$agreement" --input "$tables/renamed.csv" \
    --output "$out/runs/$a.renamed.skip.csv" --at 2026-06-30 --on-error skip \
    --column terminated_on=end_date
done
for on_error in skip fail; do
  for format in csv parquet; do
    name="by-agreement.$on_error.$format"
    run "$name" --agreement-column agreement --input "$tables/by-agreement.csv" \
      --output "$out/runs/$name" --at 2027-03-01 --on-error "$on_error"
  done
done
run portfolio.detail.csv --agreement-column agreement --input examples/tables/portfolio.csv \
  --output "$out/runs/portfolio.detail.csv" --at 2027-03-01 --detail
# Standard output, and the benchmark's table (its digest).
"$dpa" schedule examples/agreements/belco.toml --input examples/tables/customers.csv \
  --output - --at 2027-03-01 >"$out/runs/customers.stdout.csv"
"$target/release/examples/schedule_table" gen "$tables/big.parquet" 2000000 >/dev/null
"$dpa" schedule examples/agreements/belco.toml --input "$tables/big.parquet" \
  --output "$tables/big-due.parquet" --at 2027-03-01
sha256sum <"$tables/big-due.parquet" >"$out/runs/big-due.parquet.sha256"
rm -f "$tables/big.parquet" "$tables/big-due.parquet"
echo "$(find "$out/runs" -type f | wc -l) files in $out/runs"
