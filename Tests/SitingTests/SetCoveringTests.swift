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

    /// The LP route and the Lagrangian route each prove brute force's optimum, with and without costs
    /// and with demands sharing their sets of sites (one LP row for them).
    @Test(arguments: [true, false])
    func everyRouteMatchesBruteForce(useLP: Bool) {
        for seed in 0..<8 {
            let inst = PlaneInstance(n: 60, m: 12, seed: UInt64(500 + seed))
            let problem = SetCoveringProblem(sets: inst.sets(radius: 230), costs: seed % 2 == 1 ? inst.costs : nil)
            var options = SolverOptions()
            options.useLP = useLP
            let best = allSubsets(12, upTo: 12).filter(problem.covers).map(problem.cost).min()!
            let s = problem.solve(options)
            #expect(problem.covers(s.chosen), "seed \(seed)")
            #expect(abs(s.objective - best) < 1e-9, "seed \(seed)")
            #expect(s.bound <= best + 1e-9, "seed \(seed)")
            #expect(s.proven, "seed \(seed)")
        }
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

    @Test func uncoverableDemandsAreLeftOutNotAFailure() {
        // Demand 2 is reached by nobody.
        let sets = CoverageSets(demandCount: 3, byCandidate: [[0], [1], [0, 1]])
        let s = SetCoveringProblem(sets: sets).solve()
        #expect(s.chosen == [2] && s.objective == 1 && s.proven)
    }
}
