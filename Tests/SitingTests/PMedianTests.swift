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
}
