#!/usr/bin/env python3
"""tools/geo/make_ip_location.py on hand-made sources (nested and overlapping ranges, a shared
start, gaps, neighbours with one value, a special-purpose range inside a located one, IPv6),
read back by a decoder written here; and an autonomous system named with two organisations is
refused. The real asset's lookups are tests/unit/ip_location_lookup_test.cpp's."""
import ipaddress
import json
import os
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "tools", "geo", "make_ip_location.py")


def n(ip):
    return int(ipaddress.ip_address(ip))


def write_sources(folder, v4_countries, v4_systems, v6_countries=(), v6_systems=()):
    for package, prefix, rows4, rows6 in (("geo-whois-asn-country", "geo-whois-asn-country", v4_countries, v6_countries),
                                          ("asn", "asn", v4_systems, v6_systems)):
        os.makedirs(os.path.join(folder, package), exist_ok=True)
        with open(os.path.join(folder, package, "package.json"), "w") as f:
            json.dump({"version": "0.0.1"}, f)
        for version, rows in ((4, rows4), (6, rows6)):
            with open(os.path.join(folder, package, f"{prefix}-ipv{version}-num.csv"), "w") as f:
                for row in rows:
                    f.write(",".join([str(n(row[0])), str(n(row[1]))] + [f'"{c}"' if "," in c else c for c in row[2:]]) + "\n")


def decode(data):
    at = 0

    def take(fmt):
        nonlocal at
        values = struct.unpack_from("<" + fmt, data, at)
        at += struct.calcsize("<" + fmt)
        return values

    assert data[:4] == b"SLIP"
    at = 4
    assert take("HH") == (1, 0)
    length = take("H")[0]
    provenance = data[at:at + length].decode()
    at += length
    count = take("B")[0]
    codes = [data[at + 2 * i:at + 2 * i + 2].decode() for i in range(count)]
    at += 2 * count
    count = take("I")[0]
    offsets = take(f"{count + 1}I")
    names = [data[at + offsets[i]:at + offsets[i + 1]].decode() for i in range(count)]
    at += offsets[-1]
    count = take("I")[0]
    numbers = take(f"{count}I")
    organisations = take(f"{count}I")
    sections = []
    for width, value in ((4, "B"), (4, "I"), (16, "B"), (16, "I")):
        count = take("I")[0]
        keys = [int.from_bytes(data[at + width * i:at + width * (i + 1)], "big") for i in range(count)]
        at += width * count
        sections.append(list(zip(keys, take(f"{count}{value}"))))
    assert at == len(data), "bytes after the last section"

    def country(section, key):
        v = [v for k, v in section if k <= key][-1]
        return codes[v - 1] if v else ""

    def system(section, key):
        v = [v for k, v in section if k <= key][-1]
        return (numbers[v - 1], names[organisations[v - 1]]) if v else None

    return provenance, sections, country, system


def convert(folder, special_rows):
    special = os.path.join(folder, "special.csv")
    with open(special, "w") as f:
        f.write("cidr,name\n" + "".join(f"{c},test\n" for c in special_rows))
    out = os.path.join(folder, "ip-location.bin")
    result = subprocess.run([sys.executable, TOOL, folder, special, out], capture_output=True, text=True)
    return result, out


def main():
    failures = []

    def check(what, got, expected):
        if got != expected:
            failures.append(f"{what}: {got!r}, expected {expected!r}")

    with tempfile.TemporaryDirectory() as folder:
        write_sources(folder,
                      v4_countries=[("1.0.0.0", "1.0.0.255", "DE"), ("1.0.0.16", "1.0.0.16", "BE"),  # a host inside
                                    ("1.0.1.0", "1.0.1.255", "DE"),                                   # merges with the first
                                    ("2.0.0.0", "2.0.3.255", "US"), ("2.0.0.0", "2.0.0.255", "GB"),  # same start: narrower wins
                                    ("3.0.0.0", "3.0.1.255", "FR"), ("3.0.1.0", "3.0.2.255", "IT"),  # overlap: later start wins
                                    ("10.0.0.0", "10.255.255.255", "AU")],                          # blanked (special)
                      v4_systems=[("1.0.0.0", "1.0.1.255", "64500", "Example, Inc."),
                                  ("2.0.0.0", "2.0.0.255", "64501", "Example, Inc.")],
                      v6_countries=[("2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "JP"),
                                    ("2a00::", "2a00::ffff", "NL")],
                      v6_systems=[("2a00::", "2a00::ffff", "64502", "Other")])
        result, out = convert(folder, ["10.0.0.0/8", "2001:db8::/32"])
        if result.returncode != 0:
            print(result.stderr)
            sys.exit(1)
        provenance, sections, country, system = decode(open(out, "rb").read())
        v4c, v4s, v6c, v6s = sections
        check("provenance", "0.0.1" in provenance, True)
        check("first key", [s[0][0] for s in sections], [0, 0, 0, 0])
        for ip, expected in (("0.255.255.255", ""), ("1.0.0.0", "DE"), ("1.0.0.15", "DE"), ("1.0.0.16", "BE"),
                             ("1.0.0.17", "DE"), ("1.0.1.255", "DE"), ("1.0.2.0", ""), ("2.0.0.0", "GB"),
                             ("2.0.0.255", "GB"), ("2.0.1.0", "US"), ("2.0.3.255", "US"), ("3.0.0.255", "FR"),
                             ("3.0.1.0", "IT"), ("3.0.2.255", "IT"), ("3.0.3.0", ""), ("10.1.2.3", ""),
                             ("255.255.255.255", "")):
            check(f"country of {ip}", country(v4c, n(ip)), expected)
        check("merged neighbours", [k for k, _ in v4c if n("1.0.0.17") <= k <= n("1.0.1.255")], [n("1.0.0.17")])
        check("system of 1.0.1.9", system(v4s, n("1.0.1.9")), (64500, "Example, Inc."))
        check("system of 2.0.0.9", system(v4s, n("2.0.0.9")), (64501, "Example, Inc."))
        check("system of 2.0.1.0", system(v4s, n("2.0.1.0")), None)
        check("country of 2001:db8::1 (special)", country(v6c, n("2001:db8::1")), "")
        check("country of 2a00::1", country(v6c, n("2a00::1")), "NL")
        check("country of 2a00::1:0", country(v6c, n("2a00::1:0")), "")
        check("system of 2a00::ffff", system(v6s, n("2a00::ffff")), (64502, "Other"))
        check("one copy of a shared organisation", open(out, "rb").read().count(b"Example, Inc."), 1)

    with tempfile.TemporaryDirectory() as folder:
        write_sources(folder, v4_countries=[("1.0.0.0", "1.0.0.255", "DE")],
                      v4_systems=[("1.0.0.0", "1.0.0.255", "64500", "A"), ("1.0.1.0", "1.0.1.255", "64500", "B")])
        result, out = convert(folder, [])
        check("two organisations for one AS refused", result.returncode != 0 and "two organisations" in result.stderr, True)
        check("no asset left behind", os.path.exists(out), False)

    for f in failures:
        print(f)
    print(f"ip_location: {len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
