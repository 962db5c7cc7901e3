#!/usr/bin/env python3
"""Converts the offline IP location data (npm @ip-location-db/geo-whois-asn-country, CC0: a country
per address range; npm @ip-location-db/asn, CC-BY-4.0: an autonomous system and its organisation
per range) into the one compact asset src/enrich/ip_location_table.h reads. Written into the build
folder at build time (build/web/ip-location.bin for the page); nothing of it is committed or
fetched at run time.

Format, version 1 (integers little-endian unless said; no alignment is assumed by the reader):
  "SLIP" u16 version u16 0
  u16 length, provenance text (UTF-8): the packages and versions the data came from
  u8 countries; each: 2 bytes ISO 3166-1 alpha-2 (a country value k means the k-th; 0: none)
  u32 organisations; u32 offsets[organisations + 1]; the names' UTF-8 bytes (offsets[last] of them),
      sorted, each once (many autonomous systems share an organisation)
  u32 systems; u32 asn[systems] (ascending); u32 organisation[systems] (index into the names)
  four range sections, in this order: IPv4 country, IPv4 ASN, IPv6 country, IPv6 ASN; each:
      u32 n; n keys (the range's first address, big-endian: 4 bytes IPv4, 16 bytes IPv6);
      n values (country sections: u8 country value; ASN sections: u32 system index + 1; 0: none)
      Keys ascend strictly and the first is 0, so range i is keys[i] .. keys[i+1]-1 (the last one
      runs to the end of the space) and every address falls in exactly one range; the gaps of the
      sources (private, reserved, unallocated space) are ranges with value 0, and neighbouring
      ranges with the same value are merged into one.

The sources overlap in a few hundred places (a single address or a smaller block listed inside a
bigger one, e.g. 2.58.197.15 BE inside 2.58.196.0/23 DE): the range that starts later, or on the
same start the narrower one, wins for its addresses, and the outer range resumes after it.
The sources also place some addresses that no one can be located at (192.168.0.0/16 is AU in
them): every range of assets/tables/special_purpose_ip_ranges.csv (private, loopback, link-local,
documentation, multicast, reserved, ...) is given value 0 over whatever the sources say.
Columns rather than records, so that gzip finds the repetition in each.
Usage: make_ip_location.py SOURCES_DIR SPECIAL_PURPOSE_CSV OUT
       (SOURCES_DIR: tools/geo/node_modules/@ip-location-db; the CSV: assets/tables/...)
"""
import bisect
import csv
import ipaddress
import json
import os
import struct
import sys

VERSION = 1
IPV4_BITS, IPV6_BITS = 32, 128


def read_ranges(path, value_of):
    """(first, last, value) rows of one -num.csv file, in the file's order."""
    with open(path, encoding="utf-8", newline="") as f:
        return [(int(row[0]), int(row[1]), value_of(row)) for row in csv.reader(f) if row]


def flatten(ranges, bits):
    """Ranges that may nest or overlap -> (start, value) covering 0 .. 2**bits - 1, merged.
    The winner at each address is the open range that started last (ties: the narrower)."""
    end_of_space = (1 << bits) - 1
    ordered = sorted(ranges, key=lambda r: (r[0], -r[1]))
    out = []

    def emit(start, value):
        if out and out[-1][1] == value:
            return
        out.append((start, value))

    stack = []  # open ranges, latest start on top
    cursor = 0  # the first address not yet given a value

    def advance_to(limit):
        """Gives every address from cursor up to limit (exclusive) its value."""
        nonlocal cursor
        while cursor < limit:
            while stack and stack[-1][1] < cursor:
                stack.pop()
            if not stack:
                emit(cursor, 0)
                cursor = limit
                return
            first, last, value = stack[-1]
            emit(cursor, value)
            cursor = min(last + 1, limit)

    for first, last, value in ordered:
        if first < 0 or last < first or last > end_of_space:
            raise ValueError(f"bad range {first}..{last}")
        advance_to(first)
        stack.append((first, last, value))
    advance_to(end_of_space + 1)
    return out


def blank(pairs, ranges, bits):
    """(start, value) pairs covering the space -> the same with value 0 on each (first, last)."""
    starts = [start for start, _ in pairs]
    cuts = set(starts)
    for first, last in ranges:
        cuts.add(first)
        if last + 1 < (1 << bits):
            cuts.add(last + 1)
    out = []
    for cut in sorted(cuts):
        if any(first <= cut <= last for first, last in ranges):
            value = 0
        else:
            value = pairs[bisect.bisect_right(starts, cut) - 1][1]
        if not out or out[-1][1] != value:
            out.append((cut, value))
    return out


def special_purpose(path):
    """{4: [(first, last)], 6: [...]} from the table's CIDR ranges."""
    out = {4: [], 6: []}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            network = ipaddress.ip_network(row["cidr"], strict=True)
            out[network.version].append((int(network.network_address), int(network.broadcast_address)))
    return out


def section(pairs, key_bytes, value_format):
    out = bytearray(struct.pack("<I", len(pairs)))
    for start, _ in pairs:
        out += start.to_bytes(key_bytes, "big")
    out += b"".join(struct.pack(value_format, value) for _, value in pairs)
    return out


def package_version(sources, name):
    with open(os.path.join(sources, name, "package.json"), encoding="utf-8") as f:
        return json.load(f)["version"]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: make_ip_location.py SOURCES_DIR SPECIAL_PURPOSE_CSV OUT")
    sources, special_path, out_path = sys.argv[1:4]
    unlocated = special_purpose(special_path)
    geo = os.path.join(sources, "geo-whois-asn-country", "geo-whois-asn-country-ipv{}-num.csv")
    asn = os.path.join(sources, "asn", "asn-ipv{}-num.csv")

    country_rows = {v: read_ranges(geo.format(v), lambda r: r[2].strip().upper()) for v in (4, 6)}
    asn_rows = {v: read_ranges(asn.format(v), lambda r: (int(r[2]), r[3].strip())) for v in (4, 6)}

    codes = sorted({c for rows in country_rows.values() for _, _, c in rows})
    if len(codes) > 255 or any(len(c) != 2 or not c.isascii() for c in codes):
        raise ValueError("country codes must be at most 255 alpha-2 codes")
    country_value = {c: i + 1 for i, c in enumerate(codes)}

    # One organisation per system: the sources give one (checked), so a second is an error.
    organisation_of = {}
    for rows in asn_rows.values():
        for _, _, (number, name) in rows:
            if organisation_of.setdefault(number, name) != name:
                raise ValueError(f"AS{number} has two organisations: {organisation_of[number]!r}, {name!r}")
    systems = sorted(organisation_of)
    system_value = {number: i + 1 for i, number in enumerate(systems)}
    names = sorted(set(organisation_of.values()))
    name_index = {name: i for i, name in enumerate(names)}

    out = bytearray(b"SLIP" + struct.pack("<HH", VERSION, 0))
    provenance = (f"@ip-location-db/geo-whois-asn-country {package_version(sources, 'geo-whois-asn-country')} (CC0), "
                  f"@ip-location-db/asn {package_version(sources, 'asn')} (CC-BY-4.0)").encode("utf-8")
    out += struct.pack("<H", len(provenance)) + provenance
    out += struct.pack("<B", len(codes)) + b"".join(c.encode("ascii") for c in codes)

    encoded = [n.encode("utf-8") for n in names]
    offsets = [0]
    for e in encoded:
        offsets.append(offsets[-1] + len(e))
    out += struct.pack("<I", len(names)) + struct.pack(f"<{len(offsets)}I", *offsets) + b"".join(encoded)
    out += struct.pack("<I", len(systems)) + struct.pack(f"<{len(systems)}I", *systems)
    out += struct.pack(f"<{len(systems)}I", *(name_index[organisation_of[n]] for n in systems))

    counts = []
    for version, bits, key_bytes in ((4, IPV4_BITS, 4), (6, IPV6_BITS, 16)):
        country = blank(flatten([(f, l, country_value[c]) for f, l, c in country_rows[version]], bits),
                        unlocated[version], bits)
        system = blank(flatten([(f, l, system_value[n]) for f, l, (n, _) in asn_rows[version]], bits),
                       unlocated[version], bits)
        out += section(country, key_bytes, "<B") + section(system, key_bytes, "<I")
        counts.append(f"IPv{version}: {len(country)} country ranges, {len(system)} ASN ranges")

    tmp = out_path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, out_path)  # a failed run leaves no half-written asset for the build to trust
    print(f"{out_path}: {len(out)} bytes; {len(codes)} countries, {len(systems)} systems, "
          f"{len(names)} organisations; " + "; ".join(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
