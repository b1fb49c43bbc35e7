import Testing
@testable import Siting

/// Side constraints in every objective, against brute force over every feasible site set.
@Suite struct ConstrainedTests {
    /// Candidates split into "streets" (index mod 3) and "kinds" (index mod 2); each street needs one new
    /// site, kind 0 at least two, kind 1 at most two; demands 0 and 1 must be reached where a site can.
    static func constraints(_ sets: CoverageSets, m: Int) -> SiteConstraints {
        let streets = (0..<3).map { s in SiteConstraints.Group(name: "street \(s)", sites: (0..<m).filter { $0 % 3 == s }, atLeast: 1) }
        let kinds = [SiteConstraints.Group(name: "kind a", sites: (0..<m).filter { $0 % 2 == 0 }, atLeast: 2),
                     SiteConstraints.Group(name: "kind b", sites: (0..<m).filter { $0 % 2 == 1 }, atMost: 2)]
        let reach = [0, 1].filter { !sets.byDemand[$0].isEmpty }.map { SiteConstraints.Reach(name: "demand \($0)", sites: sets.byDemand[$0]) }
        return SiteConstraints(groups: streets + kinds, mustReach: reach)
    }

    /// The best score over feasible subsets (sizes up to `k`), or nil when none is feasible.
    static func bruteForce<O: ConstrainedObjective>(_ o: O, _ c: SiteConstraints, upTo k: Int) -> Double? {
        var best: Double?
        for s in allSubsets(o.siteCount, upTo: k) {
            var open = [Bool](repeating: false, count: o.siteCount)
            for j in s { open[j] = true }
            if case .budget(let b)? = o.siteLimit, s.reduce(0, { $0 + o.costs[$1] }) > b + 1e-9 { continue }
            guard c.holds(open) else { continue }
            let v = o.score(s)
            if best == nil || v > best! { best = v }
        }
        return best
    }

    static func check<O: ConstrainedObjective>(_ o: O, _ c: SiteConstraints, _ s: SitingSolution, upTo k: Int) {
        let brute = bruteForce(o, c, upTo: k)
        guard let brute else { #expect(!s.feasible); return }
        #expect(s.feasible && s.proven)
        #expect(abs(o.value(ofScore: brute) - s.objective) <= 1e-6 * max(1, abs(brute)))
        var open = [Bool](repeating: false, count: o.siteCount)
        for j in s.chosen { open[j] = true }
        #expect(c.holds(open))
    }

    /// A random instance of `n` demands and `m` candidates, the standard constraints, solved and checked.
    static func run<O: ConstrainedObjective>(seed: Int, n: Int, m: Int, radius: Double, upTo k: Int,
                                             _ make: (PlaneInstance, CoverageSets) -> O,
                                             _ solve: (O, SiteConstraints) -> SitingSolution) {
        let inst = PlaneInstance(n: n, m: m, seed: UInt64(seed))
        let sets = inst.sets(radius: radius)
        var c = constraints(sets, m: m)
        let o = make(inst, sets)
        let s = solve(o, c)
        if let cover = o as? SetCoveringProblem { c.mustReach += cover.requiredReach }
        check(o, c, s, upTo: k)
    }

    @Test(arguments: 0..<8)
    func coverageMatchesBruteForce(seed: Int) {
        Self.run(seed: 500 + seed, n: 40, m: 12, radius: 220, upTo: 5, { i, sets in
            MaximalCoveringProblem(weights: i.weights, sets: sets, limit: .count(5)) }, { $0.solve(constraints: $1) })
    }

    @Test(arguments: 0..<6)
    func budgetCoverageMatchesBruteForce(seed: Int) {
        Self.run(seed: 600 + seed, n: 40, m: 12, radius: 220, upTo: 12, { i, sets in
            MaximalCoveringProblem(weights: i.weights, sets: sets, costs: i.costs, limit: .budget(20)) }, { $0.solve(constraints: $1) })
    }

    @Test(arguments: 0..<6)
    func distanceMatchesBruteForce(seed: Int) {
        Self.run(seed: 700 + seed, n: 30, m: 11, radius: 250, upTo: 5, { i, _ in
            PMedianProblem(weights: i.weights, distances: .dense(demands: 30, candidates: 11, i.distance), p: 5) }, { $0.solve(constraints: $1) })
    }

    @Test(arguments: 0..<6)
    func capacitatedMatchesBruteForce(seed: Int) {
        Self.run(seed: 800 + seed, n: 30, m: 11, radius: 300, upTo: 5, { i, sets in
            CapacitatedCoverageProblem(demand: i.weights.map { $0 / 4 }, sets: sets, capacities: i.costs.map { $0 * 8 }, limit: .count(5))
        }, { $0.solve(constraints: $1) })
    }

    @Test(arguments: 0..<6)
    func coverAllMatchesBruteForce(seed: Int) {
        Self.run(seed: 900 + seed, n: 30, m: 11, radius: 350, upTo: 11, { i, sets in
            SetCoveringProblem(sets: sets, costs: i.costs) }, { $0.solve(constraints: $1) })
    }

    /// The constraint changes the answer: unconstrained, both sites go to the dense corner.
    @Test func constrainedOptimumDiffersFromUnconstrained() {
        let sets = CoverageSets(demandCount: 3, byCandidate: [[0], [1], [2]])
        let problem = MaximalCoveringProblem(weights: [100, 90, 5], sets: sets, limit: .count(2))
        #expect(problem.solve().chosen.sorted() == [0, 1])
        let c = SiteConstraints(groups: [.init(name: "street 北", sites: [2], atLeast: 1)])
        let s = problem.solve(constraints: c)
        #expect(s.chosen.sorted() == [0, 2] && s.objective == 105 && s.proven)
        #expect(s.tight == ["street 北 ≥ 1"])
    }

    @Test func infeasibleConstraintsAreReported() {
        let sets = CoverageSets(demandCount: 2, byCandidate: [[0], [1], [0, 1]])
        let problem = MaximalCoveringProblem(weights: [1, 1], sets: sets, limit: .count(1))
        let c = SiteConstraints(groups: [.init(name: "a", sites: [0], atLeast: 1), .init(name: "b", sites: [1], atLeast: 1)])
        let s = problem.solve(constraints: c)
        #expect(!s.feasible && s.stop == .infeasible && s.chosen.isEmpty)
    }
}
