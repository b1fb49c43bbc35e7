#!/usr/bin/env python3
"""The benchmark peer for capacitated coverage: the same model caresite solves, as a direct sparse MIP
solved by HiGHS. Open at most p candidates; assign required places (population x PER_1000 / 1000) to
facilities within `radius` (existing ones always open), each taking at most its capacity, a community's
places splittable; maximise places assigned. Strong formulation (flow <= min(required, capacity) x).

    highs_capacitated.py DIR RADIUS P TIME_LIMIT CANDIDATE_CAPACITY FACILITY_CAPACITY [PER_1000]
"""
import sys
import time

import highspy
import numpy as np

from highs_coverage import read, run_and_print, solver, within


def main():
    folder, radius, p, limit = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    cand_cap, fac_cap = float(sys.argv[5]), float(sys.argv[6])
    per_1000 = float(sys.argv[7]) if len(sys.argv) > 7 else 4.5
    communities, weights = read(folder + "/communities.csv")
    candidates, _ = read(folder + "/candidates.csv")
    facilities, _ = read(folder + "/facilities.csv")
    start = time.time()
    demand = weights * per_1000 / 1000
    m, e = len(candidates), len(facilities)
    h = solver(limit)
    inf = highspy.kHighsInf
    h.addVars(m, np.zeros(m), np.ones(m))
    h.changeColsIntegrality(m, np.arange(m, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * m))
    by_demand = [[] for _ in demand]
    col = m
    for kind, points, cap in (("new", candidates, cand_cap), ("existing", facilities, fac_cap)):
        if len(points) == 0:
            continue
        by_site = [[] for _ in points]
        for i, near in enumerate(within(communities, points, radius)):
            for j in near:
                by_site[j].append(i)
        for j, members in enumerate(by_site):
            cols = []
            for i in members:
                most = min(demand[i], cap)
                h.addVar(0.0, most)
                h.changeColCost(col, 1.0)
                by_demand[i].append(col)
                cols.append(col)
                if kind == "new":
                    h.addRow(-inf, 0.0, 2, np.array([col, j], dtype=np.int32), np.array([1.0, -most]))
                col += 1
            if kind == "new":
                h.addRow(-inf, 0.0, len(cols) + 1, np.array(cols + [j], dtype=np.int32), np.array([1.0] * len(cols) + [-cap]))
            elif cols:
                h.addRow(-inf, cap, len(cols), np.array(cols, dtype=np.int32), np.ones(len(cols)))
    for i, cols in enumerate(by_demand):
        if cols:
            h.addRow(-inf, float(demand[i]), len(cols), np.array(cols, dtype=np.int32), np.ones(len(cols)))
    h.addRow(-inf, float(p), m, np.arange(m, dtype=np.int32), np.ones(m))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    run_and_print(h, start)

if __name__ == "__main__":
    main()
