/// Capacitated maximal covering: open new sites (p or a budget) to maximise the required places
/// assigned, where a facility (existing or new) takes at most its capacity and only demands within its
/// reach. A demand's required places may be split between facilities (see docs/siting.md): the
/// assignment of a given set of sites is then a maximum flow, computed exactly.
public struct CapacitatedCoverageProblem: Sendable {
    /// Required places per demand.
    public let demand: [Double]
    public let sets: CoverageSets
    public let capacities: [Double]
    public let existing: CoverageSets
    public let existingCapacities: [Double]
    public let costs: [Double]
    public let limit: SiteLimit

    public init(demand: [Double], sets: CoverageSets, capacities: [Double], existing: CoverageSets? = nil,
                existingCapacities: [Double] = [], costs: [Double]? = nil, limit: SiteLimit) {
        self.demand = demand
        self.sets = sets
        self.capacities = capacities
        self.existing = existing ?? CoverageSets(demandCount: demand.count, byCandidate: [])
        self.existingCapacities = existingCapacities
        self.costs = costs ?? [Double](repeating: 1, count: sets.candidateCount)
        self.limit = limit
    }

    public struct Assignment: Sendable {
        public let total: Double
        /// (demand, facility, places): facility < existing count is an existing facility, else
        /// existing count + candidate index.
        public let flows: [(demand: Int, facility: Int, places: Double)]
    }

    /// The maximum places the existing facilities and `sites` can take.
    public func assign(_ sites: [Int]) -> Assignment {
        let n = demand.count, e = existing.candidateCount
        let facilityLists = existing.byCandidate + sites.map { sets.byCandidate[$0] }
        let caps = existingCapacities + sites.map { capacities[$0] }
        let s = n + facilityLists.count, t = s + 1
        var flow = MaxFlow(nodes: t + 1)
        for i in 0..<n where demand[i] > 0 { flow.add(s, i, demand[i]) }
        var edges: [(Int, Int, Int)] = []
        for (f, list) in facilityLists.enumerated() where caps[f] > 0 {
            for i in list where demand[Int(i)] > 0 { edges.append((flow.add(Int(i), n + f, .infinity), Int(i), f)) }
            flow.add(n + f, t, caps[f])
        }
        let total = flow.run(from: s, to: t)
        let flows = edges.compactMap { edge, i, f -> (Int, Int, Double)? in
            let x = flow.flow(onEdge: edge)
            return x > 1e-9 ? (i, f < e ? f : e + sites[f - e], x) : nil
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        return Assignment(total: total, flows: flows.map { ($0.0, $0.1, $0.2) })
    }

    public func solve(_ options: SolverOptions = .init()) -> SitingSolution {
        CapacitatedCoverageSolver(problem: self, options: options).solve()
    }
}

/// Greedy by exact flow gain among the most promising sites, swap search, and a bound from two
/// relaxations: places reachable (maximal covering bound on required places) and places offered.
struct CapacitatedCoverageSolver {
    let problem: CapacitatedCoverageProblem
    let options: SolverOptions

    private func fits(_ sites: [Int], adding j: Int, removing r: Int? = nil) -> Bool {
        switch problem.limit {
        case .count(let p): return sites.count - (r == nil ? 0 : 1) + 1 <= p
        case .budget(let b):
            let c = sites.reduce(0) { $0 + problem.costs[$1] } - (r.map { problem.costs[$0] } ?? 0) + problem.costs[j]
            return c <= b + 1e-9
        }
    }

    /// Unmet required places a site reaches directly, capped by its capacity: a cheap ranking.
    private func promise(_ j: Int, unmet: [Double]) -> Double {
        let reach = problem.sets.byCandidate[j].reduce(0) { $0 + unmet[Int($1)] }
        let v = min(problem.capacities[j], reach)
        if case .budget = problem.limit { return problem.costs[j] > 0 ? v / problem.costs[j] : v * 1e12 }
        return v
    }

    private func unmet(_ a: CapacitatedCoverageProblem.Assignment) -> [Double] {
        var u = problem.demand
        for f in a.flows { u[f.demand] -= f.places }
        return u
    }

    func solve() -> SitingSolution {
        let clock = Clock(options)
        let m = problem.sets.candidateCount
        let shortlist = 24
        var sites: [Int] = []
        var current = problem.assign([])
        // Greedy: exact gain for the most promising few, the best of them opens.
        while !clock.expired {
            let u = unmet(current)
            let ranked = (0..<m).filter { !sites.contains($0) && fits(sites, adding: $0) }
                .map { ($0, promise($0, unmet: u)) }.filter { $0.1 > 1e-9 }
                .sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.prefix(shortlist)
            var best: (Int, CapacitatedCoverageProblem.Assignment)?
            for (j, _) in ranked {
                let a = problem.assign(sites + [j])
                if a.total > (best?.1.total ?? current.total) + 1e-9 { best = (j, a) }
            }
            guard let (j, a) = best else { break }
            sites.append(j); current = a
        }
        clock.phase("greedy")
        // Swap search: each open site against the most promising closed ones.
        var improved = true
        while improved && !clock.expired {
            improved = false
            for r in sites {
                let rest = sites.filter { $0 != r }
                let u = unmet(problem.assign(rest))
                let ranked = (0..<m).filter { !sites.contains($0) && fits(sites, adding: $0, removing: r) }
                    .map { ($0, promise($0, unmet: u)) }.filter { $0.1 > 1e-9 }
                    .sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.prefix(shortlist / 2)
                for (j, _) in ranked {
                    let a = problem.assign(rest + [j])
                    if a.total > current.total + 1e-9 {
                        sites = rest + [j]; current = a; improved = true
                        break
                    }
                }
                if improved || clock.expired { break }
            }
            clock.report("capacitated coverage: \(current.total)")
        }
        clock.phase("local search")
        if let exact = enumerate(limit: 100_000, clock: clock) {
            clock.phase("enumeration")
            if exact.total > current.total + 1e-9 { sites = exact.sites; current = problem.assign(sites) }
            return SitingSolution(chosen: sites, objective: current.total, bound: current.total, sense: .maximise,
                                  proven: true, phases: clock.phases, nodes: exact.count)
        }
        let bound = self.bound(clock: clock)
        clock.phase("bound")
        let objective = current.total
        let proven = bound <= objective + 1e-6 * max(1, objective)
        return SitingSolution(chosen: sites, objective: objective, bound: max(bound, objective), sense: .maximise,
                              proven: proven, phases: clock.phases, nodes: 0)
    }

    /// Every feasible set of sites, when there are at most `limit` of them (nil otherwise or on timeout).
    private func enumerate(limit: Int, clock: Clock) -> (sites: [Int], total: Double, count: Int)? {
        let m = problem.sets.candidateCount
        var sets: [[Int]] = [[]]
        var frontier: [[Int]] = [[]]
        while !frontier.isEmpty {
            var next: [[Int]] = []
            for s in frontier {
                for j in (s.last.map { $0 + 1 } ?? 0)..<m where fits(s, adding: j) {
                    next.append(s + [j])
                    if sets.count + next.count > limit { return nil }
                }
            }
            sets += next
            frontier = next
        }
        var best: (sites: [Int], total: Double) = ([], problem.assign([]).total)
        for s in sets {
            if clock.expired { return nil }
            let t = problem.assign(s).total
            if t > best.total + 1e-9 { best = (s, t) }
        }
        return (best.sites, best.total, sets.count)
    }

    /// min(required places within reach of existing or new sites, places existing + new sites offer).
    private func bound(clock: Clock) -> Double {
        let e = problem.existing.candidateCount
        var reachedByExisting = [Bool](repeating: false, count: problem.demand.count)
        for list in problem.existing.byCandidate { for i in list { reachedByExisting[Int(i)] = true } }
        let covering = MaximalCoveringProblem(weights: problem.demand, sets: problem.sets,
                                              alreadyCovered: reachedByExisting, costs: problem.costs, limit: problem.limit)
        var options = SolverOptions(timeLimit: max(0.5, min(5, clock.limit - clock.elapsed)))
        options.branchingLimit = 0
        let reach = covering.solve(options).bound
        let existingPlaces = problem.existingCapacities.prefix(e).reduce(0, +)
        var offered = existingPlaces
        switch problem.limit {
        case .count(let p):
            offered += problem.capacities.sorted(by: >).prefix(p).reduce(0, +)
        case .budget(let b):
            var room = b
            for j in (0..<problem.sets.candidateCount).sorted(by: {
                problem.capacities[$0] / max(problem.costs[$0], 1e-12) > problem.capacities[$1] / max(problem.costs[$1], 1e-12)
            }) {
                let c = problem.costs[j]
                if c <= room { offered += problem.capacities[j]; room -= c } else { offered += problem.capacities[j] * room / c; break }
            }
        }
        return min(reach, offered)
    }
}
