import CGEOS

extension Geometry {
    /// The coordinate lists of a geometry: every ring of every polygon, every line, or the points.
    /// For drawing (the SVG map of the report); GeoJSON output has its own writer.
    public func coordinateLists() -> [[(x: Double, y: Double)]] {
        let ctx = context.handle
        func seq(_ g: OpaquePointer) -> [(x: Double, y: Double)] {
            guard let s = GEOSGeom_getCoordSeq_r(ctx, g) else { return [] }
            var n: UInt32 = 0
            GEOSCoordSeq_getSize_r(ctx, s, &n)
            var buffer = [Double](repeating: 0, count: Int(n) * 2)
            GEOSCoordSeq_copyToBuffer_r(ctx, s, &buffer, 0, 0)
            return (0..<Int(n)).map { (buffer[2 * $0], buffer[2 * $0 + 1]) }
        }
        func walk(_ g: OpaquePointer, into out: inout [[(x: Double, y: Double)]]) {
            switch GEOSGeomTypeId_r(ctx, g) {
            case Int32(GEOS_POLYGON.rawValue):
                guard GEOSisEmpty_r(ctx, g) == 0 else { return }
                out.append(seq(GEOSGetExteriorRing_r(ctx, g)!))
                for i in 0..<GEOSGetNumInteriorRings_r(ctx, g) { out.append(seq(GEOSGetInteriorRingN_r(ctx, g, i)!)) }
            case Int32(GEOS_POINT.rawValue), Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
                out.append(seq(g))
            default:
                for i in 0..<GEOSGetNumGeometries_r(ctx, g) { walk(GEOSGetGeometryN_r(ctx, g, i)!, into: &out) }
            }
        }
        var out: [[(x: Double, y: Double)]] = []
        walk(handle, into: &out)
        return out
    }
}

extension Geometry {
    /// Each polygon of a polygonal geometry as its rings (exterior first), keeping which holes belong to
    /// which part (a flat list of rings cannot draw a multipolygon with holes). Empty for other kinds.
    public func polygons() -> [[[(x: Double, y: Double)]]] {
        let ctx = context.handle
        var out: [[[(x: Double, y: Double)]]] = []
        func walk(_ g: OpaquePointer) {
            switch GEOSGeomTypeId_r(ctx, g) {
            case Int32(GEOS_POLYGON.rawValue):
                let own = Geometry(owning: GEOSGeom_clone_r(ctx, g), context: context)
                if !own.isEmpty { out.append(own.coordinateLists()) }
            case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
                for i in 0..<GEOSGetNumGeometries_r(ctx, g) { walk(GEOSGetGeometryN_r(ctx, g, i)!) }
            default: return
            }
        }
        walk(handle)
        return out
    }
}

extension Geometry {
    /// The first vertex with a coordinate that is not finite or larger in size than `limit`, if any.
    public func firstVertexOutside(limit: Double) -> (x: Double, y: Double)? {
        for list in coordinateLists() {
            for p in list where !(abs(p.x) <= limit && abs(p.y) <= limit) { return p }
        }
        return nil
    }
}
