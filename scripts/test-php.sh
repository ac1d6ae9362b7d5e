#!/usr/bin/env bash
# Tests the PHP wrapper of libdpa, the Composer package dpa-rs/dpa
# (composer.json at the root, classes in php/src, tests in php/tests). On a
# fresh machine it installs Debian's php8.2-cli (with FFI), composer and
# phpunit with apt-get when they are missing; it builds libdpa (release) and
# the dpa command with cargo. Then:
#
#   - composer validate --strict, and composer install, offline: the package
#     requires only PHP and ext-ffi, so nothing is fetched (no Packagist
#     here); it writes vendor/autoload.php (PSR-4, Dpa\ => php/src/);
#   - PHPUnit on php/tests (phpunit.xml.dist), Debian's phpunit binary;
#   - a project that installs the package as a PHP user does (composer
#     install from a path repository, Packagist off) and calls it through its
#     own vendor/autoload.php, with the library from DPA_LIB and from
#     Dpa\Library::load();
#   - the examples: deadlines.php, and cli.php's JSON compared byte for byte
#     with the dpa command's for check, transfers, diff, deadlines and every
#     deadline kind;
#   - the PHP examples of README.md and docs/c-and-php.md;
#   - the PHP benchmark in smoke mode.
#
# Called by scripts/test.sh; see docs/c-and-php.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

target_dir=${CARGO_TARGET_DIR:-target}
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
lib_dir="$target_dir/release"
dpa="$target_dir/debug/dpa"

# step, has, fail, apt_install, extract
. scripts/lib.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "tools: php with FFI, composer, phpunit (Debian's packages)"
missing=()
command -v php >/dev/null || missing+=(php8.2-cli)
command -v composer >/dev/null || missing+=(composer)
command -v phpunit >/dev/null || missing+=(phpunit)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
php --version | sed -n 1p
php -r 'exit(extension_loaded("ffi") ? 0 : 1);' || fail "PHP has no FFI extension (php8.2-cli ships it; check php -m)"
# Composer runs as root in CI; its home (cache, config) is this run's own,
# and it must not reach the network: everything it needs is here.
export COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_HOME="$work/composer-home" COMPOSER_DISABLE_NETWORK=1
composer --version
phpunit --version

step "build libdpa (release) and the dpa command"
cargo build --release --locked -p dpa-ffi
cargo build --locked -p dpa-cli
ls -l "$lib_dir/libdpa.so" "$dpa"
export DPA_LIB="$lib_dir/libdpa.so" DPA_BIN="$dpa"
php=(php -d ffi.enable=1)

step "composer validate --strict; composer install (offline: the autoloader)"
composer validate --strict --no-check-lock
# A library commits no composer.lock (.gitignore): install resolves afresh.
rm -f composer.lock
composer install --no-interaction --no-progress
[ -f vendor/autoload.php ] || fail "composer install wrote no vendor/autoload.php"

step "PHPUnit (php/tests, phpunit.xml.dist)"
"${php[@]}" "$(command -v phpunit)" --configuration phpunit.xml.dist --fail-on-skipped --fail-on-incomplete

step "a project that requires the package through Composer"
app="$work/app"
mkdir -p "$app"
# A path repository, as for a package from a local clone; a VCS repository
# (the git URL) or Packagist reads the same composer.json. symlink: never a
# copy of the clone (and of its target/).
cat >"$app/composer.json" <<JSON
{
    "name": "example/app",
    "type": "project",
    "minimum-stability": "dev",
    "repositories": [
        {"type": "path", "url": "$root", "options": {"symlink": true}},
        {"packagist.org": false}
    ],
    "require": {"dpa-rs/dpa": "*"}
}
JSON
cat >"$app/app.php" <<'PHP'
<?php
declare(strict_types=1);
require __DIR__ . '/vendor/autoload.php';
if (isset($argv[2])) {
    Dpa\Library::load($argv[2]);
}
echo Dpa\Agreement::fromFile($argv[1])->deletionDeadline('2026-11-30')['due'], ' ', Dpa\Library::path(), "\n";
PHP
(cd "$app" && composer install --no-interaction --no-progress)
[ -L "$app/vendor/dpa-rs/dpa" ] || fail "the package is not linked into vendor/"
belco="$root/examples/agreements/belco.toml"
lib=$(realpath "$DPA_LIB")
[ "$(cd "$app" && "${php[@]}" app.php "$belco")" = "2027-02-28 $lib" ] ||
  fail "the project's script (DPA_LIB)"
[ "$(cd "$app" && env -u DPA_LIB "${php[@]}" app.php "$belco" "$lib")" = "2027-02-28 $lib" ] ||
  fail "the project's script (Dpa\\Library::load)"
echo "ok: composer install in a project, and the library from DPA_LIB and from Library::load()"

step "examples: deadlines.php, and cli.php with the same answers as the dpa command"
"${php[@]}" examples/php/deadlines.php | tee "$work/php-deadlines.out"
grep -q 'by 2027-02-28 (DPS 1.11, clause 2.6.3)' "$work/php-deadlines.out" || fail "PHP example: Belco deletion"
at=2026-11-23
for f in examples/agreements/belco.toml examples/agreements/alles-online.toml; do
  "$dpa" check "$f" --at "$at" --format json >"$work/cli.json" || [ $? -eq 1 ]
  "${php[@]}" examples/php/cli.php check "$f" --at "$at" >"$work/php.json"
  cmp "$work/cli.json" "$work/php.json" || fail "check JSON differs for $f"
  for kind_from in deletion:2026-11-30 backup-deletion:2026-11-30 \
    breach-notice:2026-03-28T10:30:00+01:00 authority-notice:2026-03-28T10:30:00+01:00 \
    next-audit:2026-01-31 audit-notice:2026-05-01 termination-window:2026-05-01; do
    kind=${kind_from%%:*}
    from=${kind_from#*:}
    "$dpa" deadline "$kind" "$f" --from "$from" --format json >"$work/cli.json"
    "${php[@]}" examples/php/cli.php deadline "$kind" "$f" --from "$from" >"$work/php.json"
    cmp "$work/cli.json" "$work/php.json" || fail "deadline $kind JSON differs for $f"
    # The struct path and the batch path give the due the command prints.
    cli_due=$("$dpa" deadline "$kind" "$f" --from "$from" | awk 'NR == 1 {print $1}')
    php_due=$("${php[@]}" examples/php/cli.php due "$kind" "$f" --from "$from")
    php_many=$("${php[@]}" examples/php/cli.php due-many "$kind" "$f" "$from" "$from" | sort -u)
    [ "$cli_due" = "$php_due" ] || fail "$kind due: dpa says $cli_due, PHP struct path $php_due"
    [ "$cli_due" = "$php_many" ] || fail "$kind due: dpa says $cli_due, PHP batch $php_many"
  done
  "$dpa" transfers "$f" --on "$at" --format json >"$work/cli.json" || [ $? -eq 1 ]
  "${php[@]}" examples/php/cli.php transfers "$f" --on "$at" >"$work/php.json"
  cmp "$work/cli.json" "$work/php.json" || fail "transfers JSON differs for $f"
  echo "ok: $f (check, transfers and 7 deadline kinds, JSON byte for byte)"
done
old=examples/agreements/belco-1.2.2.toml
new=examples/agreements/belco.toml
"$dpa" diff "$old" "$new" --format json >"$work/cli.json"
"${php[@]}" examples/php/cli.php diff "$old" "$new" >"$work/php.json"
cmp "$work/cli.json" "$work/php.json" || fail "diff JSON differs"
"$dpa" diff "$old" "$new" --notified 2022-03-01 --format json >"$work/cli.json"
"${php[@]}" examples/php/cli.php diff "$old" "$new" --notified 2022-03-01 >"$work/php.json"
cmp "$work/cli.json" "$work/php.json" || fail "diff JSON (--notified) differs"
echo "ok: diff JSON byte for byte"
"$dpa" deadlines examples/agreements/belco.toml --events examples/events/belco-2027.toml --at 2027-03-01 \
  --format json >"$work/cli.json" || [ $? -eq 1 ]
"${php[@]}" examples/php/cli.php deadlines examples/agreements/belco.toml \
  --events examples/events/belco-2027.toml --at 2027-03-01 >"$work/php.json"
cmp "$work/cli.json" "$work/php.json" || fail "timeline JSON differs"
echo "ok: timeline JSON byte for byte"

step "the PHP examples in README.md and docs/c-and-php.md run"
# The first ```php block after each file's PHP heading.
for doc in "README.md:## Using dpa from C and PHP" "docs/c-and-php.md:## PHP"; do
  file=${doc%%:*}
  heading=${doc#*:}
  extract "$file" "$heading" php >"$work/doc.php"
  [ -s "$work/doc.php" ] || fail "no PHP example in $file"
  has "$("${php[@]}" "$work/doc.php")" '^2027-02-28$' || fail "the PHP example of $file"
done
echo "ok"

step "benchmarks, smoke mode (benches/php: each case once, no timing)"
DPA_BENCH_SMOKE=1 "${php[@]}" benches/php/bench_ffi.php examples/agreements/belco.toml >/dev/null
echo "ok"

step "PHP tests passed"
