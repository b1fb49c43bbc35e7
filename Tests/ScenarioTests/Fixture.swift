import Foundation
@testable import Scenario

/// A temporary folder of hand-made input files, removed when the test is done with it.
final class Fixture {
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "caresite-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A GeoJSON FeatureCollection from (properties JSON, geometry JSON) pairs.
    @discardableResult
    func geojson(_ name: String, _ features: [(String, String)]) throws -> String {
        let body = features.map { "{\"type\":\"Feature\",\"properties\":{\($0.0)},\"geometry\":\($0.1)}" }
        return try file(name, "{\"type\":\"FeatureCollection\",\"features\":[\n" + body.joined(separator: ",\n") + "\n]}\n")
    }

    var out: String { dir + "/out" }

    func read(_ name: String) throws -> String { try String(contentsOfFile: out + "/" + name, encoding: .utf8) }

    /// The hand-worked town of PlanningTests, as CSV files in UTM 50N metres (offset 500000, 3500000).
    func town() throws -> InputOptions {
        let c = try file("communities.csv", """
        id,name,population,status,street,WKT
        A,甲,1000,new,S1,POINT (500000 3500000)
        B,乙,2000,老旧,S1,POINT (500200 3500000)
        C,丙,1000,old,S2,POINT (501000 3500000)
        D,丁,400,新建,S1,POINT (500000 3500500)
        E,戊,1000,,S2,"POLYGON ((502000 3500000,502400 3500000,502400 3500400,502000 3500400,502000 3500000))"

        """)
        let f = try file("facilities.csv", """
        id,capacity,street,WKT
        F1,10,S1,POINT (500100 3500000)
        F2,9,S2,POINT (502500 3500200)
        F3,10,S2,POINT (502700 3500200)

        """)
        var o = InputOptions(communities: c)
        o.facilities = f
        o.crs = "EPSG:32650"
        return o
    }
}

func point(_ lon: Double, _ lat: Double) -> String { "{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}" }
