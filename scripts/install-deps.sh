#!/usr/bin/env bash
# Installs everything Sightline needs on a fresh Debian 12 machine, and nothing twice.
# Every step names itself, so a failure (no registry, full disk) says where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
THIRD=$ROOT/third_party
STAMP_DIR=$ROOT/.deps
mkdir -p "$STAMP_DIR" "$THIRD"

step() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[31m[setup] FAILED at step: %s\033[0m\n' "$*" >&2; exit 1; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

# Debian packages: the toolchain, header-only libraries, the test browser, fonts.
APT_PACKAGES=(
  emscripten cmake ninja-build g++ clang lld libclang-rt-14-dev
  doctest-dev libglm-dev rapidjson-dev libfast-float-dev
  tcl xz-utils dpkg-dev sqlite3 python3
  unicode-data python3-six perl
  chromium fonts-inter fonts-jetbrains-mono
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get update"
  $SUDO apt-get update -qq || fail "apt-get update (is the Debian archive reachable?)"
  step "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]}"
fi

# Source packages (ImGui, SQLite) need a deb-src entry twin of the binary one.
ensure_deb_src() {
  local src=/etc/apt/sources.list.d/sightline-deb-src.sources
  [ -f "$src" ] && return 0
  step "adding deb-src entries ($src)"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | $SUDO tee "$src" >/dev/null \
    || fail "writing $src"
  $SUDO apt-get update -qq || fail "apt-get update (deb-src)"
}

fetch_source() { # package, glob of the orig tarball
  local pkg=$1 glob=$2 dir=$THIRD/downloads
  mkdir -p "$dir"
  if ! ls "$dir"/$glob >/dev/null 2>&1; then
    ensure_deb_src
    step "apt-get source --download-only $pkg"
    (cd "$dir" && apt-get source --download-only "$pkg" >/dev/null) || fail "apt-get source $pkg"
  fi
  ls "$dir"/$glob | head -n 1
}

# Dear ImGui 1.86 (Debian source package).
if [ ! -f "$THIRD/imgui/imgui.cpp" ]; then
  tarball=$(fetch_source imgui 'imgui_1.86*.orig.tar.*')
  step "unpacking $(basename "$tarball")"
  rm -rf "$THIRD/imgui" && mkdir -p "$THIRD/imgui"
  tar -xf "$tarball" -C "$THIRD/imgui" --strip-components=1 || fail "unpacking imgui"
fi

# SQLite amalgamation, made from Debian's sqlite3 3.40.1 source package.
if [ ! -f "$THIRD/sqlite/sqlite3.c" ]; then
  tarball=$(fetch_source sqlite3 'sqlite3_3.40*.orig.tar.*')
  step "building the SQLite amalgamation from $(basename "$tarball")"
  work=$(mktemp -d)
  tar -xf "$tarball" -C "$work" --strip-components=1 || fail "unpacking sqlite3"
  (cd "$work" && ./configure --disable-tcl >/dev/null && make sqlite3.c >/dev/null) || fail "making sqlite3.c"
  mkdir -p "$THIRD/sqlite"
  cp "$work/sqlite3.c" "$work/sqlite3.h" "$THIRD/sqlite/"
  rm -rf "$work"
fi

# RE2 20220601 (Debian's source package; this version needs no abseil). The user-agent parser's
# regex engine. Debian's orig tarball leaves out three generated tables; they are made here the way
# Debian's build does (REBUILD_TABLES), from the unicode-data package instead of unicode.org.
if [ ! -f "$THIRD/re2/re2/unicode_groups.cc" ]; then
  tarball=$(fetch_source re2 're2_20220601*.orig.tar.*')
  step "unpacking $(basename "$tarball") and generating its Unicode tables"
  rm -rf "$THIRD/re2" && mkdir -p "$THIRD/re2"
  tar -xf "$tarball" -C "$THIRD/re2" --strip-components=1 || fail "unpacking re2"
  (cd "$THIRD/re2" \
    && sed -i 's|^_UNICODE_DIR = .*|_UNICODE_DIR = "/usr/share/unicode"|' re2/unicode.py \
    && perl re2/make_perl_groups.pl > re2/perl_groups.cc \
    && /usr/bin/python3 re2/make_unicode_casefold.py > re2/unicode_casefold.cc \
    && /usr/bin/python3 re2/make_unicode_groups.py > re2/unicode_groups.cc) \
    || { rm -f "$THIRD/re2/re2/unicode_groups.cc"; fail "generating re2's tables"; }
fi

# npm packages for the browser tests, pinned by package-lock.json.
if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ]; then
  step "npm ci (tests/browser)"
  (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tests/browser"
fi
# The map's country outlines (npm world-atlas), a build input, pinned by package-lock.json.
if [ ! -f "$ROOT/tools/map/node_modules/world-atlas/countries-110m.json" ]; then
  step "npm ci (tools/map)"
  (cd "$ROOT/tools/map" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tools/map"
fi
# The offline IP location data (npm @ip-location-db/*), a build input, pinned by package-lock.json.
if [ ! -f "$ROOT/tools/geo/node_modules/@ip-location-db/asn/asn-ipv4-num.csv" ] ||
   [ ! -f "$ROOT/tools/geo/node_modules/@ip-location-db/geo-whois-asn-country/geo-whois-asn-country-ipv4-num.csv" ]; then
  step "npm ci (tools/geo)"
  (cd "$ROOT/tools/geo" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tools/geo"
fi
# The user-agent parser's data (npm uap-core's regexes, caniuse-lite's release dates), build
# inputs converted by tools/user_agents/make_user_agent_tables.mjs, pinned by package-lock.json.
if [ ! -f "$ROOT/tools/user_agents/node_modules/uap-core/regexes.yaml" ] \
   || [ ! -d "$ROOT/tools/user_agents/node_modules/js-yaml" ]; then
  step "npm ci (tools/user_agents)"
  (cd "$ROOT/tools/user_agents" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tools/user_agents"
fi
step "dependencies ready"
