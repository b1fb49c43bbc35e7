import Foundation
import Testing
@testable import Scenario
import Planning

/// Plans by year on the hand-made town of SiteRunTests (optimum for p = 2: S2 and S1, 3,800 covered).
@Suite struct PhaseRunTests {
    func ids(_ run: SiteRun, _ sites: [Int]) -> [String] { sites.map { run.candidates[$0].id } }

    func phase(_ year: Int, p: Int? = nil, budget: Double? = nil, kindMin: [String: Int] = [:]) -> PlanPhase {
        var ph = PlanPhase(year: year, p: p, budget: budget)
        ph.targets.kindMin = kindMin
        return ph
    }

    /// 2022 must open a vacant building (S3, 500 people); 2025 keeps it and adds the best one more (S2 or S4).
    /// The two-year plan (3,300) is below the best pair (3,800): an earlier phase binds the later one.
    @Test func laterPhasesKeepEarlierSites() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage)
        o.phases = [phase(2022, p: 1, kindMin: ["vacant_building": 1]), phase(2025, p: 1)]
        let run = try SiteRun(o)
        // S2 and S4 both reach B (2,000): either is optimal.
        let chosen = run.phases.map { ids(run, $0.sites) }
        #expect(chosen[0] == ["S3"] && (chosen[1] == ["S2"] || chosen[1] == ["S4"]))
        let objectives: [Double] = run.phases.map(\.solution.objective)
        #expect(objectives == [1300, 3300])
        let proven = run.phases.allSatisfy { $0.solution.proven }
        #expect(proven)
        #expect(run.priority.map(\.site) == run.phases.flatMap(\.sites))
        let years: [Int: Int] = [run.phases[0].sites[0]: 2022, run.phases[1].sites[0]: 2025]
        #expect(run.yearOfSite == years)
        let table = run.priorityTable()
        #expect(table.fields.map(\.name).prefix(3) == ["rank", "year", "id"])
        #expect(table.rows.map { $0[1] } == [.integer(2022), .integer(2025)])
        guard case .array(let phases) = run.phasesJSON() else { Issue.record("no phases"); return }
        #expect(phases[1]["new_sites"] == .array([.string(chosen[1][0])]) && phases[1]["sites_so_far"] == .integer(2))
        #expect(phases[0]["targets"]?["kinds"]?["vacant_building"]?["new_sites"] == .integer(1))
    }

    /// Budgets add up: 2022 spends at most 4 (S2, cost 3), 2025 at most 5 more (S1, cost 5: 8 in all).
    @Test func budgetsCountFromTheStart() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage)
        o.phases = [phase(2022, budget: 4), phase(2025, budget: 5)]
        let run = try SiteRun(o)
        #expect(run.phases.map { ids(run, $0.sites) } == [["S2"], ["S1"]])
        #expect(run.solution.objective == 3800)
        // A count and a budget together: both hold.
        o.phases = [phase(2022, budget: 4), phase(2025, p: 1, budget: 100)]
        let both = try SiteRun(o)
        #expect(both.phases[1].sites.count == 1)
    }

    @Test func everyObjectiveWithACountTakesPhases() throws {
        let town = try SiteTown()
        for objective in [SiteObjective.distance, .capacitatedCoverage] {
            var o = try town.options(objective)
            o.phases = [phase(2022, p: 1, kindMin: ["vacant_building": 1]), phase(2025, p: 1)]
            let run = try SiteRun(o)
            #expect(ids(run, run.phases[0].sites) == ["S3"], "\(objective)")
            #expect(run.phases[1].sites.count == 1 && !run.phases[1].sites.contains(run.phases[0].sites[0]), "\(objective)")
        }
    }

    @Test func badPhasesAreRefused() throws {
        let town = try SiteTown()
        func message(_ change: (inout SiteOptions) -> Void) throws -> String {
            var o = try town.options(.coverage)
            change(&o)
            do { _ = try SiteRun(o) } catch let e as InputError { return e.message }
            return ""
        }
        let cases: [(String, (inout SiteOptions) -> Void)] = [
            ("phases[2].year 2022 is not after the phase before (2025)", { $0.phases = [phase(2025, p: 1), phase(2022, p: 1)] }),
            ("phases[1]: give p (new sites) or budget, or both", { $0.phases = [phase(2022)] }),
            ("with phases, each phase gives its own p or budget", { $0.phases = [phase(2022, p: 1)]; $0.p = 3 }),
            ("cover-all finds the number of sites itself", { $0.phases = [phase(2022, p: 1)]; $0.objective = .coverAll }),
            ("phase 2025: the phases up to it open 5 sites, more than the 4 candidate sites",
             { $0.phases = [phase(2022, p: 3), phase(2025, p: 2)] }),
            ("phase 2025: ", { $0.phases = [phase(2022, p: 1, kindMin: ["idle_land": 1]), phase(2025, p: 1, kindMin: ["idle_land": 2])] }),
        ]
        for (expected, change) in cases {
            let said = try message(change)
            #expect(said.contains(expected), "\(said)")
        }
    }
}

/// Sizing on the town of SiteRunTests at 20 places per 1,000: B (2,000 people) needs 40 places, S2 holds 5;
/// A (1,000) needs 20, S1 holds 10; E (800, 16 places) is F1's, which has 10: 6 to add.
@Suite struct SizingTests {
    @Test func sitesAreSizedToTheirCommunitiesAndCapped() throws {
        let town = try SiteTown()
        var o = try town.options(.coverage, p: 2)
        o.flag.standard.placesPer1000 = 20
        let run = try SiteRun(o)
        let sizing = run.sizing
        let byId = Dictionary(uniqueKeysWithValues: run.priority.map { (run.candidates[$0.site].id, sizing.sites[$0.site]!) })
        let b = try #require(byId["S2"] ?? byId["S4"])
        #expect(b.needed == 40)
        let a = try #require(byId["S1"])
        #expect(a.needed == 20 && a.places == 10 && a.capped)
        #expect(a.classes == NurseryClasses(infant: 1, toddler: 1, older: 1) && a.floorAreaM2 == 90)
        #expect(sizing.expansions.count == 1)
        #expect(sizing.expansions.first.map { ($0.demand, $0.toAdd) } ?? (0, 0) == (16, 6))
        let table = sizing.expansionTable(run)
        #expect(table.rows.first?[0] == .string("F1"))
        #expect(sizing.json["facilities_to_expand"] == .integer(1))
    }
}
