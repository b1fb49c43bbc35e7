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
