#!/usr/bin/env python3
"""Writes geodata/town/: a synthetic county town (县城) for the demo scenarios.

Deterministic (fixed seed): running it again gives the same bytes. Everything is invented; only the shape
of the data is meant to be realistic (see geodata/README.md).
"""
import math, os, random

import geojson_out

rng = random.Random(33)
OUT = os.path.join(os.path.dirname(__file__), "..", "town")
LON0, LAT0 = 116.3500, 33.3500
M_LAT = 1 / 110_574.0
M_LON = 1 / (111_320.0 * math.cos(math.radians(LAT0)))
W, H, BLOCK, ROAD = 6000, 4500, 300, 16

def ll(x, y):
    return [round(LON0 + x * M_LON, 7), round(LAT0 + y * M_LAT, 7)]

def rect(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[ll(x0, y0), ll(x1, y0), ll(x1, y1), ll(x0, y1), ll(x0, y0)]]}

def point(x, y):
    return {"type": "Point", "coordinates": ll(x, y)}

STREETS = [("老城街道", 0, 2200, 2400, H), ("南关街道", 0, 0, 2400, 2200), ("东门街道", 2400, 2200, 4200, H),
           ("城南街道", 2400, 0, 4200, 2200), ("经开区街道", 4200, 0, W, H)]

def street_of(x, y):
    for name, x0, y0, x1, y1 in STREETS:
        if x0 <= x < x1 and y0 <= y < y1:
            return name
    return ""

def feature(props, geom):
    return {"type": "Feature", "properties": props, "geometry": geom}

# Residential areas: each 300 m block (less the roads) is a park/school/factory, or 2-6 compounds.
communities, reserved_blocks, idle_blocks = [], [], []
n = 0
for by in range(H // BLOCK):
    for bx in range(W // BLOCK):
        x0, y0 = bx * BLOCK + ROAD / 2, by * BLOCK + ROAD / 2
        x1, y1 = x0 + BLOCK - ROAD, y0 + BLOCK - ROAD
        east = x0 >= 4200
        r = rng.random()
        if r < (0.22 if east else 0.12):
            (reserved_blocks if east and r < 0.10 else idle_blocks).append((x0, y0, x1, y1))
            continue
        cols, rows = rng.choice([(2, 2), (2, 2), (3, 2), (2, 3), (1, 2), (2, 1)])
        cw, rh = (x1 - x0) / cols, (y1 - y0) / rows
        for i in range(cols):
            for j in range(rows):
                n += 1
                ax0, ay0 = x0 + i * cw + 4, y0 + j * rh + 4
                ax1, ay1 = ax0 + cw - 8, ay0 + rh - 8
                area = (ax1 - ax0) * (ay1 - ay0)
                if east or rng.random() < 0.08:
                    built = rng.choice([2016, 2018, 2019, 2020, 2021, 2022, 2023, 2024])
                    density = rng.uniform(0.008, 0.018)
                else:
                    built = rng.choice([1985, 1992, 1998, 2003, 2006, 2009, 2012])
                    density = rng.uniform(0.012, 0.028)
                cx, cy = (ax0 + ax1) / 2, (ay0 + ay1) / 2
                communities.append(feature({
                    "id": f"R{n:04d}", "name": f"{street_of(cx, cy)[:2]}小区{n:04d}",
                    "population": int(area * density / 10) * 10, "built_year": built,
                    "status": "new" if built >= 2016 else "old", "street": street_of(cx, cy)},
                    rect(round(ax0, 1), round(ay0, 1), round(ax1, 1), round(ay1, 1))))

def random_spot(x_range=(0, W), y_range=(0, H)):
    return rng.uniform(*x_range), rng.uniform(*y_range)

# Existing nurseries: mostly in the old town.
nurseries = []
for k in range(1, 21):
    x, y = random_spot((0, 4200)) if k <= 17 else random_spot((4200, W))
    nurseries.append(feature({"id": f"N{k:02d}", "name": f"托育园{k:02d}", "capacity": rng.choice([40, 60, 80, 90, 120, 150])},
                             point(round(x, 1), round(y, 1))))

# Candidate sites.
candidates = []
def cand(kind, geom, cap, cost, name):
    candidates.append(feature({"id": f"K{len(candidates) + 1:03d}", "name": name, "kind": kind,
                               "capacity": cap, "cost": cost}, geom))
for k in range(70):      # kindergartens that could open nursery classes
    x, y = random_spot()
    cand("kindergarten", point(round(x, 1), round(y, 1)), rng.choice([20, 25, 30, 40]), rng.randint(3, 8) * 10, f"幼儿园{k + 1:02d}托班")
for k, (x0, y0, x1, y1) in enumerate(idle_blocks[:40]):   # idle or inefficient land
    px, py = rng.uniform(x0, x1 - 60), rng.uniform(y0, y1 - 50)
    cand("idle_land", rect(round(px, 1), round(py, 1), round(px + 60, 1), round(py + 50, 1)),
         rng.choice([90, 120, 150]), rng.randint(40, 90) * 10, f"闲置地块{k + 1:02d}")
for k in range(50):      # vacant buildings to buy or lease
    x, y = random_spot((0, 4200))
    cand("vacant_building", point(round(x, 1), round(y, 1)), rng.choice([40, 50, 60, 80]), rng.randint(15, 40) * 10, f"闲置楼宇{k + 1:02d}")
for k, (x0, y0, x1, y1) in enumerate(reserved_blocks[:14]):   # plots reserved in the new district
    cand("reserved", rect(round(x0 + 20, 1), round(y0 + 20, 1), round(x0 + 90, 1), round(y0 + 80, 1)),
         rng.choice([90, 120, 150]), rng.randint(30, 60) * 10, f"新区预留{k + 1:02d}")

# Hazards (JGJ 39): gas stations, a dangerous-goods store, a high-voltage line, arterial roads, a factory.
hazards = []
def hazard(kind, geom, name):
    hazards.append(feature({"id": f"H{len(hazards) + 1:02d}", "type": kind, "name": name}, geom))
for k in range(7):
    x, y = random_spot()
    hazard("gas_station", point(round(x, 1), round(y, 1)), f"加油站{k + 1}")
hazard("dangerous_goods", point(3650.0, 420.0), "危化品仓库")
hazard("high_voltage_line", {"type": "LineString", "coordinates": [ll(0, 3300), ll(2500, 3050), ll(6000, 2600)]}, "110kV 线路")
hazard("main_road", {"type": "LineString", "coordinates": [ll(0, 2100), ll(W, 2100)]}, "人民路")
hazard("main_road", {"type": "LineString", "coordinates": [ll(4200, 0), ll(4200, H)]}, "开发大道")
hazard("pollution", rect(5200, 300, 5700, 800), "化工厂")

# Roads: the grid between blocks, with a river along x = 3000 m that only two bridges cross; a motorway
# along the south edge (walkers cannot use it: highway=motorway).
roads = []
RIVER_X, BRIDGES = 3000, (1050, 3450)
def road(kind, pts, name):
    roads.append(feature({"id": f"W{len(roads) + 1:04d}", "highway": kind, "name": name},
                         {"type": "LineString", "coordinates": [ll(x, y) for x, y in pts]}))
for gy in range(0, H + 1, BLOCK):                 # east-west roads, cut at the river but for bridges
    if gy in BRIDGES or not (0 < gy < H):
        road("primary" if gy in BRIDGES else "residential", [(0, gy), (W, gy)], f"横路{gy}")
    else:
        road("residential", [(0, gy), (RIVER_X - 20, gy)], f"横路{gy}西")
        road("residential", [(RIVER_X + 20, gy), (W, gy)], f"横路{gy}东")
for gx in range(0, W + 1, BLOCK):                 # north-south roads, none on the river itself
    if gx != RIVER_X:
        road("residential", [(gx, 0), (gx, H)], f"纵路{gx}")
road("motorway", [(-500, -60), (W + 500, -60)], "绕城高速")
hazard_river = {"type": "LineString", "coordinates": [ll(RIVER_X, -100), ll(RIVER_X, H + 100)]}

streets = [feature({"name": name}, rect(x0, y0, x1, y1)) for name, x0, y0, x1, y1 in STREETS]

def write(name, features):
    geojson_out.write(OUT, name, features)

write("communities.geojson", communities)
write("nurseries.geojson", nurseries)
write("candidates.geojson", candidates)
write("hazards.geojson", hazards)
write("streets.geojson", streets)
write("roads.geojson", roads)
write("river.geojson", [feature({"name": "清水河"}, hazard_river)])
pop = sum(c["properties"]["population"] for c in communities)
print(f"{len(communities)} residential areas ({pop} people), {len(nurseries)} nurseries, {len(candidates)} candidates, "
      f"{len(hazards)} hazards, {len(streets)} streets")
