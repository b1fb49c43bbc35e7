/// Greedy + swap search for a good answer; the exact LP relaxation (CLP) for the bound, an iterated local
/// search at its root, LP-guided rounding and branch and bound on the LP to close the gap. Where no LP
/// can be had (too large, or the root LP does not finish in its share of the time) a first-order LP
/// method gives the root bound, an iterated local search the answer, and the Lagrangian relaxation the tree.
struct MaximalCoveringSolver {
    let problem: MaximalCoveringProblem
    let options: SolverOptions
    let model: GainModel

    init(_ problem: MaximalCoveringProblem, _ options: SolverOptions) {
        self.problem = problem
        self.options = options
        model = GainModel(problem)
    }

    /// No answer better than `value` (beyond the gap tolerance, unless `exact`) lies below bound `ub`.
    func closes(_ ub: Double, _ value: Double, exact: Bool = false) -> Bool {
        let slack = options.slack(value, exact: exact)
        return (model.integral ? (ub + 1e-6).rounded(.down) : ub) <= value + slack
    }

    /// Below which bound `closes` holds against `value` (integral weights: any bound under the next
    /// whole number above the slack).
    func cutoff(_ value: Double, exact: Bool) -> Double {
        let slack = options.slack(value, exact: exact)
        return model.integral ? (value + slack).rounded(.down) + 1 - 2e-6 : value + slack
    }

    func solve() -> SitingSolution {
        let clock = Clock(options)
        var incumbent = CoverSearch.greedy(model, limit: problem.limit)
        clock.phase("greedy")
        CoverSearch.improve(&incumbent, limit: problem.limit, clock: clock)
        clock.phase("local search")
        let search = reachesAll(incumbent) ?? lpSearch(&incumbent, clock: clock) ?? lagrangianSearch(&incumbent, clock: clock)
        let proven = closes(search.bound, incumbent.value, exact: true)
        let objective = incumbent.value + model.baseline
        let bound = proven ? objective : max(objective, search.bound + model.baseline)
        var solution = SitingSolution(chosen: incumbent.sites.map { model.original[$0] }, objective: objective, bound: bound,
                                      sense: .maximise, proven: proven, phases: clock.phases, nodes: search.nodes)
        solution.stop = .of(proven: proven, timedOut: search.stoppedByTime || clock.expired, searched: search.branched)
        solution.timedPhases = clock.timedAtEnd
        return solution
    }

    /// Proven at once when the answer reaches every demand some candidate reaches (villages 100,000 ×
    /// 10,000 at p = 1,000: 181 sites do): the LP of 16.9 M pairs was built and tried for 36 s before.
    private func reachesAll(_ s: CoverState) -> SearchOutcome? {
        let reachable = model.weights.reduce(0, +)
        return closes(reachable, s.value, exact: true) ? SearchOutcome(bound: reachable) : nil
    }

    /// Iterated local search (`CoverPerturbation`) in `share` of the time left, while `bound` does not
    /// close the answer and until `patience` rounds in a row bring nothing.
    func perturb(_ best: inout CoverState, bound: Double, share: Double, patience: Int, clock: Clock) {
        guard share > 0, !closes(bound, best.value, exact: true) else { return }
        var search = CoverPerturbation(patience: patience, limit: problem.limit)
        let deadline = clock.deadline(share: share)
        let rounds = search.search(&best, deadline: deadline, done: { closes(bound, $0, exact: true) }, clock: clock)
        clock.phase("perturbation (\(rounds) rounds)")
    }

    /// Rounds LP point `x` (`CoverLP.round`) and keeps it, improved by swaps, if it beats `best`; a
    /// rounding already tried (`seen`) or more than `polishWithin` below `best` is not worth a swap search.
    func offerRounded(_ x: [Double], to best: inout CoverState, seen: inout Set<[Int]>, clock: Clock) {
        var s = CoverLP.round(x, model: model, limit: problem.limit)
        guard s.value > best.value * (1 - options.polishWithin), seen.insert(s.sites.sorted()).inserted else { return }
        CoverSearch.improve(&s, limit: problem.limit, clock: clock)
        if s.value > best.value + 1e-9 { best = s }
    }

    /// Adds `sites` (as far as they fit) to an empty answer; keeps it, improved, if it beats `incumbent`.
    func offer(_ sites: [Int], to incumbent: inout CoverState, improve: Bool, clock: Clock) {
        var s = CoverState(model)
        for j in sites where CoverSearch.fits(s, adding: j, limit: problem.limit) { s.add(j) }
        guard s.value > incumbent.value + 1e-9 else { return }
        if improve { CoverSearch.improve(&s, limit: problem.limit, clock: clock) }
        incumbent = s
    }
}
