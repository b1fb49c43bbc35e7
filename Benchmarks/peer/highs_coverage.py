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
import math
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


def within(points, sites, radius, chunk=20000):
    """For each point, the sorted indices of the sites at most `radius` away: grid cells of `radius`, the
    3 x 3 cells around each point looked up in the sites sorted by cell (numpy, in chunks of points)."""
    n = len(points)
    if n == 0 or len(sites) == 0:
        return [()] * n
    sx, sy = np.floor_divide(sites[:, 0], radius), np.floor_divide(sites[:, 1], radius)
    lo_x, lo_y = min(sx.min(), 0) - 2, min(sy.min(), 0) - 2
    width = max(sy.max(), np.floor_divide(points[:, 1], radius).max()) - lo_y + 3
    key = ((sx - lo_x) * width + (sy - lo_y)).astype(np.int64)
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    r2 = radius * radius
    found_p, found_s = [], []
    for first in range(0, n, chunk):
        pts = points[first:first + chunk]
        px, py = np.floor_divide(pts[:, 0], radius) - lo_x, np.floor_divide(pts[:, 1], radius) - lo_y
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                q = ((px + dx) * width + (py + dy)).astype(np.int64)
                lo = np.searchsorted(sorted_key, q, "left")
                count = np.searchsorted(sorted_key, q, "right") - lo
                total = int(count.sum())
                if total == 0:
                    continue
                pi = np.repeat(np.arange(len(pts)), count)
                offsets = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
                sj = order[np.repeat(lo, count) + offsets]
                d = pts[pi] - sites[sj]
                keep = d[:, 0] ** 2 + d[:, 1] ** 2 <= r2
                found_p.append(pi[keep] + first)
                found_s.append(sj[keep])
    if not found_p:
        return [()] * n
    p_idx, s_idx = np.concatenate(found_p), np.concatenate(found_s)
    o = np.lexsort((s_idx, p_idx))
    p_idx, s_idx = p_idx[o], s_idx[o].tolist()
    bounds = np.searchsorted(p_idx, np.arange(n + 1)).tolist()
    return [tuple(s_idx[bounds[i]:bounds[i + 1]]) for i in range(n)]


def solver(limit):
    """HiGHS as every peer runs it: quiet, asked for the proven optimum (relative gap 1e-6), `limit` seconds."""
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 1e-6)
    h.setOptionValue("time_limit", limit)
    return h


def run_and_print(h, start, offset=0.0, **extra):
    """Solves and prints the one JSON line the bench reads: objective and bound (plus `offset`), seconds
    since `start`, status, and `extra`."""
    h.run()
    info = h.getInfo()
    print(json.dumps({
        "objective": finite(offset + info.objective_function_value),
        "bound": finite(offset + info.mip_dual_bound),
        "seconds": time.time() - start,
        "status": h.modelStatusToString(h.getModelStatus()),
        **extra,
    }))


def finite(v):
    """A number JSON can hold: HiGHS reports infinity when it stops before a first solution or bound."""
    return v if math.isfinite(v) else None


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
    h = solver(limit)
    h.passModel(lp)
    run_and_print(h, start, offset=base, groups=g)

if __name__ == "__main__":
    main()
