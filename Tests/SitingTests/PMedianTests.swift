import Testing
@testable import Siting

@Suite struct PMedianTests {
    @Test(arguments: 0..<12)
    func matchesBruteForce(seed: Int) {
        let inst = PlaneInstance(n: 40, m: 10, seed: UInt64(300 + seed))
        let p = 1 + seed % 4
        // Every third seed: an existing facility at the first candidate's place, and a sparse matrix.
        let existing: [Double]? = seed % 3 == 0 ? (0..<40).map { inst.distance($0, 0) } : nil
        let lists = seed % 3 == 1
            ? DistanceLists(candidateCount: 10, rows: (0..<40).map { i in (0..<10).compactMap { j in
                inst.distance(i, j) <= 500 ? (j, inst.distance(i, j)) : nil } })
            : DistanceLists.dense(demands: 40, candidates: 10, inst.distance)
        let problem = PMedianProblem(weights: inst.weights, distances: lists, existing: existing, p: p)
        let best = subsets(10, p).map(problem.cost).min()!
        let s = problem.solve()
        #expect(abs(s.objective - best) < 1e-6 * best)
        #expect(abs(problem.cost(s.chosen) - s.objective) < 1e-6 * best)
        #expect(s.bound <= s.objective + 1e-6)
        #expect(s.proven)
    }

    /// Site 0 reaches demand 0 (weight 2) at 100 m; site 1 reaches demand 0 at 40 m and demand 1
    /// (weight 1, reached by nobody else) at 50 m. The first site built saves nobody a walk (no one had a
    /// facility): its gain is 0, not the unreachable penalty; the second saves demand 0 60 m × 2.
    @Test func priorityGainIsDistanceSaved() {
        let lists = DistanceLists(candidateCount: 2, rows: [[(0, 100), (1, 40)], [(1, 50)]])
        let problem = PMedianProblem(weights: [2, 1], distances: lists, p: 2)
        let steps = PriorityOrder.byDistance([0, 1], problem: problem)
        #expect(steps.map(\.site) == [1, 0])
        #expect(steps[0].marginal == 0)
        // After site 1, site 0 (100 m) is farther than 40 m for demand 0: it saves nothing.
        #expect(steps[1].marginal == 0)
        let reversed = PriorityOrder.byDistance([0], problem: PMedianProblem(weights: [2, 1], distances: lists, p: 1))
        #expect(reversed[0].marginal == 0)
        let both = PriorityOrder.byDistance([1], problem: PMedianProblem(weights: [2, 1], distances: lists,
                                                                        existing: [100, .infinity], p: 1))
        #expect(both[0].marginal == 120)
    }
}
