import Foundation
import Testing
import GeoKit
@testable import Scenario

/// Scenario files over the hand-made town of SiteRunTests, plus a hazard layer.
@Suite struct ScenarioFileTests {
    func town() throws -> SiteTown {
        let town = try SiteTown()
        _ = try town.options(.coverage, p: 1)          // writes communities.csv, facilities.csv, candidates.csv
        // A gas station 30 m from S1 and a high-voltage line far from everything.
        try town.fx.file("hazards.csv", """
        id,type,WKT
        G1,gas_station,POINT (500130 3500000)
        L1,high_voltage_line,"LINESTRING (499000 3510000,503000 3510000)"

        """)
        return town
    }

    func scenario(_ town: SiteTown, _ body: String, name: String = "s.yaml") throws -> String {
        try town.fx.file(name, body)
    }

    let base = """
    name: test
    language: en
    inputs:
      communities: communities.csv
      facilities: facilities.csv
      candidates: candidates.csv
    crs:
      input: EPSG:32650
    """

    func failure(_ path: String) -> String {
        do { _ = try ScenarioFile(path: path); return "" } catch { return "\(error)" }
    }

    @Test func runWritesEverythingWithTheReport() throws {
        let t = try town()
        let path = try scenario(t, base + """

        objective: {type: coverage, p: 2, curve: 3, gap_tolerance_percent: 0}
        exclusions:
          - layer: hazards.csv
            type_field: type
            min_distance_m: 10
            by_type: {gas_station: 50}
        outputs: {folder: result}

        """)
        let (json, text, folder) = try ScenarioRun.run(path: path, out: nil, progress: nil)
        #expect(folder == t.fx.dir + "/result")
        for name in ["sites.geojson", "communities.geojson", "assignments.geojson", "priority.csv", "streets.csv",
                     "coverage_curve.csv", "excluded_candidates.geojson", "summary.json", "scenario.yaml", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + name), "\(name)")
        }
        // S1 is 30 m from the gas station: left out; S2 and S4 reach B, S3 reaches C.
        let excluded = try String(contentsOfFile: folder + "/excluded_candidates.geojson", encoding: .utf8)
        #expect(excluded.contains(#""id":"S1","name":"","kind":"idle_land","reason":"30 m from gas_station G1 (minimum 50 m)","hazard_id":"G1","distance_m":30"#))
        #expect(json["solution"]?["objective"] == .number(800 + 2000 + 500))
        #expect(json["scenario"]?["name"] == .string("test"))
        #expect(text.contains("report: \(folder)/report.html"))
        let report = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(report.contains("<svg") && report.contains("Allocation priority list") && report.contains("Coverage curve"))
        #expect(!report.contains("http://") || !report.contains("src=\"http"))
        #expect(!report.contains("<script"))
        #expect(try String(contentsOfFile: folder + "/scenario.yaml", encoding: .utf8) == String(contentsOfFile: path, encoding: .utf8))
    }

    @Test func unknownKeyNamesItsLine() throws {
        let t = try town()
        let m = failure(try scenario(t, base + "\nstandard:\n  radius: 300\nobjective: {type: coverage, p: 1}\n"))
        #expect(m.contains("s.yaml:10: standard.radius: unknown key; the keys here are: places_per_1000, radius_m, new_since, measure"))
    }

    @Test func wrongType() throws {
        let t = try town()
        let m = failure(try scenario(t, base + "\nobjective:\n  type: coverage\n  p: ten\n"))
        #expect(m.contains("s.yaml:11: objective.p: expected a whole number, got \"ten\""))
    }

    @Test func valueOutOfRange() throws {
        let t = try town()
        let m = failure(try scenario(t, base + "\nstandard: {radius_m: -5}\nobjective: {type: coverage, p: 1}\n"))
        #expect(m.contains("s.yaml:9: standard.radius_m: must be more than 0, got -5"))
        let m2 = failure(try scenario(t, base + "\nobjective: {type: fastest, p: 1}\n"))
        #expect(m2.contains("objective.type: \"fastest\" is not one of: coverage, cover-all, distance, capacitated-coverage"))
    }

    @Test func missingPiecesAndBadCombinations() throws {
        let t = try town()
        #expect(failure(try scenario(t, "name: x\ninputs:\n  communities: c.csv\nobjective: {p: 1}\n")).contains("inputs.candidates: missing"))
        #expect(failure(try scenario(t, base + "\n")).contains("objective: missing"))
        #expect(failure(try scenario(t, base + "\nobjective: {type: coverage}\n")).contains("needs --p N or --budget X"))
        #expect(failure(t.fx.dir + "/none.yaml").contains("none.yaml: file not found"))
        #expect(failure(try scenario(t, "inputs: [unclosed\n")).contains("not valid YAML"))
    }

    @Test func compareTwoRuns() throws {
        let t = try town()
        let a = try scenario(t, base + "\nobjective: {type: coverage, p: 1, gap_tolerance_percent: 0}\noutputs: {folder: a}\n", name: "a.yaml")
        let b = try scenario(t, base + "\nobjective: {type: cover-all}\noutputs: {folder: b}\n", name: "b.yaml")
        _ = try ScenarioRun.run(path: a, out: nil, progress: nil)
        _ = try ScenarioRun.run(path: b, out: nil, progress: nil)
        let c = try Comparison(t.fx.dir + "/a", t.fx.dir + "/b")
        #expect(c.json["sites_in_both"] == .array([.string("S2")]))
        #expect(c.json["sites_only_b"] == .array([.string("S1"), .string("S3")]))
        #expect(c.text.contains("objective                   coverage"))
        #expect(c.text.contains("cover-all"))
        #expect(throws: InputError.self) { try Comparison(t.fx.dir, t.fx.dir + "/b") }
    }
}
