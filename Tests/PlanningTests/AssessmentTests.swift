import Testing
import GeoKit
@testable import Planning

/// Hand-worked example in metres (see the comments for each number).
///   A (0,0) pop 1000 new, B (200,0) pop 2000 old, C (1000,0) pop 1000 old, D (0,500) pop 400 new,
///   E square 2000..2400 × 0..400, pop 1000, status unknown.
///   F1 (100,0) 10 places; F2 (2500,200) 9 places; F3 (2700,200) 10 places. Radius 300, 4.5 per 1,000.
@Suite struct AssessmentTests {
    let ctx = GEOSContext()

    func point(_ x: Double, _ y: Double) -> Geometry { .point(x: x, y: y, context: ctx) }

    func community(_ id: String, _ g: Geometry, _ pop: Double, _ status: CommunityStatus, _ street: String) throws -> Community {
        let p = g.kind == .point ? g : try g.pointOnSurface()
        return Community(id: id, name: id, outputGeometry: g, geometry: g, point: p, population: pop, status: status, street: street)
    }

    func fixture() throws -> ([Community], [CareFacility]) {
        let square = try Geometry.fromWKT("POLYGON((2000 0, 2400 0, 2400 400, 2000 400, 2000 0))", context: ctx)
        let communities = [
            try community("A", point(0, 0), 1000, .new, "S1"),
            try community("B", point(200, 0), 2000, .old, "S1"),
            try community("C", point(1000, 0), 1000, .old, "S2"),
            try community("D", point(0, 500), 400, .new, "S1"),
            try community("E", square, 1000, .unknown, "S2"),
        ]
        let facilities = [
            CareFacility(id: "F1", name: "", point: point(100, 0), outputPoint: point(0, 0), capacityPlaces: 10, street: "S1"),
            CareFacility(id: "F2", name: "", point: point(2500, 200), outputPoint: point(0, 0), capacityPlaces: 9, street: "S2"),
            CareFacility(id: "F3", name: "", point: point(2700, 200), outputPoint: point(0, 0), capacityPlaces: 10, street: "S2"),
        ]
        return (communities, facilities)
    }

    @Test func pointMeasure() throws {
        let (cs, fs) = try fixture()
        let a = try Assessment(communities: cs, facilities: fs, standard: .national2025, measure: .point, context: ctx)
        let r = a.communities
        // required = pop × 4.5 / 1000
        #expect(r.map(\.requiredPlaces) == [4.5, 9, 4.5, 1.8, 4.5])
        // F1 serves A and B (100 m each): R = 10 / 13.5. D is 510 m away.
        #expect(abs(r[0].accessRatio - 10 / 13.5) < 1e-12)
        #expect(abs(r[1].accessRatio - 10 / 13.5) < 1e-12)
        #expect(r.map(\.flag) == [.underCapacity, .underCapacity, .oldLacking, .newLacking, .ok])
        // E's point-on-surface is its centre (2200, 200): F2 at exactly 300 m serves (≤), F3 at 500 m does not.
        #expect(r[4].facilitiesWithin == 1)
        #expect(r[4].accessRatio == 2)
        #expect(r[4].nearestFacilityM == 300)
        // C: nearest is F1 at 900 m.
        #expect(r[2].nearestFacility == 0 && r[2].nearestFacilityM == 900)
        #expect(!r[2].served && r[2].accessRatio == 0 && r[2].shortfallPlaces == 4.5)
        #expect(abs(r[0].shortfallPlaces - 4.5 * (1 - 10 / 13.5)) < 1e-12)
        #expect(r[4].shortfallPlaces == 0)
    }

    @Test func boundaryMeasureReachesThePolygonEdge() throws {
        let (cs, fs) = try fixture()
        let a = try Assessment(communities: cs, facilities: fs, standard: .national2025, measure: .boundary, context: ctx)
        // F2 is 100 m from E's edge, F3 300 m: both serve E alone. R2 = 9/4.5, R3 = 10/4.5.
        #expect(a.communities[4].facilitiesWithin == 2)
        #expect(abs(a.communities[4].accessRatio - (2 + 10 / 4.5)) < 1e-12)
        #expect(a.communities[4].nearestFacilityM == 100)
    }

    @Test func streetRollup() throws {
        let (cs, fs) = try fixture()
        let a = try Assessment(communities: cs, facilities: fs, standard: .national2025, measure: .point, context: ctx)
        let streets = StreetRollup.make(communities: cs, assessment: a, facilities: fs)
        #expect(streets.map(\.street) == ["S1", "S2"])
        let s1 = streets[0], s2 = streets[1]
        #expect(s1.communities == 3 && s1.population == 3400 && abs(s1.requiredPlaces - 15.3) < 1e-9)
        #expect(s1.facilities == 1 && s1.places == 10)
        #expect(abs(s1.placesPer1000! - 10 / 3.4) < 1e-9)
        #expect(!s1.meetsTarget(.national2025))
        #expect(s1.flags == [.newLacking: 1, .underCapacity: 2])
        #expect(s2.places == 19 && s2.placesPer1000 == 9.5 && s2.meetsTarget(.national2025))
        #expect(s2.flags == [.oldLacking: 1, .ok: 1])
    }

    @Test func noFacilitiesMeansEveryoneLacks() throws {
        let (cs, _) = try fixture()
        let a = try Assessment(communities: cs, facilities: [], standard: .national2025, measure: .point, context: ctx)
        #expect(a.communities.map(\.flag) == [.newLacking, .oldLacking, .oldLacking, .newLacking, .lacking])
        #expect(a.communities.allSatisfy { $0.nearestFacility == nil })
    }

    @Test func facilityWithNoDemandGivesUnboundedRatio() throws {
        let c = try community("Z", point(0, 0), 0, .new, "")
        let f = CareFacility(id: "F", name: "", point: point(10, 0), outputPoint: point(0, 0), capacityPlaces: 5, street: "")
        let a = try Assessment(communities: [c], facilities: [f], standard: .national2025, measure: .point, context: ctx)
        #expect(a.communities[0].accessRatio == .infinity)
        #expect(a.communities[0].flag == .ok)
    }
}

extension AssessmentTests {
    /// A community with a radius of its own (a rural village, 1,000 m) reaches farther; the others keep 300 m.
    @Test func ownRadius() throws {
        var (cs, fs) = try fixture()
        cs[2].radius = 1000   // C: F1 at 900 m is within 1,000 m
        cs[3].radius = 500    // D: F1 at 510 m stays out
        let reach = PlanningStandard.national2025.reach(for: cs)
        #expect(reach.radii == [300, 300, 1000, 500, 300])
        #expect(reach.largest == 1000 && reach.searchLimit == 10_000)
        let a = try Assessment(communities: cs, facilities: fs, standard: .national2025, measure: .point, context: ctx)
        #expect(a.communities.map(\.facilitiesWithin) == [1, 1, 1, 0, 1])
        // F1's 10 places now share among A, B and C: 10 / (4.5 + 9 + 4.5).
        #expect(abs(a.communities[2].accessRatio - 10 / 18) < 1e-12)
        let rows = [[(0, 900.0)], [(0, 510.0)]]
        let fromRows = Coverage.fromRows(rows, reach: Reach(radius: 300, radii: [1000, 500]))
        #expect(fromRows.within.map(\.count) == [1, 0])
        #expect(PlanningStandard.national2025.reach(for: Array(cs.prefix(2))).radii == nil)
    }
}

/// Classes by 托育机构设置标准（试行）: 乳儿班 ≤ 10, 托小班 ≤ 15, 托大班 ≤ 20, places split 20/40/40 %.
@Suite struct NurseryClassesTests {
    @Test func classesRoundUpPerAgeGroup() {
        #expect(NurseryClasses(places: 0) == NurseryClasses())
        // 25 places: 5 infants (1 class), 10 toddlers (1), 10 older (1).
        #expect(NurseryClasses(places: 25) == NurseryClasses(infant: 1, toddler: 1, older: 1))
        // 100: 20 infants (2), 40 toddlers (3: 15 + 15 + 10), 40 older (2).
        #expect(NurseryClasses(places: 100) == NurseryClasses(infant: 2, toddler: 3, older: 2))
        // 50: 10 infants fill one class exactly (no extra class for rounding noise).
        #expect(NurseryClasses(places: 50)?.infant == 1)
        #expect(NurseryClasses(places: .nan) == nil && NurseryClasses(places: -1) == nil && NurseryClasses(places: 1e300) == nil)
        #expect(NurseryClasses.floorAreaM2(places: 25) == 225)
    }
}
