/// What "within the radius" is measured to.
public enum CoverageMeasure: String, Sendable, CaseIterable {
    /// From the facility to the community's representative point (point-on-surface).
    case point
    /// From the facility to the community's polygon (0 when inside).
    case boundary
}
