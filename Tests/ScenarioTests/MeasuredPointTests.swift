import Foundation
import Testing
import GeoKit
@testable import Scenario

/// One measured point per feature: the point distances are measured from is the one lines are drawn
/// from, for polygon communities and polygon candidates alike.
@Suite struct MeasuredPointTests {
    @Test func everyAssignmentLineIsAsLongAsItsDistance() throws {
        let fx = try Fixture()
        // Candidates as L-shaped polygons (their point-on-surface is not their centroid), in their own CRS.
        let polygons = try String(contentsOfFile: "geodata/sample/candidates.geojson", encoding: .utf8)
            .replacing(/\{"type":"Point","coordinates":\[([0-9.]+),([0-9.]+)\]\}/) { m in
                let x = Double(m.output.1)!, y = Double(m.output.2)!, d = 0.002
                let ring = [(x, y), (x + d, y), (x + d, y + d / 4), (x + d / 4, y + d / 4), (x + d / 4, y + d), (x, y + d), (x, y)]
                return "{\"type\":\"Polygon\",\"coordinates\":[[" + ring.map { "[\($0.0),\($0.1)]" }.joined(separator: ",") + "]]}"
            }
        var inputs = InputOptions(communities: "geodata/sample/communities.geojson")
        inputs.facilities = "geodata/sample/facilities.geojson"
        var site = SiteOptions(flag: FlagOptions(inputs: inputs, out: fx.out), candidates: try fx.file("k.geojson", polygons))
        site.objective = .distance
        site.p = 3
        let (json, _) = try SiteRun(site).write()
        let metricLabel = try #require(json["parameters"]?["metric_crs"].flatMap { if case .string(let s) = $0 { s } else { nil } })
        let proj = PROJContext()
        let toMetric = try Transformer(from: CRS.wgs84(proj), to: try CRS(String(metricLabel.prefix { $0 != " " }), context: proj))
        let lines = try JSONSerialization.jsonObject(with: Data(try fx.read("assignments.geojson").utf8)) as! [String: Any]
        let features = lines["features"] as! [[String: Any]]
        #expect(features.count == 60)
        for f in features {
            let coords = (f["geometry"] as! [String: Any])["coordinates"] as! [[Double]]
            let a = try #require(toMetric.transform(x: coords[0][0], y: coords[0][1]))
            let b = try #require(toMetric.transform(x: coords[1][0], y: coords[1][1]))
            let length = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
            let distance = (f["properties"] as! [String: Any])["distance_m"] as! Double
            // distance_m is rounded to 0.1 m; the line's ends to 7 decimals of a degree (about 1 cm).
            #expect(abs(length - distance) < 0.1, "\((f["properties"] as! [String: Any])["community_id"]!): \(length) vs \(distance)")
        }
    }
}
