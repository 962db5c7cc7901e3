#!/usr/bin/env bash
# Golden-file tests of the import path through the CLI: each tests/golden/<case>/input/ is imported
# with `sightline-cli import ... --jsonl`, twice: on one thread, and through the parse worker's
# protocol (--via-worker-protocol: the worker's code encodes, the import session replays, as in the
# page), and both reports and rows are compared with expected-report.json and expected.jsonl.
# Usage: run_golden.sh CLI_PATH [--update]
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
    for way in "" --via-worker-protocol; do
        label="$name${way:+ $way}"
        "$cli" import "${inputs[@]}" --jsonl "$work/$name.jsonl" $way > "$work/$name-report.json"
        status=$?
        if [ $status -gt 1 ]; then echo "FAIL $label: sightline-cli exited with $status"; failed=1; continue; fi
        if [ "$update" = "--update" ]; then
            [ -z "$way" ] || continue # one expectation for both ways
            cp "$work/$name.jsonl" "$case_dir/expected.jsonl"
            cp "$work/$name-report.json" "$case_dir/expected-report.json"
            echo "updated $name"
            continue
        fi
        if diff -u "$case_dir/expected-report.json" "$work/$name-report.json" &&
           diff -u "$case_dir/expected.jsonl" "$work/$name.jsonl"; then
            echo "ok   $label"
        else
            echo "FAIL $label"
            failed=1
        fi
    done
done
exit $failed
