import Foundation
import LinearProgramming

/// Maximal covering on its exact LP relaxation: the root LP's duals give the Lagrangian bound at its
/// best (the LP bound), zero-half cuts raise the bound (`addZeroHalfCuts`, priced by their duals), LP
/// solutions are rounded into answers, an iterated local search improves the answer where the root
/// leaves much open (the tree's roundings can be too slow to get there), and branch and bound
/// re-solves the LP.
extension MaximalCoveringSolver {
    /// Nil when the LP cannot be had: too large for the simplex (`coverageLPNonZeros`) or for CLP, or
    /// the root not solved in its share of the time.
    func lpSearch(_ incumbent: inout CoverState, clock: Clock) -> SearchOutcome? {
        let cover = CoverLP(model, limit: problem.limit)
        let lp = cover.program
        guard lp.nonZeros <= options.coverageLPNonZeros else {
            clock.phase("LP (too large)")
            return nil
        }
        // Primal simplex: the LP is feasible at y = z = 0 and its root solves 1.3-6 times faster than by the dual
        // (docs/siting.md).
        guard let solver = LPBranchAndBound.solveRoot(lp, options: options, share: options.coverageRootLPShare,
                                                      first: .primal, clock: clock) else { return nil }
        let bounder = CoverBound(model: model, limit: problem.limit)
        var pool = CoverCutPool(sites: model.byCandidate.count)
        // The demand rows the root leaves slack leave the LP, which its rounds and nodes re-solve.
        let demandRows = cover.demandRows(model)
        let lazy = LazyCoverRows(rows: demandRows.rows, covered: demandRows.covered, solver: solver,
                                 share: options.lazyRowsShare)
        guard lazy.refreshed(solver, pool: &pool, clock: clock) else { return nil }
        // The LP's rows first (a row's dual to its demand), then the cuts'.
        let bound = { (solver: LPSolver, fixing: Fixing?) -> Double in
            let (lambda, mu) = cover.multipliers(solver, rows: lazy, cuts: pool.count)
            return bounder.evaluate(lambda, fixing: fixing, cuts: (pool, mu)).bound
        }
        let lpBound = bound(solver, nil)
        clock.report("coverage: best \(incumbent.value + model.baseline), LP bound \(lpBound + model.baseline)")
        var best = incumbent
        defer { incumbent = best }
        var seen = Set<[Int]>()
        let heuristic: ([Double], Fixing) -> Void = { x, _ in offerRounded(x, to: &best, seen: &seen, clock: clock) }
        heuristic(solver.columnValues, Fixing(candidates: model.byCandidate.count))
        guard addZeroHalfCuts(solver, cover: cover, lazy: lazy, pool: &pool, incumbent: best.value, clock: clock) else {
            return SearchOutcome(bound: lpBound)
        }
        let rootBound = min(lpBound, bound(solver, nil))
        clock.announce("coverage: best \(best.value + model.baseline), LP bound " + String(format: "%.1f, %.1f",
                       lpBound + model.baseline, rootBound + model.baseline) + " with \(pool.count) zero-half cuts")
        if pool.count > 0 { heuristic(solver.columnValues, Fixing(candidates: model.byCandidate.count)) }
        // The tree rounds LP points too, and at its cheap nodes it gets there first; the search pays where
        // the root leaves much open (docs/siting.md).
        if rootBound - best.value > options.coverageTreePerturbationGap * (best.value + model.baseline) {
            perturb(&best, bound: rootBound, share: options.coverageTreePerturbationShare,
                    patience: options.coverageTreePerturbationPatience, clock: clock)
        }
        var search = SearchOutcome(bound: rootBound)
        if !closes(rootBound, best.value, exact: true), !clock.expired {
            let tree = LPBranchAndBound(solver: solver, lower: lp.columnLower, upper: lp.columnUpper,
                                        binaries: model.byCandidate.count, costs: model.costs, toValue: -1)
            let pairs = model.byCandidate.reduce(0) { $0 + $1.count }
            let out = tree.run(root: Fixing(candidates: model.byCandidate.count), rootBound: rootBound,
                               exactNodes: options.exactNodes(pairs: pairs),
                               basisBytes: options.waitingBasisBytes, clock: clock, .init(
                bound: bound,
                heuristic: heuristic, incumbent: { best.value },
                closes: { closes($0, $1, exact: $2) }, cutoff: { cutoff($0, exact: $1) },
                restores: { lazy.addBroken($0, pool: &pool) }))
            clock.phase("branch and bound")
            search = SearchOutcome(tree: out, root: rootBound, incumbent: best.value)
        }
        return search
    }
}
