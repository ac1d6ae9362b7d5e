#!/usr/bin/env bash
# Compiles the agreement format's JSON Schema (`dpa schema`) with ajv in
# strict mode (strict types, tuples and required too, and any warning a
# failure), with ajv-formats asserting formats, and validates the example
# agreements against it: valid as they are, invalid with 29 February of a
# common year (a format check) or a time zone in the wrong case. Installs
# Debian's nodejs and npm when node is missing, and ajv from the npm
# registry into a temporary folder. Called by scripts/test.sh; see README
# "The file format".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

AJV_VERSION=8.20.0
AJV_FORMATS_VERSION=3.0.1

# apt_install
. scripts/lib.sh
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
node --version

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund --no-save \
  "ajv@$AJV_VERSION" "ajv-formats@$AJV_FORMATS_VERSION" >/dev/null)

cargo run --quiet --locked -p dpa-cli -- schema >"$work/schema.json"
for f in examples/agreements/*.toml; do
  python3 -c 'import json, sys, tomllib
print(json.dumps(tomllib.load(open(sys.argv[1], "rb")), default=str))' "$f" \
    >"$work/$(basename "$f" .toml).json"
done

cat >"$work/check.js" <<'JS'
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");
const fs = require("fs");
const path = require("path");
const [dir, ...examples] = process.argv.slice(2);
const warnings = [];
const logger = {
  log() {},
  warn: (...a) => warnings.push(a.join(" ")),
  error: (...a) => warnings.push(a.join(" ")),
};
const ajv = new Ajv2020({
  strict: true, strictTypes: true, strictTuples: true, strictRequired: true,
  allErrors: true, logger,
});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(dir, "schema.json"), "utf8")));
if (warnings.length) throw new Error("ajv strict mode warns:\n" + warnings.join("\n"));
let failed = 0;
const expect = (name, doc, valid) => {
  const ok = validate(doc);
  if (ok !== valid) {
    failed++;
    console.log(`FAILED: ${name}: expected ${valid ? "valid" : "invalid"}`, validate.errors);
  }
};
for (const e of examples) {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, e + ".json"), "utf8"));
  expect(e, doc, true);
  expect(e + " on 2026-02-29", { ...doc, statement: { ...doc.statement, effective_date: "2026-02-29" } }, false);
  expect(e + " in europe/amsterdam", { ...doc, rules: { ...doc.rules, time_zone: "europe/amsterdam" } }, false);
}
console.log(`ajv ${require("ajv/package.json").version}, strict mode, formats asserted`);
console.log(`ajv: ${examples.length * 3 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
JS
names=()
for f in examples/agreements/*.toml; do names+=("$(basename "$f" .toml)"); done
(cd "$work" && NODE_PATH="$work/node_modules" node check.js "$work" "${names[@]}")
