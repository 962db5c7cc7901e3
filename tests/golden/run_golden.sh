#!/usr/bin/env bash
# Golden-file tests through the CLI.
# - Importers: each tests/golden/<case>/input/ is imported with `sightline-cli import ... --jsonl`,
#   twice: on one thread, and through the parse worker's protocol (--via-worker-protocol: the
#   worker's code encodes, the import session replays, as in the page), and both reports and
#   rows are compared with expected-report.json and expected.jsonl.
# - The automation API: each <case>/calls.jsonl is answered with `sightline-cli api` over the
#   case's inputs (the files named in inputs.txt, relative to tests/golden/, or its input/), once
#   from SQL and once from the column copy (--columns), and both are compared with
#   expected-answers.jsonl. check_api_answers.py checks that file against a second implementation.
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
for case_dir in "$here"/*/; do
    name="$(basename "$case_dir")"
    [ -f "$case_dir/calls.jsonl" ] || continue
    if [ -f "$case_dir/inputs.txt" ]; then
        mapfile -t inputs < <(grep -v '^$' "$case_dir/inputs.txt" | sed "s|^|$here/|")
    else
        mapfile -t inputs < <(find "$case_dir/input" -type f | LC_ALL=C sort)
    fi
    for path in sql columns; do
        flag=(); [ "$path" = columns ] && flag=(--columns)
        if ! "$cli" api "${inputs[@]}" --calls "$case_dir/calls.jsonl" "${flag[@]}" > "$work/$name-$path.jsonl"; then
            echo "FAIL $name ($path): sightline-cli api failed"; failed=1; continue
        fi
        if [ "$update" = "--update" ]; then
            [ "$path" = sql ] && cp "$work/$name-$path.jsonl" "$case_dir/expected-answers.jsonl" && echo "updated $name answers"
            continue
        fi
        if diff -u "$case_dir/expected-answers.jsonl" "$work/$name-$path.jsonl"; then
            echo "ok   $name (answers from $path)"
        else
            echo "FAIL $name (answers from $path)"
            failed=1
        fi
    done
done
exit $failed
