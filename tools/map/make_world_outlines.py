#!/usr/bin/env python3
"""Converts Natural Earth country outlines (npm world-atlas, TopoJSON) and the country centroids
table into the compact little-endian asset the drawer's map reads (imgui_ui/world_atlas.cpp),
written into the build folder at build time; nothing of it is committed or fetched at run time.

Format, version 1 (all integers little-endian; angles in hundredths of a degree, int16):
  "SLWO" u16 version
  u16 places;   each: 2 bytes alpha-2, i16 lat, i16 lon, u8 name length, name (UTF-8)
  u16 outlines; each: 2 bytes alpha-2 ("--" when world-atlas names no ISO code),
                u16 rings; each: u16 points; each point i16 lon, i16 lat
The TopoJSON decoding (quantised, delta-encoded arcs) is written here: the format is small and
no Debian or npm package for Python reads it.
Usage: make_world_outlines.py COUNTRIES_TOPOJSON NUMERIC_CODES_CSV CENTROIDS_CSV OUT
"""
import csv
import json
import struct
import sys


def decode_arcs(topo):
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring_points(arcs, indexes):
    out = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(arc if not out else arc[1:])  # consecutive arcs share their joining point
    return out


def rings_of(geometry):
    if geometry["type"] == "Polygon":
        return geometry["arcs"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def quantise(points):
    out = []
    for lon, lat in points:
        p = (round(lon * 100), round(lat * 100))
        if not out or out[-1] != p:
            out.append(p)
    return out


def code_bytes(code):
    return code.encode("ascii") if len(code) == 2 else b"--"


def main():
    topo_path, numeric_path, centroids_path, out_path = sys.argv[1:5]
    topo = json.load(open(topo_path, encoding="utf-8"))
    alpha2_of = {r["numeric"]: r["code"] for r in csv.DictReader(open(numeric_path, encoding="utf-8"))}
    centroids = list(csv.DictReader(open(centroids_path, encoding="utf-8")))
    arcs = decode_arcs(topo)
    out = bytearray(b"SLWO" + struct.pack("<H", 1))
    out += struct.pack("<H", len(centroids))
    for c in centroids:
        name = c["name"].encode("utf-8")[:255]
        out += code_bytes(c["code"]) + struct.pack("<hhB", round(float(c["latitude"]) * 100),
                                                    round(float(c["longitude"]) * 100), len(name)) + name
    countries = topo["objects"]["countries"]["geometries"]
    out += struct.pack("<H", len(countries))
    for g in countries:
        rings = [quantise(ring_points(arcs, r)) for r in rings_of(g)]
        rings = [r for r in rings if len(r) >= 3]
        out += code_bytes(alpha2_of.get(str(g.get("id", "")), "")) + struct.pack("<H", len(rings))
        for r in rings:
            out += struct.pack("<H", len(r))
            for lon, lat in r:
                out += struct.pack("<hh", lon, lat)
    with open(out_path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
