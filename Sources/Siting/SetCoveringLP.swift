import Foundation
import LinearProgramming

/// Set covering on its LP relaxation, for CLP:
///     min Σ c_j y_j   s.t.  Σ_{j reaches i} y_j ≥ 1 (one row per distinct set of sites, none holding
///     another's),  0 ≤ y ≤ 1.
/// The row duals are multipliers at which `relax` equals the LP bound (a row's dual goes to one of its
/// demands, the others take 0), so every bound reported is recomputed by `relax` and holds whatever
/// CLP's rounding. Zero-half cuts raise the root (`addZeroHalfCuts`), and `relax` prices them by their
/// duals. LP solutions are rounded by the greedy, sites of high LP value first, and branch and bound
/// re-solves the LP. The Lagrangian tree alone left uniform 5,000 × 1,000 9.2 % open after 60 s.
extension SetCoveringSolver {
    /// Nil when the LP cannot be had in its share of the time (the Lagrangian tree takes over).
    func lpSearch(_ incumbent: inout [Int], clock: Clock) -> SearchOutcome? {
        let m = byCandidate.count
        var lp = LinearProgram()
        for j in 0..<m { _ = lp.addColumn(cost: costs[j], lower: 0, upper: 1) }
        // Row r of the LP covers demand owner[r]; the demands it stands for take multiplier 0.
        let owner = Self.undominated(byDemand, sites: m)
        for i in owner { lp.addRow(byDemand[i].map { (Int($0), 1.0) }, lower: 1) }
        // The dual simplex from scratch is quick where the rows are few; on many it did not finish in its
        // share, and the primal gets more of the time: without the LP the Lagrangian tree leaves half open
        // (`coverAllPrimalRows`, docs/policy.md).
        let many = lp.rowCount >= options.coverAllPrimalRows
        guard let solver = LPBranchAndBound.solveRoot(lp, options: options, share: many ? options.coverAllPrimalLPShare : nil,
                                                      first: many ? .primal : .dual, clock: clock) else { return nil }
        var pool = CoverCutPool(sites: m)
        // The rows the root leaves slack leave the LP, which its rounds and nodes re-solve.
        let lazy = LazyCoverRows(rows: owner.map { byDemand[$0] }, solver: solver, share: options.lazyRowsShare)
        guard lazy.refreshed(solver, pool: &pool, clock: clock) else { return nil }
        // The LP's covering rows first (a row's dual to its owner), then the cuts' (rows back from `lazy`
        // among them).
        let bound = { (solver: LPSolver, fixing: Fixing?) -> Double in
            let duals = solver.rowDuals
            var u = [Double](repeating: 0, count: byDemand.count)
            for (k, r) in lazy.active.enumerated() { u[owner[r]] = max(0, duals[k]) }
            let v = (0..<pool.count).map { max(0, duals[lazy.active.count + $0]) }
            return relax(u, fixing: fixing, cuts: (pool, v)).bound
        }
        let lpBound = bound(solver, nil)
        var best = incumbent
        defer { incumbent = best }
        // The greedy's per-site costs from an LP point: sites the LP opens come first.
        let scores = { (x: [Double]) in (0..<m).map { costs[$0] * max(1e-6, 1 - x[$0]) } }
        let heuristic: ([Double], Fixing) -> Void = { x, fixing in
            if let s = greedy(reduced: scores(x), fixing: fixing) { offer(s, to: &best) }
        }
        heuristic(solver.columnValues, Fixing(candidates: m))
        guard addZeroHalfCuts(solver, lazy: lazy, pool: &pool, best: &best, clock: clock) else {
            return SearchOutcome(bound: lpBound)
        }
        let rootBound = max(lpBound, bound(solver, nil))
        clock.announce("cover-all: best \(cost(best)), LP bound " + String(format: "%.3f, %.3f", lpBound, rootBound)
                       + " with \(pool.count) zero-half cuts")
        if pool.count > 0 { heuristic(solver.columnValues, Fixing(candidates: m)) }
        // Where the root leaves little open, the tree closes it sooner than the perturbation would.
        if !closes(rootBound, cost(best), exact: true),
           (cost(best) - rootBound) / max(1e-9, cost(best)) > options.coverAllPerturbationGap {
            var ils = SetCoverPerturbation(patience: options.coverAllPerturbationPatience)
            ils.search(&best, in: self, scores: scores(solver.columnValues),
                       deadline: clock.deadline(share: options.coverAllPerturbationShare),
                       done: { closes(rootBound, $0, exact: true) }, clock: clock)
            clock.phase("perturbation")
        }
        guard !closes(rootBound, cost(best), exact: true), !clock.expired else { return SearchOutcome(bound: rootBound) }
        let tree = LPBranchAndBound(solver: solver, lower: lp.columnLower, upper: lp.columnUpper,
                                    binaries: m, costs: costs, toValue: -1, strong: StrongBranching(options))
        // The tree maximises: it sees −cost and −bound.
        let out = tree.run(root: Fixing(candidates: m), rootBound: -rootBound,
                           exactNodes: options.exactNodes(pairs: pairs),
                           basisBytes: options.waitingBasisBytes, clock: clock, .init(
            bound: { solver, fixing in -bound(solver, fixing) },
            heuristic: heuristic, incumbent: { -cost(best) },
            closes: { b, v, exact in closes(-b, -v, exact: exact) }, cutoff: { v, exact in -cutoff(-v, exact: exact) },
            minimises: true, restores: { lazy.addBroken($0, pool: &pool) }))
        clock.phase("branch and bound")
        return SearchOutcome(tree: out, root: rootBound, incumbent: cost(best), sign: -1)
    }

    /// Of site lists, those holding no other one kept before them (of equal lists, the first): a demand
    /// reached by every site that reaches another demand is reached whenever that one is, so its row
    /// adds nothing (uniform 5,000 × 1,000 at 500 m: 5,000 demands, 4,121 distinct rows → 1,217).
    /// Smallest lists first; a kept list is filed under its rarest site only, since a list holding it
    /// holds that site too (on 1,500 m villages, filing under every site made this 0.12 s of a 1 s run).
    static func undominated(_ rows: [[Int32]], sites: Int) -> [Int] {
        let order = rows.indices.sorted { (rows[$0].count, $0) < (rows[$1].count, $1) }
        var frequency = [Int](repeating: 0, count: sites)
        for row in rows { for j in row { frequency[Int(j)] += 1 } }
        var filed = [[Int32]](repeating: [], count: sites)
        var inRow = [Bool](repeating: false, count: sites)
        var kept: [Int] = []
        for r in order {
            for j in rows[r] { inRow[Int(j)] = true }
            let holdsAnother = rows[r].contains { j in
                filed[Int(j)].contains { s in rows[Int(s)].allSatisfy { inRow[Int($0)] } }
            }
            for j in rows[r] { inRow[Int(j)] = false }
            guard !holdsAnother else { continue }
            kept.append(r)
            if let rarest = rows[r].min(by: { (frequency[Int($0)], $0) < (frequency[Int($1)], $1) }) {
                filed[Int(rarest)].append(Int32(r))
            }
        }
        return kept.sorted()
    }
}
