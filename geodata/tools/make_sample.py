#!/usr/bin/env python3
"""Writes geodata/sample/: a small synthetic town for `make demo` and the tests of `flag`.

Deterministic (fixed seed, fixed rounding): running it again gives the same bytes.
Synthetic: the town, its names and numbers are invented; only the shape of the data is realistic.
"""
import math, os, random

import geojson_out

rng = random.Random(20261123)
OUT = os.path.join(os.path.dirname(__file__), "..", "sample")
LON0, LAT0 = 117.2600, 31.8600          # a made-up county town in eastern China
M_LAT = 1 / 110_574.0
M_LON = 1 / (111_320.0 * math.cos(math.radians(LAT0)))

def lonlat(x, y):
    return [round(LON0 + x * M_LON, 7), round(LAT0 + y * M_LAT, 7)]

def ring(x0, y0, x1, y1):
    return [lonlat(x0, y0), lonlat(x1, y0), lonlat(x1, y1), lonlat(x0, y1), lonlat(x0, y0)]

STREETS = [("城关街道", 0, 0, 1200, 1800), ("东城街道", 1200, 0, 2400, 1800), ("南湖街道", 0, -900, 2400, 0)]

def street_of(x, y):
    for name, x0, y0, x1, y1 in STREETS:
        if x0 <= x < x1 and y0 <= y < y1:
            return name
    return ""

communities = []
n = 0
for gy in range(-3, 6):
    for gx in range(8):
        if rng.random() < 0.12:
            continue                    # a park, a school, a market
        n += 1
        x0, y0 = gx * 300 + 20, gy * 300 + 20
        w, h = rng.randint(180, 260), rng.randint(180, 260)
        built = rng.choice([1988, 1995, 2003, 2009, 2014, 2019, 2021, 2023]) if gx < 5 else rng.choice([2019, 2021, 2023, 2024])
        pop = rng.randint(6, 40) * 100 if rng.random() > 0.03 else None
        status = "new" if built >= 2018 else "old"
        communities.append({"type": "Feature", "properties": {
            "id": f"C{n:03d}", "name": f"小区{n:03d}", "population": pop, "status": status,
            "built_year": built, "street": street_of(x0 + w / 2, y0 + h / 2)},
            "geometry": {"type": "Polygon", "coordinates": [ring(x0, y0, x0 + w, y0 + h)]}})

facilities = []
for i, (x, y, cap) in enumerate([(150, 150, 60), (700, 1000, 8), (1300, 600, 12), (450, -500, 30),
                                 (1000, 1500, 120), (1900, -300, 50)], start=1):
    facilities.append({"type": "Feature", "properties": {"id": f"F{i:02d}", "name": f"托育园{i}", "capacity": cap},
                       "geometry": {"type": "Point", "coordinates": lonlat(x, y)}})

KINDS = [("idle_land", 60, 260), ("vacant_building", 40, 180), ("kindergarten", 30, 60), ("reserved", 80, 320)]
candidates = []
for k in range(1, 26):
    kind, cap, cost = KINDS[rng.randrange(len(KINDS))]
    x, y = rng.randint(0, 2300), rng.randint(-850, 1750)
    candidates.append({"type": "Feature", "properties": {
        "id": f"S{k:02d}", "name": f"候选{k:02d}", "kind": kind,
        "capacity": cap + rng.randint(0, 4) * 10, "cost": cost + rng.randint(0, 8) * 10},
        "geometry": {"type": "Point", "coordinates": lonlat(x, y)}})

streets = [{"type": "Feature", "properties": {"name": name},
            "geometry": {"type": "Polygon", "coordinates": [ring(x0, y0, x1, y1)]}}
           for name, x0, y0, x1, y1 in STREETS]

def write(name, features):
    geojson_out.write(OUT, name, features)

write("communities.geojson", communities)
write("facilities.geojson", facilities)
write("streets.geojson", streets)
write("candidates.geojson", candidates)
print(f"{len(communities)} communities, {len(facilities)} facilities, {len(candidates)} candidates, {len(streets)} streets")
