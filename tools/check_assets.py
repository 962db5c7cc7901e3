#!/usr/bin/env python3
"""Validates the data under assets/ (the ctest `assets`): the tables' columns, types, ranges,
unique keys and dates, and the policy templates' shape, with every field they name in the
canonical field list (src/model/field_table.h). Given sightline-cli, each template's
filter is also parsed by the core itself (an answer that is not an error).
Usage: check_assets.py REPO_ROOT [SIGHTLINE_CLI]; prints each problem, exit 1 if any.
"""
import csv
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
CLI = sys.argv[2] if len(sys.argv) > 2 else None
ASSETS = os.path.join(ROOT, "assets")
problems = []


def problem(where, message):
    problems.append(f"{os.path.relpath(where, ROOT)}: {message}")


def canonical_fields():
    """The field names of the one field table, src/model/field_table.h (X(member, "name", ...))."""
    path = os.path.join(ROOT, "src", "model", "field_table.h")
    text = open(path, encoding="utf-8").read()
    names = re.findall(r'\bX\(\s*[a-z_]+\s*,\s*"([a-z_]+)"\s*,', text)
    if len(names) < 20:
        sys.exit(f"check_assets.py: read only {len(names)} fields from {path}; update canonical_fields()")
    return set(names)


def read_table(name, header):
    path = os.path.join(ASSETS, "tables", name)
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != header:
        problem(path, f"the header must be {','.join(header)}")
        return path, []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            problem(path, f"line {n} has {len(row)} cells, not {len(header)}")
    return path, [dict(zip(header, r), line=n) for n, r in enumerate(rows[1:], start=2) if len(r) == len(header)]


def check_os_support_dates():
    path, rows = read_table("os_support_dates.csv", ["os", "version", "end_of_support", "basis", "source"])
    seen = set()
    for r in rows:
        where = f"line {r['line']}"
        if r["os"] not in ("Windows", "macOS", "Android", "iOS"):
            problem(path, f"{where}: os {r['os']!r} is not Windows, macOS, Android or iOS")
        if not re.fullmatch(r"[0-9A-Za-z.]+", r["version"]):
            problem(path, f"{where}: version {r['version']!r}")
        if (r["os"], r["version"]) in seen:
            problem(path, f"{where}: {r['os']} {r['version']} is listed twice")
        seen.add((r["os"], r["version"]))
        try:
            day = datetime.date.fromisoformat(r["end_of_support"])
            if not datetime.date(2000, 1, 1) <= day <= datetime.date(2040, 12, 31):
                problem(path, f"{where}: {day} is out of range")
        except ValueError:
            problem(path, f"{where}: end_of_support {r['end_of_support']!r} is not YYYY-MM-DD")
        if not r["basis"].strip():
            problem(path, f"{where}: no basis")
        if not r["source"].startswith("https://"):
            problem(path, f"{where}: the source must be a vendor page (https://...)")
    for os_name in ("Windows", "macOS", "Android", "iOS"):
        if not any(r["os"] == os_name for r in rows):
            problem(path, f"no {os_name} row")
    for version in ("7", "8", "8.1", "10"):
        if ("Windows", version) not in seen:
            problem(path, f"no row for Windows {version}")


def check_browser_release_sources():
    path, rows = read_table("browser_release_sources.csv", ["family", "caniuse_agent", "end_of_support", "note"])
    families = set()
    for r in rows:
        where = f"line {r['line']}"
        if r["family"] in families:
            problem(path, f"{where}: {r['family']} is listed twice")
        families.add(r["family"])
        if not re.fullmatch(r"[a-z_]+", r["caniuse_agent"]):
            problem(path, f"{where}: caniuse_agent {r['caniuse_agent']!r} is not a caniuse-lite agent id")
        if r["end_of_support"]:
            try:
                datetime.date.fromisoformat(r["end_of_support"])
            except ValueError:
                problem(path, f"{where}: end_of_support {r['end_of_support']!r} is not YYYY-MM-DD or empty")
        if not r["note"].strip():
            problem(path, f"{where}: no note")
    for family in ("Chrome", "Edge", "Firefox", "Safari", "Mobile Safari", "IE"):
        if family not in families:
            problem(path, f"no row for {family}")


def check_native_clients():
    path, rows = read_table("native_clients.csv", ["match", "value", "what"])
    seen = set()
    for r in rows:
        where = f"line {r['line']}"
        if r["match"] not in ("family", "token"):
            problem(path, f"{where}: match {r['match']!r} is not family or token")
        if not r["value"].strip() or (r["match"], r["value"]) in seen:
            problem(path, f"{where}: value {r['value']!r} is empty or listed twice")
        seen.add((r["match"], r["value"]))
        if not r["what"].strip():
            problem(path, f"{where}: no description")


def check_country_centroids():
    path, rows = read_table("country_centroids.csv", ["code", "name", "latitude", "longitude"])
    codes = set()
    for r in rows:
        where = f"line {r['line']}"
        if not re.fullmatch(r"[A-Z]{2}", r["code"]):
            problem(path, f"{where}: code {r['code']!r} is not an ISO 3166-1 alpha-2 code")
        if r["code"] in codes:
            problem(path, f"{where}: {r['code']} is listed twice")
        codes.add(r["code"])
        if not r["name"].strip():
            problem(path, f"{where}: no name")
        for key, limit in (("latitude", 90), ("longitude", 180)):
            try:
                if not -limit <= float(r[key]) <= limit:
                    problem(path, f"{where}: {key} {r[key]} is out of range")
            except ValueError:
                problem(path, f"{where}: {key} {r[key]!r} is not a number")
    if [r["code"] for r in rows] != sorted(codes):
        problem(path, "rows must be sorted by code")
    # Every officially assigned code, where Debian's iso-codes package is installed to say which.
    iso = "/usr/share/iso-codes/json/iso_3166-1.json"
    if os.path.exists(iso):
        missing = {c["alpha_2"] for c in json.load(open(iso, encoding="utf-8"))["3166-1"]} - codes
        if missing:
            problem(path, f"no row for {', '.join(sorted(missing))}")
    elif len(codes) < 249:
        problem(path, f"{len(codes)} countries; ISO 3166-1 assigns 249")


def check_country_numeric_codes():
    path, rows = read_table("country_numeric_codes.csv", ["code", "numeric"])
    _, centroids = read_table("country_centroids.csv", ["code", "name", "latitude", "longitude"])
    known = {r["code"] for r in centroids}
    seen_codes, seen_numbers = set(), set()
    for r in rows:
        where = f"line {r['line']}"
        if r["code"] not in known:
            problem(path, f"{where}: {r['code']!r} is not a code of country_centroids.csv")
        if not re.fullmatch(r"[0-9]{3}", r["numeric"]):
            problem(path, f"{where}: numeric {r['numeric']!r} is not three digits")
        if r["code"] in seen_codes or r["numeric"] in seen_numbers:
            problem(path, f"{where}: {r['code']} or {r['numeric']} is listed twice")
        seen_codes.add(r["code"])
        seen_numbers.add(r["numeric"])


def filter_fields(node, where, path):
    """The fields a filter's conditions name (checking the nesting on the way)."""
    if not isinstance(node, dict):
        problem(path, f"{where}: a filter node must be an object")
        return set()
    groups = [k for k in ("all", "any") if k in node]
    if groups:
        children = node[groups[0]]
        if not isinstance(children, list):
            problem(path, f"{where}.{groups[0]} must be an array")
            return set()
        out = set()
        for i, child in enumerate(children):
            out |= filter_fields(child, f"{where}.{groups[0]}[{i}]", path)
        return out
    if not isinstance(node.get("field"), str) or not isinstance(node.get("op"), str):
        problem(path, f"{where}: a condition needs field and op")
        return set()
    values = node.get("values", [])
    if not isinstance(values, list) or not all(isinstance(v, (str, int)) for v in values):
        problem(path, f"{where}: values must be an array of strings")
    return {node["field"]} if node["op"] != "text" else set()


def check_policy_templates(fields):
    folder = os.path.join(ASSETS, "policy_templates")
    names, filters = set(), []
    files = sorted(f for f in os.listdir(folder) if f.endswith(".json"))
    if len(files) < 7:
        problem(folder, f"only {len(files)} templates")
    for file in files:
        path = os.path.join(folder, file)
        if not re.fullmatch(r"[a-z0-9_]+\.json", file):
            problem(path, "file names are lower_case_with_underscores.json")
        try:
            t = json.load(open(path, encoding="utf-8"))
        except ValueError as e:
            problem(path, f"not JSON: {e}")
            continue
        if not isinstance(t, dict):
            problem(path, "a template is a JSON object")
            continue
        for key in ("name", "severity", "category", "description", "type", "why"):
            if not isinstance(t.get(key), str) or not t[key].strip():
                problem(path, f"{key} must be a non-empty string")
        allowed = {"name", "severity", "category", "description", "type", "filter", "repeated",
                   "daily_alert_limit", "params", "why", "needs"}
        for key in set(t) - allowed:
            problem(path, f"unknown key {key!r}")
        if t.get("name") in names:
            problem(path, f"the name {t.get('name')!r} is used twice")
        names.add(t.get("name"))
        if t.get("severity") not in ("Low", "Medium", "High"):
            problem(path, "severity must be Low, Medium or High")
        if t.get("type") not in ("activity", "impossible_travel", "infrequent_country"):
            problem(path, f"type {t.get('type')!r} is not a known policy type")
        if not isinstance(t.get("daily_alert_limit", 1), int) or t.get("daily_alert_limit", 1) < 1:
            problem(path, "daily_alert_limit must be a positive integer")
        repeated = t.get("repeated")
        if repeated is not None:
            for key in ("min", "minutes"):
                if not isinstance(repeated.get(key), int) or isinstance(repeated.get(key), bool) or repeated[key] < 1:
                    problem(path, f"repeated.{key} must be a positive integer")
            for key in ("single_app", "unique_targets", "unique_users"):
                if key in repeated and not isinstance(repeated[key], bool):
                    problem(path, f"repeated.{key} must be true or false")
            if repeated.get("group_by", "user") not in ("user", "ip"):
                problem(path, "repeated.group_by must be user or ip")
            for key in set(repeated) - {"min", "minutes", "single_app", "unique_targets", "unique_users", "group_by"}:
                problem(path, f"unknown key repeated.{key}")
        needs = t.get("needs")
        if not isinstance(needs, dict) or not isinstance(needs.get("fields"), list) or not needs["fields"] \
                or not isinstance(needs.get("formats"), list) or not needs["formats"]:
            problem(path, "needs must be {fields: [...], formats: [...]}, both non-empty")
            continue
        for field in needs["fields"]:
            if field not in fields:
                problem(path, f"needs.fields: {field!r} is not a canonical field")
        if t.get("type") == "activity":
            if "filter" not in t:
                problem(path, "an activity policy needs a filter")
                continue
            used = filter_fields(t["filter"], "filter", path)
            for field in sorted(used - fields):
                problem(path, f"filter: {field!r} is not a canonical field")
            for field in sorted((used & fields) - set(needs["fields"])):
                problem(path, f"the filter reads {field!r}, which needs.fields does not list")
            filters.append((path, t["filter"]))
    if CLI:
        parse_with_core(filters)


def parse_with_core(filters):
    """Each filter through the automation API's query(): an error answer means the core refuses it."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as calls:
        for _, flt in filters:
            calls.write(json.dumps({"call": "query", "args": [{"filter": flt, "limit": 0}]}) + "\n")
    try:
        out = subprocess.run([CLI, "api", "--calls", calls.name], capture_output=True, text=True, check=False)
    finally:
        os.unlink(calls.name)
    answers = out.stdout.splitlines()
    if out.returncode != 0 or len(answers) != len(filters):
        problems.append(f"sightline-cli api failed ({out.returncode}): {out.stderr.strip()}")
        return
    for (path, _), answer in zip(filters, answers):
        if "error" in json.loads(answer):
            problem(path, f"the core refuses the filter: {json.loads(answer)['error']}")


def check_special_purpose_ip_ranges():
    """The addresses the offline IP location never locates (tools/geo/make_ip_location.py)."""
    import ipaddress
    path, rows = read_table("special_purpose_ip_ranges.csv", ["cidr", "name"])
    networks = []
    for r in rows:
        where = f"line {r['line']}"
        try:
            networks.append((ipaddress.ip_network(r["cidr"], strict=True), where))
        except ValueError as e:
            problem(path, f"{where}: {r['cidr']!r} is not a CIDR range ({e})")
        if not r["name"].strip():
            problem(path, f"{where}: no name")
    for i, (a, where) in enumerate(networks):
        for b, _ in networks[i + 1:]:
            if a.version == b.version and a.overlaps(b):
                problem(path, f"{where}: {a} overlaps {b}")


def main():
    check_os_support_dates()
    check_special_purpose_ip_ranges()
    check_browser_release_sources()
    check_native_clients()
    check_country_centroids()
    check_country_numeric_codes()
    check_policy_templates(canonical_fields())
    for p in problems:
        print(p)
    print(f"assets: {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
