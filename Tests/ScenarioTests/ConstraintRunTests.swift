import Foundation
import Testing
@testable import Scenario

/// A county of 30 streets (a 6 × 5 grid of 1 km blocks, UTM 50N metres): 500 communities crowded
/// into the central blocks, 150 candidate sites (5 per street; the kindergartens mostly out in the
/// thin blocks), 3 existing facilities in the centre.
struct ConstrainedCounty {
    let fx: Fixture
    init() throws { fx = try Fixture() }

    func options(p: Int) throws -> SiteOptions {
        var seed: UInt64 = 20_251_123
        func unit() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        func block(_ b: Int) -> (Double, Double) { (Double(b % 6) * 1000, Double(b / 6) * 1000) }
        let central = Set([8, 9, 14, 15, 20, 21])
        var c = "id,population,street,WKT\n"
        for i in 0..<500 {
            let b = i % 3 == 0 ? Int(unit() * 30) : [8, 9, 14, 15, 20, 21][i % 6]
            let (x, y) = block(b)
            let pop = central.contains(b) ? 1500 + Int(unit() * 3000) : 200 + Int(unit() * 800)
            c += "C\(i),\(pop),街道\(b),POINT (\(500_000 + x + unit() * 1000) \(3_500_000 + y + unit() * 1000))\n"
        }
        var s = "id,kind,capacity,cost,street,WKT\n"
        for j in 0..<150 {
            let b = j / 5
            let (x, y) = block(b)
            let kind = j % 5 == 0 && !central.contains(b) ? "kindergarten" : ["idle_land", "vacant_building", "reserved"][j % 3]
            s += "S\(j),\(kind),60,\(1 + j % 4),街道\(b),POINT (\(500_000 + x + unit() * 1000) \(3_500_000 + y + unit() * 1000))\n"
        }
        var f = "id,capacity,street,WKT\n"
        for (k, b) in [8, 15, 21].enumerated() {
            let (x, y) = block(b)
            f += "F\(k),80,街道\(b),POINT (\(500_000 + x + 500) \(3_500_000 + y + 500))\n"
        }
        var inputs = InputOptions(communities: try fx.file("communities.csv", c))
        inputs.facilities = try fx.file("facilities.csv", f)
        inputs.crs = "EPSG:32650"
        var o = SiteOptions(flag: FlagOptions(inputs: inputs, out: fx.out), candidates: try fx.file("candidates.csv", s))
        o.objective = .coverage
        o.p = p
        o.gapTolerance = 0
        o.flag.standard.radiusM = 500
        return o
    }
}

@Suite struct ConstraintRunTests {
    /// Issue 14's size: 500 communities, 30 streets, 150 candidates, p = 40, ≥ 1 per street, ≥ 12
    /// kindergartens: every constraint met, the constrained optimum proven, below the unconstrained one.
    @Test func realSizeCountyReachesTheProvenConstrainedOptimum() throws {
        let county = try ConstrainedCounty()
        let free = try SiteRun(try county.options(p: 40))
        var o = try county.options(p: 40)
        o.constraints.minPerStreet = 1
        o.constraints.kindMin["kindergarten"] = 12
        let run = try SiteRun(o)
        #expect(run.solution.proven && run.solution.stop == .proven)
        let chosen = run.priority.map(\.site)
        #expect(chosen.count == 40)
        #expect(chosen.filter { run.candidates[$0].kind == "kindergarten" }.count >= 12)
        // The new facilities carry their candidate's street (SiteBasis.candidateStreets).
        let streets = Set(run.newFacilities.map(\.street))
            .union(run.before.inputs.facilities.map(\.street))
        #expect(streets.count == 30)
        #expect(run.solution.objective < free.solution.objective)
        #expect(run.solution.tight.contains("kind kindergarten ≥ 12"))
        let json = try run.write().json.compact
        #expect(json.contains("\"streets_met\":27"))
    }

    @Test func aStreetWithoutCandidatesIsNamed() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage, p: 2)
        o.constraints.minPerStreet = 1
        o.flag.inputs.streets = try town.fx.geojsonStreets()
        #expect(throws: InputError.self) { try SiteRun(o) }
        do { _ = try SiteRun(o) } catch let e as InputError {
            #expect(e.message.contains("street 远郊街道 has no facilities and no candidate sites"))
        }
        o.constraints.minPerStreetWhereFeasible = true
        let run = try SiteRun(o)
        #expect(run.rules!.streetsShort == ["street 远郊街道 has no facilities and no candidate sites"])
    }

    @Test func mustServeNamesTheUnreachableCommunity() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage, p: 2)
        o.constraints.mustServeStatus = [.new]
        do { _ = try SiteRun(o); Issue.record("expected an error") } catch let e as InputError {
            #expect(e.message.contains("1 community must be served (status new)") && e.message.contains("D"))
        }
    }

    @Test func mustServeAndKindsChangeTheAnswer() throws {
        let town = try SiteTown()
        // Unconstrained p = 2 takes S2 (B, 2,000) and S3 (C, 500); the new areas A and C must be served.
        var o = try town.options(.coverage, p: 2)
        o.constraints.mustServeStatus = [.new]
        o.flag.inputs.communities = try town.fx.file("communities.csv", """
        id,population,status,WKT
        A,400,new,POINT (500000 3500000)
        B,2000,old,POINT (501000 3500000)
        C,500,new,POINT (502000 3500000)
        E,800,old,POINT (500000 3501000)

        """)
        var run = try SiteRun(o)
        #expect(Set(run.priority.map { run.candidates[$0.site].id }) == ["S1", "S3"])
        o.constraints = PlanConstraints()
        o.constraints.kindMax["kindergarten"] = 0
        run = try SiteRun(o)
        #expect(Set(run.priority.map { run.candidates[$0.site].id }) == ["S4", "S3"])
    }

    @Test func infeasibleTogetherSaysWhich() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage, p: 1)
        o.constraints.kindMin["kindergarten"] = 1
        o.constraints.kindMin["reserved"] = 1
        do { _ = try SiteRun(o); Issue.record("expected an error") } catch let e as InputError {
            #expect(e.message.contains("kind kindergarten needs") == false)
            #expect(e.message.contains("cannot all hold together") && e.message.contains("--kind-min kindergarten=1"))
        }
    }
}

extension Fixture {
    /// Two streets over the SiteTown: 城关街道 around A–C and E, 远郊街道 far east with nothing in it.
    func geojsonStreets() throws -> String {
        try file("streets.csv", """
        name,WKT
        城关街道,"POLYGON ((499000 3499000,503000 3499000,503000 3502000,499000 3502000,499000 3499000))"
        远郊街道,"POLYGON ((504000 3499000,506000 3499000,506000 3502000,504000 3502000,504000 3499000))"

        """)
    }
}
