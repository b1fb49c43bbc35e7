#!/usr/bin/env python3
"""The benchmark peer for cover-all: set covering as a direct sparse MIP solved by HiGHS.

Reads the instance CSVs the bench writes (id,x,y,weight in local metres) and builds the model caresite
solves -- the fewest new candidates such that every community within `radius` of some candidate, and
not already within `radius` of an existing facility, is within `radius` of a chosen one -- with
identical rows merged, and prints one JSON line: objective, bound, seconds (model building and
solving), status.

    highs_setcover.py DIR RADIUS TIME_LIMIT
"""
import sys
import time

import highspy
import numpy as np

from highs_coverage import read, run_and_print, solver, within  # same reading, reach and run as the coverage peer


def main():
    folder, radius, limit = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    communities, _ = read(folder + "/communities.csv")
    candidates, _ = read(folder + "/candidates.csv")
    facilities, _ = read(folder + "/facilities.csv")
    start = time.time()
    served = [bool(s) for s in within(communities, facilities, radius)] if len(facilities) else [False] * len(communities)
    rows = sorted({near for s, near in zip(served, within(communities, candidates, radius)) if not s and near})
    m = len(candidates)
    starts, index = [0], []
    for near in rows:
        index += list(near)
        starts.append(len(index))
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = m, len(rows)
    lp.col_cost_ = np.ones(m)
    lp.col_lower_ = np.zeros(m)
    lp.col_upper_ = np.ones(m)
    lp.row_lower_ = np.ones(len(rows))
    lp.row_upper_ = np.array([highspy.kHighsInf] * len(rows))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.ones(len(index))
    lp.integrality_ = [highspy.HighsVarType.kInteger] * m
    h = solver(limit)
    h.passModel(lp)
    run_and_print(h, start, rows=len(rows))

if __name__ == "__main__":
    main()
