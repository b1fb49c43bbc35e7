import Foundation
import Testing
import GeoKit
@testable import Scenario

/// Every kind of bad input gets a message naming the file, the feature and the field.
@Suite struct BadInputTests {
    let fx: Fixture
    init() throws { fx = try Fixture() }

    func failure(_ inputs: InputOptions) throws -> String {
        let error = try #require(throws: (any Error).self) { try FlagRun(FlagOptions(inputs: inputs, out: fx.out)).write() }
        return "\(error)"
    }

    func communities(_ features: [(String, String)]) throws -> InputOptions {
        InputOptions(communities: try fx.geojson("c.geojson", features))
    }

    @Test func fileMissing() throws {
        let m = try failure(InputOptions(communities: fx.dir + "/none.geojson"))
        #expect(m == "\(fx.dir)/none.geojson: file not found")
    }

    @Test func formatGDALCannotRead() throws {
        let m = try failure(InputOptions(communities: try fx.file("c.geojson", "<html>not geodata</html>")))
        #expect(m.contains("c.geojson: not a vector format GDAL can read"))
    }

    @Test func emptyLayer() throws {
        let m = try failure(try communities([]))
        #expect(m.hasSuffix("c.geojson: the layer holds no features"))
    }

    @Test func namedFieldThatDoesNotExist() throws {
        var o = try communities([("\"id\":\"a\",\"pop\":10", point(117, 31))])
        o.populationField = .given("人口")
        let m = try failure(o)
        #expect(m.contains("c.geojson: no field \"人口\" (--population-field); the fields are: \"id\", \"pop\""))
        // The default name, absent, is an error too for population (nothing to count without it).
        let m2 = try failure(try communities([("\"id\":\"a\",\"pop\":10", point(117, 31))]))
        #expect(m2.contains("no field \"population\" for population"))
        #expect(m2.contains("--population-field"))
    }

    @Test func populationNotANumber() throws {
        let m = try failure(try communities([("\"id\":\"a\",\"population\":\"many\"", point(117, 31))]))
        #expect(m.contains("c.geojson: feature id \"a\" (#1): field \"population\": \"many\" is not a number"))
    }

    @Test func populationNegative() throws {
        let m = try failure(try communities([("\"id\":\"a\",\"population\":10", point(117, 31)),
                                             ("\"id\":\"b\",\"population\":-5", point(117, 31))]))
        #expect(m.contains("c.geojson: feature id \"b\" (#2): field \"population\": -5 is negative"))
    }

    /// Warnings are in summary.json (the CLI prints them on stderr).
    func warnings(_ summary: FlagSummary) -> [String] {
        guard case .array(let items)? = summary.json["warnings"] else { return [] }
        return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    @Test func populationMissingIsListed() throws {
        let o = try communities([("\"id\":\"a\",\"population\":10", point(117, 31)),
                                 ("\"id\":\"b\",\"population\":null", point(117, 31)),
                                 ("\"id\":\"c\"", point(117, 31))])
        let summary = try FlagRun(FlagOptions(inputs: o, out: fx.out)).write()
        #expect(summary.json["communities"]?["missing_population"] == .array([.string("b"), .string("c")]))
        #expect(warnings(summary).contains { $0.contains("2 communities have no population") })
    }

    @Test func duplicateIds() throws {
        let m = try failure(try communities([("\"id\":\"a\",\"population\":1", point(117, 31)),
                                             ("\"id\":\"b\",\"population\":1", point(117, 31)),
                                             ("\"id\":\"a\",\"population\":1", point(117, 31))]))
        #expect(m.contains("c.geojson: feature #3: field \"id\": duplicate id \"a\" (also feature #1)"))
    }

    @Test func invalidPolygonsAreRepairedAndCounted() throws {
        let bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[117,31],[117.01,31.01],[117.01,31],[117,31.01],[117,31]]]}"
        let o = try communities([("\"id\":\"a\",\"population\":10", bowTie)])
        let summary = try FlagRun(FlagOptions(inputs: o, out: fx.out)).write()
        #expect(summary.json["communities"]?["repaired_polygons"] == .integer(1))
        #expect(warnings(summary).contains { $0.contains("1 invalid polygon(s) repaired with GEOS make-valid: feature id \"a\" (#1)") })
    }

    @Test func emptyGeometriesAreSkippedAndReported() throws {
        let o = try communities([("\"id\":\"a\",\"population\":10", point(117, 31)),
                                 ("\"id\":\"b\",\"population\":10", "null")])
        let run = try FlagRun(FlagOptions(inputs: o, out: fx.out))
        #expect(run.inputs.communities.map(\.id) == ["a"])
        let summary = try run.write()
        #expect(summary.json["communities"]?["skipped_features"] == .integer(1))
        #expect(warnings(summary).contains { $0.contains("1 feature(s) with no or empty geometry skipped: feature id \"b\" (#2)") })
    }

    @Test func linesWherePolygonsOrPointsAreExpected() throws {
        let line = "{\"type\":\"LineString\",\"coordinates\":[[117,31],[117.1,31.1]]}"
        let m = try failure(try communities([("\"id\":\"r1\",\"population\":10", line)]))
        #expect(m.contains("c.geojson: feature id \"r1\" (#1): geometry is a LineString where polygons or points are expected"))
    }

    @Test func coordinatesOutsideLonLatRange() throws {
        let m = try failure(try communities([("\"id\":\"a\",\"population\":10", point(39_512_345, 3_530_000))]))
        #expect(m.contains("feature id \"a\" (#1): coordinates outside the lon/lat range"))
        #expect(m.contains("these are not degrees: projected metres or a local grid"))
        #expect(m.contains("local:m"))
        #expect(!m.contains("swapped"))
    }

    @Test func latLonSwapped() throws {
        let m = try failure(try communities([("\"id\":\"a\",\"population\":10", point(31.86, 117.26))]))
        #expect(m.contains("lat/lon apparently swapped"))
    }

    @Test func swappedButInRangeIsWarned() throws {
        let log = RunLog()
        _ = try FlagRun(FlagOptions(inputs: try communities([("\"id\":\"a\",\"population\":10", point(31.86, 87.26))]), out: fx.out), log: log)
        #expect(log.warnings.contains { $0.contains("lat/lon look swapped") })
    }

    @Test func shapefileWithoutCRS() throws {
        let ctx = GEOSContext()
        var layer = OutputLayer(name: "c", fields: [.init("id", .string), .init("population", .integer)], hasGeometry: true)
        layer.append([.string("a"), .integer(10)], geometry: .point(x: 117, y: 31, context: ctx))
        let path = fx.dir + "/c.shp"
        try OGRWriter.write([layer], to: path, driver: "ESRI Shapefile", crs: nil)
        let m = try failure(InputOptions(communities: path))
        #expect(m.contains("c.shp: the shapefile has no .prj, so its CRS is unknown; give --communities-crs"))
        #expect(m.contains("gcj02"))
        var o = InputOptions(communities: path)
        o.crs = "EPSG:4326"
        #expect(try FlagRun(FlagOptions(inputs: o, out: fx.out)).inputs.communities.count == 1)
    }

    @Test func unknownStatusWord() throws {
        let m = try failure(try communities([("\"id\":\"a\",\"population\":10,\"status\":\"mixed\"", point(117, 31))]))
        #expect(m.contains("feature id \"a\" (#1): field \"status\": \"mixed\" is not a status"))
    }

    @Test func builtYearWithoutNewSince() throws {
        var o = try communities([("\"id\":\"a\",\"population\":10", point(117, 31))])
        o.builtYearField = "year"
        #expect(try failure(o).contains("--built-year-field needs --new-since"))
    }

    @Test func facilityCapacityNegative() throws {
        var o = try communities([("\"id\":\"a\",\"population\":10", point(117, 31))])
        o.facilities = try fx.geojson("f.geojson", [("\"id\":\"F1\",\"capacity\":-3", point(117, 31))])
        #expect(try failure(o).contains("f.geojson: feature id \"F1\" (#1): field \"capacity\": -3 is negative"))
    }

    @Test func nothingIsWrittenWhenTheRunFails() throws {
        _ = try? failure(try communities([("\"id\":\"a\",\"population\":\"x\"", point(117, 31))]))
        #expect(!FileManager.default.fileExists(atPath: fx.out))
    }
}
