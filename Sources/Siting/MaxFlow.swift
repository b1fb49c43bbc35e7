/// Dinic's maximum flow with real capacities, for assigning required places to facility places.
struct MaxFlow {
    private var head: [Int32]
    private var to: [Int32] = []
    private var next: [Int32] = []
    private(set) var capacity: [Double] = []
    private var level: [Int32]
    private var cursor: [Int32]
    let nodeCount: Int

    init(nodes: Int) {
        nodeCount = nodes
        head = [Int32](repeating: -1, count: nodes)
        level = [Int32](repeating: -1, count: nodes)
        cursor = head
    }

    /// Adds u → v with capacity c; returns the edge index (its flow is the reverse edge's capacity).
    @discardableResult
    mutating func add(_ u: Int, _ v: Int, _ c: Double) -> Int {
        let e = to.count
        to.append(Int32(v)); next.append(head[u]); capacity.append(c); head[u] = Int32(e)
        to.append(Int32(u)); next.append(head[v]); capacity.append(0); head[v] = Int32(e + 1)
        return e
    }

    func flow(onEdge e: Int) -> Double { capacity[e ^ 1] }

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
                    capacity[e] -= f
                    capacity[e ^ 1] += f
                    return f
                }
            }
            cursor[u] = next[e]
        }
        return 0
    }
}
