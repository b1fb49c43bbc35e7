import LinearProgramming

/// Capacitated coverage on its LP relaxation: the root bound, LP solutions rounded into answers (exact
/// flows, then the greedy for any room left, then swaps), and branch and bound on the LP.
extension CapacitatedCoverageSolver {
    func lpSearch(_ sites: inout [Int], _ total: inout Double, search: CapacitatedSearch, clock: Clock) -> SearchOutcome? {
        let pairs = CapacitatedLP.pairs(problem)
        let lp = CapacitatedLP.program(problem, strong: pairs <= options.strongCapacityPairs)
        guard let solver = LPBranchAndBound.solveRoot(lp, options: options, clock: clock) else { return nil }
        let rootBound = -solver.objective
        var best = (sites: sites, total: total)
        var seen = Set<[Int]>()
        let m = problem.sets.candidateCount
        let heuristic: ([Double], Fixing) -> Void = { x, _ in
            var chosen: [Int] = []
            for j in LPBranchAndBound.byLPValue(x, sites: m) where search.fits(chosen, adding: j) { chosen.append(j) }
            guard seen.insert(chosen.sorted()).inserted else { return }
            var (s, t) = search.greedy(from: chosen, clock: clock)
            guard t > best.total * (1 - options.polishWithin) else { return }
            // Swaps cost a flow each: a share of the time left, so that the tree gets the rest.
            search.improve(&s, &t, clock: clock, until: clock.deadline(share: options.swapShare))
            if t > best.total + 1e-9 { best = (s, t) }
        }
        heuristic(solver.columnValues, Fixing(candidates: m))
        var outcome = SearchOutcome(bound: rootBound)
        if !closes(rootBound, best.total, exact: true), !clock.expired {
            let tree = LPBranchAndBound(solver: solver, lower: lp.columnLower, upper: lp.columnUpper,
                                        binaries: m, costs: problem.costs, toValue: -1,
                                        strong: StrongBranching(options))
            let out = tree.run(root: Fixing(candidates: m), rootBound: rootBound,
                               exactNodes: options.exactNodes(pairs: pairs),
                               basisBytes: options.waitingBasisBytes, clock: clock, .init(
                bound: { solver, _ in -solver.objective }, heuristic: heuristic, incumbent: { best.total },
                closes: { closes($0, $1, exact: $2) }))
            clock.phase("branch and bound")
            outcome = SearchOutcome(tree: out, root: rootBound, incumbent: best.total)
        }
        (sites, total) = best
        return outcome
    }
}
