/// Greedy + swap search for a good answer, Lagrangian bound for a certificate, and branch and bound
/// to close the gap when the instance is small enough.
struct MaximalCoveringSolver {
    let problem: MaximalCoveringProblem
    let options: SolverOptions
    let model: GainModel

    init(_ problem: MaximalCoveringProblem, _ options: SolverOptions) {
        self.problem = problem
        self.options = options
        model = GainModel(problem)
    }

    /// Proven when no integer answer can lie above `value` given bound `ub`.
    private func closes(_ ub: Double, _ value: Double) -> Bool {
        let tolerance = 1e-9 * max(1, abs(value))
        return (model.integral ? (ub + 1e-6).rounded(.down) : ub) <= value + tolerance
    }

    func solve() -> SitingSolution {
        let clock = Clock(options)
        var best = CoverSearch.greedy(model, limit: problem.limit)
        clock.phase("greedy")
        CoverSearch.improve(&best, limit: problem.limit, clock: clock)
        clock.phase("local search")

        let bounder = CoverBound(model: model, limit: problem.limit)
        var lambda = model.weights.map { $0 / 2 }
        var incumbent = best
        let (rootBound, _) = bounder.tighten(
            &lambda, fixing: nil, iterations: 400, incumbent: { incumbent.value },
            target: { closes($0, incumbent.value) },
            feasible: { sites in
                var s = CoverState(model)
                for j in sites where CoverSearch.fits(s, adding: j, limit: problem.limit) { s.add(j) }
                if s.value > incumbent.value + 1e-9 {
                    CoverSearch.improve(&s, limit: problem.limit, clock: clock)
                    incumbent = s
                }
            }, clock: clock)
        clock.phase("bound")
        clock.report("coverage: best \(incumbent.value + model.baseline), bound \(rootBound + model.baseline)")

        var proven = closes(rootBound, incumbent.value)
        var nodes = 0
        var treeBound = rootBound
        if !proven, !clock.expired, model.byCandidate.reduce(0, { $0 + $1.count }) <= options.branchingLimit {
            let left = BranchAndBound<[Double]>.run(
                root: Fixing(candidates: model.byCandidate.count), rootState: lambda, rootBound: rootBound, maximise: true, costs: model.costs, clock: clock,
                evaluate: { fixing, lambda in
                    node(fixing, &lambda, bounder: bounder, incumbent: &incumbent, clock: clock)
                }, nodes: &nodes)
            clock.phase("branch and bound")
            proven = left == nil
            if let left { treeBound = left }
        }
        let objective = incumbent.value + model.baseline
        let bound = proven ? objective : max(objective, min(rootBound, treeBound) + model.baseline)
        return SitingSolution(chosen: incumbent.sites, objective: objective, bound: bound, sense: .maximise,
                              proven: proven, phases: clock.phases, nodes: nodes)
    }

    private func node(_ fixing: Fixing, _ lambda: inout [Double], bounder: CoverBound, incumbent: inout CoverState,
                      clock: Clock) -> NodeOutcome {
        switch problem.limit {
        case .count(let p): if fixing.openCount > p { return .pruned }
        case .budget(let b): if fixing.openCost > b + 1e-9 { return .pruned }
        }
        var current = incumbent
        let (ub, last) = bounder.tighten(
            &lambda, fixing: fixing, iterations: 60, incumbent: { current.value },
            target: { closes($0, current.value) },
            feasible: { sites in
                var s = CoverState(model)
                for j in sites where CoverSearch.fits(s, adding: j, limit: problem.limit) { s.add(j) }
                if s.value > current.value + 1e-9 { current = s }
            }, clock: clock)
        if current.value > incumbent.value + 1e-9 {
            CoverSearch.improve(&current, limit: problem.limit, clock: clock)
            incumbent = current
        }
        clock.report("branch and bound: best \(incumbent.value + model.baseline)")
        if closes(ub, incumbent.value) { return .pruned }
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
