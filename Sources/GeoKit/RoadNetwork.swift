/// A road graph in a metric CRS: lines noded where they cross or touch, nodes at the split points,
/// edges weighted by length. Points attach to their nearest edge at the projection point (a virtual
/// node: the graph is never changed), with the straight access distance added.
public final class RoadNetwork {
    public struct Attachment: Sendable {
        public let edge: Int
        /// Distance along the edge from its first node.
        public let offset: Double
        /// Straight-line distance from the point to the road.
        public let access: Double

        public init(edge: Int, offset: Double, access: Double) {
            self.edge = edge; self.offset = offset; self.access = access
        }
    }

    public let nodeCount: Int
    public let edgeFrom: [Int32], edgeTo: [Int32], edgeLength: [Double]
    private let offsets: [Int32]
    private let adjacentEdge: [Int32]
    private let edges: [Geometry]
    private let index: SpatialIndex

    public var edgeCount: Int { edgeFrom.count }

    /// `lines` in a metric CRS.
    public init(lines: [Geometry], context: GEOSContext) throws {
        let parts = lines.isEmpty ? [] : try Geometry.noded(lines, context: context).lineParts()
        var nodeOf: [SIMD2<Int64>: Int32] = [:]
        func node(_ p: (x: Double, y: Double)) throws -> Int32 {
            // Noding gives identical coordinates at a shared node; millimetres absorb round-off.
            guard let kx = Int64(exactly: (p.x * 1000).rounded()), let ky = Int64(exactly: (p.y * 1000).rounded()) else {
                throw GeoError("a road vertex (\(p.x), \(p.y)) is not a coordinate in metres")
            }
            let key = SIMD2(kx, ky)
            if let n = nodeOf[key] { return n }
            let n = Int32(nodeOf.count)
            nodeOf[key] = n
            return n
        }
        var from: [Int32] = [], to: [Int32] = [], length: [Double] = [], kept: [Geometry] = []
        for part in parts {
            guard let coords = part.coordinateLists().first, let a = coords.first, let b = coords.last else { continue }
            let l = part.length
            guard l > 0 else { continue }
            from.append(try node(a)); to.append(try node(b)); length.append(l); kept.append(part)
        }
        nodeCount = nodeOf.count
        edgeFrom = from; edgeTo = to; edgeLength = length; edges = kept
        var degree = [Int32](repeating: 0, count: nodeOf.count + 1)
        for e in 0..<from.count { degree[Int(from[e]) + 1] += 1; degree[Int(to[e]) + 1] += 1 }
        for i in 0..<nodeOf.count { degree[i + 1] += degree[i] }
        var fill = degree
        var adjacent = [Int32](repeating: 0, count: 2 * from.count)
        for e in 0..<from.count {
            for n in [from[e], to[e]] { adjacent[Int(fill[Int(n)])] = Int32(e); fill[Int(n)] += 1 }
        }
        offsets = degree
        adjacentEdge = adjacent
        index = SpatialIndex(kept, context: context)
    }

    /// The attachment of `point` to its nearest edge; nil when no road lies within `maxSnap`.
    public func attach(_ point: Geometry, maxSnap: Double) -> Attachment? {
        var best: (Int, Double)?
        for e in index.query(point.bounds.expanded(by: maxSnap)) {
            guard let d = try? point.distance(to: edges[e]), d <= maxSnap else { continue }
            if best == nil || d < best!.1 { best = (e, d) }
        }
        guard let (e, d) = best else { return nil }
        return Attachment(edge: e, offset: min(edgeLength[e], max(0, edges[e].project(point))), access: d)
    }

    /// Shortest network distances from `source` to every target within `limit` (access distances
    /// included), by Dijkstra from the source's virtual node, stopped at `limit`: the work grows with
    /// what is reachable, not with the graph. `targetsOnEdge[e]` lists the targets attached to edge e.
    public func distances(from source: Attachment, targets: [Attachment], targetsOnEdge: [Int32: [Int32]],
                          limit: Double) -> [(target: Int, distance: Double)] {
        var dist: [Int32: Double] = [:]
        var heap = MinHeap()
        let e0 = source.edge
        let startFrom = source.access + source.offset, startTo = source.access + edgeLength[e0] - source.offset
        if startFrom <= limit { heap.push(startFrom, edgeFrom[e0]) }
        if startTo <= limit { heap.push(startTo, edgeTo[e0]) }
        while let (d, u) = heap.pop() {
            if dist[u] != nil { continue }
            dist[u] = d
            for k in Int(offsets[Int(u)])..<Int(offsets[Int(u) + 1]) {
                let e = Int(adjacentEdge[k])
                let v = edgeFrom[e] == u ? edgeTo[e] : edgeFrom[e]
                let nd = d + edgeLength[e]
                if nd <= limit, dist[v] == nil { heap.push(nd, v) }
            }
        }
        var best: [Int: Double] = [:]
        func offer(_ t: Int, _ d: Double) { if d <= limit, d < (best[t] ?? .infinity) { best[t] = d } }
        // Targets on the source's own edge: straight along it.
        for t in targetsOnEdge[Int32(e0)] ?? [] {
            let a = targets[Int(t)]
            offer(Int(t), source.access + abs(a.offset - source.offset) + a.access)
        }
        for (u, d) in dist {
            for k in Int(offsets[Int(u)])..<Int(offsets[Int(u) + 1]) {
                let e = Int(adjacentEdge[k])
                for t in targetsOnEdge[Int32(e)] ?? [] {
                    let a = targets[Int(t)]
                    let along = edgeFrom[e] == u ? a.offset : edgeLength[e] - a.offset
                    offer(Int(t), d + along + a.access)
                }
            }
        }
        return best.map { ($0.key, $0.value) }.sorted { $0.target < $1.target }
    }
}

/// A binary min-heap of (key, node) for Dijkstra; ties by node, so runs are reproducible.
struct MinHeap {
    private var keys: [Double] = [], items: [Int32] = []
    private func below(_ a: Int, _ b: Int) -> Bool { keys[a] < keys[b] || (keys[a] == keys[b] && items[a] < items[b]) }

    mutating func push(_ key: Double, _ item: Int32) {
        keys.append(key); items.append(item)
        var c = keys.count - 1
        while c > 0 {
            let p = (c - 1) / 2
            guard below(c, p) else { break }
            keys.swapAt(c, p); items.swapAt(c, p); c = p
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard !keys.isEmpty else { return nil }
        let top = (keys[0], items[0])
        let last = keys.count - 1
        keys.swapAt(0, last); items.swapAt(0, last)
        keys.removeLast(); items.removeLast()
        var p = 0
        while true {
            let l = 2 * p + 1, r = l + 1
            var m = p
            if l < keys.count, below(l, m) { m = l }
            if r < keys.count, below(r, m) { m = r }
            if m == p { break }
            keys.swapAt(p, m); items.swapAt(p, m); p = m
        }
        return top
    }
}
