/// The assignment of required places as a flow network that changes one site at a time: existing
/// facilities from the start; opening a site augments the flow already found from the new site
/// backwards, closing one sends its places back and re-assigns them from the demands it served (both
/// exact, and far cheaper than a new maximum flow). `trying` takes changes back.
struct PlacesNetwork {
    let problem: CapacitatedCoverageProblem
    private var flow: MaxFlow
    private(set) var total: Double
    private(set) var sites: [Int] = []
    private let source: Int
    private let sink: Int
    /// Per demand: its edge from the source (nil without required places).
    private var supply: [Int?]
    /// Per open site with places: its edge to the sink.
    private var toSink: [Int: Int] = [:]

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

    private func node(_ j: Int) -> Int { problem.demand.count + problem.existing.candidateCount + j }

    /// Opens new site `j` and returns the places it adds.
    @discardableResult
    mutating func open(_ j: Int) -> Double {
        sites.append(j)
        guard problem.capacities[j] > 0 else { return 0 }
        for i in problem.sets.byCandidate[j] where problem.demand[Int(i)] > 0 { flow.add(Int(i), node(j), .infinity) }
        let last = flow.add(node(j), sink, problem.capacities[j])
        toSink[j] = last
        let g = flow.augment(into: node(j), last: last, source: source, sink: sink)
        total += g
        return g
    }

    /// Closes open site `j` (its edges stay, at no capacity) and returns the places lost.
    @discardableResult
    mutating func close(_ j: Int) -> Double {
        sites.removeAll { $0 == j }
        guard let last = toSink.removeValue(forKey: j) else { return 0 }
        var freed: [Int] = []
        for e in flow.edges(from: node(j)) where flow.to[e] != sink && flow.capacity[e] > 1e-12 {
            let i = Int(flow.to[e]), places = flow.capacity[e]
            flow.push(e, places)                  // the demand no longer sends them to j …
            flow.push(supply[i]! ^ 1, places)     // … nor takes them from the source
            freed.append(i)
        }
        let lost = flow.flow(onEdge: last)
        flow.push(last ^ 1, lost)
        flow.setCapacity(last, 0)
        // A demand with no path now may get one once another has been re-assigned: passes until none moves.
        var regained = 0.0, moved = true
        while moved {
            moved = false
            for i in freed where flow.capacity[supply[i]!] > 1e-12 {
                let g = flow.augment(from: i, first: supply[i]!, source: source, sink: sink)
                if g > 1e-12 { regained += g; moved = true }
            }
        }
        total += regained - lost
        return lost - regained
    }

    /// Per demand: required places not assigned yet (what is left on its edge from the source).
    var unmet: [Double] { supply.map { $0.map { flow.capacity[$0] } ?? 0 } }

    /// `body`'s result on this network, which is left as it was.
    mutating func trying<T>(_ body: (inout PlacesNetwork) -> T) -> T {
        let (before, opened, edges) = (total, sites, toSink)
        flow.beginTrial()
        let result = body(&self)
        flow.undoTrial()
        (total, sites, toSink) = (before, opened, edges)
        return result
    }

    /// The places opening `j` would add (the network is left as it was).
    mutating func gain(_ j: Int) -> Double { trying { $0.open(j) } }
}
