import Testing
@testable import GeoKit

@Suite struct GeometryTests {
    let ctx = GEOSContext()

    @Test func spatialIndexQueryAndNearest() throws {
        let points = (0..<10).map { Geometry.point(x: Double($0) * 100, y: 0, context: ctx) }
        let index = SpatialIndex(points, context: ctx)
        #expect(index.query(Bounds(minX: 150, minY: -1, maxX: 420, maxY: 1)) == [2, 3, 4])
        let probe = Geometry.point(x: 730, y: 50, context: ctx)
        let nearest = index.nearest(to: probe) { i in (try? probe.distance(to: points[i])) ?? .infinity }
        #expect(nearest == 7)
        #expect(SpatialIndex([], context: ctx).nearest(to: probe) { _ in 0 } == nil)
    }

    @Test func makeValidRepairsBowTie() throws {
        let bowTie = try Geometry.fromWKT("POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))", context: ctx)
        #expect(!bowTie.isValid)
        let fixed = try bowTie.makeValid()
        #expect(fixed.isValid && fixed.isPolygonal)
    }

    @Test func pointOnSurfaceLiesInsideAnLShape() throws {
        let l = try Geometry.fromWKT("POLYGON((0 0, 10 0, 10 1, 1 1, 1 10, 0 10, 0 0))", context: ctx)
        let p = try l.pointOnSurface()
        #expect(try l.distance(to: p) == 0)
    }

    @Test func geoJSONWritesCounterClockwiseShellsAndSevenDecimals() throws {
        // Clockwise shell in, counter-clockwise out.
        let g = try Geometry.fromWKT("POLYGON((0 0, 0 1, 1 1, 1 0, 0 0))", context: ctx)
        var layer = OutputLayer(name: "t", fields: [.init("v", .real)], hasGeometry: true)
        layer.append([.number(0.5)], geometry: g)
        let text = GeoJSONWriter.text(layer)
        #expect(text.contains("[[[0,0],[1,0],[1,1],[0,1],[0,0]]]"))
        #expect(GeoJSONWriter.fixed7(117.123456789) == "117.1234568")
        #expect(GeoJSONWriter.fixed7(-0.00000001) == "0")
        #expect(GeoJSONWriter.fixed7(-31.5) == "-31.5")
    }
}
