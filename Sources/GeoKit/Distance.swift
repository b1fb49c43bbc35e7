import CGEOS

extension Geometry {
    /// Planar distance; 0 when one geometry touches or lies inside the other.
    public func distance(to other: Geometry) throws -> Double {
        var d = 0.0
        guard GEOSDistance_r(context.handle, handle, other.handle, &d) == 1 else {
            throw context.failure("distance")
        }
        return d
    }
}
