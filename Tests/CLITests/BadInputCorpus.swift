import Foundation
import GeoKit
import Testing

/// The bad-input corpus: files made here (small, in a temporary folder) and the cases run against them,
/// each with the exit code expected and a word its message must contain.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    let name: String
    let args: [String]
    let exit: Int32
    let word: String
    var testDescription: String { name }
}

enum BadInputCorpus {
    /// The folder the files are made in, once per test process.
    static let dir: String = {
        let d = NSTemporaryDirectory() + "caresite-tests/corpus-\(getpid())"
        try? FileManager.default.removeItem(atPath: d)
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        for (name, text) in files { try! Data(text.utf8).write(to: URL(fileURLWithPath: d + "/" + name)) }
        for (name, bytes) in binaryFiles { try! Data(bytes).write(to: URL(fileURLWithPath: d + "/" + name)) }
        mkfifo(d + "/fifo.geojson", 0o600)
        makeShapefiles(d)
        for (name, text, _, _) in scenarios { try! Data(text.utf8).write(to: URL(fileURLWithPath: d + "/" + name)) }
        for (folder, summary) in [("cmp-bad", "summary-bad.json"), ("cmp-notjson", "summary-notjson.json")] {
            try! FileManager.default.createDirectory(atPath: d + "/" + folder, withIntermediateDirectories: true)
            try! FileManager.default.copyItem(atPath: d + "/" + summary, toPath: d + "/" + folder + "/summary.json")
        }
        try! FileManager.default.createDirectory(atPath: d + "/folder.geojson", withIntermediateDirectories: true)
        // An output folder holding an input, apart from the corpus: the refused run's staging folder lives
        // there while it runs, where the other cases, run alongside, do not see it among their inputs.
        try! FileManager.default.createDirectory(atPath: d + "/out-holds-input", withIntermediateDirectories: true)
        try! Data(communities().utf8).write(to: URL(fileURLWithPath: d + "/out-holds-input/communities.geojson"))
        return d
    }()

    static func path(_ name: String) -> String { dir + "/" + name }

    static func feature(_ props: String, _ geometry: String) -> String {
        "{\"type\":\"Feature\",\"properties\":{\(props)},\"geometry\":\(geometry)}"
    }
    static func pt(_ x: Double, _ y: Double) -> String { "{\"type\":\"Point\",\"coordinates\":[\(x),\(y)]}" }
    static func collection(_ features: [String], crs: String = "") -> String {
        "{\"type\":\"FeatureCollection\",\(crs)\"features\":[\(features.joined(separator: ","))]}"
    }
    /// Communities near Hefei with one property changed for the first.
    static func communities(first: String = "\"population\":1000") -> String {
        collection([feature("\"id\":\"A\",\(first),\"street\":\"城关街道\",\"year\":2019", pt(117.20, 31.80)),
                    feature("\"id\":\"B\",\"population\":800,\"street\":\"城东街道\",\"year\":2001", pt(117.21, 31.80)),
                    feature("\"id\":\"C\",\"population\":500,\"street\":\"城东街道\",\"year\":2010", pt(117.22, 31.81))])
    }

    static let files: [String: String] = [
        "c.geojson": communities(),
        "f.geojson": collection([feature("\"id\":\"F1\",\"capacity\":20", pt(117.2005, 31.80))]),
        "k.geojson": collection([feature("\"id\":\"K1\",\"cost\":3,\"kind\":\"idle_land\",\"capacity\":30", pt(117.2105, 31.80)),
                                 feature("\"id\":\"K2\",\"cost\":5,\"kind\":\"kindergarten\",\"capacity\":30", pt(117.2205, 31.81))]),
        "roads.geojson": collection([feature("\"id\":1", "{\"type\":\"LineString\",\"coordinates\":[[117.19,31.80],[117.23,31.80]]}")]),
        "list.csv": "id,rank\nK1,1\nK2,2\n",
        "od.csv": "origin_id,destination_id,cost\nA,K1,100\nB,K1,200\nC,K2,50\nA,F1,10\n",
        "c-empty.geojson": "",
        "c-html.geojson": "<html>not geodata</html>",
        "c-none.geojson": collection([]),
        "c-negative.geojson": communities(first: "\"population\":-5"),
        "c-word.geojson": communities(first: "\"population\":\"many\""),
        "c-huge.geojson": communities(first: "\"population\":1e22"),
        "c-true.geojson": communities(first: "\"population\":true"),
        "c-all-true.geojson": collection([feature("\"id\":\"A\",\"population\":true", pt(117.2, 31.8)),
                                          feature("\"id\":\"B\",\"population\":false", pt(117.21, 31.8))]),
        "c-hex.geojson": communities(first: "\"population\":\"0x10\""),
        "c-nan.geojson": communities(first: "\"population\":\"nan\""),
        "c-inf.geojson": communities(first: "\"population\":\"inf\""),
        "c-dup.geojson": collection([feature("\"id\":\"A\",\"population\":1", pt(117.2, 31.8)), feature("\"id\":\"A\",\"population\":2", pt(117.2, 31.8))]),
        "c-noid.geojson": collection([feature("\"id\":\"\",\"population\":1", pt(117.2, 31.8))]),
        "c-line.geojson": collection([feature("\"id\":\"A\",\"population\":1", "{\"type\":\"LineString\",\"coordinates\":[[117,31],[117.1,31.1]]}")]),
        "c-far.geojson": collection([feature("\"id\":\"A\",\"population\":1", pt(1e300, 31.8))]),
        "c-swapped.geojson": collection([feature("\"id\":\"A\",\"population\":1", pt(31.8, 117.2))]),
        "c-metres.geojson": collection([feature("\"id\":\"A\",\"population\":1", pt(39_512_345, 3_530_000))]),
        "c-3857.geojson": collection([feature("\"id\":\"A\",\"population\":1", pt(117.2, 31.8))],
                                     crs: "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}},"),
        "c-year-huge.geojson": communities(first: "\"population\":1,\"built\":1e20"),
        "c-year-inf.geojson": communities(first: "\"population\":1,\"built\":\"inf\""),
        "c-year-hex.geojson": communities(first: "\"population\":1,\"built\":\"0x7E0\""),
        "c-status.geojson": communities(first: "\"population\":1,\"status\":\"ancient\""),
        "c-radius-word.geojson": communities(first: "\"population\":1,\"r\":\"far\",\"area\":\"城镇\""),
        "c-radius-zero.geojson": communities(first: "\"population\":1,\"r\":0"),
        "c-radius-huge.geojson": communities(first: "\"population\":1,\"r\":1e9"),
        "c-area.geojson": communities(first: "\"population\":1,\"area\":\"郊区\""),
        "c-list.geojson": collection([feature("\"id\":\"A\",\"population\":1000", pt(117.2, 31.8)),
                                      feature("\"id\":\"B\",\"population\":[3,4]", pt(117.21, 31.8))]),
        "c-nan-vertex.geojson": collection([feature("\"id\":\"A\",\"population\":1", "{\"type\":\"Point\",\"coordinates\":[NaN,31.8]}")]),
        "c-inf-vertex.geojson": collection([feature("\"id\":\"A\",\"population\":1", "{\"type\":\"Point\",\"coordinates\":[1e400,31.8]}")]),
        "f-untransformable.geojson": collection([feature("\"id\":\"F1\",\"capacity\":1", pt(1e8, 1e8))],
                                                crs: "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:32650\"}},"),
        "f-huge.geojson": collection([feature("\"id\":\"F1\",\"capacity\":1e300", pt(117.2005, 31.80))]),
        "f-negative.geojson": collection([feature("\"id\":\"F1\",\"capacity\":-1", pt(117.2005, 31.80))]),
        "f-beijing.geojson": collection([feature("\"id\":\"F1\",\"capacity\":20", pt(116.40, 39.90))]),
        "k-cost-huge.geojson": collection([feature("\"id\":\"K1\",\"cost\":1e300,\"capacity\":30", pt(117.2105, 31.80))]),
        "k-cost-word.geojson": collection([feature("\"id\":\"K1\",\"cost\":\"cheap\",\"capacity\":30", pt(117.2105, 31.80))]),
        "k-zero.geojson": collection([feature("\"id\":\"K1\",\"cost\":1,\"capacity\":0", pt(117.2105, 31.80))]),
        "p-noxy.csv": "id,capacity,east,north\nF1,20,117.2,31.8\n",
        "p-badx.csv": "id,capacity,lon,lat\nF1,20,east,31.8\n",
        "roads-points.geojson": collection([feature("\"id\":1", pt(117.2, 31.8))]),
        "roads-zero.geojson": collection([feature("\"id\":1", "{\"type\":\"LineString\",\"coordinates\":[[117.2,31.8],[117.2,31.8]]}")]),
        "od-unknown.csv": "origin_id,destination_id,cost\nZZ,K1,100\n",
        "od-conflict.csv": "origin_id,destination_id,cost\nA,K1,100\nA,K1,300\n",
        "od-columns.csv": "tract,store,walk\nA,K1,100\n",
        "od-negative.csv": "origin_id,destination_id,cost\nA,K1,-100\n",
        "od-word.csv": "origin_id,destination_id,cost\nA,K1,far\n",
        "list-dup.csv": "id\nK1\nK1\n",
        "list-rank.csv": "id,rank\nK1,1\nK2,1\n",
        "list-unknown.csv": "id\nK9\n",
        "list-empty.csv": "id\n",
        "list-negative.csv": "id,rank\nK1,-1\n",
        "summary-bad.json": "{\"solution\": 5}",
        "summary-notjson.json": "not json",
        "s-notyaml.yaml": "inputs: [unclosed",
    ]

    /// A shapefile without .prj, one without .dbf, one cut short.
    static func makeShapefiles(_ d: String) {
        let ctx = GEOSContext()
        var layer = OutputLayer(name: "c", fields: [.init("id", .string), .init("population", .integer)], hasGeometry: true)
        for k in 0..<3 { layer.append([.string("C\(k)"), .integer(100)], geometry: .point(x: 117.2 + Double(k) / 100, y: 31.8, context: ctx)) }
        for name in ["noprj", "nodbf", "cut"] { try! OGRWriter.write([layer], to: d + "/\(name).shp", driver: "ESRI Shapefile", crs: nil) }
        try? FileManager.default.removeItem(atPath: d + "/nodbf.dbf")
        let cut = try! Data(contentsOf: URL(fileURLWithPath: d + "/cut.shp"))
        try! cut.prefix(cut.count - 10).write(to: URL(fileURLWithPath: d + "/cut.shp"))
    }

    static var binaryFiles: [String: [UInt8]] {
        ["c-gbk.csv": Array("id,name,population,lon,lat\nA,".utf8) + [0xB3, 0xC7, 0xB9, 0xD8] + Array(",1,117.2,31.8\n".utf8),
         "c-bad-bytes.csv": Array("id,name,population,lon,lat\nA,".utf8) + [0xFF, 0xFE, 0xFF] + Array(",1,117.2,31.8\n".utf8),
         "s-gbk.yaml": Array("name: ".utf8) + [0xB3, 0xC7, 0xB9, 0xD8] + Array("\n".utf8)]
    }
}
