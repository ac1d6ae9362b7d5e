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
#     each, against pandas and pydantic, which are installed for that;
#     pyarrow and polars are installed for the tests of Agreement.schedule
#     (the `arrow` extra; test_schedule.py also checks `import dpa` without
#     pyarrow), pyspark and Java 17 (Debian's openjdk-17-jre-headless, when
#     `java` is missing) for dpa.spark (test_spark.py, Spark in local mode);
#   - a wheel built with `maturin build --release`, installed from the file
#     alone (pip --no-index) into a fresh virtual environment whose PATH has
#     no cargo or rustc, imported there and used (a bundled agreement, a
#     deadline): what a user without a Rust toolchain gets.
#
# Needs python3 (3.9 or later; PYTHON=... to choose another), cargo, and
# PyPI. See docs/python.md.
set -euo pipefail
cd "$(dirname "$0")/.."

# step
. scripts/lib.sh

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
  types-python-dateutil mypy numpy pandas pydantic icalendar jsonschema types-jsonschema \
  pyarrow polars "pyspark>=4,<5"
"$py" -m pip --version

step "Java for pyspark (dpa-py/tests/test_spark.py runs Spark in local mode)"
if ! command -v java >/dev/null 2>&1; then
  # Debian's Java 17, which pyspark 4 runs on.
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless
fi
java -version 2>&1 | head -1

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
"$py" benches/python/bench_schedule.py --smoke >/dev/null
PYSPARK_PYTHON="$py" "$py" benches/python/bench_spark.py --smoke >/dev/null 2>&1 \
  || { PYSPARK_PYTHON="$py" "$py" benches/python/bench_spark.py --smoke; exit 1; }
echo "ok"

step "a wheel without a Rust toolchain: maturin build --release, then a fresh venv with no cargo"
# The interpreter itself (not pyenv's shim, which needs its PATH), so that
# it runs under the bare PATH below; the wheel is built for it.
base_py=$("$python" -c 'import sys; print(sys.executable)')
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
"$py" -m maturin build --release --locked --manifest-path dpa-py/Cargo.toml --interpreter "$base_py" \
  --out "$fresh/wheels"
wheel=$(ls "$fresh"/wheels/dpa-*.whl)
[ "$(printf '%s\n' "$wheel" | wc -l)" -eq 1 ] || { echo "expected one wheel, got: $wheel" >&2; exit 1; }
echo "built $(basename "$wheel")"
# What the wheel holds: the package, the native module, the stubs.
"$py" - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
for want in ("dpa/__init__.py", "dpa/_dpa.pyi", "dpa/py.typed", "dpa/exceptions.py"):
    assert want in names, f"{want} is not in the wheel: {names}"
assert any(n.startswith("dpa/_dpa.") and n.endswith(".so") for n in names), names
assert not any(n.endswith(".rs") for n in names), "Rust sources in the wheel"
print(f"ok: {len(names)} files, the package, the native module and the stubs")
PY
# A clean environment: nothing of this shell's (no CARGO_HOME, RUSTUP_HOME,
# VIRTUAL_ENV), PATH with the system's directories only.
bare() { env -i HOME="$fresh/home" LANG=C.UTF-8 PATH="$1" "${@:2}"; }
bare /usr/bin:/bin "$base_py" -m venv "$fresh/venv"
mkdir -p "$fresh/home" "$fresh/run"
cat >"$fresh/run/smoke.py" <<'PY'
import sys
from datetime import date

import dpa
import dpa._dpa

# Imported from the fresh environment, not from the source tree.
assert dpa._dpa.__file__.startswith(sys.prefix), (dpa._dpa.__file__, sys.prefix)
belco = dpa.Agreement.from_file(sys.argv[1])
due = belco.deletion_deadline(date(2026, 11, 30))
# Belco DPS 1.11, clause 2.6.3: three months after termination, clamped.
assert due == date(2027, 2, 28), due
assert belco.deadline("deletion", date(2026, 11, 30)).citation == "DPS 1.11, clause 2.6.3"
assert dpa.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
print(f"ok: dpa {dpa.__version__} from {dpa._dpa.__file__}: Belco deletes by {due}")
PY
# shellcheck disable=SC2016 # expanded by the inner shell
bare "$fresh/venv/bin:/usr/bin:/bin" sh -euc '
  if command -v cargo || command -v rustc; then
    echo "cargo or rustc is on PATH: the check would prove nothing" >&2
    exit 1
  fi
  echo "no cargo, no rustc on PATH=$PATH"
  python -m pip install --quiet --no-index --disable-pip-version-check "$1"
  python -m pip check
  cd "$2" && python smoke.py "$3"
' sh "$wheel" "$fresh/run" "$PWD/examples/agreements/belco.toml"

step "all Python tests passed"
