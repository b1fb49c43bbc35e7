import LinearProgramming

/// p-median on its LP relaxation (`MedianLP`, capped lists): the root LP's duals give the Lagrangian
/// bound at its best, LP solutions are rounded and improved into answers, and branch and bound
/// re-solves the LP. Every bound is recomputed by `relax` on the uncapped model from the duals.
extension PMedianSolver {
    /// Nil when the root LP cannot be had in its share of the time (the Lagrangian search takes over).
    func lpSearch(_ incumbent: inout MedianState, lambda: [Double], rootBound lagrangian: Double, seen: inout Set<[Int]>,
                  clock: Clock) -> SearchOutcome? {
        guard let (lp, solver) = rootLP(incumbent, lambda: lambda, clock: clock) else { return nil }
        let rootBound = max(lagrangian, relax(lp.multipliers(solver), fixing: nil).bound)
        clock.report("p-median: best \(incumbent.cost), LP bound \(rootBound)")
        var best = incumbent, found = seen
        defer { incumbent = best; seen = found }
        let heuristic: ([Double], Fixing) -> Void = { x, _ in
            let start = Array(LPBranchAndBound.byLPValue(x, sites: model.m).prefix(model.p))
            offer(MedianSearch.greedy(model, start: start), to: &best, seen: &found, clock: clock)
        }
        heuristic(solver.columnValues, Fixing(candidates: model.m))
        guard !closes(rootBound, best.cost, exact: true), !clock.expired else { return SearchOutcome(bound: rootBound) }
        let program = lp.program
        let tree = LPBranchAndBound(solver: solver, lower: program.columnLower, upper: program.columnUpper,
                                    binaries: model.m, costs: [Double](repeating: 1, count: model.m), toValue: -1)
        // The tree maximises: it sees −cost and −bound.
        let out = tree.run(root: Fixing(candidates: model.m), rootBound: -rootBound,
                           exactNodes: options.exactNodes(pairs: program.columnCount - model.m),
                           basisBytes: options.waitingBasisBytes, clock: clock, .init(
            bound: { solver, fixing in -relax(lp.multipliers(solver), fixing: fixing).bound },
            heuristic: heuristic, incumbent: { -best.cost },
            closes: { b, v, exact in closes(-b, -v, exact: exact) }, minimises: true))
        clock.phase("branch and bound")
        return SearchOutcome(tree: out, root: rootBound, incumbent: best.cost, sign: -1)
    }

    /// The root LP, its caps widened (each round doubling the sites listed for demands the LP sends
    /// beyond their cap) until no cap binds, the rounds run out or a wider LP would be too large; nil
    /// when not even the first is small enough or CLP does not finish it in time.
    private func rootLP(_ incumbent: MedianState, lambda: [Double], clock: Clock) -> (MedianLP, LPSolver)? {
        var wanted = (0..<model.n).map { i in
            // The sites nearer than this demand's distance in the answer or its multiplier's reach.
            let reach = max(incumbent.d1[i], model.weights[i] > 0 ? lambda[i] / model.weights[i] : 0)
            let dist = model.rows.distance[model.rows.range(i)]
            var k = 0
            while k < dist.count, dist[dist.startIndex + k] <= reach { k += 1 }
            return k + options.medianExtraSites
        }
        var solved: (MedianLP, LPSolver)?
        for round in 0...options.medianCapRounds {
            guard options.useLP, let lp = MedianLP(model, listed: wanted, maxPairs: options.medianLPColumns),
                  let solver = LPSolver(lp.program),
                  solver.solve(share: clock.left * options.rootLPShare, clock: clock) == .optimal else { break }
            solved = (lp, solver)
            let capped = lp.capped(solver, model: model)
            clock.report("p-median LP round \(round): \(lp.program.columnCount) columns, \(capped.count) demands at their cap")
            if capped.isEmpty { break }
            for i in capped { wanted[i] = 2 * max(1, lp.listed[i]) + options.medianExtraSites }
        }
        clock.phase(solved == nil ? "LP (not used)" : "LP bound")
        return solved
    }
}
