import CGEOS

extension Geometry {
    /// Fewer vertices, no vertex moved more than `tolerance`, and no ring collapsing or crossing another
    /// (topology-preserving: a small block stays a polygon). For display, never for measuring.
    public func simplified(tolerance: Double) throws -> Geometry {
        guard let g = GEOSTopologyPreserveSimplify_r(context.handle, handle, tolerance) else {
            throw context.failure("simplify")
        }
        return Geometry(owning: g, context: context)
    }
}
