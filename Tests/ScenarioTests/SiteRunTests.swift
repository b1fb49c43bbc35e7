import Foundation
import Testing
import GeoKit
@testable import Scenario

/// A hand-made town in UTM 50N metres (offset 500000, 3500000), radius 300 m:
///   A (0,0) 1000 people, B (1000,0) 2000, C (2000,0) 500, D (5000,0) 100 (no candidate near),
///   E (0,1000) 800, already served by facility F1 (0,1100; 10 places).
///   Candidates: S1 (100,0) covers A, cost 5, 10 places; S2 (1000,100) covers B, cost 3, 5 places;
///   S3 (2000,200) covers C, cost 4, 10 places; S4 (1000,-200) covers B, cost 10, 20 places.
struct SiteTown {
    let fx: Fixture
    init() throws { fx = try Fixture() }

    func options(_ objective: SiteObjective, p: Int? = nil, budget: Double? = nil) throws -> SiteOptions {
        let c = try fx.file("communities.csv", """
        id,population,status,WKT
        A,1000,new,POINT (500000 3500000)
        B,2000,old,POINT (501000 3500000)
        C,500,old,POINT (502000 3500000)
        D,100,new,POINT (505000 3500000)
        E,800,old,POINT (500000 3501000)

        """)
        let f = try fx.file("facilities.csv", "id,capacity,WKT\nF1,10,POINT (500000 3501100)\n")
        let s = try fx.file("candidates.csv", """
        id,kind,capacity,cost,WKT
        S1,idle_land,10,5,POINT (500100 3500000)
        S2,kindergarten,5,3,POINT (501000 3500100)
        S3,vacant_building,10,4,POINT (502000 3500200)
        S4,reserved,20,10,POINT (501000 3499800)

        """)
        var inputs = InputOptions(communities: c)
        inputs.facilities = f
        inputs.crs = "EPSG:32650"
        var o = SiteOptions(flag: FlagOptions(inputs: inputs, out: fx.out), candidates: s)
        o.objective = objective
        o.p = p
        o.budget = budget
        o.gapTolerance = 0
        return o
    }
}

@Suite struct SiteRunTests {
    func ids(_ run: SiteRun) -> [String] { run.priority.map { run.candidates[$0.site].id } }

    @Test func coverageWithPSites() throws {
        let town = try SiteTown()
        let one = try SiteRun(try town.options(.coverage, p: 1))
        // S2 and S4 reach the same community; the cheaper-indexed S2 is kept.
        #expect(ids(one) == ["S2"])
        let two = try SiteRun(try town.options(.coverage, p: 2))
        #expect(ids(two) == ["S2", "S1"])
        #expect(two.solution.objective == 800 + 2000 + 1000)
        #expect(two.solution.proven)
        #expect(two.priority.map(\.marginal) == [2000, 1000])
    }

    @Test func coverageWithABudget() throws {
        let town = try SiteTown()
        // Budget 7: S2 (3) + S3 (4) reach B and C (2,500), better than S1 alone.
        let run = try SiteRun(try town.options(.coverage, budget: 7))
        #expect(Set(ids(run)) == ["S2", "S3"])
        #expect(run.solution.objective == 800 + 2500)
    }

    @Test func coverAllLeavesOutTheUncoverable() throws {
        let town = try SiteTown()
        var o = try town.options(.coverAll)
        o.minimise = .cost
        let run = try SiteRun(o)
        #expect(Set(ids(run)) == ["S1", "S2", "S3"])
        #expect(run.solution.objective == 12)
        #expect(run.uncoverable.map { run.before.inputs.communities[$0].id } == ["D"])
        try run.write()
        let text = try town.fx.read("uncoverable.geojson")
        #expect(text.contains("\"id\":\"D\""))
        #expect(!text.contains("\"id\":\"A\""))
    }

    @Test func capacitatedPrefersTheSiteWithRoom() throws {
        let town = try SiteTown()
        // Required places: B needs 9; S4 (20 places) takes all 9, S2 only 5. E's 3.6 go to F1.
        let run = try SiteRun(try town.options(.capacitatedCoverage, p: 1))
        #expect(ids(run) == ["S4"])
        #expect(abs(run.solution.objective - 12.6) < 1e-9)
        #expect(run.solution.proven)
    }

    @Test func distanceObjectiveAssignsEveryCommunity() throws {
        let town = try SiteTown()
        let run = try SiteRun(try town.options(.distance, p: 2))
        #expect(run.priority.count == 2)
        #expect(run.assigned.allSatisfy { $0 != nil })
        #expect(run.solution.proven)
    }

    @Test func outputsAndTheirProperties() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage, p: 2)
        o.curve = 3
        let (json, text) = try SiteRun(o).write()
        for name in ["sites.geojson", "communities.geojson", "assignments.geojson", "priority.csv", "coverage_curve.csv", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: town.fx.out + "/" + name), "\(name)")
        }
        let sites = try town.fx.read("sites.geojson")
        #expect(sites.contains(#""id":"S2","name":"","kind":"kindergarten","rank":1,"marginal_gain":2000,"covered_population":2000,"newly_covered_population":2000,"lacking_communities_served":1,"capacity":5,"cost":3,"assigned_required_places":9"#))
        let communities = try town.fx.read("communities.geojson")
        #expect(communities.contains(#""flag":"new_lacking","served_after":true,"assigned_site":"S1","assigned_distance_m":100,"flag_after":"#))
        #expect(communities.contains(#""id":"D""#) && communities.contains(#""served_after":false,"assigned_site":null"#))
        let priority = try town.fx.read("priority.csv")
        #expect(priority.contains("rank,id,name,kind,cost,cumulative_cost,capacity,marginal_gain,objective_after,covered_weight,covered_percent,newly_covered_population,lacking_communities_served,places_needed,places_planned,capped_by_capacity,infant_classes,toddler_classes,older_classes,floor_area_m2\r\n"))
        #expect(priority.contains("1,S2,,kindergarten,3,3,5,2000,2800,2800,63.64,2000,1,9,5,true,1,1,1,45\r\n"))
        #expect(priority.contains("2,S1,,idle_land,5,8,10,1000,3800,3800,86.36,1000,1,4.5,5,false,1,1,1,45\r\n"))
        let curve = try town.fx.read("coverage_curve.csv")
        #expect(curve.contains("3,4300,97.73,4300,0,true,S1 S2 S3\r\n"))
        #expect(json["solution"]?["proven_optimal"] == .bool(true))
        #expect(text.contains("proven optimal"))
    }

    @Test func odMatrixReplacesStraightLines() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage, p: 1)
        // Through the matrix, S3 is 100 from A and B: it covers both (3,000 people).
        o.odMatrix = try town.fx.file("od.csv", """
        origin_id,destination_id,cost
        A,S3,100
        B,S3,250
        B,S2,50
        C,S3,900
        E,F1,100

        """)
        let run = try SiteRun(o)
        #expect(ids(run) == ["S3"])
        #expect(run.solution.objective == 800 + 3000)
    }

    @Test func sameInputsSameFiles() throws {
        let town = try SiteTown()
        var a = try town.options(.coverage, p: 2)
        a.flag.out = town.fx.dir + "/a"
        var b = a
        b.flag.out = town.fx.dir + "/b"
        let ja = try SiteRun(a).write().json, jb = try SiteRun(b).write().json
        for name in ["sites.geojson", "communities.geojson", "assignments.geojson", "priority.csv"] {
            #expect(FileManager.default.contentsEqual(atPath: a.flag.out + "/" + name, andPath: b.flag.out + "/" + name), "\(name)")
        }
        #expect(ja["solution"] == jb["solution"] && ja["coverage"] == jb["coverage"])
    }

    // Bad input.

    func failure(_ o: SiteOptions) throws -> String {
        let e = try #require(throws: (any Error).self) { try SiteRun(o) }
        return "\(e)"
    }

    @Test func pLargerThanTheCandidates() throws {
        let town = try SiteTown()
        let m = try failure(try town.options(.coverage, p: 9))
        #expect(m.contains("--p 9 is larger than the 4 candidate sites"))
    }

    @Test func budgetBelowTheCheapestSite() throws {
        let town = try SiteTown()
        let m = try failure(try town.options(.coverage, budget: 2))
        #expect(m.contains("--budget 2 is below the cheapest candidate site (3)"))
    }

    @Test func negativeCost() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage, budget: 10)
        o.candidates = try town.fx.file("bad.csv", "id,cost,capacity,WKT\nS1,-4,10,POINT (500100 3500000)\n")
        #expect(try failure(o).contains("bad.csv: feature id \"S1\" (#1): field \"cost\": -4 is negative"))
    }

    @Test func odMatrixWithUnknownIds() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage, p: 1)
        o.odMatrix = try town.fx.file("od.csv", "origin_id,destination_id,cost\nA,S1,10\nZZ,S1,5\nA,S9,5\n")
        let m = try failure(o)
        #expect(m.contains("od.csv: origin ids that are no community: ZZ; destination ids that are no candidate or facility: S9"))
    }

    @Test func objectiveNeedsItsParameters() throws {
        let town = try SiteTown()
        #expect(try failure(try town.options(.coverage)).contains("needs --p N or --budget X"))
        #expect(try failure(try town.options(.distance, budget: 5)).contains("takes --p, not --budget"))
        #expect(try failure(try town.options(.coverAll, p: 2)).contains("cover-all finds the number of sites itself"))
    }

    /// A solver phase ended on its share of the time gets one note naming it (once, over the phases of
    /// a plan by year); none when every phase ended by its own rule.
    @Test func timedPhasesAreNoted() {
        let log = RunLog()
        SiteRun.noteTimedPhases([[], []], log: log)
        #expect(log.notes.isEmpty)
        SiteRun.noteTimedPhases([["zero-half cuts"], ["zero-half cuts", "perturbation"]], log: log)
        #expect(log.notes.count == 1)
        #expect(log.notes.first?.contains("rule: zero-half cuts; perturbation.") == true)
        #expect(log.notes.first?.contains("--time-limit") == true)
    }
}
