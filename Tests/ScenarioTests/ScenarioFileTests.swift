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

    @Test func layersWithTheirOwnOptions() throws {
        let town = try town()
        // Facilities as a GBK table with their own id column, in GCJ-02 (a shift of a few metres in
        // UTM terms is not what we test here: the columns are metres, so the layer is given its CRS).
        let gbk = try #require(try TextEncoding("GBK").encodeForTests("编号,capacity,x,y\nF1,10,500000,3501100\n"))
        try Data(gbk).write(to: URL(fileURLWithPath: town.fx.dir + "/nurseries.csv"))
        let path = try scenario(town, """
        name: per-layer
        inputs:
          communities: communities.csv
          facilities: {file: nurseries.csv, id_field: 编号, crs: EPSG:32650, encoding: GBK, x_field: x, y_field: y}
          candidates: {file: candidates.csv, name_field: kind}
          od_matrix: {file: od.csv, origin_field: o, destination_field: d, cost_field: c, unit: min}
        crs:
          input: EPSG:32650
        objective: {type: coverage, p: 1}
        exclusions:
          - {layer: hazards.csv, min_distance_m: 50, crs: EPSG:32650, encoding: UTF-8}
        priority_list: {file: list.csv, id_field: parcel, encoding: UTF-8}
        """)
        let file = try ScenarioFile(path: path)
        let io = file.site.flag.inputs
        #expect(io.layers[.facilities]?.idField == "编号")
        #expect(io.layers[.facilities]?.encoding == "GBK")
        #expect(io.layers[.facilities]?.xField == "x")
        #expect(io.layers[.candidates]?.nameField == "kind")
        #expect(io.od.unit == .min && io.od.originField == "o")
        #expect(file.site.exclusions.first?.layerOptions?.crs == "EPSG:32650")
        #expect(file.priorityList?.site.flag.inputs.layers[.list]?.idField == "parcel")
        #expect(file.site.flag.inputs.facilities?.hasSuffix("nurseries.csv") == true)
        let bad = try scenario(town, "inputs:\n  communities: communities.csv\n  candidates: candidates.csv\n"
                               + "  streets: {file: s.geojson, colour: red}\nobjective: {type: coverage, p: 1}\n", name: "bad.yaml")
        #expect(failure(bad).contains("inputs.streets.colour: unknown key; the keys here are: file, id_field, name_field, crs, encoding"))
        // The facilities table read as the scenario says: its id, its columns, its encoding.
        var site = file.site
        site.odMatrix = nil
        site.exclusions = []
        let run = try SiteRun(site)
        #expect(run.before.inputs.facilities.map(\.id) == ["F1"])
        #expect(run.candidates.map(\.name) == ["idle_land", "kindergarten", "vacant_building", "reserved"])
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
        #expect(!report.contains("src=\"http") && !report.contains("<link") && !report.contains("url(http"), "one offline file: nothing fetched")
        // With Leaflet installed (make deps) the map is interactive, its script and data inline; else two static maps.
        let leaflet = FileManager.default.fileExists(atPath: LeafletAssets.folder + "/leaflet.js")
        #expect(report.contains("id=\"map-data\"") == leaflet && report.contains("<script") == leaflet)
        #expect(json["warnings"]?.compact.contains("Leaflet is not installed") == !leaflet)
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
        #expect(m.contains("s.yaml:9: standard.radius_m: must be more than 0 m and at most 100000 m (got -5)"))
        let nan = failure(try scenario(t, base + "\nstandard: {radius_m: .nan}\nobjective: {type: coverage, p: 1}\n"))
        #expect(nan.contains("standard.radius_m: must be a number more than 0 m and at most 100000 m, not NaN"))
        let inf = failure(try scenario(t, base + "\nstandard: {places_per_1000: .inf}\nobjective: {type: coverage, p: 1}\n"))
        #expect(inf.contains("standard.places_per_1000: must be a finite number"))
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
