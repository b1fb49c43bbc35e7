/// How far a facility serves, in one place: the radius and its unit, the rule it must meet, the one
/// comparison that decides "within", and how far beyond it anything is searched.
public struct Reach: Sendable, Equatable {
    public let radius: Double
    /// "m", or "min" for an OD matrix in minutes.
    public let unit: String

    /// A radius: more than 0 and at most 100 km (a county's extent; beyond, the data are not in metres).
    public static let radiusRule = NumberRule(min: 0, excluded: true, max: 100_000, unit: "m")
    /// The nearest facility, and p-median's candidates, are searched within 10 radii and at least 5 km
    /// (5 km: a town's extent; farther than that nobody is assigned a nursery).
    public static let searchRadii = 10.0
    public static let minimumSearchM = 5000.0

    public init(radius: Double, unit: String = "m") {
        self.radius = radius
        self.unit = unit
    }

    /// Within reach: at most the radius.
    public func covers(_ distance: Double) -> Bool { distance <= radius }

    /// How far to search for the nearest facility or a p-median candidate.
    public var searchLimit: Double { Swift.max(Self.minimumSearchM, Self.searchRadii * radius) }
}

extension PlanningStandard {
    /// Places per 1,000: 0 to 100 (a hundred times the national target is a typo).
    public static let placesRule = NumberRule(min: 0, max: 100, unit: "per 1,000")
    /// A per-1,000 rate meets the target up to this rounding noise.
    public static let meetsTargetTolerance = 1e-9

    public var reach: Reach { Reach(radius: radiusM) }

    public func meetsTarget(_ rate: Double) -> Bool { rate >= placesPer1000 - Self.meetsTargetTolerance }

    /// Nil when both numbers are allowed; else the message, naming the options.
    public func problem(radiusOption: String = "--radius", placesOption: String = "--places-per-1000") -> String? {
        if let p = Reach.radiusRule.problem(radiusM) { return "\(radiusOption) \(p)" }
        if let p = Self.placesRule.problem(placesPer1000) { return "\(placesOption) \(p)" }
        return nil
    }
}
