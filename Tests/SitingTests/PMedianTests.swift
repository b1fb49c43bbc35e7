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

    /// The LP route (capped lists; with no extra sites the caps bind and are widened), the LP route
    /// with its caps never widened, the Lagrangian route, and the short Lagrangian tree tried first
    /// (probe work > 0; 0 leaves these small instances to the other routes) each prove brute force's optimum.
    @Test(arguments: [(true, 5, 3, 0), (true, 0, 1, 0), (true, 0, 0, 0), (false, 5, 3, 0), (true, 5, 3, 30_000_000),
                      (true, 5, 3, 600)])
    func everyRouteMatchesBruteForce(useLP: Bool, extraSites: Int, capRounds: Int, probeWork: Int) {
        var options = SolverOptions()
        options.useLP = useLP
        options.medianExtraSites = extraSites
        options.medianCapRounds = capRounds
        options.medianProbeWork = probeWork
        expectMedianOptimum(options, seedBase: 700, existing: true)
    }

    /// A swap updates only the demands near the two sites; the state must equal one built afresh.
    @Test func swapMatchesFreshState() {
        let inst = PlaneInstance(n: 80, m: 20, seed: 11)
        let lists = DistanceLists(candidateCount: 20, rows: (0..<80).map { i in (0..<20).compactMap { j in
            inst.distance(i, j) <= 400 ? (j, inst.distance(i, j)) : nil } })
        let model = MedianModel(PMedianProblem(weights: inst.weights, distances: lists, existing: (0..<80).map { inst.distance($0, 19) }, p: 5))
        var s = MedianState(model, sites: [0, 1, 2, 3, 4])
        var r = Random(state: 5)
        for _ in 0..<200 {
            let out = s.sites[r.int(5)]
            let into = (0..<19).filter { !s.open[$0] }[r.int(14)]
            s.swap(out: out, in: into)
            let fresh = MedianState(model, sites: s.sites)
            #expect(s.d1 == fresh.d1 && s.d2 == fresh.d2 && s.near == fresh.near && s.cost == fresh.cost)
        }
    }

    /// Perturbation keeps p distinct sites, never worsens, reports the cost of what it returns, and
    /// gives the same answer twice.
    @Test func perturbationIsDeterministic() {
        let inst = PlaneInstance(n: 300, m: 60, seed: 3)
        let problem = PMedianProblem(weights: inst.weights, distances: .dense(demands: 300, candidates: 60, inst.distance), p: 8)
        let model = MedianModel(problem)
        let clock = Clock(SolverOptions())
        func run() -> MedianState {
            var best = MedianState(model, sites: MedianSearch.greedy(model))
            MedianSearch.improve(&best, clock: clock)
            var search = MedianPerturbation(patience: 50, shake: 3)
            _ = search.descend(from: best, best: &best, deadline: 60, done: { _ in false }, clock: clock)
            search.restart(&best, restarts: 2, deadline: 60, done: { _ in false }, clock: clock)
            return best
        }
        let a = run(), b = run()
        #expect(a.sites == b.sites)
        #expect(Set(a.sites).count == 8)
        #expect(abs(problem.cost(a.sites) - a.cost) < 1e-6 * a.cost)
        var greedy = MedianState(model, sites: MedianSearch.greedy(model))
        MedianSearch.improve(&greedy, clock: clock)
        #expect(a.cost <= greedy.cost)
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

/// On six small instances (with existing facilities on even seeds, if `existing`), `options` prove
/// brute force's optimum.
func expectMedianOptimum(_ options: SolverOptions, seedBase: UInt64, existing: Bool) {
    for seed in 0..<6 {
        let inst = PlaneInstance(n: 50, m: 12, seed: seedBase + UInt64(seed))
        let facilities: [Double]? = existing && seed % 2 == 0 ? (0..<50).map { inst.distance($0, 0) * 1.5 } : nil
        let problem = PMedianProblem(weights: inst.weights, distances: .dense(demands: 50, candidates: 12, inst.distance),
                                     existing: facilities, p: 2 + seed % 3)
        let best = subsets(12, problem.p).map(problem.cost).min()!
        let s = problem.solve(options)
        #expect(abs(s.objective - best) < 1e-6 * best, "seed \(seed)")
        #expect(s.bound <= best + 1e-6 * best, "seed \(seed)")
        #expect(s.proven, "seed \(seed)")
    }
}
