import Foundation
import Testing
import GeoKit
@testable import Scenario

/// OD matrices as other tools export them: other column names, facilities as origins, minutes.
@Suite struct ODMatrixTests {
    let rows = [("A", "S3", 100), ("B", "S3", 250), ("B", "S2", 50), ("C", "S3", 900), ("E", "F1", 100)]

    func run(_ header: String, transposed: Bool, configure: (inout SiteOptions) -> Void = { _ in }) throws -> (SiteRun, RunLog, SiteTown) {
        let town = try SiteTown()
        var o = try town.options(.coverage, p: 1)
        let body = rows.map { transposed ? "\($0.1),\($0.0),\($0.2)" : "\($0.0),\($0.1),\($0.2)" }.joined(separator: "\n")
        o.odMatrix = try town.fx.file("od.csv", header + "\n" + body + "\n")
        configure(&o)
        let log = RunLog()
        return (try SiteRun(o, log: log), log, town)
    }

    @Test func arcGISStyleWithFacilitiesAsOriginsIsReadTransposed() throws {
        let (clean, _, _) = try run("origin_id,destination_id,cost", transposed: false)
        let (arc, log, _) = try run("OriginID,DestinationID,Total_Length", transposed: true)
        #expect(arc.priority.map { arc.candidates[$0.site].id } == clean.priority.map { clean.candidates[$0.site].id })
        #expect(arc.solution.objective == clean.solution.objective)
        #expect(log.notes.contains { $0.contains("read transposed") })
    }

    @Test func namedColumns() throws {
        let (clean, _, _) = try run("origin_id,destination_id,cost", transposed: false)
        let (named, _, _) = try run("tract,store,walk", transposed: false) { o in
            o.flag.inputs.od.originField = "tract"
            o.flag.inputs.od.destinationField = "store"
            o.flag.inputs.od.costField = "walk"
        }
        #expect(named.solution.objective == clean.solution.objective)
    }

    @Test func unrecognisedColumnsListTheNamesTried() throws {
        let error = try #require(throws: InputError.self) { try run("tract,store,walk", transposed: false) }
        #expect(error.message.contains("no column of origin ids; tried origin_id, origin, originid"))
        #expect(error.message.contains("--od-origin-field"))
        #expect(error.message.contains("the columns are: \"tract\", \"store\", \"walk\""))
    }

    @Test func minutesAreLabelledAndNoMetreFieldHoldsThem() throws {
        let (r, log, town) = try run("origin_id,destination_id,Total_Minutes", transposed: false)
        #expect(log.warnings.contains { $0.contains("reads as minutes") })
        let (json, _) = try r.write()
        #expect(json["parameters"]?["radius_unit"] == .string("min"))
        let communities = try town.fx.read("communities.geojson")
        #expect(communities.contains("\"assigned_distance_min\""))
        #expect(communities.contains("\"nearest_facility_min\""))
        #expect(!communities.contains("_distance_m\""))
        #expect(!communities.contains("\"nearest_facility_m\""))
        #expect(try town.fx.read("assignments.geojson").contains("\"distance_min\""))
        // Told metres, it is metres.
        let (m, _, _) = try run("origin_id,destination_id,Total_Minutes", transposed: false) { $0.flag.inputs.od.unit = .m }
        #expect(m.options.flag.inputs.od.unit == .m)
    }
}
