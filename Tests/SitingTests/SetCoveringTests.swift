import Testing
@testable import Siting

@Suite struct SetCoveringTests {
    @Test(arguments: 0..<12)
    func matchesBruteForce(seed: Int) {
        let inst = PlaneInstance(n: 40, m: 12, seed: UInt64(200 + seed))
        let useCost = seed % 2 == 1
        let problem = SetCoveringProblem(sets: inst.sets(radius: 260), costs: useCost ? inst.costs : nil)
        let best = allSubsets(12, upTo: 12).filter(problem.covers).map(problem.cost).min()!
        let s = problem.solve()
        #expect(problem.covers(s.chosen))
        #expect(s.objective == best)
        #expect(s.bound <= s.objective + 1e-9)
        #expect(s.proven)
    }

    /// The LP route (with zero-half cut rounds and without, with strong branching and without) and the
    /// Lagrangian route each prove brute force's optimum, with and without costs and with demands sharing
    /// their sets of sites (one LP row).
    @Test(arguments: [true, false], [(cutRounds: 0, strong: 0), (100, 0), (0, 4), (100, 4)])
    func everyRouteMatchesBruteForce(useLP: Bool, tree: (cutRounds: Int, strong: Int)) {
        for seed in 0..<8 {
            let inst = PlaneInstance(n: 60, m: 12, seed: UInt64(500 + seed))
            let problem = SetCoveringProblem(sets: inst.sets(radius: 230), costs: seed % 2 == 1 ? inst.costs : nil)
            var options = SolverOptions()
            options.useLP = useLP
            options.zeroHalfRounds = tree.cutRounds
            options.strongBranchCandidates = tree.strong
            let best = allSubsets(12, upTo: 12).filter(problem.covers).map(problem.cost).min()!
            let s = problem.solve(options)
            #expect(problem.covers(s.chosen), "seed \(seed)")
            #expect(abs(s.objective - best) < 1e-9, "seed \(seed)")
            #expect(s.bound <= best + 1e-9, "seed \(seed)")
            #expect(s.proven, "seed \(seed)")
        }
    }

    /// With the root LP solved by the primal simplex (as on many rows), the LP route proves brute force's optimum.
    @Test func primalRootMatchesBruteForce() {
        for seed in 0..<6 {
            let inst = PlaneInstance(n: 60, m: 12, seed: UInt64(520 + seed))
            let problem = SetCoveringProblem(sets: inst.sets(radius: 230), costs: seed % 2 == 1 ? inst.costs : nil)
            var options = SolverOptions()
            options.coverAllPrimalRows = 0
            let best = allSubsets(12, upTo: 12).filter(problem.covers).map(problem.cost).min()!
            let s = problem.solve(options)
            #expect(problem.covers(s.chosen) && abs(s.objective - best) < 1e-9 && s.proven, "seed \(seed)")
        }
    }

    /// Stopped at once, the answer is the greedy's and the bound is no count below zero.
    @Test func noTimeLeavesABoundOfAtLeastZero() {
        let inst = PlaneInstance(n: 300, m: 60, seed: 9)
        let problem = SetCoveringProblem(sets: inst.sets(radius: 150))
        var options = SolverOptions()
        options.timeLimit = 0
        let s = problem.solve(options)
        #expect(problem.covers(s.chosen))
        #expect(s.bound >= 0 && s.bound <= s.objective)
        #expect(s.stop == .timeLimit)
    }

    /// An odd cycle: the LP is 1.5 (every y = ½), its bound rounded up (unit costs) proves the optimum 2.
    @Test func oddCycleIsProvenFromTheLPBound() {
        let sets = CoverageSets(demandCount: 3, byCandidate: [[0, 1], [1, 2], [0, 2]])
        var options = SolverOptions()
        options.gapTolerance = 0
        let s = SetCoveringProblem(sets: sets).solve(options)
        #expect(s.objective == 2 && s.proven)
        #expect(s.chosen.count == 2)
    }

    /// One site reaching what two reach alone replaces them, if it costs less than both together;
    /// a site fixed open stays.
    @Test func oneSiteReplacesTwo() {
        let byCandidate: [[Int32]] = [[0, 1], [2, 3], [0, 1, 2, 3], [1, 2]]
        let byDemand = CoverageSets.invert(byCandidate, count: 4) { Int($0) }
        let unit = SetCoverSearch(byCandidate: byCandidate, byDemand: byDemand, costs: [1, 1, 1, 1])
        #expect(unit.improve([0, 1], fixing: nil) == [2])
        #expect(unit.improve([0, 1], fixing: Fixing(candidates: 4).with(0, open: true, cost: 1)) == [0, 1])
        #expect(unit.improve([0, 1], fixing: Fixing(candidates: 4).with(2, open: false, cost: 1)) == [0, 1])
        let dear = SetCoverSearch(byCandidate: byCandidate, byDemand: byDemand, costs: [1, 1, 2.5, 1])
        #expect(dear.improve([0, 1], fixing: nil) == [0, 1])
    }

    /// On random sets the search keeps a cover and never raises its cost.
    @Test(arguments: 0..<6)
    func searchKeepsACoverAndNeverRaisesTheCost(seed: Int) {
        let inst = PlaneInstance(n: 120, m: 30, seed: UInt64(40 + seed))
        let problem = SetCoveringProblem(sets: inst.sets(radius: 300), costs: seed % 2 == 0 ? nil : inst.costs)
        let reachable = (0..<30).filter { !problem.sets.byCandidate[$0].isEmpty }
        let byDemand = CoverageSets.invert(problem.sets.byCandidate, count: 120) { Int($0) }
        let search = SetCoverSearch(byCandidate: problem.sets.byCandidate, byDemand: byDemand, costs: problem.costs)
        let better = search.improve(reachable, fixing: nil)
        #expect(problem.covers(better))
        #expect(problem.cost(better) <= problem.cost(reachable))
    }

    /// A search told the cover it started from a local optimum a few sites away (the perturbation's
    /// rounds) looks only where those sites changed, and ends where the full search ends.
    @Test(arguments: 0..<8)
    func searchAfterALocalOptimumEndsWhereTheFullSearchEnds(seed: Int) {
        let inst = PlaneInstance(n: 200, m: 50, seed: UInt64(60 + seed))
        let problem = SetCoveringProblem(sets: inst.sets(radius: 250), costs: seed % 2 == 0 ? nil : inst.costs)
        let byCandidate = problem.sets.byCandidate
        let byDemand = CoverageSets.invert(byCandidate, count: 200) { Int($0) }
        let search = SetCoverSearch(byCandidate: byCandidate, byDemand: byDemand, costs: problem.costs)
        let optimum = search.improve((0..<50).filter { !byCandidate[$0].isEmpty }, fixing: nil)
        var random = SeededRandom(seed: UInt64(seed + 1))
        for _ in 0..<10 {
            // Two to four sites of the optimum closed, the cover completed by sites in random order.
            var sites = optimum
            for _ in 0..<Int.random(in: 2...4, using: &random) where !sites.isEmpty {
                sites.remove(at: Int.random(in: 0..<sites.count, using: &random))
            }
            for j in (0..<50).shuffled(using: &random) where !problem.covers(sites) && !sites.contains(j) {
                sites.append(j)
            }
            sites.sort()
            #expect(problem.covers(sites))
            #expect(search.improve(sites, fixing: nil, after: optimum) == search.improve(sites, fixing: nil))
        }
    }

    /// A row holding another row's sites is dropped, and so is a repeat of a row; equal sizes and
    /// disjoint rows stay.
    @Test func rowsHoldingAnotherAreDropped() {
        let rows: [[Int32]] = [[0, 1, 2], [1], [1, 3], [2, 4], [0, 2, 4], [3, 4]]
        #expect(SetCoveringSolver.undominated(rows, sites: 5) == [1, 3, 5])
        #expect(SetCoveringSolver.undominated(rows + [[2, 4], [1]], sites: 5) == [1, 3, 5])
    }

    /// On random rows, the rows kept are those that hold no smaller row kept (of equal rows, the first),
    /// checked pair by pair.
    @Test(arguments: 0..<6)
    func undominatedMatchesPairwiseCheck(seed: Int) {
        var rng = SeededRandom(seed: UInt64(70 + seed))
        let rows: [[Int32]] = (0..<80).map { _ in
            Array(Set((0..<Int.random(in: 1...5, using: &rng)).map { _ in Int32.random(in: 0..<12, using: &rng) })).sorted()
        }
        let order = rows.indices.sorted { (rows[$0].count, $0) < (rows[$1].count, $1) }
        var kept: [Int] = []
        for r in order where !kept.contains(where: { Set(rows[$0]).isSubset(of: rows[r]) }) { kept.append(r) }
        #expect(SetCoveringSolver.undominated(rows, sites: 12) == kept.sorted())
    }

    /// A node's LP may stop at `cutoff` only where `closes` then holds: just above it a bound closes,
    /// just below it does not, with whole and fractional costs, with and without a gap tolerance.
    @Test(arguments: [0.0, 0.3])
    func cutoffAgreesWithCloses(fraction: Double) {
        let inst = PlaneInstance(n: 60, m: 20, seed: 9)
        let problem = SetCoveringProblem(sets: inst.sets(radius: 280),
                                         costs: [Double](repeating: 1, count: 20).enumerated().map { 1 + Double($0.offset % 3) + fraction })
        for tolerance in [0.0, 0.5] {
            var options = SolverOptions()
            options.gapTolerance = tolerance
            let solver = SetCoveringSolver(problem, options)
            #expect(solver.integral == (fraction == 0))
            for value in [1.0, 7, 12_345, 10_000_000] {
                for exact in [true, false] {
                    let c = solver.cutoff(value, exact: exact)
                    #expect(solver.closes(c + 1e-7 * max(1, c), value, exact: exact))
                    #expect(!solver.closes(c - 1e-5 * max(1, c), value, exact: exact))
                }
            }
        }
    }

    /// Perturbation keeps a cover, never raises its cost and gives the same cover twice.
    @Test(arguments: 0..<4)
    func perturbationKeepsACoverAndRepeats(seed: Int) {
        let inst = PlaneInstance(n: 150, m: 40, seed: UInt64(60 + seed))
        let problem = SetCoveringProblem(sets: inst.sets(radius: 280), costs: seed % 2 == 0 ? nil : inst.costs)
        let solver = SetCoveringSolver(problem, SolverOptions())
        let start = solver.greedy(reduced: nil, fixing: nil)!
        var runs: [[Int]] = []
        for _ in 0..<2 {
            var best = start
            var ils = SetCoverPerturbation(patience: 200)
            ils.search(&best, in: solver, scores: nil, deadline: 60, done: { _ in false }, clock: Clock(SolverOptions()))
            #expect(problem.covers(best))
            #expect(solver.cost(best) <= solver.cost(start))
            runs.append(best)
        }
        #expect(runs[0] == runs[1])
    }

    @Test func uncoverableDemandsAreLeftOutNotAFailure() {
        // Demand 2 is reached by nobody.
        let sets = CoverageSets(demandCount: 3, byCandidate: [[0], [1], [0, 1]])
        let s = SetCoveringProblem(sets: sets).solve()
        #expect(s.chosen == [2] && s.objective == 1 && s.proven)
    }
}

/// Phases ended on their share of the time are named in the solution (`timedPhases`), so that a run
/// whose answer may differ on another machine says so.
@Suite struct TimedPhaseTests {
    @Test func aShareThatRunsOutNamesItsPhaseOnce() {
        let clock = Clock(SolverOptions(timeLimit: 600))
        #expect(clock.before(clock.elapsed + 100))
        clock.phase("rounds")
        #expect(!clock.before(0))
        clock.phase("cuts")
        clock.phase("tree")
        #expect(!clock.before(0))
        clock.phase("cuts")
        #expect(clock.timedPhases == ["cuts"])
        clock.shareRanOut()
        #expect(clock.timedAtEnd == ["cuts", "search"])
    }

    /// A phase ended again under its name adds to its first entry, so that no name is listed twice.
    @Test func aPhaseMetAgainAddsToItsTime() {
        let clock = Clock(SolverOptions(timeLimit: 600))
        for name in ["cuts", "search", "cuts"] { clock.phase(name) }
        #expect(clock.phases.map(\.0) == ["cuts", "search"])
    }

    /// Two odd cycles: the LP is 3, the optimum 4, and only the cut rounds (or the tree) close it. With
    /// no share of the time for the rounds the answer is the same and the rounds are named.
    @Test func cutRoundsWithNoShareAreNamed() {
        let sets = CoverageSets(demandCount: 6, byCandidate: [[0, 1], [1, 2], [0, 2], [3, 4], [4, 5], [3, 5]])
        var options = SolverOptions()
        options.gapTolerance = 0
        let timed = SetCoveringProblem(sets: sets)
        let full = timed.solve(options)
        options.zeroHalfShare = 0
        let cut = timed.solve(options)
        #expect(full.objective == 4 && full.proven && full.timedPhases.isEmpty)
        #expect(cut.objective == 4 && cut.proven && cut.timedPhases == ["zero-half cuts"])
    }
}
