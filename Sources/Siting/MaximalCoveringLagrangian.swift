/// Maximal covering without the simplex LP (instances CLP cannot take, or not in time): the root bound
/// by PDHG (or subgradient steps where it is off), iterated local search for the answer, then branch
/// and bound with a warm-started Lagrangian at each node.
extension MaximalCoveringSolver {
    func lagrangianSearch(_ incumbent: inout CoverState, clock: Clock) -> SearchOutcome {
        let bounder = CoverBound(model: model, limit: problem.limit)
        var lambda = model.weights.map { $0 / 2 }
        var best = incumbent
        var point: [Double] = []
        let firstOrder = firstOrderRoot(&lambda, &best, point: &point, clock: clock)
        let (polished, _) = bounder.tighten(
            &lambda, fixing: nil, iterations: firstOrder.isFinite ? 0 : 20000, patience: 100, incumbent: { best.value },
            target: { closes($0, best.value, exact: true) },
            feasible: { offer($0, to: &best, improve: true, clock: clock) }, clock: clock)
        let rootBound = min(firstOrder, polished)
        clock.phase("bound")
        if !closes(rootBound, best.value, exact: true) { searchSubproblem(around: point, &best, clock: clock) }
        perturb(&best, bound: rootBound, share: options.coveragePerturbationShare,
                patience: options.coveragePerturbationPatience, clock: clock)
        clock.report("coverage: best \(best.value + model.baseline), bound \(rootBound + model.baseline)")
        var search = SearchOutcome(bound: rootBound)
        let pairs = model.byCandidate.reduce(0) { $0 + $1.count }
        search.branched = pairs <= options.branchingLimit
        if !closes(rootBound, best.value, exact: true), !clock.expired, search.branched {
            var evaluated = 0
            var pruned = -Double.infinity
            let exactNodes = options.exactNodes(pairs: pairs)
            let left = BranchAndBound<[Double]>.run(
                root: fixByReducedCost(bounder, lambda, incumbent: best.value), rootState: lambda, rootBound: rootBound,
                maximise: true, costs: model.costs, clock: clock,
                evaluate: { fixing, lambda in
                    evaluated += 1
                    return node(fixing, &lambda, bounder: bounder, incumbent: &best, pruned: &pruned,
                                exact: evaluated <= exactNodes, clock: clock)
                }, nodes: &search.nodes)
            clock.phase("branch and bound")
            search.bound = min(rootBound, max(pruned, left ?? best.value))
            search.stoppedByTime = left != nil
        }
        incumbent = best
        return search
    }

    /// The root LP's bound by PDHG (`CoverPDHG`) in its share of the time; `lambda` becomes its best
    /// multipliers, and its primal points are rounded into answers. Infinity when its share is 0.
    private func firstOrderRoot(_ lambda: inout [Double], _ best: inout CoverState, point: inout [Double],
                                clock: Clock) -> Double {
        guard options.firstOrderShare > 0 else { return .infinity }
        let pdhg = CoverPDHG(model, limit: problem.limit)
        var seen = Set<[Int]>()
        let deadline = clock.deadline(share: options.firstOrderShare)
        let result = pdhg.run(from: lambda, tolerance: options.firstOrderTolerance, deadline: deadline, clock: clock,
                              done: { closes($0, best.value, exact: true) },
                              primalPoint: { point = $0; offerRounded($0, to: &best, seen: &seen, clock: clock) })
        lambda = result.lambda
        clock.phase("first-order LP (\(result.iterations) steps)")
        return result.bound
    }

    /// Sites whose forced opening (closing) alone brings the bound down to the incumbent are closed
    /// (opened) for good. Count limit only: a knapsack has no such simple test.
    func fixByReducedCost(_ bounder: CoverBound, _ lambda: [Double], incumbent: Double) -> Fixing {
        var fixing = Fixing(candidates: model.byCandidate.count)
        guard case .count(let p) = problem.limit else { return fixing }
        let r = bounder.evaluate(lambda, fixing: nil)
        let chosen = Set(r.sites)
        // The swap argument needs the relaxation to have filled all p places.
        guard chosen.count == p, chosen.count < model.byCandidate.count else { return fixing }
        let lastIn = r.sites.map { r.g[$0] }.min()!
        let firstOut = (0..<model.byCandidate.count).filter { !chosen.contains($0) }.map { max(0, r.g[$0]) }.max()!
        for j in 0..<model.byCandidate.count {
            if chosen.contains(j) {
                if closes(r.bound - r.g[j] + firstOut, incumbent, exact: true) { fixing = fixing.with(j, open: true, cost: model.costs[j]) }
            } else if closes(r.bound - lastIn + max(0, r.g[j]), incumbent, exact: true) {
                fixing = fixing.with(j, open: false, cost: model.costs[j])
            }
        }
        return fixing
    }

    private func node(_ fixing: Fixing, _ lambda: inout [Double], bounder: CoverBound, incumbent: inout CoverState,
                      pruned: inout Double, exact: Bool, clock: Clock) -> NodeOutcome {
        switch problem.limit {
        case .count(let p): if fixing.openCount > p { return .pruned }
        case .budget(let b): if fixing.openCost > b + 1e-9 { return .pruned }
        }
        var current = incumbent
        let (ub, last) = bounder.tighten(
            &lambda, fixing: fixing, iterations: 60, incumbent: { current.value },
            target: { closes($0, current.value, exact: exact) },
            feasible: { offer($0, to: &current, improve: false, clock: clock) }, clock: clock)
        if current.value > incumbent.value + 1e-9 {
            CoverSearch.improve(&current, limit: problem.limit, clock: clock)
            incumbent = current
        }
        clock.report("branch and bound: best \(incumbent.value + model.baseline)")
        if closes(ub, incumbent.value, exact: exact) { pruned = max(pruned, ub); return .pruned }
        // Branch on the free site the relaxation values most (a fractional one first).
        var pick = -1
        var pickScore = -Double.infinity
        for j in 0..<last.amount.count where fixing.state[j] == 0 && last.amount[j] > 0 {
            let score = (last.amount[j] < 1 ? 1e18 : 0) + last.g[j]
            if score > pickScore { pick = j; pickScore = score }
        }
        if pick < 0 {
            for j in 0..<last.g.count where fixing.state[j] == 0 && last.g[j] > pickScore { pick = j; pickScore = last.g[j] }
        }
        return pick < 0 ? .pruned : .branch(pick, bound: ub)
    }
}
