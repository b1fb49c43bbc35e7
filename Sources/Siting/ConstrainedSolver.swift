import LinearProgramming

/// Any objective with side constraints: its exact model plus the constraints' rows, solved by LP-based
/// branch and bound (CLP), with constraint-keeping rounding and swaps for answers. Bounds are CLP's LP
/// optima, trusted to `lpPrecision` (relative), as for capacitated coverage; they hold with the
/// constraints because the constraints are in the LP.
struct ConstrainedSolver<O: ConstrainedObjective> {
    let objective: O
    let constraints: SiteConstraints
    let options: SolverOptions
    let search: ConstrainedSearch<O>

    init(_ objective: O, _ constraints: SiteConstraints, _ options: SolverOptions) {
        self.objective = objective
        self.constraints = constraints
        self.options = options
        search = ConstrainedSearch(objective, constraints)
    }

    /// No answer scoring above `value` (beyond the tolerance, unless `exact`) lies below bound `ub`.
    func closes(_ ub: Double, _ value: Double, exact: Bool) -> Bool {
        guard value.isFinite else { return false }
        let u = objective.integral ? (ub + 1e-6).rounded(.down) : ub
        let slack = max(options.slack(value, exact: exact), CapacitatedCoverageSolver.lpPrecision * max(1, abs(value)))
        return u <= value + slack
    }

    func solve() -> SitingSolution {
        let clock = Clock(options)
        var lp = objective.program(strongPairs: options.strongCapacityPairs)
        constraints.addRows(to: &lp)
        var best = search.build(order: search.standaloneOrder(), wanted: 0)
        if var b = best { search.improve(&b, clock: clock, deadline: clock.limit * options.swapShare); best = b }
        clock.phase("greedy and swaps")
        guard let solver = LPSolver(lp) else {
            return finish(best, bound: objective.trivialBound, stop: .sizeLimit, nodes: 0, clock: clock)
        }
        switch solver.solve(seconds: clock.left) {
        case .infeasible: return SitingSolution.infeasible(sense: objective.sense, phases: clock.phases)
        case .stopped, .passedLimit: return finish(best, bound: objective.trivialBound, stop: .timeLimit, nodes: 0, clock: clock)
        case .optimal: clock.phase("LP bound")
        }
        let offset = objective.offset
        let rootBound = -solver.objective
        var seen = Set<[Int]>()
        let heuristic: ([Double], Fixing) -> Void = { x, _ in
            let order = LPBranchAndBound.byLPValue(x, sites: objective.siteCount)
            guard var a = search.build(order: order, wanted: order.count), seen.insert(a.sites).inserted else { return }
            search.improve(&a, clock: clock, deadline: min(clock.limit, clock.elapsed + clock.limit * options.swapShare / 4))
            if a.score > (best?.score ?? -.infinity) + 1e-9 * max(1, abs(a.score)) { best = a }
        }
        heuristic(solver.columnValues, Fixing(candidates: objective.siteCount))
        let incumbent = { (best?.score ?? -.infinity) - offset }
        let tree = LPBranchAndBound(solver: solver, lower: lp.columnLower, upper: lp.columnUpper,
                                    binaries: objective.siteCount, costs: objective.costs, toValue: -1)
        var out = LPBranchAndBound.Outcome()
        if !closes(rootBound, incumbent(), exact: true) {
            out = tree.run(root: Fixing(candidates: objective.siteCount), rootBound: rootBound,
                           exactNodes: options.exactNodes(pairs: lp.nonZeros),
                           basisBytes: options.waitingBasisBytes, clock: clock, .init(
                bound: { s, _ in -s.objective }, heuristic: heuristic, incumbent: incumbent,
                closes: { closes($0, $1, exact: $2) }))
            clock.phase("branch and bound")
        }
        guard best != nil || out.stoppedByTime else {
            return SitingSolution.infeasible(sense: objective.sense, phases: clock.phases)
        }
        let bound = out.bound(root: rootBound, incumbent: incumbent()) + offset
        let proven = best.map { closes(bound, $0.score, exact: true) } ?? false
        return finish(best, bound: bound, stop: .of(proven: proven, timedOut: out.stoppedByTime, searched: true),
                      nodes: out.nodes, clock: clock)
    }

    private func finish(_ best: ConstrainedSearch<O>.Answer?, bound: Double, stop: StopReason, nodes: Int,
                        clock: Clock) -> SitingSolution {
        guard let best else { return SitingSolution.notFound(sense: objective.sense, phases: clock.phases, stop: stop) }
        let proven = stop == .proven
        let value = objective.value(ofScore: best.score)
        var s = SitingSolution(chosen: best.sites, objective: value,
                               bound: proven ? value : objective.value(ofScore: max(bound, best.score)),
                               sense: objective.sense, proven: proven, phases: clock.phases, nodes: nodes)
        s.stop = stop
        s.timedPhases = clock.timedAtEnd
        s.tight = constraints.tight(best.sites)
        return s
    }
}
