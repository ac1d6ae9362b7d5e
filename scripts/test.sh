#!/usr/bin/env bash
# Runs every test of the project: Rust (fmt, clippy, unit, integration,
# property and doc tests, benchmark smoke runs, the fuzz corpora replayed,
# docs), the JSON Schema compiled by ajv in strict mode
# (scripts/test-schema-ajv.sh), the C library with its C clients
# (scripts/test-c.sh), the PHP wrapper (scripts/test-php.sh), and the Python
# wheel (scripts/test-python.sh, in the virtual environment .venv it creates,
# and a wheel installed where no Rust toolchain is). On a fresh machine it
# installs what it needs itself (the pinned cbindgen, Debian's php8.2-cli,
# composer and phpunit, nodejs and npm with the pinned ajv, the Python
# packages). Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# step
. scripts/lib.sh

# One pass over the tree: an incremental cache would only take disk
# (several GB); set CARGO_INCREMENTAL=1 to keep it.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "toolchain"
cargo --version
cargo fmt --version
cargo clippy --version

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (unit, integration, property and doc tests)"
cargo test --workspace --locked

step "benchmarks, smoke mode (each runs once; no timing)"
cargo test --workspace --locked --benches --quiet -p dpa-benches

step "fuzz corpora replayed on stable (fuzz/: its own workspace; FUZZING.md)"
# The fuzz targets' bodies run over every committed input (fuzz/corpus and
# fuzz/regressions) as a normal test, without libFuzzer or nightly.
cargo fmt --manifest-path fuzz/Cargo.toml --check
cargo clippy --manifest-path fuzz/Cargo.toml --no-default-features --all-targets --locked \
  --target-dir target -- -D warnings
cargo test --manifest-path fuzz/Cargo.toml --no-default-features --locked --target-dir target

step "fuzz targets' worst accepted inputs under ulimit -v and a CPU-time bound (fuzz/limits.sh)"
fuzz/limits.sh --quick

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS=-Dwarnings cargo doc --workspace --no-deps --locked --quiet

step "JSON Schema: ajv in strict mode compiles it, formats asserted (scripts/test-schema-ajv.sh)"
./scripts/test-schema-ajv.sh

step "C library (libdpa) and its C clients"
./scripts/test-c.sh

step "PHP wrapper (Composer package dpa-rs/dpa): PHPUnit, a Composer install, the examples"
./scripts/test-php.sh

step "Python wheel (dpa-py): pytest, hypothesis, mypy --strict, stubtest"
./scripts/test-python.sh

step "main job: dpa check on the bundled agreements"
for f in examples/agreements/*.toml; do
  cargo run --quiet --locked -p dpa-cli -- check "$f" --at 2026-11-23 --format json >/dev/null || {
    code=$?
    # 1 means error findings, which is a valid answer; 2 means unreadable input.
    if [ "$code" -ne 1 ]; then echo "dpa check $f exited $code" >&2; exit 1; fi
  }
done

step "all tests passed"
