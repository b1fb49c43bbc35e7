/// Per street (街道): population, places, the per-1,000 target, and the flags of its communities.
public struct StreetSummary: Sendable {
    /// Empty for communities and facilities whose street is unknown.
    public let street: String
    public var communities = 0
    public var population = 0.0
    public var requiredPlaces = 0.0
    public var facilities = 0
    public var places = 0.0
    public var flags: [CommunityFlag: Int] = [:]

    public init(street: String) { self.street = street }

    /// Communities without care within reach (new, old or of unknown status).
    public var lackingCommunities: Int { [CommunityFlag.newLacking, .oldLacking, .lacking].reduce(0) { $0 + (flags[$1] ?? 0) } }

    /// Places per 1,000 residents; nil when the street has no population.
    public var placesPer1000: Double? { population > 0 ? places / population * 1000 : nil }

    /// At least one inclusive institution per street.
    public var hasFacility: Bool { facilities > 0 }

    public func meetsTarget(_ standard: PlanningStandard) -> Bool {
        guard let rate = placesPer1000 else { return true }
        return standard.meetsTarget(rate)
    }
}

public enum StreetRollup {
    /// Streets in name order (Unicode scalar order, so the same on every machine); the unknown street last.
    public static func make(communities: [Community], assessment: Assessment,
                            facilities: [CareFacility]) -> [StreetSummary] {
        var byName: [String: StreetSummary] = [:]
        for (c, a) in zip(communities, assessment.communities) {
            var s = byName[c.street] ?? StreetSummary(street: c.street)
            s.communities += 1
            s.population += c.population
            s.requiredPlaces += a.requiredPlaces
            s.flags[a.flag, default: 0] += 1
            byName[c.street] = s
        }
        for f in facilities {
            var s = byName[f.street] ?? StreetSummary(street: f.street)
            s.facilities += 1
            s.places += f.capacityPlaces
            byName[f.street] = s
        }
        return byName.values.sorted { a, b in
            if a.street.isEmpty != b.street.isEmpty { return !a.street.isEmpty }
            return a.street.unicodeScalars.lexicographicallyPrecedes(b.street.unicodeScalars)
        }
    }
}
