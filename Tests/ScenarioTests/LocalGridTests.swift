import Foundation
import Testing
import GeoKit
@testable import Scenario

/// Data in a local grid with no geodetic CRS: planar distances in the grid's unit, nothing reprojected,
/// outputs that do not claim lon/lat.
@Suite struct LocalGridTests {
    let fx: Fixture
    init() throws { fx = try Fixture() }

    /// The hand-worked town, moved from UTM 50N to a local grid (origin at 500000, 3500000), in `scale` units.
    func localTown(scale: Double, crs: String) throws -> InputOptions {
        var o = try fx.town()
        for name in ["communities.csv", "facilities.csv"] {
            let text = try String(contentsOfFile: fx.dir + "/" + name, encoding: .utf8)
            let moved = text.replacing(/(\d{6}) (\d{7})/) { m in
                let x = (Double(m.output.1)! - 500_000) / scale, y = (Double(m.output.2)! - 3_500_000) / scale
                return "\(x) \(y)"
            }
            try fx.file("local-" + name, moved)
        }
        o.communities = fx.dir + "/local-communities.csv"
        o.facilities = fx.dir + "/local-facilities.csv"
        o.crs = crs
        return o
    }

    func numbers(_ o: InputOptions) throws -> [String] {
        let run = try FlagRun(FlagOptions(inputs: o, out: fx.out))
        return run.assessment.communities.map { "\($0.flag.rawValue) \($0.nearestFacilityM.map { String(format: "%.3f", $0) } ?? "-")" }
    }

    @Test func metresAndKilometresGiveTheNumbersOfTheProjectedTown() throws {
        let projected = try numbers(try fx.town())
        #expect(try numbers(try localTown(scale: 1, crs: "local:m")) == projected)
        #expect(try numbers(try localTown(scale: 1000, crs: "local:km")) == projected)
    }

    @Test func outputsStayInTheGridAndDoNotClaimLonLat() throws {
        var options = FlagOptions(inputs: try localTown(scale: 1000, crs: "local:km"), out: fx.out)
        let summary = try FlagRun(options).write()
        #expect(try fx.read("communities.geojson").contains("\"coordinates\":[0,0]"))
        #expect(summary.json["notes"].map { "\($0)" }?.contains("not EPSG:4326") == true)
        options.format = .gpkg
        options.out = fx.dir + "/gpkg"
        try FlagRun(options).write()
        let back = try VectorLayer.read(fx.dir + "/gpkg/caresite.gpkg", context: GEOSContext())
        let wkt = try #require(back.crsWKT)
        #expect(wkt.contains("ENGCRS") && wkt.contains("kilometre") && !wkt.contains("GEOGCRS"))
        #expect(back.features.first?.geometry?.xy.map { $0.x == 0 && $0.y == 0 } == true)
    }

    @Test func aLocalLayerCannotBeMixedWithAGeoreferencedOne() throws {
        var o = try localTown(scale: 1, crs: "local:m")
        o.layers[.facilities] = { var l = LayerOptions(); l.crs = "EPSG:32650"; return l }()
        let error = try #require(throws: InputError.self) { try numbers(o) }
        #expect(error.message.contains("cannot be measured with layers in a local grid"))
    }
}
