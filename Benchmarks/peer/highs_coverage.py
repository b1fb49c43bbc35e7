#!/usr/bin/env python3
"""The benchmark peer: maximal covering as a direct sparse MIP solved by HiGHS.

Reads the instance CSVs the bench writes (id,x,y,weight in local metres), builds the same model caresite
solves -- open at most p candidates to maximise the weight of communities within `radius` of an open
site or an existing facility -- with identical coverage rows merged, and prints one JSON line:
objective, bound, seconds (model building and solving), status.

    highs_coverage.py DIR RADIUS P TIME_LIMIT
"""
import csv
import json
import sys
import time

import highspy
import numpy as np


def read(path):
    try:
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
    except FileNotFoundError:
        return np.zeros((0, 2)), np.zeros(0)
    xy = np.array([[float(r["x"]), float(r["y"])] for r in rows]).reshape(-1, 2)
    return xy, np.array([float(r["weight"]) for r in rows])


def within(points, sites, radius):
    """For each point, the indices of the sites at most `radius` away (grid buckets of `radius`)."""
    buckets = {}
    for j, (x, y) in enumerate(sites):
        buckets.setdefault((int(x // radius), int(y // radius)), []).append(j)
    out = []
    r2 = radius * radius
    for x, y in points:
        bx, by = int(x // radius), int(y // radius)
        near = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for j in buckets.get((bx + dx, by + dy), ()):
                    sx, sy = sites[j]
                    if (sx - x) ** 2 + (sy - y) ** 2 <= r2:
                        near.append(j)
        out.append(tuple(sorted(near)))
    return out


def main():
    folder, radius, p, limit = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    communities, weights = read(folder + "/communities.csv")
    candidates, _ = read(folder + "/candidates.csv")
    facilities, _ = read(folder + "/facilities.csv")
    start = time.time()
    served = [bool(s) for s in within(communities, facilities, radius)] if len(facilities) else [False] * len(weights)
    base = float(sum(w for w, s in zip(weights, served) if s))
    groups = {}
    for w, s, near in zip(weights, served, within(communities, candidates, radius)):
        if not s and near:
            groups[near] = groups.get(near, 0.0) + w
    m, g = len(candidates), len(groups)
    # Columns: x_j (binary, j < m), then z_k (continuous in [0, 1]) per merged group.
    starts, index, value = [0], [], []
    for k, near in enumerate(groups):
        index += [m + k] + list(near)
        value += [1.0] + [-1.0] * len(near)
        starts.append(len(index))
    index += list(range(m))
    value += [1.0] * m
    starts.append(len(index))
    lp = highspy.HighsLp()
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.num_col_, lp.num_row_ = m + g, g + 1
    lp.col_cost_ = np.array([0.0] * m + list(groups.values()))
    lp.col_lower_ = np.zeros(m + g)
    lp.col_upper_ = np.ones(m + g)
    lp.row_lower_ = np.array([-highspy.kHighsInf] * (g + 1))
    lp.row_upper_ = np.array([0.0] * g + [float(p)])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * m + [highspy.HighsVarType.kContinuous] * g
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 1e-6)
    h.setOptionValue("time_limit", limit)
    h.passModel(lp)
    h.run()
    info = h.getInfo()
    print(json.dumps({
        "objective": base + info.objective_function_value,
        "bound": base + info.mip_dual_bound,
        "seconds": time.time() - start,
        "status": h.modelStatusToString(h.getModelStatus()),
        "groups": g,
    }))


if __name__ == "__main__":
    main()
