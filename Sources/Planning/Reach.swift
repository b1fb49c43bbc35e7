/// How far a facility serves, in one place: the radius and its unit, the rule it must meet, the one
/// comparison that decides "within", and how far beyond it anything is searched.
public struct Reach: Sendable, Equatable {
    /// The radius of every community without one of its own.
    public let radius: Double
    /// "m", or "min" for an OD matrix in minutes.
    public let unit: String
    /// Per community (in the communities' order), its radius, when some have their own; nil: `radius` for all.
    public let radii: [Double]?

    /// A radius: more than 0 and at most 100 km (a county's extent; beyond, the data are not in metres).
    public static let radiusRule = NumberRule(min: 0, excluded: true, max: 100_000, unit: "m")
    /// The nearest facility, and p-median's candidates, are searched within 10 radii and at least 5 km
    /// (5 km: a town's extent; farther than that nobody is assigned a nursery).
    public static let searchRadii = 10.0
    public static let minimumSearchM = 5000.0

    public init(radius: Double, unit: String = "m", radii: [Double]? = nil) {
        self.radius = radius
        self.unit = unit
        self.radii = radii
    }

    /// `radius` for every community but those with their own.
    public init(radius: Double, unit: String = "m", communities: [Community]) {
        let own = communities.map(\.radius)
        self.init(radius: radius, unit: unit, radii: own.contains { $0 != nil } ? own.map { $0 ?? radius } : nil)
    }

    public func radius(of community: Int) -> Double { radii?[community] ?? radius }

    /// Within reach of community `community`: at most its radius.
    public func covers(_ distance: Double, community: Int) -> Bool { distance <= radius(of: community) }

    /// The largest radius of any community.
    public var largest: Double { Swift.max(radius, radii?.max() ?? radius) }

    /// How far to search for the nearest facility or a p-median candidate.
    public var searchLimit: Double { Swift.max(Self.minimumSearchM, Self.searchRadii * largest) }
}

extension PlanningStandard {
    /// Places per 1,000: 0 to 100 (a hundred times the national target is a typo).
    public static let placesRule = NumberRule(min: 0, max: 100, unit: "per 1,000")
    /// A per-1,000 rate meets the target up to this rounding noise.
    public static let meetsTargetTolerance = 1e-9

    /// Reach in metres, for these communities (some may have their own radius).
    public func reach(for communities: [Community]) -> Reach { Reach(radius: radiusM, communities: communities) }

    public func meetsTarget(_ rate: Double) -> Bool { rate >= placesPer1000 - Self.meetsTargetTolerance }

    /// Nil when both numbers are allowed; else the message, naming the options.
    public func problem(radiusOption: String = "--radius", placesOption: String = "--places-per-1000") -> String? {
        if let p = Reach.radiusRule.problem(radiusM) { return "\(radiusOption) \(p)" }
        if let p = Self.placesRule.problem(placesPer1000) { return "\(placesOption) \(p)" }
        return nil
    }
}
