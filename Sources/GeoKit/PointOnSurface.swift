import CGEOS

extension Geometry {
    /// A point guaranteed to lie inside the geometry (unlike the centroid of an L-shaped block).
    public func pointOnSurface() throws -> Geometry {
        guard let g = GEOSPointOnSurface_r(context.handle, handle) else {
            throw context.failure("point on surface")
        }
        return Geometry(owning: g, context: context)
    }
}
