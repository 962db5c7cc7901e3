#!/usr/bin/env python3
"""Checks the API golden files against a second implementation written from the contract.

For each tests/golden/<case>/ with calls.jsonl and expected-answers.jsonl, this imports the
case's inputs with `sightline-cli import --jsonl` (the rows as stored), loads them into plain
SQLite (Python's sqlite3 module, no Sightline code), and answers every query, values,
timeline and status call again: filters are evaluated here from shared/AUTOMATION.md's
operator table, in Python, and counted or sorted with plain SQL. Each expected answer must
agree with that, so an expected file cannot simply be whatever the code printed.
Usage: check_api_answers.py CLI_PATH
"""
import datetime
import ipaddress
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LISTS = ("ip_tags", "ua_tags", "objects", "matched_policies", "tags")
BOOLS = ("admin", "impersonated", "starred")
NOCASE_EQ = ("user", "user_domain", "ip")  # eq/neq ignore ASCII case on these (filter/filter_sql.cpp)
DAY_MS = 86_400_000


def fold(text):
    """ASCII-only case folding, as SQLite's NOCASE and LIKE do."""
    return "".join(c.lower() if c < "\x80" else c for c in text)


def words(text):
    """Words are runs of letters, digits and non-ASCII characters."""
    return re.findall(r"[A-Za-z0-9\u0080-\U0010ffff]+", fold(text))


def contains(text, value):
    """One value of `contains`: any of its words as a whole word, or a quoted phrase as a substring."""
    phrases = re.findall(r'"([^"]*)"', value)
    rest = re.sub(r'"[^"]*"', " ", value)
    return any(fold(p) in fold(text) for p in phrases if p) or any(w in words(text) for w in words(rest))


def epoch_ms(iso):
    return int(datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)


def time_value(v):
    return int(v) if isinstance(v, (int, float)) or str(v).lstrip("-").isdigit() else epoch_ms(str(v))


def in_cidrs(ip, cidrs):
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return None  # no address: neither in nor out
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in ipaddress.ip_network(c, strict=False) for c in cidrs)


def text_matches(op, value, wanted, field):
    if op in ("eq", "neq"):
        return fold(value) == fold(wanted) if field in NOCASE_EQ else value == wanted
    if op in ("contains", "not_contains"):
        return contains(value, wanted)
    if op in ("starts_with", "not_starts_with"):
        return fold(value).startswith(fold(wanted))
    return fold(value).endswith(fold(wanted))  # ends_with


def condition_holds(row, c, newest):
    field, op, values = c.get("field"), c["op"], c.get("values", [])
    if op == "text":
        texts = [v for k, v in row.items() if isinstance(v, str) and k != "time"] + [row["time_text"]]
        texts += [e for k in LISTS for e in row[k]]
        return any(fold(v) in fold(t) for v in values for t in texts)
    if field == "time":
        t = row["time"]
        bounds = [time_value(v) for v in values]
        if op == "before": return t < bounds[0]
        if op == "after": return t > bounds[0]
        if op == "between": return min(bounds) <= t <= max(bounds)
        if op == "last_days": return t >= newest - int(values[0]) * DAY_MS
        if op in ("is_set",): return True
        raise ValueError(op)
    if field in BOOLS:
        if op == "is_true": return row[field]
        if op == "is_false": return not row[field]
        asked = [str(v).lower() == "true" for v in values]
        return (row[field] in asked) == (op == "eq")
    if op in ("in_cidr", "not_in_cidr"):
        inside = in_cidrs(row["ip"], values)
        return bool(inside) if op == "in_cidr" else not inside
    negative = op in ("neq", "not_contains", "not_starts_with")
    if field in LISTS:
        elements = row[field]
        if op == "is_set": return bool(elements)
        if op == "is_not_set": return not elements
        hit = any(text_matches(op, e, w, field) for e in elements for w in values)
        return not hit if negative else hit
    value = row[field]
    if op == "is_set": return value != ""
    if op == "is_not_set": return value == ""
    hit = any(text_matches(op, value, w, field) for w in values)
    return (value == "" or not hit) if negative else hit


def node_holds(row, node, newest):
    if "all" in node: return all(node_holds(row, n, newest) for n in node["all"])
    if "any" in node: return any(node_holds(row, n, newest) for n in node["any"])
    return condition_holds(row, node, newest)


def load_rows(cli, inputs, work):
    """The stored rows, each with its import position (rowid order: files in order, rows in file order)."""
    out = os.path.join(work, "rows.jsonl")
    subprocess.run([cli, "import", *inputs, "--jsonl", out], stdout=subprocess.DEVNULL, check=False)
    rows = [json.loads(line) for line in open(out, encoding="utf-8")]
    names = [os.path.basename(p) for p in inputs]
    texts = {os.path.basename(p): open(p, "rb").read() for p in inputs}
    for r in rows:
        r["time_text"] = r["time"]
        r["time"] = epoch_ms(r["time"])
        # The position of the record's id in its file orders the rows of one file.
        r["order"] = (names.index(r["file"]), texts[r["file"]].find(r["id"].encode()))
    return rows


def plain_sql(rows):
    """The rows in an in-memory SQLite table, with their matches marked by the caller."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (n INTEGER, id TEXT, time INTEGER, ord1 INTEGER, ord2 INTEGER, hit INTEGER)")
    db.execute("CREATE TABLE v (n INTEGER, field TEXT, value TEXT)")
    for n, r in enumerate(rows):
        db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?, 0)", (n, r["id"], r["time"], *r["order"]))
    return db


def mark(db, rows, flt, newest):
    db.execute("UPDATE t SET hit = 0")
    hits = [(n,) for n, r in enumerate(rows) if flt is None or node_holds(r, flt, newest)]
    db.executemany("UPDATE t SET hit = 1 WHERE n = ?", hits)


def expected_query(db, rows, options, newest):
    mark(db, rows, options.get("filter"), newest)
    total = db.execute("SELECT count(*) FROM t WHERE hit").fetchone()[0]
    hits = [n for (n,) in db.execute("SELECT n FROM t WHERE hit ORDER BY ord1 DESC, ord2 DESC")]  # newest import first
    for key in reversed(options.get("sort") or [{"field": "time", "dir": "desc"}]):
        # Python's sort is stable: sorting by the last key first gives the SQL ORDER BY's result.
        hits.sort(key=lambda n: rows[n][key["field"]], reverse=key.get("dir", "asc") == "desc")
    offset, limit = options.get("offset", 0), options.get("limit", 100)
    return {"total": total, "ids": [rows[n]["id"] for n in hits[offset:offset + limit]]}


def expected_values(db, rows, field, options, newest):
    mark(db, rows, options.get("filter"), newest)
    db.execute("DELETE FROM v")
    for n, r in enumerate(rows):
        cell = r[field]
        for value in (cell if field in LISTS else [cell]):
            value = ("true" if value else "false") if field in BOOLS else value
            if value != "": db.execute("INSERT INTO v VALUES (?, ?, ?)", (n, field, value))
    return [{"value": v, "count": c} for v, c in db.execute(
        "SELECT value, count(*) AS c FROM v JOIN t USING (n) WHERE hit GROUP BY value ORDER BY c DESC, value "
        "LIMIT ?", (options.get("limit", 100),))]


def check_case(cli, case_dir):
    inputs_file = os.path.join(case_dir, "inputs.txt")
    if os.path.exists(inputs_file):
        inputs = [os.path.join(HERE, l.strip()) for l in open(inputs_file) if l.strip()]
    else:
        folder = os.path.join(case_dir, "input")
        inputs = sorted(os.path.join(folder, f) for f in os.listdir(folder))
    calls = [json.loads(l) for l in open(os.path.join(case_dir, "calls.jsonl")) if l.strip()]
    answers = [json.loads(l) for l in open(os.path.join(case_dir, "expected-answers.jsonl"))]
    if len(calls) != len(answers):
        return [f"{len(calls)} calls but {len(answers)} expected answers"]
    with tempfile.TemporaryDirectory() as work:
        rows = load_rows(cli, inputs, work)
    db = plain_sql(rows)
    newest = max(r["time"] for r in rows)
    log_filter = None
    problems, checked = [], 0
    for number, (call, answer) in enumerate(zip(calls, answers), start=1):
        name, args = call["call"], call.get("args", [])
        if isinstance(answer, dict) and "error" in answer:
            continue  # errors are read by eye; a second implementation of the messages proves nothing
        if name == "query":
            want = expected_query(db, rows, args[0] if args else {}, newest)
            got = {"total": answer["total"], "ids": [r["id"] for r in answer["rows"]]}
        elif name == "values":
            want = expected_values(db, rows, args[0], args[1] if len(args) > 1 else {}, newest)
            got = answer
        elif name == "setFilter":
            log_filter = args[0]
            mark(db, rows, log_filter, newest)
            want = {"ok": True, "visible": db.execute("SELECT count(*) FROM t WHERE hit").fetchone()[0]}
            got = answer
        elif name == "status":
            mark(db, rows, log_filter, newest)
            want = (len(rows), db.execute("SELECT count(*) FROM t WHERE hit").fetchone()[0])
            got = (answer["total"], answer["visible"])
        elif name == "timeline":
            start, bucket = epoch_ms(answer["start"]), answer["bucket_ms"]
            counts = [0] * len(answer["counts"])
            for r in rows:
                counts[(r["time"] - start) // bucket] += 1
            want, got = (counts, len(rows)), (answer["counts"], answer["total"])
        else:
            continue  # getFilter, activity, sql...: compared with the expected file only
        checked += 1
        if want != got:
            problems.append(f"line {number} ({call.get('why', name)}): expected {want}, the file says {got}")
    return problems if checked else ["no call was checked"]


def main():
    cli = sys.argv[1]
    failed = False
    for name in sorted(os.listdir(HERE)):
        case_dir = os.path.join(HERE, name)
        if not os.path.exists(os.path.join(case_dir, "calls.jsonl")):
            continue
        problems = check_case(cli, case_dir)
        for p in problems:
            print(f"FAIL {name}: {p}")
        if not problems:
            print(f"ok   {name}: the expected answers agree with the reference")
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
