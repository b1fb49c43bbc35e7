/// The assignment of required places as a flow network that grows: existing facilities from the
/// start, new sites opened one at a time, each opening augmenting the flow already found (exact, and
/// far cheaper than a new maximum flow). `gain` tries an opening on a copy.
struct PlacesNetwork {
    let problem: CapacitatedCoverageProblem
    private var flow: MaxFlow
    private(set) var total: Double
    private(set) var sites: [Int] = []
    private let source: Int
    private let sink: Int
    /// Per demand: its edge from the source (nil without required places).
    private var supply: [Int?]

    init(_ problem: CapacitatedCoverageProblem, sites: [Int] = []) {
        self.problem = problem
        let n = problem.demand.count, e = problem.existing.candidateCount
        source = n + e + problem.sets.candidateCount
        sink = source + 1
        flow = MaxFlow(nodes: sink + 1)
        supply = [Int?](repeating: nil, count: n)
        for i in 0..<n where problem.demand[i] > 0 { supply[i] = flow.add(source, i, problem.demand[i]) }
        for (f, list) in problem.existing.byCandidate.enumerated() where problem.existingCapacities[f] > 0 {
            for i in list where problem.demand[Int(i)] > 0 { flow.add(Int(i), n + f, .infinity) }
            flow.add(n + f, sink, problem.existingCapacities[f])
        }
        total = flow.run(from: source, to: sink)
        for j in sites { open(j) }
    }

    /// Opens new site `j` and returns the places it adds.
    @discardableResult
    mutating func open(_ j: Int) -> Double {
        let n = problem.demand.count, node = n + problem.existing.candidateCount + j
        sites.append(j)
        guard problem.capacities[j] > 0 else { return 0 }
        for i in problem.sets.byCandidate[j] where problem.demand[Int(i)] > 0 { flow.add(Int(i), node, .infinity) }
        flow.add(node, sink, problem.capacities[j])
        let g = flow.run(from: source, to: sink)
        total += g
        return g
    }

    /// Per demand: required places not assigned yet (what is left on its edge from the source).
    var unmet: [Double] { supply.map { $0.map { flow.capacity[$0] } ?? 0 } }

    /// The places opening `j` would add.
    func gain(_ j: Int) -> Double {
        var copy = self
        return copy.open(j)
    }
}
