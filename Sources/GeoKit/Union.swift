import CGEOS

extension Geometry {
    /// The union of `parts` (dissolved: shared edges vanish), e.g. a street's outline from its blocks.
    /// Empty for no parts.
    public static func union(_ parts: [Geometry], context: GEOSContext) throws -> Geometry {
        let ctx = context.handle
        var clones: [OpaquePointer?] = parts.map { GEOSGeom_clone_r(ctx, $0.handle) }
        guard let collection = GEOSGeom_createCollection_r(ctx, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), &clones,
                                                            UInt32(clones.count)) else {
            throw context.failure("collect")
        }
        defer { GEOSGeom_destroy_r(ctx, collection) }
        guard let g = GEOSUnaryUnion_r(ctx, collection) else { throw context.failure("union") }
        return Geometry(owning: g, context: context)
    }
}
