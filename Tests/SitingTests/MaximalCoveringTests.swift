import Testing
@testable import Siting

@Suite struct MaximalCoveringTests {
    @Test(arguments: 0..<12)
    func countLimitMatchesBruteForce(seed: Int) {
        let inst = PlaneInstance(n: 40, m: 10, seed: UInt64(seed))
        let p = 1 + seed % 4
        let alreadyCovered = (0..<40).map { $0 % 7 == 0 }
        let problem = MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 220),
                                             alreadyCovered: alreadyCovered, limit: .count(p))
        let best = subsets(10, p).map(problem.coveredWeight).max()!
        let s = problem.solve()
        #expect(s.objective == best)
        #expect(s.bound >= s.objective - 1e-9)
        #expect(s.proven)
        #expect(s.chosen.count <= p)
        #expect(problem.coveredWeight(s.chosen) == s.objective)
    }

    /// Instances whose LP is fractional, so that the LP branch and bound (with and without zero-half
    /// cuts, with and without the local search before its tree, with slack rows leaving its LP wherever
    /// any are (`lazyRowsShare` 0) and never (2), and with the LP off the Lagrangian one, with and
    /// without its sub-problem) must branch to prove the optimum.
    @Test(arguments: 0..<8)
    func bothBoundingRoutesMatchBruteForce(seed: Int) {
        let inst = PlaneInstance(n: 90, m: 16, seed: UInt64(300 + seed))
        let p = 3 + seed % 3
        let problem = MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 260), limit: .count(p))
        let best = subsets(16, p).map(problem.coveredWeight).max()!
        let routes = [(true, 100, 0.3, 0.2, 0.25), (true, 100, 0.3, 0, 0), (true, 100, 0.3, 0, 2), (true, 0, 0.3, 0.2, 0.25),
                      (false, 0, 0.3, 0.2, 0.25), (false, 0, 0, 0.2, 0.25)]
        for (useLP, cutRounds, subproblem, treeSearch, lazy) in routes {
            var options = SolverOptions(timeLimit: 30)
            options.useLP = useLP
            options.zeroHalfRounds = cutRounds
            options.subproblemShare = subproblem
            options.coverageTreePerturbationShare = treeSearch
            options.coverageTreePerturbationGap = 0  // the search runs whatever the root leaves open
            options.lazyRowsShare = lazy
            let s = problem.solve(options)
            #expect(s.objective == best, "LP \(useLP), cut rounds \(cutRounds), sub-problem \(subproblem), search \(treeSearch), lazy \(lazy)")
            #expect(s.proven && s.stop == .proven)
            #expect(problem.coveredWeight(s.chosen) == s.objective)
        }
    }

    /// A node's LP may stop at `cutoff` only where `closes` then holds: just below it a bound closes,
    /// just above it does not, with whole and fractional weights, with and without a gap tolerance.
    @Test(arguments: [0.0, 0.25])
    func cutoffAgreesWithCloses(fraction: Double) {
        let inst = PlaneInstance(n: 40, m: 8, seed: 5)
        let problem = MaximalCoveringProblem(weights: inst.weights.map { $0 + fraction }, sets: inst.sets(radius: 260),
                                             limit: .count(2))
        for tolerance in [0.0, 0.5] {
            var options = SolverOptions(timeLimit: 30)
            options.gapTolerance = tolerance
            let solver = MaximalCoveringSolver(problem, options)
            #expect(solver.model.integral == (fraction == 0))
            for value in [0.0, 7, 12_345, 10_000_000] {
                for exact in [true, false] {
                    let c = solver.cutoff(value, exact: exact)
                    #expect(solver.closes(c - 1e-7 * max(1, c), value, exact: exact))
                    #expect(!solver.closes(c + 1e-5 * max(1, c), value, exact: exact))
                }
            }
        }
    }

    @Test(arguments: 0..<12)
    func budgetMatchesBruteForce(seed: Int) {
        let inst = PlaneInstance(n: 40, m: 10, seed: UInt64(100 + seed))
        let budget = Double(5 + seed)
        let problem = MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 200),
                                             costs: inst.costs, limit: .budget(budget))
        let feasible = allSubsets(10, upTo: 10).filter { $0.reduce(0) { $0 + inst.costs[$1] } <= budget }
        let best = feasible.map(problem.coveredWeight).max()!
        let s = problem.solve()
        #expect(s.objective == best)
        #expect(s.bound >= s.objective - 1e-9)
        #expect(s.proven)
        #expect(s.chosen.reduce(0) { $0 + inst.costs[$1] } <= budget)
    }

    /// Enough sites to reach every reachable demand: proven by that alone, before any LP (the phases
    /// end with the local search), with demands nobody reaches left out of the bound.
    @Test func reachingEveryoneIsProvenWithoutAnLP() {
        let inst = PlaneInstance(n: 200, m: 40, seed: 11)
        let sets = inst.sets(radius: 400)
        let problem = MaximalCoveringProblem(weights: inst.weights, sets: sets, limit: .count(40))
        let s = problem.solve()
        let reachable = (0..<200).filter { !sets.byDemand[$0].isEmpty }.reduce(0) { $0 + inst.weights[$1] }
        #expect(s.proven && s.stop == .proven && s.nodes == 0)
        #expect(s.objective == reachable && s.bound == reachable)
        #expect(s.phases.last?.0 == "local search")
    }

    /// Inverting coverage lists by counting gives what appending pair by pair gives.
    @Test func invertedListsMatchPairByPair() {
        let sets = PlaneInstance(n: 300, m: 50, seed: 5).sets(radius: 180)
        var naive = [[Int32]](repeating: [], count: 300)
        for (j, list) in sets.byCandidate.enumerated() { for i in list { naive[Int(i)].append(Int32(j)) } }
        #expect(CoverageSets.invert(sets.byCandidate, count: 300) { Int($0) } == naive)
        #expect(sets.byDemand == naive)
    }

    @Test func boundIsValidWhenTheSearchIsCutShort() {
        let inst = PlaneInstance(n: 400, m: 60, seed: 7)
        let problem = MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 120), limit: .count(8))
        let s = problem.solve(SolverOptions(timeLimit: 0))
        #expect(s.bound >= s.objective - 1e-9)
        #expect(problem.coveredWeight(s.chosen) == s.objective)
    }

    @Test func sameAnswerEveryRun() {
        let inst = PlaneInstance(n: 300, m: 50, seed: 3)
        let problem = MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 150), limit: .count(6))
        let a = problem.solve(), b = problem.solve()
        #expect(a.chosen == b.chosen && a.objective == b.objective && a.bound == b.bound)
    }

    /// The sub-problem around an LP point keeps the sites at 1 open and those at 0 shut and solves the
    /// rest: around the optimum's sites (at 1: they are the answer) or a point of halves (nothing
    /// fixed) it finds the optimum from a one-site start; more sites at 1 than p change nothing.
    @Test(arguments: 0..<4)
    func subproblemAroundAPointFindsTheOptimum(seed: Int) {
        let inst = PlaneInstance(n: 90, m: 16, seed: UInt64(700 + seed))
        let p = 4
        let problem = MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 260), limit: .count(p))
        let optimum = subsets(16, p).max { problem.coveredWeight($0) < problem.coveredWeight($1) }!
        let solver = MaximalCoveringSolver(problem, SolverOptions(timeLimit: 30))
        let model = solver.model
        let reduced = optimum.compactMap { model.original.firstIndex(of: $0) }
        let points = [model.original.indices.map { reduced.contains($0) ? 1.0 : 0.0 },
                      [Double](repeating: 0.5, count: model.original.count)]
        for x in points {
            var best = CoverState(model)
            best.add(0)
            solver.searchSubproblem(around: x, &best, clock: Clock(SolverOptions(timeLimit: 30)))
            #expect(best.value + model.baseline == problem.coveredWeight(optimum))
            #expect(best.sites.count <= p)
        }
        var start = CoverState(model)
        start.add(0)
        var best = start
        solver.searchSubproblem(around: model.original.indices.map { $0 <= p ? 1 : 0 }, &best,
                                clock: Clock(SolverOptions(timeLimit: 30)))
        #expect(best.sites == start.sites)
    }

    /// The loss kept per open site as sites open and close equals a recount: the weight of the
    /// demands that site alone reaches.
    @Test(arguments: 0..<4)
    func keptLossesMatchARecount(seed: Int) {
        let inst = PlaneInstance(n: 120, m: 20, seed: UInt64(900 + seed))
        let problem = MaximalCoveringProblem(weights: inst.weights.map { $0 + 0.25 }, sets: inst.sets(radius: 300),
                                             limit: .count(8))
        let model = MaximalCoveringSolver(problem, SolverOptions(timeLimit: 30)).model
        var s = CoverState(model)
        var rng = SeededRandom(seed: UInt64(seed + 1))
        for _ in 0..<200 {
            let j = Int.random(in: 0..<model.byCandidate.count, using: &rng)
            if s.open[j] { s.remove(j) } else { s.add(j) }
            for o in s.sites {
                let recount = model.byCandidate[o].filter { s.count[Int($0)] == 1 }.reduce(0.0) { $0 + model.weights[Int($1)] }
                #expect(abs(s.loss(o) - recount) <= 1e-9 * max(1, recount))
            }
        }
    }

    /// After the swap search no single swap gains: checked by trying every one, with more open sites
    /// than the search keeps in order (`leastLossesKept`), count and budget limits.
    @Test(arguments: 0..<4)
    func swapSearchEndsAtASwapLocalOptimum(seed: Int) {
        let inst = PlaneInstance(n: 400, m: 120, seed: UInt64(950 + seed))
        let limits: [SiteLimit] = [.count(CoverSearch.leastLossesKept + 8), .budget(150)]
        for limit in limits {
            let problem = MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 160), costs: inst.costs,
                                                 limit: limit)
            let model = MaximalCoveringSolver(problem, SolverOptions(timeLimit: 30)).model
            var s = CoverSearch.greedy(model, limit: limit)
            CoverSearch.improve(&s, limit: limit, clock: Clock(SolverOptions(timeLimit: 30)))
            for o in s.sites {
                for j in 0..<model.byCandidate.count where !s.open[j] && CoverSearch.fits(s, adding: j, removing: o, limit: limit) {
                    var t = s
                    t.remove(o)
                    t.add(j)
                    #expect(t.value <= s.value + 1e-9)
                }
            }
        }
    }
}
