#!/usr/bin/env bash
# The published schemas, checked by the tools other projects use (run by .ci/run):
#   Ajv 2020 (strict, ajv-formats) compiles report.schema.json, accepts the valid documents and
#   refuses the broken ones; json-schema-to-typescript declares the types and tsc type-checks a
#   reader of them (and refuses a misspelt one); xmllint validates the XML form against the XSDs.
# The pydantic consumer (datamodel-code-generator) runs in the test suite: tests/schema/.
# Needs: node/npm, the project's .venv, xmllint (Debian libxml2-utils; installed if missing).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=../..
SCHEMA=$ROOT/schemas/report.schema.json

echo "+ npm ci (tools/consumers)"
npm ci --no-audit --no-fund --loglevel=error

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$ROOT/.venv/bin/python" documents.py "$work"

echo "+ ajv (strict)"
node ajv-check.mjs "$SCHEMA" "$work/valid" "$work/invalid" "$work/mutated.jsonl"

echo "+ json-schema-to-typescript, tsc --noEmit"
mkdir -p generated
node to-typescript.mjs "$SCHEMA" generated/report.d.ts
npx --no-install tsc -p tsconfig.json
if out=$(npx --no-install tsc --noEmit --strict --skipLibCheck must-not-compile.ts \
    generated/report.d.ts 2>&1); then
  echo "tsc accepted must-not-compile.ts: the generated types do not type the cells" >&2
  exit 1
fi
for code in TS2551 TS2322; do
  grep -q "$code" <<<"$out" || { echo "tsc did not report $code:" >&2; echo "$out" >&2; exit 1; }
done
echo "tsc: reads-a-report.ts type-checks; must-not-compile.ts is refused (TS2551, TS2322)"

echo "+ xmllint --schema"
if ! command -v xmllint >/dev/null; then
  apt-get update -qq && apt-get install -y -qq libxml2-utils >/dev/null
fi
for dir in "$work"/xml/*/; do
  version=$(basename "$dir")
  xmllint --noout --nonet --schema "$ROOT/schemas/gi-report-$version.xsd" "$dir"*.xml 2>&1 \
    | { grep -v ' validates$' || true; } | { if grep .; then exit 1; fi; }
  echo "xmllint: $(ls "$dir" | wc -l) documents of template $version validate"
done
for file in "$work"/xml-invalid/*/*.xml; do
  version=$(basename "$(dirname "$file")")
  if xmllint --noout --nonet --schema "$ROOT/schemas/gi-report-$version.xsd" "$file" \
      2>/dev/null; then
    echo "xmllint accepted the broken $file" >&2
    exit 1
  fi
done
echo "xmllint: $(ls "$work"/xml-invalid/*/*.xml | wc -l) broken documents refused"
