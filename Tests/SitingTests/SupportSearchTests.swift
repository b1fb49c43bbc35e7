import Testing
@testable import Siting

/// Cover-all's support search (`supportSearch`): set covering again on the sites an LP point uses.
@Suite struct SupportSearchTests {
    /// On a point using some sites, the search returns the cheapest cover of those sites alone (brute
    /// force), or nil where they cover nothing whole.
    @Test(arguments: 0..<8)
    func findsTheCheapestCoverAmongTheSupport(seed: Int) {
        let inst = PlaneInstance(n: 60, m: 14, seed: UInt64(900 + seed))
        let problem = SetCoveringProblem(sets: inst.sets(radius: 260), costs: seed % 2 == 1 ? inst.costs : nil)
        let solver = SetCoveringSolver(problem, SolverOptions())
        let x = (0..<14).map { ($0 * 7 + seed) % 3 == 0 ? 0 : 0.5 }
        let support = (0..<14).filter { x[$0] > 0 }
        let covers = allSubsets(support.count, upTo: support.count).map { $0.map { support[$0] } }.filter(problem.covers)
        let found = solver.supportSearch(x, bound: -.infinity, clock: Clock(SolverOptions()))
        if let best = covers.map(problem.cost).min() {
            #expect(found.map { problem.covers($0) && Set($0).isSubset(of: support) } == true, "seed \(seed)")
            #expect(found.map { abs(problem.cost($0) - best) < 1e-9 } == true, "seed \(seed)")
        } else {
            #expect(found == nil, "seed \(seed)")
        }
    }

    /// Searched at every new whole bound of the cut rounds (after 0 rounds that leave it), the LP route
    /// proves the optimum it proves without the search; some of these instances do reach the search.
    @Test func searchingAtEveryRoundKeepsTheOptimum() {
        var searched = 0
        for seed in 0..<12 {
            let inst = PlaneInstance(n: 1500, m: 300, seed: UInt64(700 + seed))
            let costs = seed % 2 == 1 ? inst.costs.map { $0.rounded(.up) } : nil
            let problem = SetCoveringProblem(sets: inst.sets(radius: 70), costs: costs)
            var options = SolverOptions()
            options.gapTolerance = 0
            options.searchesSupport = false
            let plain = problem.solve(options)
            options.searchesSupport = true
            options.coverAllSupportAfterRounds = 0
            let s = problem.solve(options)
            #expect(plain.proven && s.proven && problem.covers(s.chosen), "seed \(seed)")
            #expect(abs(s.objective - plain.objective) < 1e-9, "seed \(seed)")
            if s.phases.contains(where: { $0.0 == "support search" }) { searched += 1 }
        }
        #expect(searched > 0)
    }

    /// A floor at the optimum closes every node against a cover that meets it, and `cutoff` agrees.
    @Test func aFloorClosesAtACoverThatMeetsIt() {
        let sets = CoverageSets(demandCount: 3, byCandidate: [[0, 1], [1, 2], [0, 2]])
        var options = SolverOptions()
        options.coverFloor = 2
        let solver = SetCoveringSolver(SetCoveringProblem(sets: sets), options)
        #expect(solver.closes(0, 2, exact: true) && !solver.closes(0, 3, exact: true))
        #expect(solver.cutoff(2, exact: true) == -.infinity)
        #expect(solver.cutoff(3, exact: true) > 1)
    }
}
