/// Dinic's maximum flow with real capacities, for assigning required places to facility places. Trials
/// (`beginTrial` … `undoTrial`, nested) journal every change, so a site can be tried, or closed, and taken
/// back without copying the network.
struct MaxFlow {
    private(set) var head: [Int32]
    private(set) var to: [Int32] = []
    private(set) var next: [Int32] = []
    private(set) var capacity: [Double] = []
    private var level: [Int32]
    private var cursor: [Int32]
    /// What the open trials changed (old values), and where each trial's part of it starts.
    private var oldHeads: [(node: Int32, head: Int32)] = []
    private var oldCapacities: [(edge: Int32, capacity: Double)] = []
    private var trials: [(edges: Int, heads: Int, capacities: Int)] = []
    let nodeCount: Int
    /// Breadth-first search marks, kept between searches (a node is seen when its mark is the current one).
    var searchMarks: (seen: [Int32], parent: [Int32], current: Int32)

    init(nodes: Int) {
        nodeCount = nodes
        head = [Int32](repeating: -1, count: nodes)
        level = [Int32](repeating: -1, count: nodes)
        cursor = head
        searchMarks = ([Int32](repeating: 0, count: nodes), [Int32](repeating: -1, count: nodes), 0)
    }

    /// Adds u → v with capacity c; returns the edge index (its flow is the reverse edge's capacity).
    @discardableResult
    mutating func add(_ u: Int, _ v: Int, _ c: Double) -> Int {
        let e = to.count
        if !trials.isEmpty { oldHeads.append((Int32(u), head[u])); oldHeads.append((Int32(v), head[v])) }
        to.append(Int32(v)); next.append(head[u]); capacity.append(c); head[u] = Int32(e)
        to.append(Int32(u)); next.append(head[v]); capacity.append(0); head[v] = Int32(e + 1)
        return e
    }

    func flow(onEdge e: Int) -> Double { capacity[e ^ 1] }

    /// Edges leaving `u`, as edge indices (edge e goes u → to[e]; e ^ 1 is its reverse).
    func edges(from u: Int) -> [Int] {
        var list: [Int] = [], e = head[u]
        while e >= 0 { list.append(Int(e)); e = next[Int(e)] }
        return list
    }

    /// Sends `f` along edge e (and takes it off its reverse).
    mutating func push(_ e: Int, _ f: Double) {
        setCapacity(e, capacity[e] - f)
        setCapacity(e ^ 1, capacity[e ^ 1] + f)
    }

    mutating func setCapacity(_ e: Int, _ c: Double) {
        if !trials.isEmpty { oldCapacities.append((Int32(e), capacity[e])) }
        capacity[e] = c
    }

    mutating func beginTrial() { trials.append((to.count, oldHeads.count, oldCapacities.count)) }

    /// Restores the network as it was at the matching `beginTrial`.
    mutating func undoTrial() {
        guard let mark = trials.popLast() else { return }
        for (e, c) in oldCapacities[mark.capacities...].reversed() { capacity[Int(e)] = c }
        for (u, h) in oldHeads[mark.heads...].reversed() { head[Int(u)] = h }
        oldCapacities.removeSubrange(mark.capacities...); oldHeads.removeSubrange(mark.heads...)
        to.removeSubrange(mark.edges...); next.removeSubrange(mark.edges...); capacity.removeSubrange(mark.edges...)
    }

    mutating func run(from s: Int, to t: Int) -> Double {
        var total = 0.0
        while bfs(s, t) {
            cursor = head
            while true {
                let f = dfs(s, t, .infinity)
                if f <= 1e-12 { break }
                total += f
            }
        }
        return total
    }

    private mutating func bfs(_ s: Int, _ t: Int) -> Bool {
        for i in 0..<level.count { level[i] = -1 }
        level[s] = 0
        var queue = [s]
        var k = 0
        while k < queue.count {
            let u = queue[k]; k += 1
            var e = head[u]
            while e >= 0 {
                let v = Int(to[Int(e)])
                if level[v] < 0 && capacity[Int(e)] > 1e-12 { level[v] = level[u] + 1; queue.append(v) }
                e = next[Int(e)]
            }
        }
        return level[t] >= 0
    }

    private mutating func dfs(_ u: Int, _ t: Int, _ limit: Double) -> Double {
        if u == t { return limit }
        while cursor[u] >= 0 {
            let e = Int(cursor[u])
            let v = Int(to[e])
            if capacity[e] > 1e-12 && level[v] == level[u] + 1 {
                let f = dfs(v, t, min(limit, capacity[e]))
                if f > 1e-12 {
                    push(e, f)
                    return f
                }
            }
            cursor[u] = next[e]
        }
        return 0
    }
}
