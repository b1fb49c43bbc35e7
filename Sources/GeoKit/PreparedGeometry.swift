import CGEOS

/// A geometry prepared for repeated predicate tests (point-in-street lookups).
public final class PreparedGeometry {
    public let base: Geometry
    let handle: OpaquePointer

    public init(_ base: Geometry) throws {
        guard let p = GEOSPrepare_r(base.context.handle, base.handle) else {
            throw base.context.failure("prepare")
        }
        self.base = base
        self.handle = p
    }

    deinit { GEOSPreparedGeom_destroy_r(base.context.handle, handle) }

    /// True when `other` lies inside or on the boundary.
    public func covers(_ other: Geometry) -> Bool {
        GEOSPreparedCovers_r(base.context.handle, handle, other.handle) == 1
    }
}
