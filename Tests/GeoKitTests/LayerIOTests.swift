import Foundation
import Testing
@testable import GeoKit

@Suite struct LayerIOTests {
    let ctx = GEOSContext()

    /// Under one folder per run of the suite, so that cleaning up is one `rm`.
    func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "caresite-tests/geokit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Lon/lat columns stay attributes here (Scenario makes the points, after decoding the header).
    @Test func csvWithLonLatColumnsKeepsThem() throws {
        let dir = try tempDir()
        let path = dir + "/pts.csv"
        try "id,经度,纬度,population\nA,117.1,31.2,100\n".write(toFile: path, atomically: true, encoding: .utf8)
        let layer = try VectorLayer.read(path, context: ctx)
        #expect(layer.driver == "CSV")
        #expect(layer.fieldNames == ["id", "经度", "纬度", "population"])
        #expect(layer.features.first?.geometry == nil)
        #expect(layer.text == .plain)
    }

    @Test func csvWithWKTColumn() throws {
        let dir = try tempDir()
        let path = dir + "/areas.csv"
        try "id,WKT\nA,\"POLYGON((0 0,1 0,1 1,0 0))\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        let layer = try VectorLayer.read(path, context: ctx)
        #expect(layer.features.first?.geometry?.kind == .polygon)
        #expect(layer.fieldNames == ["id"])
    }

    @Test func missingAndUnreadableFiles() throws {
        let dir = try tempDir()
        #expect(throws: GeoError("\(dir)/nope.geojson: file not found")) {
            try VectorLayer.read(dir + "/nope.geojson", context: ctx)
        }
        try "this is not geodata {".write(toFile: dir + "/bad.geojson", atomically: true, encoding: .utf8)
        let error = try #require(throws: GeoError.self) { try VectorLayer.read(dir + "/bad.geojson", context: ctx) }
        #expect(error.message.contains("not a vector format GDAL can read"))
    }

    @Test func gbkShapefileWithAndWithoutCpg() throws {
        let dir = try tempDir()
        var layer = OutputLayer(name: "c", fields: [.init("name", .string)], hasGeometry: true)
        layer.append([.string("城关街道")], geometry: .point(x: 117, y: 31, context: ctx))
        let path = dir + "/c.shp"
        try OGRWriter.write([layer], to: path, driver: "ESRI Shapefile", crs: "EPSG:4326", layerOptions: ["ENCODING=GBK"])
        // The bytes on disk are GBK, not UTF-8.
        let dbf = try Data(contentsOf: URL(fileURLWithPath: dir + "/c.dbf"))
        #expect(dbf.range(of: Data("城关".utf8)) == nil)
        #expect(try VectorLayer.read(path, context: ctx).features[0].values[0].text == "城关街道")
        // Without the .cpg, the encoding has to be told.
        try FileManager.default.removeItem(atPath: dir + "/c.cpg")
        let told = try VectorLayer.read(path, options: .init(encoding: "GBK"), context: ctx)
        #expect(told.features[0].values[0].text == "城关街道")
        #expect(told.text.warning == nil)
        // Not told, and no code page in the header either: detected, and said loudly.
        var dbfBytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/c.dbf")))
        dbfBytes[29] = 0
        try Data(dbfBytes).write(to: URL(fileURLWithPath: dir + "/c.dbf"))
        let detected = try VectorLayer.read(path, context: ctx)
        #expect(detected.features[0].values[0].text == "城关街道")
        #expect(detected.text.encoding == "GB18030")
        #expect(detected.text.warning?.contains("not UTF-8") == true)
        #expect(!detected.features[0].values[0].text.contains("\u{FFFD}"))
    }

    @Test func textNeitherUTF8NorGBKFailsNamingFeatureAndField() throws {
        let dir = try tempDir()
        let path = dir + "/t.csv"
        var bytes = Array("id,name\nA,ok\nB,".utf8)
        bytes += [0xFF, 0xFE, 0xFF]
        bytes += Array("\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: GeoError.self) { try VectorLayer.read(path, context: ctx) }
        #expect(error.message.contains("t.csv: feature #2: field \"name\": the text is neither UTF-8 nor GBK/GB18030"))
        // A name the user gives is used strictly.
        let strict = try #require(throws: GeoError.self) { try VectorLayer.read(path, options: .init(encoding: "UTF-8"), context: ctx) }
        #expect(strict.message.contains("feature #2: field \"name\": the text is not valid UTF-8"))
        #expect(throws: GeoError.self) { try VectorLayer.read(path, options: .init(encoding: "NOPE-123"), context: ctx) }
    }

    @Test func gbkCSVWithChineseHeader() throws {
        let dir = try tempDir()
        let path = dir + "/g.csv"
        let gbk = try #require(TextEncoding("GBK").encodeForTests("编号,名称,经度,纬度\nA,城关幼儿园,117.1,31.2\n"))
        try Data(gbk).write(to: URL(fileURLWithPath: path))
        let layer = try VectorLayer.read(path, context: ctx)
        #expect(layer.fieldNames == ["编号", "名称", "经度", "纬度"])
        #expect(layer.features[0].values[1] == .string("城关幼儿园"))
        #expect(layer.text.encoding == "GB18030")
    }

    @Test func foldersAndPipesAreRefused() throws {
        let dir = try tempDir()
        #expect(throws: GeoError("\(dir): is a folder; give a file")) { try VectorLayer.read(dir, context: ctx) }
        let fifo = dir + "/pipe.geojson"
        #expect(mkfifo(fifo, 0o600) == 0)
        let error = try #require(throws: GeoError.self) { try VectorLayer.read(fifo, context: ctx) }
        #expect(error.message.contains("not a regular file"))
    }

    @Test func geoPackageRoundTrip() throws {
        let dir = try tempDir()
        var layer = OutputLayer(name: "communities", fields: [.init("id", .string), .init("ok", .boolean)], hasGeometry: true)
        layer.append([.string("A"), .bool(true)], geometry: try .fromWKT("POLYGON((0 0,1 0,1 1,0 0))", context: ctx))
        try OGRWriter.write([layer], to: dir + "/x.gpkg", driver: "GPKG", crs: "EPSG:4326")
        let back = try VectorLayer.read(dir + "/x.gpkg", context: ctx)
        #expect(back.features.count == 1)
        // A boolean reads back as the text true/false (never as a number a population could take).
        #expect(back.features[0].values == [.string("A"), .string("true")])
        #expect(back.features[0].geometry?.kind == .multiPolygon)
    }

    @Test func atomicWriteLeavesNoTemporaryFile() throws {
        let dir = try tempDir()
        try AtomicFile.write("x", to: dir + "/a.txt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.txt"])
    }
}

extension LayerIOTests {
    func threePoints(_ dir: String) throws -> String {
        var layer = OutputLayer(name: "c", fields: [.init("id", .string), .init("population", .integer)], hasGeometry: true)
        for k in 0..<3 { layer.append([.string("C\(k)"), .integer(100)], geometry: .point(x: 117 + Double(k), y: 31, context: ctx)) }
        let path = dir + "/c.shp"
        try OGRWriter.write([layer], to: path, driver: "ESRI Shapefile", crs: "EPSG:4326")
        return path
    }

    @Test func aTruncatedShapefileIsAnError() throws {
        let path = try threePoints(try tempDir())
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - 10).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: GeoError.self) { try VectorLayer.read(path, context: ctx) }
        #expect(error.message.contains("c.shp: the file is damaged"))
    }

    @Test func aShapefileWithoutItsDbfIsAnError() throws {
        let dir = try tempDir()
        let path = try threePoints(dir)
        try FileManager.default.removeItem(atPath: dir + "/c.dbf")
        let error = try #require(throws: GeoError.self) { try VectorLayer.read(path, context: ctx) }
        #expect(error.message.contains("c.shp: the shapefile has no .dbf beside it"))
    }
}
