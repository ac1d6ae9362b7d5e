#!/usr/bin/env bash
# Builds libdpa (release) and installs the C library:
#
#   $PREFIX/lib/libdpa.so            shared library (C, PHP FFI)
#   $PREFIX/lib/libdpa.a             static library
#   $PREFIX/include/dpa.h            the header
#   $PREFIX/lib/pkgconfig/dpa.pc     for `pkg-config --cflags --libs dpa`
#
# Usage:
#   PREFIX=/usr/local scripts/install-c.sh        (PREFIX defaults to /usr/local)
#   PREFIX=/usr DESTDIR=/tmp/pkg scripts/install-c.sh   (staged, for packaging)
#
# LIBDIR and INCLUDEDIR override the two directories; STRIP=0 keeps the
# debug information (by default it is stripped: the release build carries
# line tables, ~28 MB). After installing into a system directory run
# `ldconfig`; with another prefix, point PKG_CONFIG_PATH at
# $PREFIX/lib/pkgconfig and the loader at $PREFIX/lib (LD_LIBRARY_PATH or
# -Wl,-rpath).
set -euo pipefail
cd "$(dirname "$0")/.."

PREFIX=${PREFIX:-/usr/local}
LIBDIR=${LIBDIR:-$PREFIX/lib}
INCLUDEDIR=${INCLUDEDIR:-$PREFIX/include}
DESTDIR=${DESTDIR:-}
STRIP=${STRIP:-1}
target_dir=${CARGO_TARGET_DIR:-target}

echo "== building libdpa (release)"
cargo build --release --locked -p dpa-ffi

# The version the header states (a test keeps it equal to Cargo.toml's).
version=$(sed -n 's/^#define DPA_VERSION_[A-Z]* //p' include/dpa.h | paste -sd. -)

echo "== installing libdpa $version into ${DESTDIR}${PREFIX}"
install -d "$DESTDIR$LIBDIR/pkgconfig" "$DESTDIR$INCLUDEDIR"
install -m 0755 "$target_dir/release/libdpa.so" "$DESTDIR$LIBDIR/libdpa.so"
install -m 0644 "$target_dir/release/libdpa.a" "$DESTDIR$LIBDIR/libdpa.a"
install -m 0644 include/dpa.h "$DESTDIR$INCLUDEDIR/dpa.h"
if [ "$STRIP" != 0 ] && command -v strip >/dev/null; then
  strip --strip-debug "$DESTDIR$LIBDIR/libdpa.so" "$DESTDIR$LIBDIR/libdpa.a"
fi
sed -e "s|@PREFIX@|$PREFIX|" -e "s|@LIBDIR@|$LIBDIR|" -e "s|@INCLUDEDIR@|$INCLUDEDIR|" \
  -e "s|@VERSION@|$version|" dpa-ffi/dpa.pc.in >"$DESTDIR$LIBDIR/pkgconfig/dpa.pc"
chmod 0644 "$DESTDIR$LIBDIR/pkgconfig/dpa.pc"

echo "installed:"
for f in "$LIBDIR/libdpa.so" "$LIBDIR/libdpa.a" "$INCLUDEDIR/dpa.h" "$LIBDIR/pkgconfig/dpa.pc"; do
  echo "  $DESTDIR$f"
done
