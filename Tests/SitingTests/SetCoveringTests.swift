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

    @Test func uncoverableDemandsAreLeftOutNotAFailure() {
        // Demand 2 is reached by nobody.
        let sets = CoverageSets(demandCount: 3, byCandidate: [[0], [1], [0, 1]])
        let s = SetCoveringProblem(sets: sets).solve()
        #expect(s.chosen == [2] && s.objective == 1 && s.proven)
    }
}
