import CGEOS

extension Geometry {
    /// All `lines` noded together: split wherever two cross or touch, as one MultiLineString (GEOS
    /// unary union with snap-rounding to `gridSize` metres, so that an end lying on another line up to
    /// a few decimetres — digitising slack, or a long straight line bent by reprojection — still makes
    /// a junction; lengths change by less than the grid).
    public static func noded(_ lines: [Geometry], gridSize: Double = 0.5, context: GEOSContext) throws -> Geometry {
        var parts: [OpaquePointer?] = lines.map { GEOSGeom_clone_r(context.handle, $0.handle) }
        guard let collection = GEOSGeom_createCollection_r(context.handle, Int32(GEOS_MULTILINESTRING.rawValue),
                                                           &parts, UInt32(parts.count)) else {
            throw context.failure("collecting lines")
        }
        defer { GEOSGeom_destroy_r(context.handle, collection) }
        guard let union = GEOSUnaryUnionPrec_r(context.handle, collection, gridSize) else { throw context.failure("noding lines") }
        return Geometry(owning: union, context: context)
    }

    /// The lines inside a (multi)line geometry, as separate geometries.
    public func lineParts() -> [Geometry] {
        let ctx = context.handle
        if isLineal && kind != .multiLineString { return [self] }
        return (0..<GEOSGetNumGeometries_r(ctx, handle)).compactMap { i in
            guard let part = GEOSGetGeometryN_r(ctx, handle, i) else { return nil }
            let g = Geometry(owning: GEOSGeom_clone_r(ctx, part), context: context)
            return g.isLineal ? g : nil
        }
    }

    /// Length of a line (planar).
    public var length: Double {
        var l = 0.0
        _ = GEOSLength_r(context.handle, handle, &l)
        return l
    }

    /// Distance along this line to the point on it nearest `point`.
    public func project(_ point: Geometry) -> Double {
        GEOSProject_r(context.handle, handle, point.handle)
    }
}
