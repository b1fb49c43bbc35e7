import Foundation
import Testing
import GeoKit
@testable import Scenario

@Suite struct FlagRunTests {
    @Test func handWorkedTownEndToEnd() throws {
        let fx = try Fixture()
        let options = FlagOptions(inputs: try fx.town(), out: fx.out)
        let run = try FlagRun(options)
        #expect(run.inputs.metricCRS.hasPrefix("EPSG:32650"))
        let summary = try run.write()
        #expect(summary.json["communities"]?["flags"] == .object([
            ("new_lacking", .integer(1)), ("old_lacking", .integer(1)), ("lacking", .integer(0)),
            ("under_capacity", .integer(2)), ("ok", .integer(1)),
        ]))
        // Totals: population 5400, places 29 → 29 / 5.4 = 5.37 per 1,000.
        #expect(summary.json["totals"]?["population"] == .number(5400))
        #expect(summary.json["totals"]?["places_per_1000"] == .number(5.37))
        #expect(summary.json["totals"]?["meets_target"] == .bool(true))

        let geojson = try fx.read("communities.geojson")
        #expect(geojson.contains(#""id":"A","name":"甲","population":1000,"status":"new","street":"S1","required_places":4.5,"served":true,"nearest_facility_id":"F1","nearest_facility_m":100,"facilities_within":1,"access_ratio":0.741,"shortfall_places":1.17,"flag":"under_capacity""#))
        #expect(geojson.contains(#""id":"B","name":"乙","population":2000,"status":"old""#))
        #expect(geojson.contains(#""id":"D","name":"丁","population":400,"status":"new","street":"S1","required_places":1.8,"served":false,"nearest_facility_id":"F1","nearest_facility_m":509.9"#))
        // Output is lon/lat: UTM 50N easting 500000 is 117°E.
        #expect(geojson.contains("[117,31.6"))

        let bytes = try Data(contentsOf: URL(fileURLWithPath: fx.out + "/streets.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let csv = String(decoding: bytes, as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}street,communities,population,required_places,facilities,places,places_per_1000,meets_target,has_facility,new_lacking,old_lacking,lacking,under_capacity,ok\r\n"))
        #expect(csv.contains("S1,3,3400,15.3,1,10,2.94,false,true,1,0,0,2,0\r\n"))
        #expect(csv.contains("S2,2,2000,9,2,19,9.5,true,true,0,1,0,0,1\r\n"))
    }

    @Test func sameInputsGiveByteIdenticalOutputs() throws {
        let fx = try Fixture()
        let inputs = try fx.town()
        for format in OutputFormat.allCases {
            var a = FlagOptions(inputs: inputs, out: fx.dir + "/a-\(format)")
            a.format = format
            var b = a
            b.out = fx.dir + "/b-\(format)"
            try FlagRun(a).write()
            try FlagRun(b).write()
            let names = try FileManager.default.contentsOfDirectory(atPath: a.out).sorted().filter { !$0.hasPrefix(".") }
            #expect(names == (format == .gpkg ? ["caresite.gpkg", "summary.json"]
                                              : ["communities.geojson", "streets.csv", "streets.xlsx", "summary.json"]))
            for name in names where name != "summary.json" {
                #expect(FileManager.default.contentsEqual(atPath: a.out + "/" + name, andPath: b.out + "/" + name), "\(name)")
            }
        }
    }

    @Test func geoPackageHoldsBothLayers() throws {
        let fx = try Fixture()
        var options = FlagOptions(inputs: try fx.town(), out: fx.out)
        options.format = .gpkg
        try FlagRun(options).write()
        let layer = try VectorLayer.read(fx.out + "/caresite.gpkg", context: GEOSContext())
        #expect(layer.layerName == "communities" && layer.features.count == 5)
        #expect(layer.otherLayers == ["streets", "facilities", "layer_styles"])
    }

    @Test func inputsAreNotModifiedNorOverwritten() throws {
        let fx = try Fixture()
        let inputs = try fx.town()
        let before = try SHA256.hex(ofFile: inputs.communities)
        try FlagRun(FlagOptions(inputs: inputs, out: fx.out)).write()
        #expect(try SHA256.hex(ofFile: inputs.communities) == before)
        // An input named like an output in the out folder is refused, not overwritten.
        let fx2 = try Fixture()
        let path = try fx2.file("communities.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"A\",\"population\":10},\"geometry\":\(point(117, 31))}]}")
        let original = try SHA256.hex(ofFile: path)
        let error = try #require(throws: InputError.self) {
            try FlagRun(FlagOptions(inputs: InputOptions(communities: path), out: fx2.dir)).write()
        }
        #expect(error.message.contains("is one of the inputs"))
        #expect(try SHA256.hex(ofFile: path) == original)
        #expect(!FileManager.default.fileExists(atPath: fx2.dir + "/summary.json"))
    }

    @Test func streetsFromPolygonsAndFacilitiesFromTheirPolygon() throws {
        let fx = try Fixture()
        var inputs = try fx.town()
        // West street holds A, B, D and F1; east street holds C, E, F2, F3 (x ≥ 500500).
        inputs.streets = try fx.file("streets.csv", """
        name,WKT
        西街道,"POLYGON ((499000 3499000,500500 3499000,500500 3501000,499000 3501000,499000 3499000))"
        东街道,"POLYGON ((500500 3499000,503000 3499000,503000 3501000,500500 3501000,500500 3499000))"

        """)
        inputs.streetField = .standard("nothing")
        let run = try FlagRun(FlagOptions(inputs: inputs, out: fx.out))
        #expect(run.inputs.communities.map(\.street) == ["西街道", "西街道", "东街道", "西街道", "东街道"])
        #expect(run.inputs.facilities.map(\.street) == ["西街道", "东街道", "东街道"])
        #expect(run.streets.map(\.street) == ["东街道", "西街道"])
    }

    @Test func populationFromAJoinedTable() throws {
        let fx = try Fixture()
        var inputs = try fx.town()
        inputs.populationTable = try fx.file("pop.csv", "code,population\nA,2000\nB,2000\nC,1000\nD,400\nZ,5\n")
        inputs.joinField = "id"
        let log = RunLog()
        let run = try FlagRun(FlagOptions(inputs: inputs, out: fx.out), log: log)
        #expect(run.inputs.communities.map(\.population) == [2000, 2000, 1000, 400, 0])
        #expect(run.inputs.missingPopulation == ["E"])
        #expect(log.warnings.contains { $0.contains("1 row(s) match no community: Z") })
    }

    @Test func statusFromBuiltYear() throws {
        let fx = try Fixture()
        let c = try fx.geojson("c.geojson", [
            ("\"id\":\"a\",\"population\":10,\"year\":2019", point(117, 31)),
            ("\"id\":\"b\",\"population\":10,\"year\":2005", point(117.01, 31)),
            ("\"id\":\"c\",\"population\":10,\"year\":null", point(117.02, 31)),
        ])
        var inputs = InputOptions(communities: c)
        inputs.builtYearField = "year"
        inputs.newSince = 2018
        let run = try FlagRun(FlagOptions(inputs: inputs, out: fx.out))
        #expect(run.inputs.communities.map(\.status) == [.new, .old, .unknown])
        #expect(run.assessment.communities.map(\.flag) == [.newLacking, .oldLacking, .lacking])
    }

    @Test func metricCRSDefaultsToGaussKrugerInChinaUTMElsewhereAndHonoursTheOption() throws {
        let fx = try Fixture()
        let c = try fx.geojson("c.geojson", [("\"id\":\"a\",\"population\":10", point(117.26, 31.86))])
        let log = RunLog()
        // Hefei, 117.26°E: the CGCS2000 3° zone with central meridian 117°E.
        #expect(try FlagRun(FlagOptions(inputs: InputOptions(communities: c), out: fx.out), log: log).inputs.metricCRS.hasPrefix("EPSG:4548"))
        #expect(log.notes.contains { $0.contains("Gauss-Kruger zone of the data's centre") })
        let boston = try fx.geojson("b.geojson", [("\"id\":\"a\",\"population\":10", point(-71.06, 42.36))])
        let log2 = RunLog()
        #expect(try FlagRun(FlagOptions(inputs: InputOptions(communities: boston), out: fx.out), log: log2).inputs.metricCRS.hasPrefix("EPSG:32619"))
        #expect(!log2.notes.joined().contains("Gauss"))
        var inputs = InputOptions(communities: c)
        inputs.metricCRS = "EPSG:4549"
        #expect(try FlagRun(FlagOptions(inputs: inputs, out: fx.out)).inputs.metricCRS.hasPrefix("EPSG:4549"))
        inputs.metricCRS = "EPSG:4326"
        let error = try #require(throws: InputError.self) { try FlagRun(FlagOptions(inputs: inputs, out: fx.out)) }
        #expect(error.message.contains("not a projected CRS in metres"))
    }
}

extension FlagRunTests {
    /// C (a village: type 农村) has 1,000 m and reaches F1 900 m away; the others keep 300 m.
    @Test func radiusByAreaType() throws {
        let fx = try Fixture()
        var inputs = try fx.town()
        let text = try String(contentsOfFile: inputs.communities, encoding: .utf8)
            .replacingOccurrences(of: "street,WKT", with: "street,area,WKT")
            .replacingOccurrences(of: "old,S2,POINT", with: "old,S2,农村,POINT")
            .replacingOccurrences(of: ",S1,POINT", with: ",S1,城镇,POINT")
            .replacingOccurrences(of: ",S2,\"POLYGON", with: ",S2,,\"POLYGON")
        inputs.communities = try fx.file("communities-area.csv", text)
        inputs.areaRadii = AreaRadii(field: "area", radii: ["城镇": 300, "农村": 1000])
        let run = try FlagRun(FlagOptions(inputs: inputs, out: fx.out))
        #expect(run.inputs.communities.map(\.radius) == [300, 300, 1000, 300, nil])
        #expect(run.assessment.communities[2].served)
        #expect(run.inputs.log.warnings.contains { $0.contains("1 community has no radius of its own") && $0.contains(": E") })
        let summary = try run.write()
        #expect(summary.json["parameters"]?["own_radius"]?["area_field"] == .string("area"))
        #expect(try fx.read("communities.geojson").contains(#""flag":"under_capacity","radius_m":1000"#))
    }
}
