#!/usr/bin/env bash
# Tests the C library (libdpa, crate dpa-ffi) and its C clients: header
# drift (include/dpa.h and the PHP header php/dpa_php.h), source rules,
# exported symbols, the Rust ABI tests, the C examples (plain, under
# valgrind, with ASan+UBSan), and the install with pkg-config from a
# temporary prefix. On a fresh machine it installs the pinned cbindgen and,
# when missing, Debian's pkg-config (gcc and valgrind are expected). The PHP
# wrapper's tests are scripts/test-php.sh. Called by scripts/test.sh; see
# docs/c-and-php.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

CBINDGEN_VERSION=0.29.4
CFLAGS_STRICT=(-std=c11 -Wall -Wextra -Werror -pedantic)
target_dir=${CARGO_TARGET_DIR:-target}
lib_dir="$root/$target_dir/release"
case "$target_dir" in /*) lib_dir="$target_dir/release" ;; esac

# step, has, fail, apt_install, extract
. scripts/lib.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "tools: cbindgen $CBINDGEN_VERSION, gcc, valgrind, pkg-config"
if [ "$(cbindgen --version 2>/dev/null | awk '{print $2}')" != "$CBINDGEN_VERSION" ]; then
  cargo install cbindgen --version "=$CBINDGEN_VERSION" --locked --force
fi
cbindgen --version
gcc --version | sed -n 1p
valgrind --version
command -v pkg-config >/dev/null || apt_install pkg-config
pkg-config --version

step "build libdpa (release)"
cargo build --release --locked -p dpa-ffi
ls -l "$lib_dir/libdpa.so" "$lib_dir/libdpa.a"

step "headers: include/dpa.h and php/dpa_php.h match a fresh generation"
scripts/gen-c-headers.sh --check

step "source rules: no unwrap()/expect( in dpa-ffi/src, SAFETY comments, unsafe_op_in_unsafe_fn"
if grep -rn --include='*.rs' -e '\.unwrap()' -e '\.expect(' dpa-ffi/src; then
  fail "unwrap()/expect( in dpa-ffi/src"
fi
grep -q '#!\[deny(unsafe_op_in_unsafe_fn)\]' dpa-ffi/src/lib.rs || fail "lib.rs lacks #![deny(unsafe_op_in_unsafe_fn)]"
unsafe_blocks=$(grep -rn --include='*.rs' -E 'unsafe \{' dpa-ffi/src | grep -vcE '^[^:]+:[0-9]+:\s*//' || true)
safety=$(grep -rn --include='*.rs' '// SAFETY:' dpa-ffi/src | wc -l)
echo "unsafe blocks: $unsafe_blocks, SAFETY comments: $safety"
[ "$safety" -ge "$unsafe_blocks" ] || fail "fewer SAFETY comments than unsafe blocks"

step "exported symbols: only dpa_*, and exactly the functions dpa.h declares"
nm -D --defined-only "$lib_dir/libdpa.so" | awk '{print $3}' | sort >"$work/exported"
if grep -v '^dpa_' "$work/exported"; then fail "libdpa.so exports symbols outside dpa_*"; fi
grep -oE '\bdpa_[a-z0-9_]+\(' include/dpa.h | tr -d '(' | sort -u >"$work/declared"
diff -u "$work/declared" "$work/exported" || fail "dpa.h and libdpa.so disagree on the functions"
echo "$(wc -l <"$work/exported") functions"

step "Rust tests of the C ABI (dpa-ffi/tests) and clippy"
cargo test --locked -p dpa-ffi
cargo clippy --locked -p dpa-ffi --all-targets -- -D warnings

step "C examples: gcc ${CFLAGS_STRICT[*]} against include/dpa.h"
for prog in test_dpa deadlines; do
  gcc "${CFLAGS_STRICT[@]}" -O1 -g -Iinclude "examples/c/$prog.c" -L"$lib_dir" -ldpa -o "$work/$prog"
done
gcc "${CFLAGS_STRICT[@]}" -O2 -Iinclude benches/c/bench_ffi.c -L"$lib_dir" -ldpa -o "$work/bench_ffi"
export LD_LIBRARY_PATH="$lib_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
"$work/test_dpa" "$root"
"$work/deadlines" | tee "$work/deadlines.out"
grep -q 'deletion           by   2027-02-28' "$work/deadlines.out" || fail "deadlines: Belco deletion"
grep -q 'breach notice      by   2026-03-29T09:30:00Z' "$work/deadlines.out" || fail "deadlines: breach"
grep -q 'breach notice      none (no fixed term)' "$work/deadlines.out" || fail "deadlines: Alles Online breach"
"$work/deadlines" -t 2024-01-31 -b 2026-10-25T01:30:00+02:00 examples/agreements/belco.toml >/dev/null

step "C examples under valgrind (memcheck, leaks are errors)"
vg=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite,possible --error-exitcode=1
  --suppressions=examples/c/valgrind.supp)
"${vg[@]}" "$work/test_dpa" "$root"
"${vg[@]}" "$work/deadlines" >/dev/null

step "C examples with -fsanitize=address,undefined"
for prog in test_dpa deadlines; do
  gcc "${CFLAGS_STRICT[@]}" -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
    -fno-sanitize-recover=all -Iinclude "examples/c/$prog.c" -L"$lib_dir" -ldpa -o "$work/$prog-san"
done
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 "$work/test_dpa-san" "$root"
ASAN_OPTIONS=detect_leaks=1 "$work/deadlines-san" >/dev/null

step "install into a temporary prefix; build with pkg-config (shared and static)"
prefix="$work/prefix"
PREFIX="$prefix" scripts/install-c.sh
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
[ "$(pkg-config --modversion dpa)" = "$(sed -n 's/^#define DPA_VERSION_[A-Z]* //p' include/dpa.h | paste -sd. -)" ] ||
  fail "dpa.pc version"
(cd "$work" && cc -std=c11 "$root/examples/c/deadlines.c" $(pkg-config --cflags --libs dpa) -o app)
has "$(LD_LIBRARY_PATH="$prefix/lib" "$work/app")" '2027-02-28' || fail "app built with pkg-config"
(cd "$work" && cc -std=c11 "$root/examples/c/deadlines.c" $(pkg-config --cflags dpa) \
  "$(pkg-config --variable=libdir dpa)/libdpa.a" $(pkg-config --static --libs-only-l dpa | sed 's/-ldpa//') \
  -o app-static)
if has "$(ldd "$work/app-static")" libdpa; then fail "static app links libdpa.so"; fi
has "$("$work/app-static")" '2027-02-28' || fail "static app"
echo "ok: shared and static builds from $prefix"
unset PKG_CONFIG_PATH

step "the C examples in README.md and docs/c-and-php.md compile and run"
# The first ```c block after each file's C heading.
for doc in "README.md:## Using dpa from C and PHP" "docs/c-and-php.md:## C in fifteen lines"; do
  file=${doc%%:*}
  heading=${doc#*:}
  extract "$file" "$heading" c >"$work/doc.c"
  [ -s "$work/doc.c" ] || fail "no C example in $file"
  gcc "${CFLAGS_STRICT[@]}" -Iinclude "$work/doc.c" -L"$lib_dir" -ldpa -o "$work/doc-c"
  [ "$("$work/doc-c")" = "delete by 2027-02-28" ] || fail "the C example of $file"
done
echo "ok"

step "benchmarks, smoke mode (benches/c: each case once, no timing)"
DPA_BENCH_SMOKE=1 "$work/bench_ffi" examples/agreements/belco.toml >/dev/null
echo "ok"

step "C tests passed"
