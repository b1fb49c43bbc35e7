import Testing
@testable import GeoKit

/// Network distances worked out by hand.
@Suite struct RoadNetworkTests {
    let ctx = GEOSContext()

    func line(_ pts: [(Double, Double)]) throws -> Geometry {
        try .fromWKT("LINESTRING (" + pts.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")", context: ctx)
    }

    func point(_ x: Double, _ y: Double) -> Geometry { .point(x: x, y: y, context: ctx) }

    /// Distances from `from` to each of `to` (nil: unreachable within `limit`).
    func distances(_ net: RoadNetwork, from: Geometry, to: [Geometry], limit: Double = 10_000, snap: Double = 50) throws -> [Double?] {
        let source = try #require(net.attach(from, maxSnap: snap))
        let targets = to.map { net.attach($0, maxSnap: snap) ?? RoadNetwork.Attachment(edge: -1, offset: 0, access: .infinity) }
        var onEdge: [Int32: [Int32]] = [:]
        for (k, t) in targets.enumerated() where t.edge >= 0 { onEdge[Int32(t.edge), default: []].append(Int32(k)) }
        let found = Dictionary(uniqueKeysWithValues: net.distances(from: source, targets: targets, targetsOnEdge: onEdge, limit: limit)
            .map { ($0.target, $0.distance) })
        return to.indices.map { found[$0] }
    }

    @Test func gridGivesManhattanDistances() throws {
        // Whole lines across a 400 × 400 grid, crossing without shared vertices: noding makes the nodes.
        var lines: [Geometry] = []
        for k in stride(from: 0.0, through: 400, by: 100) {
            lines.append(try line([(k, 0), (k, 400)]))
            lines.append(try line([(0, k), (400, k)]))
        }
        let net = try RoadNetwork(lines: lines, context: ctx)
        #expect(net.nodeCount == 25 && net.edgeCount == 40)
        let d = try distances(net, from: point(0, 0), to: [point(300, 200), point(150, 0), point(400, 400), point(250, 130)])
        #expect(d[0] == 500 && d[1] == 150 && d[2] == 800)
        // (250, 130) snaps to the road x = 250? No road there: nearest is x = 200 or 300 at 50 m, or y = 100 at 30 m.
        #expect(abs(d[3]! - (250 + 100 + 30)) < 1e-9)
    }

    @Test func aRiverWithOneBridge() throws {
        // West bank roads x = 0 and x = 200, east bank x = 400 and x = 600, joined only by a bridge at y = 400.
        let lines = [
            try line([(0, 0), (200, 0)]), try line([(200, 0), (200, 400)]), try line([(0, 0), (0, 400)]),
            try line([(400, 0), (600, 0)]), try line([(400, 0), (400, 400)]), try line([(600, 0), (600, 400)]),
            try line([(200, 400), (400, 400)]),
        ]
        let net = try RoadNetwork(lines: lines, context: ctx)
        // 200 m apart across the water; 400 up, 200 over the bridge, 400 down on foot.
        let d = try distances(net, from: point(200, 0), to: [point(400, 0), point(400, 400)])
        #expect(d == [1000, 600])
        // Bounded by the radius: the far bank is out of reach at 500 m.
        #expect(try distances(net, from: point(200, 0), to: [point(400, 0)], limit: 500) == [nil])
    }

    @Test func aDisconnectedPieceIsUnreachable() throws {
        let net = try RoadNetwork(lines: [try line([(0, 0), (100, 0)]), try line([(500, 0), (600, 0)])], context: ctx)
        #expect(try distances(net, from: point(0, 0), to: [point(50, 0), point(550, 0)]) == [50, nil])
    }

    @Test func snappingAddsAccessAndHasALimit() throws {
        let net = try RoadNetwork(lines: [try line([(0, 0), (1000, 0)])], context: ctx)
        #expect(net.attach(point(500, 150), maxSnap: 100) == nil)
        let a = try #require(net.attach(point(500, 150), maxSnap: 200))
        #expect(a.access == 150 && a.offset == 500)
        // From (100, 20) to (500, 150): 20 to the road, 400 along it, 150 up.
        #expect(try distances(net, from: point(100, 20), to: [point(500, 150)], snap: 200) == [570])
    }
}
