import LinearProgramming

/// Maximal covering on its exact LP relaxation: the root LP's duals give the Lagrangian bound at its
/// best (the LP bound), LP solutions are rounded into answers, and branch and bound re-solves the LP.
extension MaximalCoveringSolver {
    /// Nil when the LP cannot be had: too large for CLP, or the root not solved in its share of the time.
    func lpSearch(_ incumbent: inout CoverState, clock: Clock) -> SearchOutcome? {
        let cover = CoverLP(model, limit: problem.limit)
        let lp = cover.program
        guard let solver = LPBranchAndBound.solveRoot(lp, options: options, share: options.coverageRootLPShare, clock: clock) else { return nil }
        let bounder = CoverBound(model: model, limit: problem.limit)
        let rootBound = bounder.evaluate(cover.multipliers(solver), fixing: nil).bound
        clock.report("coverage: best \(incumbent.value + model.baseline), LP bound \(rootBound + model.baseline)")
        var best = incumbent
        var seen = Set<[Int]>()
        let heuristic: ([Double], Fixing) -> Void = { x, _ in offerRounded(x, to: &best, seen: &seen, clock: clock) }
        heuristic(solver.columnValues, Fixing(candidates: model.byCandidate.count))
        var search = SearchOutcome(bound: rootBound)
        if !closes(rootBound, best.value, exact: true), !clock.expired {
            let tree = LPBranchAndBound(solver: solver, lower: lp.columnLower, upper: lp.columnUpper,
                                        binaries: model.byCandidate.count, costs: model.costs, toValue: -1)
            let pairs = model.byCandidate.reduce(0) { $0 + $1.count }
            let out = tree.run(root: Fixing(candidates: model.byCandidate.count), rootBound: rootBound,
                               exactNodes: options.exactNodes(pairs: pairs),
                               basisBytes: options.waitingBasisBytes, clock: clock, .init(
                bound: { solver, fixing in bounder.evaluate(cover.multipliers(solver), fixing: fixing).bound },
                heuristic: heuristic, incumbent: { best.value },
                closes: { closes($0, $1, exact: $2) }))
            clock.phase("branch and bound")
            search = SearchOutcome(tree: out, root: rootBound, incumbent: best.value)
        }
        incumbent = best
        return search
    }
}
