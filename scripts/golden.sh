#!/usr/bin/env bash
# Records the outputs of every `dpa` subcommand on every bundled agreement
# and events file, in every --format, and what the C, PHP and Python clients
# print for the same questions, one file per case (stdout, then stderr and
# the exit code) under DIR. Used to show that a restructuring changes no
# output: record before, record after, `diff -r` the two.
#
#   scripts/golden.sh DIR            record into DIR (created)
#
# Needs a built dpa command (target/debug/dpa), libdpa (target/release), php
# with FFI and composer, and the .venv of scripts/test-python.sh; a client
# that is missing is skipped with a note.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${1:?usage: scripts/golden.sh DIR}
mkdir -p "$out"
dpa="$root/target/debug/dpa"
# The calendars' DTSTAMP: fixed, so that two recordings compare.
export SOURCE_DATE_EPOCH=1798761600

# CASE NAME, then the command: stdout, stderr and exit code into DIR/NAME.
run() {
  local name=$1
  shift
  local f="$out/$name"
  "$@" >"$f" 2>"$f.err"
  echo "exit $?" >>"$f.err"
}

agreements=(examples/agreements/*.toml)
events=(examples/events/*.toml)
base() { basename "$1" .toml; }

run schema "$dpa" schema
for fmt in text json; do
  for y in 1900 2026 2027 2033 9999 10000; do run "holidays-$y.$fmt" "$dpa" holidays "$y" --format "$fmt"; done
  for a in "${agreements[@]}"; do
    n=$(base "$a")
    run "show-$n.$fmt" "$dpa" show "$a" --format "$fmt"
    run "coverage-$n.$fmt" "$dpa" coverage "$a" --format "$fmt"
    for at in 2026-11-23 2027-06-01 2031-01-01; do
      run "check-$n-$at.$fmt" "$dpa" check "$a" --at "$at" --format "$fmt"
      run "transfers-$n-$at.$fmt" "$dpa" transfers "$a" --on "$at" --format "$fmt"
    done
    for kind in deletion backup-deletion next-audit audit-notice termination-window; do
      for from in 2026-11-30 2024-01-31 2027-12-24 bad; do
        run "deadline-$kind-$n-$from.$fmt" "$dpa" deadline "$kind" "$a" --from "$from" --format "$fmt"
      done
    done
    for kind in breach-notice authority-notice service-response; do
      for from in 2026-03-28T10:30:00+01:00 2026-10-25T01:30:00+02:00 2026-12-24T23:00:00Z 2026-12-24; do
        for impact in none low high; do
          [ "$kind" != service-response ] && [ "$impact" != none ] && continue
          args=()
          [ "$impact" != none ] && args=(--impact "$impact")
          run "deadline-$kind-$n-$from-$impact.$fmt" "$dpa" deadline "$kind" "$a" --from "$from" "${args[@]}" --format "$fmt"
        done
      done
    done
    for b in "${agreements[@]}"; do
      m=$(base "$b")
      run "diff-$n-$m.$fmt" "$dpa" diff "$a" "$b" --format "$fmt"
      run "diff-$n-$m-notified.$fmt" "$dpa" diff "$a" "$b" --notified 2022-03-01 --format "$fmt"
    done
  done
done
for fmt in text json ics; do
  for a in "${agreements[@]}"; do
    for e in "${events[@]}"; do
      for at in 2027-01-15 2027-03-01 2028-01-01; do
        run "deadlines-$(base "$a")-$(base "$e")-$at.$fmt" "$dpa" deadlines "$a" --events "$e" --at "$at" --format "$fmt"
      done
    done
  done
done
# Bad input: the messages are output too.
run "err-missing-file" "$dpa" check examples/agreements/none.toml --at 2026-11-23
run "err-bad-date" "$dpa" check "${agreements[0]}" --at 2026-02-30
run "err-bad-toml" "$dpa" show README.md

# The C example.
if [ -f target/release/libdpa.so ]; then
  work=$(mktemp -d)
  cc -std=c11 -Iinclude examples/c/deadlines.c -Ltarget/release -ldpa -o "$work/deadlines" &&
    run c-deadlines env LD_LIBRARY_PATH=target/release "$work/deadlines" &&
    run c-deadlines-args env LD_LIBRARY_PATH=target/release "$work/deadlines" -t 2024-01-31 \
      -b 2026-10-25T01:30:00+02:00 examples/agreements/belco.toml
  rm -rf "$work"
else
  echo "golden: no target/release/libdpa.so, C skipped" >&2
fi

# The PHP wrapper (its examples require Composer's autoloader).
if [ ! -f vendor/autoload.php ] && command -v composer >/dev/null; then
  COMPOSER_ALLOW_SUPERUSER=1 composer dump-autoload --quiet
fi
if command -v php >/dev/null && [ -f target/release/libdpa.so ] && [ -f vendor/autoload.php ]; then
  php=(env DPA_LIB="$root/target/release/libdpa.so" php -d ffi.enable=1)
  run php-deadlines "${php[@]}" examples/php/deadlines.php
  for a in "${agreements[@]}"; do
    n=$(base "$a")
    run "php-check-$n" "${php[@]}" examples/php/cli.php check "$a" --at 2026-11-23
    run "php-coverage-$n" "${php[@]}" examples/php/cli.php coverage "$a"
    run "php-transfers-$n" "${php[@]}" examples/php/cli.php transfers "$a" --on 2026-11-23
    run "php-deadline-$n" "${php[@]}" examples/php/cli.php deadline deletion "$a" --from 2026-11-30
    run "php-deadline-breach-$n" "${php[@]}" examples/php/cli.php deadline breach-notice "$a" --from 2026-03-28T10:30:00+01:00
    for b in "${agreements[@]}"; do
      run "php-diff-$n-$(base "$b")" "${php[@]}" examples/php/cli.php diff "$a" "$b"
    done
    run "php-deadlines-$n" "${php[@]}" examples/php/cli.php deadlines "$a" --events "${events[0]}" --at 2027-03-01
  done
else
  echo "golden: no php, libdpa or vendor/autoload.php (composer dump-autoload), PHP skipped" >&2
fi

# The Python wheel.
if [ -x .venv/bin/python ] && .venv/bin/python -c 'import dpa' 2>/dev/null; then
  run python-api .venv/bin/python scripts/golden.py
  run python-portfolio .venv/bin/python examples/python/portfolio.py examples/agreements --at 2027-01-15
else
  echo "golden: no .venv with dpa (scripts/test-python.sh makes it), Python skipped" >&2
fi
