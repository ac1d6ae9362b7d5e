#!/usr/bin/env bash
# Benchmarks of the Python wheel (dpa-py): adding months to 1,000,000 dates
# against dateutil, pandas and numpy, Agreement.from_json against
# pydantic v2, and the deletion dates of a 1,000,000-row table on Arrow
# (Agreement.schedule) against pandas DateOffset. Runs each benchmark on the
# default per-version wheel and on an abi3 wheel (`--features abi3`), for
# the abi3 decision in docs/python.md.
#
#   benches/python/run.sh [RUNS]      # RUNS per benchmark, default 7 (at least 5)
#
# Uses its own virtual environment, target/bench-venv (pandas and pydantic
# are benchmark dependencies only, not test dependencies), and builds the
# wheels into target/bench-wheels/. Needs python3 (3.9 or later), cargo and
# network access to PyPI for the first run.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-7}
venv=target/bench-venv
wheels=target/bench-wheels

step() { printf '\n== %s\n' "$*" >&2; }

step "virtual environment $venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet "maturin>=1.9.4,<2" numpy pandas pydantic python-dateutil \
  pyarrow "pyspark>=4,<5"

for flavour in per-version abi3; do
  step "build the $flavour wheel"
  rm -rf "$wheels/$flavour"
  features=()
  if [ "$flavour" = abi3 ]; then features=(--features abi3); fi
  (cd dpa-py && ../"$venv"/bin/maturin build --release --quiet -i ../"$venv"/bin/python \
      -o ../"$wheels/$flavour" "${features[@]}")
  "$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$wheels/$flavour"/dpa-*.whl

  step "dates ($flavour wheel)"
  "$venv/bin/python" benches/python/bench_dates.py --runs "$runs"
  step "dates, no date repeated ($flavour wheel)"
  "$venv/bin/python" benches/python/bench_dates.py --runs "$runs" --distinct
  step "parsing ($flavour wheel)"
  "$venv/bin/python" benches/python/bench_parse.py --runs "$runs"
  step "calls that release the interpreter, at its thresholds ($flavour wheel)"
  "$venv/bin/python" benches/python/bench_threads.py --runs "$runs"
  step "a table's deletion dates on Arrow, against pandas DateOffset ($flavour wheel)"
  "$venv/bin/python" benches/python/bench_schedule.py --runs "$runs"
  if [ "$flavour" = per-version ] && command -v java >/dev/null; then
    step "the same on Spark local[2]: mapInArrow against a pandas_udf ($flavour wheel; needs Java 17)"
    PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" benches/python/bench_spark.py --runs "$runs"
  fi
done
