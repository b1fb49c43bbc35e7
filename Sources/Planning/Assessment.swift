import GeoKit

/// The outcome of `flag` for one community.
public struct CommunityAssessment: Sendable {
    public let requiredPlaces: Double
    public let served: Bool
    public let nearestFacility: Int?
    public let nearestFacilityM: Double?
    public let facilitiesWithin: Int
    /// Places available per place required (2SFCA); +∞ when served facilities have no demand at all.
    public let accessRatio: Double
    /// Required places not matched by available ones: required × (1 − min(access_ratio, 1)).
    public let shortfallPlaces: Double
    public let flag: CommunityFlag
}

/// Flags every community against the standard, given the existing facilities.
public struct Assessment {
    public let standard: PlanningStandard
    public let coverage: Coverage
    public let communities: [CommunityAssessment]

    public init(communities: [Community], facilities: [CareFacility], standard: PlanningStandard,
                measure: CoverageMeasure, context: GEOSContext) throws {
        let coverage = try Coverage.compute(communities: communities, sites: facilities.map(\.point),
                                            reach: standard.reach(for: communities), measure: measure, context: context)
        self.init(communities: communities, facilities: facilities, standard: standard, coverage: coverage)
    }

    /// With coverage measured elsewhere (an OD matrix, or facilities and new sites merged).
    public init(communities: [Community], facilities: [CareFacility], standard: PlanningStandard, coverage: Coverage) {
        let required = communities.map { standard.requiredPlaces(population: $0.population) }
        let ratios = Accessibility.ratios(required: required, capacity: facilities.map(\.capacityPlaces),
                                          coverage: coverage)
        self.standard = standard
        self.coverage = coverage
        self.communities = communities.indices.map { i in
            let served = !coverage.within[i].isEmpty
            let ratio = ratios[i]
            return CommunityAssessment(
                requiredPlaces: required[i], served: served,
                nearestFacility: coverage.nearest[i]?.site, nearestFacilityM: coverage.nearest[i]?.distanceM,
                facilitiesWithin: coverage.within[i].count, accessRatio: ratio,
                shortfallPlaces: max(0, required[i] * (1 - min(ratio, 1))),
                flag: CommunityFlag.of(status: communities[i].status, served: served, accessRatio: ratio))
        }
    }

    public func count(_ flag: CommunityFlag) -> Int { communities.filter { $0.flag == flag }.count }
}
