#!/usr/bin/env python3
"""tools/map/make_world_outlines.py on a hand-made TopoJSON (quantised, delta-encoded arcs, a
reversed arc, a MultiPolygon, a country without an ISO id), read back by a decoder written
here; then, where npm world-atlas is installed, on the real outlines: every country the atlas
names has an alpha-2 code and a centroid, and Germany's outline surrounds Berlin's longitude."""
import json
import os
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "tools", "map", "make_world_outlines.py")
CODES = os.path.join(ROOT, "assets", "tables", "country_numeric_codes.csv")
CENTROIDS = os.path.join(ROOT, "assets", "tables", "country_centroids.csv")
ATLAS = os.path.join(ROOT, "tools", "map", "node_modules", "world-atlas", "countries-110m.json")


def decode(data):
    at = 0

    def take(fmt):
        nonlocal at
        values = struct.unpack_from("<" + fmt, data, at)
        at += struct.calcsize("<" + fmt)
        return values

    assert data[:4] == b"SLWO", "magic"
    at = 4
    assert take("H")[0] == 1, "version"
    places = {}
    for _ in range(take("H")[0]):
        code = data[at:at + 2].decode()
        at += 2
        lat, lon, n = take("hhB")
        places[code] = (lat / 100, lon / 100, data[at:at + n].decode())
        at += n
    outlines = []
    for _ in range(take("H")[0]):
        code = data[at:at + 2].decode()
        at += 2
        rings = []
        for _ in range(take("H")[0]):
            n = take("H")[0]
            rings.append([(lon / 100, lat / 100) for lon, lat in (take("hh") for _ in range(n))])
        outlines.append((code, rings))
    assert at == len(data), "trailing bytes"
    return places, outlines


def run(topo_path, out):
    subprocess.run([sys.executable, TOOL, topo_path, CODES, CENTROIDS, out], check=True)
    with open(out, "rb") as f:
        return decode(f.read())


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        # Arcs in quantised units of 0.5 degrees from (-10, 40): arc 0 runs east then north,
        # arc 1 back west then south (closing the square); arc 2 is a triangle elsewhere.
        topo = {"type": "Topology", "transform": {"scale": [0.5, 0.5], "translate": [-10, 40]},
                "arcs": [[[0, 0], [20, 0], [0, 20]], [[20, 20], [-20, 0], [0, -20]], [[40, 0], [4, 0], [0, 4], [-4, -4]]],
                "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "id": "276", "arcs": [[0, 1]]},
                    {"type": "MultiPolygon", "id": "250", "arcs": [[[2]], [[~1, ~0]]]},
                    {"type": "Polygon", "arcs": [[2]]}]}}}
        path = os.path.join(tmp, "t.json")
        with open(path, "w") as f:
            json.dump(topo, f)
        places, outlines = run(path, os.path.join(tmp, "t.bin"))
        square = [(-10, 40), (0, 40), (0, 50), (-10, 50), (-10, 40)]
        triangle = [(10, 40), (12, 40), (12, 42), (10, 40)]
        expected = [("DE", [square]), ("FR", [triangle, list(reversed(square))]), ("--", [triangle])]
        if outlines != expected:
            failures.append(f"hand-made outlines: {outlines} != {expected}")
        if places.get("DE", (0, 0, ""))[2] != "Germany" or len(places) < 249:
            failures.append(f"places: {len(places)}, DE {places.get('DE')}")
        if os.path.exists(ATLAS):
            places, outlines = run(ATLAS, os.path.join(tmp, "w.bin"))
            unnamed = [c for c, _ in outlines if c == "--"]
            if len(outlines) < 170 or len(unnamed) > 5:
                failures.append(f"world-atlas: {len(outlines)} outlines, {len(unnamed)} without a code")
            for code, _ in outlines:
                if code != "--" and code not in places:
                    failures.append(f"outline {code} has no centroid")
            germany = [r for c, rings in outlines if c == "DE" for r in rings]
            lons = [p[0] for r in germany for p in r]
            if not germany or not (min(lons) < 13.4 < max(lons)):
                failures.append("Germany's outline does not span Berlin's longitude")
        else:
            print(f"note: {ATLAS} is not installed; only the hand-made outlines were checked")
    for f in failures:
        print(f)
    print(f"world outlines: {len(failures)} problem(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
