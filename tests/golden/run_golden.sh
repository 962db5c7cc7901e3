#!/usr/bin/env bash
# Golden-file tests of the importers through the CLI: each tests/golden/<case>/input/ is imported
# with `sightline-cli import ... --jsonl`, and the report and rows are compared with
# expected-report.json and expected.jsonl. Usage: run_golden.sh CLI_PATH [--update]
# (--update rewrites the expected files; review them by eye before accepting them.)
set -u
cli="${1:?usage: run_golden.sh CLI_PATH [--update]}"
update="${2:-}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
for case_dir in "$here"/*/; do
    name="$(basename "$case_dir")"
    [ -d "$case_dir/input" ] || continue
    mapfile -t inputs < <(find "$case_dir/input" -type f | LC_ALL=C sort)
    "$cli" import "${inputs[@]}" --jsonl "$work/$name.jsonl" > "$work/$name-report.json"
    status=$?
    if [ $status -gt 1 ]; then echo "FAIL $name: sightline-cli exited with $status"; failed=1; continue; fi
    if [ "$update" = "--update" ]; then
        cp "$work/$name.jsonl" "$case_dir/expected.jsonl"
        cp "$work/$name-report.json" "$case_dir/expected-report.json"
        echo "updated $name"
        continue
    fi
    if diff -u "$case_dir/expected-report.json" "$work/$name-report.json" &&
       diff -u "$case_dir/expected.jsonl" "$work/$name.jsonl"; then
        echo "ok   $name"
    else
        echo "FAIL $name"
        failed=1
    fi
done
exit $failed
