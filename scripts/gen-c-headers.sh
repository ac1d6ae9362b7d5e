#!/usr/bin/env bash
# Regenerates the two committed C headers from dpa-ffi/src:
#
#   include/dpa.h            cbindgen (pinned: 0.29.4) with dpa-ffi/cbindgen.toml
#   php/dpa_php.h            include/dpa.h without #include lines, run through
#                            `cpp -P` (PHP's FFI parser evaluates no
#                            preprocessor conditionals and no macros), with
#                            the FFI_SCOPE/FFI_LIB lines for FFI::load prepended
#
#   scripts/gen-c-headers.sh           rewrite both files
#   scripts/gen-c-headers.sh --check   exit 1 (with a diff) if either differs
#
# Install the pinned cbindgen with
#   cargo install cbindgen --version =0.29.4 --locked
set -euo pipefail
cd "$(dirname "$0")/.."

CBINDGEN_VERSION=0.29.4
check=false
if [ "${1:-}" = "--check" ]; then check=true; fi

have=$(cbindgen --version 2>/dev/null | awk '{print $2}') || true
if [ "$have" != "$CBINDGEN_VERSION" ]; then
  echo "gen-c-headers: need cbindgen $CBINDGEN_VERSION, found '${have:-none}'." >&2
  echo "  cargo install cbindgen --version =$CBINDGEN_VERSION --locked" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cbindgen --quiet --config dpa-ffi/cbindgen.toml --crate dpa-ffi --output "$tmp/dpa.h"

# The PHP header: the same declarations, preprocessed for PHP's FFI parser.
{
  echo '#define FFI_SCOPE "DPA"'
  echo '#define FFI_LIB "libdpa.so"'
  echo '/* Generated from include/dpa.h by scripts/gen-c-headers.sh; do not edit. */'
  grep -v '^#include' "$tmp/dpa.h" | cpp -P -std=c11 -undef -nostdinc -
} >"$tmp/dpa_php.h"

status=0
for pair in "dpa.h:include/dpa.h" "dpa_php.h:php/dpa_php.h"; do
  new="$tmp/${pair%%:*}"
  committed="${pair#*:}"
  if $check; then
    if ! diff -u "$committed" "$new" >"$tmp/diff" 2>&1; then
      echo "gen-c-headers: $committed is out of date; run scripts/gen-c-headers.sh" >&2
      head -n 60 "$tmp/diff" >&2
      status=1
    fi
  else
    mkdir -p "$(dirname "$committed")"
    cp "$new" "$committed"
    echo "wrote $committed"
  fi
done
exit $status
