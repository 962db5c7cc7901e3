#!/usr/bin/env bash
# Builds the importer fuzzer with clang++ (libFuzzer + AddressSanitizer) straight from the
# sources and the SQLite amalgamation, then runs it for SECONDS (default 60) seeded with the
# import fixtures. Usage: tests/fuzz/run_fuzz.sh [SECONDS]
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${SIGHTLINE_FUZZ_DIR:-$root/build/fuzz}"
mkdir -p "$out/corpus"
if [ ! -f "$out/sqlite3.o" ]; then
    clang -O2 -w -c "$root/third_party/sqlite/sqlite3.c" -o "$out/sqlite3.o" \
        -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_DQS=0 \
        -DSQLITE_OMIT_DEPRECATED -DSQLITE_OMIT_SHARED_CACHE -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_MATH_FUNCTIONS
fi
# RE2, the user-agent parser's engine, with the sources the CMake build lists (CMakeLists.txt).
if [ ! -f "$out/re2/done" ]; then
    mkdir -p "$out/re2"
    for f in bitstate compile dfa filtered_re2 mimics_pcre nfa onepass parse perl_groups prefilter \
             prefilter_tree prog re2 regexp set simplify stringpiece tostring unicode_casefold unicode_groups; do
        echo "$root/third_party/re2/re2/$f.cc"
    done | cat - <(echo "$root/third_party/re2/util/rune.cc"; echo "$root/third_party/re2/util/strutil.cc") \
        | xargs -P2 -I{} sh -c 'clang++ -std=c++17 -O2 -w -I"$1" -c "{}" -o "$2/$(basename "{}" .cc).o"' _ \
            "$root/third_party/re2" "$out/re2"
    touch "$out/re2/done"
fi
# The user-agent tables' generated header, as the CMake build writes it (cmake/UserAgentTables.cmake).
node "$root/tools/user_agents/make_user_agent_tables.mjs" "$root/assets/tables" "$out/generated/enrich/user_agent_tables.inc" >/dev/null
# The policy templates' generated header, as the CMake build writes it (cmake/PolicyTemplates.cmake).
cmake -DTEMPLATE_DIR="$root/assets/policy_templates" -DOUT="$out/generated/app/policy_templates.inc" \
    -P "$root/cmake/write_policy_templates.cmake"
# The same sources CMake globs into the core, compiled two at a time (the machine is shared).
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
       -fno-sanitize=pointer-overflow # rapidjson's Stack offsets a null pointer (harmless, upstream)
       -DRAPIDJSON_HAS_STDSTRING=1 -I"$root/src" -I"$out/generated" -isystem "$root/third_party/sqlite"
       -isystem "$root/third_party/re2")
mkdir -p "$out/obj"
rm -f "$out"/obj/*.o
find "$root/src" -name '*.cpp' -print0 | xargs -0 -P2 -I{} sh -c \
    'clang++ "$@" -c "{}" -o "'"$out"'/obj/$(echo "{}" | md5sum | cut -c1-12).o"' _ "${flags[@]}"
clang++ "${flags[@]}" -fsanitize=fuzzer "$root/tests/fuzz/import_fuzzer.cpp" "$out"/obj/*.o "$out/sqlite3.o" "$out"/re2/*.o -lpthread \
    -o "$out/import_fuzzer"
cp -n "$root"/tests/fixtures/import/* "$out/corpus/" 2>/dev/null || true
"$out/import_fuzzer" "$out/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/"
