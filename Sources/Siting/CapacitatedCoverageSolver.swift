import LinearProgramming

/// Greedy and swap search for the answer (exact flows), enumeration when the instance is tiny, else
/// the LP relaxation (CLP) with LP-guided rounding and branch and bound; a combinatorial bound where no
/// LP can be had. LP bounds are trusted to CLP's precision, so "proven" means within 1e-6 (relative).
struct CapacitatedCoverageSolver {
    let problem: CapacitatedCoverageProblem
    let options: SolverOptions

    /// Relative precision of an LP bound: the proof's tolerance for this objective.
    static let lpPrecision = 1e-6

    func closes(_ bound: Double, _ value: Double, exact: Bool) -> Bool {
        let slack = max(options.slack(value, exact: exact), Self.lpPrecision * max(1, abs(value)))
        return bound <= value + slack
    }

    func solve() -> SitingSolution {
        let clock = Clock(options)
        let search = CapacitatedSearch(problem: problem)
        // The first answer is whole whatever the limit: `--time-limit 0` still gets the greedy's sites.
        var (sites, total) = search.greedy(clock: nil)
        clock.phase("greedy")
        if let exact = search.enumerate(limit: options.enumerationLimit, clock: clock) {
            clock.phase("enumeration")
            if exact.total > total + 1e-9 { sites = exact.sites; total = exact.total }
            return SitingSolution(chosen: sites, objective: total, bound: total, sense: .maximise,
                                  proven: true, phases: clock.phases, nodes: exact.count)
        }
        var outcome = SearchOutcome(bound: flowBound())
        if closes(outcome.bound, total, exact: true) {
            clock.phase("bound")   // the new sites fill up: nothing to search
        } else if var lp = lpSearch(&sites, &total, search: search, clock: clock) {
            lp.bound = min(outcome.bound, lp.bound)
            outcome = lp
        } else {
            search.improve(&sites, &total, clock: clock)
            clock.phase("local search")
            outcome.bound = min(outcome.bound, reachablePlaces(clock: clock))
            outcome.branched = false
            clock.phase("bound")
        }
        let proven = closes(outcome.bound, total, exact: true)
        var solution = SitingSolution(chosen: sites, objective: total, bound: proven ? total : max(outcome.bound, total),
                                      sense: .maximise, proven: proven, phases: clock.phases, nodes: outcome.nodes)
        solution.stop = .of(proven: proven, timedOut: outcome.stoppedByTime || clock.expired, searched: outcome.branched)
        solution.timedPhases = clock.timedAtEnd
        return solution
    }

    /// Required places within reach of existing or new sites (the coverage bound on required places).
    private func reachablePlaces(clock: Clock) -> Double {
        var reachedByExisting = [Bool](repeating: false, count: problem.demand.count)
        for list in problem.existing.byCandidate { for i in list { reachedByExisting[Int(i)] = true } }
        let covering = MaximalCoveringProblem(weights: problem.demand, sets: problem.sets,
                                              alreadyCovered: reachedByExisting, costs: problem.costs, limit: problem.limit)
        var options = SolverOptions(timeLimit: max(0.5, min(5, clock.left)))
        options.branchingLimit = 0
        options.useLP = false
        let inner = covering.solve(options)
        // Its time limit is this phase's share: a bound it cut short is reported as a timed phase.
        if inner.stop == .timeLimit || !inner.timedPhases.isEmpty { clock.shareRanOut() }
        return inner.bound
    }

    /// Places the existing facilities can take on their own (a maximum flow: with new sites they take no
    /// more) plus what the best new sites the limit allows can take, each at most its capacity and the
    /// required places within its reach. Proves at once the runs where the new sites fill up.
    private func flowBound() -> Double {
        let existing = PlacesNetwork(problem).total
        let most = (0..<problem.sets.candidateCount).map { j in
            min(problem.capacities[j], problem.sets.byCandidate[j].reduce(0) { $0 + problem.demand[Int($1)] })
        }
        switch problem.limit {
        case .count(let p):
            return existing + most.sorted(by: >).prefix(p).reduce(0, +)
        case .budget(let b):
            var (taken, room) = (existing, b)
            for j in most.indices.sorted(by: { most[$0] / max(problem.costs[$0], 1e-12) > most[$1] / max(problem.costs[$1], 1e-12) }) {
                let c = problem.costs[j]
                if c <= room { taken += most[j]; room -= c } else { taken += most[j] * room / c; break }
            }
            return taken
        }
    }
}
