import Foundation
import Testing
import GeoKit
@testable import Scenario

/// Data as Chinese planning bureaus have it — GBK shapefiles and CSVs, web-map points, Excel sheets,
/// OD matrices from other tools, local grids — gives the same numbers as the same data cleaned by hand.
@Suite struct ChineseSourcesTests {
    let fx: Fixture
    let ctx = GEOSContext()
    init() throws { fx = try Fixture() }

    /// Nine streets of a county town near Hefei, three communities each, one nursery per street.
    static let streets = ["城关街道", "城东街道", "城西街道", "城南街道", "城北街道", "经开区街道", "高新区街道", "新站街道", "庐阳街道"]
    func lon(_ k: Int) -> Double { 117.20 + Double(k % 3) * 0.02 }
    func lat(_ k: Int) -> Double { 31.80 + Double(k / 3) * 0.02 }

    func communityLayer() -> OutputLayer {
        var layer = OutputLayer(name: "c", fields: [.init("id", .string), .init("population", .integer), .init("street", .string),
                                                    .init("built", .integer)], hasGeometry: true)
        for (k, s) in Self.streets.enumerated() {
            for j in 0..<3 {
                layer.append([.string("C\(k)\(j)"), .integer(1000 + j * 100), .string(s), .integer(2000 + j)],
                             geometry: .point(x: lon(k) + Double(j) * 0.002, y: lat(k), context: ctx))
            }
        }
        return layer
    }

    /// Facilities as (id, capacity, lon, lat) in WGS 84: next to the first community of every other street.
    var facilityRows: [(String, Int, Double, Double)] {
        stride(from: 0, to: 9, by: 2).map { k in ("F0\(k)", 20 + k, lon(k) + 0.0005, lat(k)) }
    }

    func facilitiesGeoJSON(_ name: String = "f.geojson", shift: ((Double, Double) -> (lon: Double, lat: Double))? = nil) throws -> String {
        try fx.geojson(name, facilityRows.map { id, cap, x, y in
            let p = shift?(x, y) ?? (x, y)
            return ("\"id\":\"\(id)\",\"capacity\":\(cap)", point(p.0, p.1))
        })
    }

    func cleanCommunities() throws -> String {
        let path = fx.dir + "/clean.geojson"
        try AtomicFile.write(GeoJSONWriter.text(communityLayer()), to: path)
        return path
    }

    /// What a planner compares: flags, per-street communities and places, served and nearest distances.
    func numbers(_ inputs: InputOptions, log: RunLog = RunLog()) throws -> [String] {
        let run = try FlagRun(FlagOptions(inputs: inputs, out: fx.out), log: log)
        let streets = run.streets.map { "\($0.street): \($0.communities) communities, \($0.places) places" }
        let nearest = run.assessment.communities.map { a in a.nearestFacilityM.map { String(format: "%.0f", $0) } ?? "-" }
        return streets + ["served \(run.assessment.communities.filter(\.served).count)", nearest.joined(separator: " ")]
    }

    func withFacilities(_ communities: String, _ facilities: String) -> InputOptions {
        var o = InputOptions(communities: communities)
        o.facilities = facilities
        return o
    }

    @Test func gbkShapefileWithoutCpgReadsAsTheCleanedLayer() throws {
        let shp = fx.dir + "/c.shp"
        try OGRWriter.write([communityLayer()], to: shp, driver: "ESRI Shapefile", crs: "EPSG:4326", layerOptions: ["ENCODING=GBK"])
        try FileManager.default.removeItem(atPath: fx.dir + "/c.cpg")
        var dbf = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fx.dir + "/c.dbf")))
        dbf[29] = 0
        try Data(dbf).write(to: URL(fileURLWithPath: fx.dir + "/c.dbf"))
        let facilities = try facilitiesGeoJSON()
        let log = RunLog()
        let dirty = try numbers(withFacilities(shp, facilities), log: log)
        #expect(dirty == (try numbers(withFacilities(try cleanCommunities(), facilities))))
        #expect(dirty.filter { $0.contains("街道") }.count == 9)
        #expect(log.warnings.contains { $0.contains("c.shp: text is not UTF-8") && $0.contains("GB18030") && $0.contains("--communities-encoding") })
        // Told, it is quiet; told wrong, it fails naming feature and field.
        var told = withFacilities(shp, facilities)
        told.encoding = "GBK"
        let quiet = RunLog()
        #expect(try numbers(told, log: quiet) == dirty)
        #expect(!quiet.warnings.contains { $0.contains("UTF-8") })
        told.encoding = "UTF-8"
        let error = try #require(throws: InputError.self) { try numbers(told) }
        #expect(error.message.contains("c.shp: feature #1: field \"street\": the text is not valid UTF-8"))
        told.encoding = "NOPE-123"
        let unknown = try #require(throws: InputError.self) { try numbers(told) }
        #expect(unknown.message.contains("unknown encoding \"NOPE-123\""))
    }

    @Test func gbkCSVWithChineseCoordinateColumns() throws {
        var text = "编号,托位,经度,纬度\n"
        for (id, cap, x, y) in facilityRows { text += "\(id),\(cap),\(x),\(y)\n" }
        let gbk = try #require(try TextEncoding("GBK").encodeForTests(text))
        let csv = fx.dir + "/f.csv"
        try Data(gbk).write(to: URL(fileURLWithPath: csv))
        var dirty = withFacilities(try cleanCommunities(), csv)
        dirty.capacityField = .given("托位")
        dirty.layers[.facilities] = { var l = LayerOptions(); l.idField = "编号"; return l }()
        let log = RunLog()
        #expect(try numbers(dirty, log: log) == (try numbers(withFacilities(try cleanCommunities(), try facilitiesGeoJSON()))))
        #expect(log.warnings.contains { $0.contains("f.csv: text is not UTF-8") })
        let run = try FlagRun(FlagOptions(inputs: dirty, out: fx.out))
        #expect(run.inputs.facilities.map(\.id) == facilityRows.map(\.0))
    }

    @Test func pointColumnsUnderOtherNamesAndTheErrorListingThem() throws {
        let csv = try fx.file("f.csv", "id,capacity,long,LAT\n" + facilityRows.map { "\($0.0),\($0.1),\($0.2),\($0.3)" }.joined(separator: "\n") + "\n")
        let clean = try numbers(withFacilities(try cleanCommunities(), try facilitiesGeoJSON()))
        #expect(try numbers(withFacilities(try cleanCommunities(), csv)) == clean)
        let odd = try fx.file("g.csv", "id,capacity,east,north\n" + facilityRows.map { "\($0.0),\($0.1),\($0.2),\($0.3)" }.joined(separator: "\n") + "\n")
        let error = try #require(throws: InputError.self) { try numbers(withFacilities(try cleanCommunities(), odd)) }
        #expect(error.message.contains("tried lon, lng, long, longitude, x, 经度"))
        #expect(error.message.contains("--facilities-x-field"))
        var named = withFacilities(try cleanCommunities(), odd)
        named.layers[.facilities] = { var l = LayerOptions(); l.xField = "east"; l.yField = "north"; return l }()
        #expect(try numbers(named) == clean)
    }

    @Test func webMapPointsInGCJ02AndBD09() throws {
        let clean = try numbers(withFacilities(try cleanCommunities(), try facilitiesGeoJSON()))
        for datum in WebMapDatum.allCases {
            let shifted = try facilitiesGeoJSON("f-\(datum.rawValue).geojson") { x, y in datum.forward(lon: x, lat: y) }
            var told = withFacilities(try cleanCommunities(), shifted)
            told.layers[.facilities] = { var l = LayerOptions(); l.crs = datum.rawValue; return l }()
            let log = RunLog()
            #expect(try numbers(told, log: log) == clean, "\(datum)")
            #expect(log.notes.contains { $0.contains("converted from \(datum.rawValue) to WGS 84") })
            // Untold, the points are 500 m or more off: the numbers differ (what the user was warned about).
            #expect(try numbers(withFacilities(try cleanCommunities(), shifted)) != clean)
        }
    }

    @Test func excelPointTableAndPopulationTable() throws {
        var table = OutputLayer(name: "nurseries", fields: [.init("id", .string), .init("capacity", .integer),
                                                            .init("经度", .real), .init("纬度", .real)], hasGeometry: false)
        for (id, cap, x, y) in facilityRows { table.append([.string(id), .integer(cap), .number(x), .number(y)]) }
        let xlsx = fx.dir + "/f.xlsx"
        try OGRWriter.write([table], to: xlsx, driver: "XLSX", crs: nil)
        let clean = try numbers(withFacilities(try cleanCommunities(), try facilitiesGeoJSON()))
        #expect(try numbers(withFacilities(try cleanCommunities(), xlsx)) == clean)
        var pop = OutputLayer(name: "pop", fields: [.init("id", .string), .init("常住人口", .integer)], hasGeometry: false)
        for row in communityLayer().rows { pop.append([row[0], row[1]]) }
        let popPath = fx.dir + "/pop.xlsx"
        try OGRWriter.write([pop], to: popPath, driver: "XLSX", crs: nil)
        var joined = withFacilities(try cleanCommunities(), try facilitiesGeoJSON())
        joined.populationTable = popPath
        joined.populationField = .given("常住人口")
        #expect(try numbers(joined) == clean)
    }

    @Test func idAndNameFieldsPerLayer() throws {
        let c = try fx.geojson("c.geojson", [("\"poltract\":\"T1\",\"tract_name\":\"一号\",\"population\":100", point(117.2, 31.8))])
        let f = try facilitiesGeoJSON()
        let k = try fx.geojson("k.geojson", [("\"id\":\"K1\",\"name\":\"闲置厂房\",\"cost\":1", point(117.2005, 31.8))])
        var inputs = withFacilities(c, f)
        inputs.idField = .given("poltract")
        inputs.nameField = .given("tract_name")
        var site = SiteOptions(flag: FlagOptions(inputs: inputs, out: fx.out), candidates: k)
        site.p = 1
        let run = try SiteRun(site)
        #expect(run.before.inputs.communities.map(\.id) == ["T1"])
        #expect(run.before.inputs.communities.map(\.name) == ["一号"])
        #expect(run.before.inputs.facilities.map(\.id) == facilityRows.map(\.0))
        #expect(run.candidates.map(\.name) == ["闲置厂房"])
        // A field named for one layer is never looked up in another.
        inputs.layers[.facilities] = { var l = LayerOptions(); l.idField = "poltract"; return l }()
        let error = try #require(throws: InputError.self) { try FlagRun(FlagOptions(inputs: inputs, out: fx.out)) }
        #expect(error.message.contains("f.geojson: no field \"poltract\" (--facilities-id-field)"))
    }

    @Test func inputAttributesAreKeptAfterTheToolsOwn() throws {
        var inputs = withFacilities(try cleanCommunities(), try facilitiesGeoJSON())
        inputs.streetField = .given("street")
        try FlagRun(FlagOptions(inputs: inputs, out: fx.out)).write()
        let text = try fx.read("communities.geojson")
        #expect(text.contains("\"flag\":\"ok\",\"input_id\":\"C00\",\"input_population\":1000,\"input_street\":\"城关街道\",\"built\":2000}"))
    }

    @Test func unknownCRSListsTheAcceptedForms() throws {
        var o = withFacilities(try cleanCommunities(), try facilitiesGeoJSON())
        o.layers[.facilities] = { var l = LayerOptions(); l.crs = "GCJ-03"; return l }()
        let error = try #require(throws: InputError.self) { try numbers(o) }
        #expect(error.message.contains("--facilities-crs GCJ-03"))
        #expect(error.message.contains("gcj02 (AMap/高德, Tencent/腾讯), bd09 (Baidu/百度), local:m"))
    }
}
