import GeoKit

/// What "within the radius" is measured to.
public enum CoverageMeasure: String, Sendable, CaseIterable {
    /// From the facility to the community's representative point (point-on-surface).
    case point
    /// From the facility to the community's polygon (0 when inside).
    case boundary
}

extension Community {
    /// Straight-line distance to a site, measured as coverage measures it (to the point or the polygon).
    public func straightDistance(to site: Geometry, measure: CoverageMeasure) -> Double? {
        try? (measure == .point ? point : geometry).distance(to: site)
    }
}
