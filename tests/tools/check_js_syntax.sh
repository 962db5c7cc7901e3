#!/usr/bin/env bash
# Every JavaScript file of the project parses (node --check): the bench, the browser tests and
# the page's scripts are not compiled by the build, so a bad merge of one of them (a bench that
# declared `browserOps` four times once went unnoticed for a day) would otherwise surface only
# when someone runs it.
set -euo pipefail
root="$1"
failed=0
checked=0
while IFS= read -r -d '' file; do
  checked=$((checked + 1))
  node --check "$file" || { echo "does not parse: ${file#"$root"/}"; failed=1; }
done < <(find "$root/bench" "$root/shell" "$root/wasm" "$root/tests/browser" "$root/tools" \
  -path '*/node_modules' -prune -o \( -name '*.js' -o -name '*.mjs' \) -type f -print0)
[ "$checked" -gt 0 ] || { echo "no JavaScript files found under $root"; exit 1; }
echo "$checked JavaScript files parse"
exit "$failed"
