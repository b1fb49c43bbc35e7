/// The planning rules CareSite applies, in one place. Sources: docs/policy.md.
public struct PlanningStandard: Sendable, Equatable {
    /// Nursery places per 1,000 residents. 4.5 is the national target for 2025
    /// (14th Five-Year Plan for Public Services); some counties set 2.
    public var placesPer1000: Double
    /// Walking service radius of a nursery in metres. 300 m is the 5-minute-walk life circle of
    /// GB 50180-2018 (Standard for urban residential area planning and design), where nurseries sit.
    public var radiusM: Double

    public static let national2025 = PlanningStandard(placesPer1000: 4.5, radiusM: 300)

    public init(placesPer1000: Double, radiusM: Double) {
        self.placesPer1000 = placesPer1000
        self.radiusM = radiusM
    }

    /// Places a population needs under this standard (fractional: it is summed before rounding).
    public func requiredPlaces(population: Double) -> Double {
        population * placesPer1000 / 1000
    }
}
