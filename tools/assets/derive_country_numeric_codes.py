#!/usr/bin/env python3
"""Writes assets/tables/country_numeric_codes.csv: each ISO 3166-1 alpha-2 code with its numeric
code, from Debian's iso-codes package (/usr/share/iso-codes/json/iso_3166-1.json). The map's
outlines (npm world-atlas) name countries by the numeric code; activities by alpha-2.
Usage: derive_country_numeric_codes.py ISO_3166_1_JSON > country_numeric_codes.csv
"""
import csv
import json
import sys


def main():
    iso = json.load(open(sys.argv[1], encoding="utf-8"))["3166-1"]
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "numeric"])
    for c in sorted(iso, key=lambda c: c["alpha_2"]):
        out.writerow([c["alpha_2"], c["numeric"]])


if __name__ == "__main__":
    main()
