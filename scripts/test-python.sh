#!/usr/bin/env bash
# Tests the Python wheel (dpa-py). On a fresh clone it sets up everything it
# needs: a virtual environment in .venv (git-ignored) with the test tools,
# then builds and installs the package with `pip install ./dpa-py` (maturin
# is the PEP 517 backend), and runs
#
#   - pytest on dpa-py/tests (no test collected counts as a failure),
#   - mypy --strict on the examples and the tests,
#   - mypy.stubtest on the package (stubs against the built module),
#   - the example examples/python/portfolio.py on the seed agreements,
#   - the Python benchmarks (benches/python) in smoke mode: one short run
#     each, against pandas and pydantic, which are installed for that.
#
# Needs python3 (3.9 or later; PYTHON=... to choose another), cargo, and
# PyPI. See docs/python.md.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

python=${PYTHON:-python3}
venv=.venv
py=$venv/bin/python
# Keep caches out of the source tree.
export MYPY_CACHE_DIR="$PWD/target/mypy-cache"

step "interpreter"
"$python" --version
cargo --version

step "virtual environment $venv"
if [ ! -x "$py" ]; then
  "$python" -m venv "$venv"
fi
"$py" -m pip install --quiet --upgrade pip
"$py" -m pip install --quiet "maturin>=1.9.4,<2" pytest hypothesis python-dateutil \
  types-python-dateutil mypy numpy pandas pydantic icalendar
"$py" -m pip --version

step "build and install the package: pip install ./dpa-py"
"$py" -m pip install --force-reinstall --no-deps ./dpa-py
"$py" - <<'PY'
import dpa, dpa._dpa
print(f"dpa {dpa.__version__} from {dpa._dpa.__file__}")
PY

step "pytest dpa-py/tests"
set +e
"$py" -m pytest -p no:cacheprovider -c dpa-py/pyproject.toml --rootdir dpa-py dpa-py/tests
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
elif [ "$status" -ne 0 ]; then
  echo "pytest failed (exit $status)" >&2
  exit "$status"
fi

step "mypy --strict (examples/python, dpa-py/tests)"
"$py" -m mypy --strict --no-incremental --config-file dpa-py/pyproject.toml examples/python dpa-py/tests

step "mypy.stubtest dpa (hand-written stubs against the built module)"
# From target/, so that stubtest's own cache lands there.
mkdir -p target
(cd target && "../$py" -m mypy.stubtest dpa)

step "example: examples/python/portfolio.py"
"$py" examples/python/portfolio.py examples/agreements --at 2027-01-15 \
  --terminated alles-online=2026-10-01 --events belco=examples/events/belco-2027.toml \
  | tee target/portfolio.out
grep -q "OVERDUE" target/portfolio.out
grep -q "belco " target/portfolio.out

step "benchmarks, smoke mode (benches/python: one short run each, no timing)"
"$py" benches/python/bench_dates.py --smoke >/dev/null
"$py" benches/python/bench_parse.py --smoke >/dev/null
"$py" benches/python/bench_threads.py --smoke >/dev/null
echo "ok"

step "all Python tests passed"
