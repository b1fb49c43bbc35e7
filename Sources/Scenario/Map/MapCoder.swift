import GeoKit

/// Geometry for a browser map, compact: coordinates as whole steps of `quantum` (1e-5° ≈ 1 m in
/// lon/lat, a metre in a local grid), each ring delta-coded (small numbers, short text), polygons
/// simplified for display. A JSON point is [x, y]; a polygonal geometry is [polygon [ring [dx, dy, …]]].
struct MapCoder {
    /// Output units per step.
    let quantum: Double
    /// Vertices closer than this to the simplified outline go (output units): display only.
    let tolerance: Double

    init(local unit: Double?) {
        quantum = unit.map { MapStyle.displayStepM / $0 } ?? MapStyle.displayStepDegrees
        tolerance = quantum * MapStyle.displaySimplifySteps
    }

    /// A coordinate in steps; nil where it cannot be one (not finite, beyond any map).
    func step(_ v: Double) -> Int? {
        let s = (v / quantum).rounded()
        guard s.isFinite, abs(s) < 1e12 else { return nil }
        return Int(s)
    }

    func point(_ g: Geometry) -> JSONValue? {
        guard let p = g.xy, let x = step(p.x), let y = step(p.y) else { return nil }
        return .array([.integer(x), .integer(y)])
    }

    /// A point as itself, anything polygonal as its simplified polygons; nil for what cannot be drawn.
    func shape(_ g: Geometry) -> JSONValue? {
        if g.kind == .point { return point(g) }
        guard g.isPolygonal else { return nil }
        let simple = (try? g.simplified(tolerance: tolerance)) ?? g
        let polygons = simple.polygons().map { rings in JSONValue.array(rings.compactMap { ring($0) }) }
        return polygons.isEmpty ? nil : .array(polygons)
    }

    /// A polyline's parts (a road), each coded like a ring; nil when nothing is left to draw.
    func lines(_ g: Geometry) -> [JSONValue] {
        g.isLineal ? g.coordinateLists().compactMap { ring($0, least: 2) } : []
    }

    /// [x0, y0, dx1, dy1, …], repeated vertices dropped; nil when fewer than `least` are left.
    func ring(_ points: [(x: Double, y: Double)], least: Int = 3) -> JSONValue? {
        var out: [JSONValue] = []
        var last: (Int, Int)?
        for p in points {
            guard let x = step(p.x), let y = step(p.y) else { return nil }
            if let (lx, ly) = last {
                guard x != lx || y != ly else { continue }
                out += [.integer(x - lx), .integer(y - ly)]
            } else {
                out += [.integer(x), .integer(y)]
            }
            last = (x, y)
        }
        return out.count >= 2 * least ? .array(out) : nil
    }

    /// A straight line between two points, [x1, y1, x2, y2] (absolute steps).
    func link(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double)) -> JSONValue? {
        guard let x1 = step(a.x), let y1 = step(a.y), let x2 = step(b.x), let y2 = step(b.y) else { return nil }
        return .array([.integer(x1), .integer(y1), .integer(x2), .integer(y2)])
    }
}
