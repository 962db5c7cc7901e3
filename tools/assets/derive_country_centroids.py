#!/usr/bin/env python3
"""Writes assets/tables/country_centroids.csv from two packaged data sets:
- the codes and names of ISO 3166-1 from Debian's iso-codes package
  (/usr/share/iso-codes/json/iso_3166-1.json), every officially assigned alpha-2 code;
- a point inside each country from the npm package world-countries (countries.json,
  its `latlng`: the approximate centre the package gives, rounded here to 0.01 degree),
  under the ODbL 1.0 (see assets/README.md).
Kosovo (XK, a user-assigned code that geolocation data uses) comes from world-countries alone.
Usage: derive_country_centroids.py ISO_3166_1_JSON WORLD_COUNTRIES_JSON > country_centroids.csv
"""
import csv
import json
import sys


def main():
    iso = json.load(open(sys.argv[1], encoding="utf-8"))["3166-1"]
    world = {c["cca2"]: c for c in json.load(open(sys.argv[2], encoding="utf-8"))}
    names = {c["alpha_2"]: c.get("common_name", c["name"]) for c in iso}
    if "XK" in world and "XK" not in names:
        names["XK"] = world["XK"]["name"]["common"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "name", "latitude", "longitude"])
    for code in sorted(names):
        if code not in world:
            sys.exit(f"world-countries has no point for {code}")
        lat, lng = world[code]["latlng"]
        out.writerow([code, names[code], f"{lat:.2f}", f"{lng:.2f}"])


if __name__ == "__main__":
    main()
