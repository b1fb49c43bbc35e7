import Foundation
import Testing
import GeoKit
@testable import Scenario

/// A river between x = 500200 and x = 500400 (UTM metres) crossed by one bridge at y = 3500400.
@Suite struct NetworkDistanceTests {
    func town(_ fx: Fixture) throws -> FlagOptions {
        let c = try fx.file("c.csv", """
        id,population,status,WKT
        W,1000,old,POINT (500200 3500010)
        E,1000,old,POINT (500400 3500010)
        FAR,500,new,POINT (501500 3500000)

        """)
        let f = try fx.file("f.csv", "id,capacity,WKT\nN1,10,POINT (500190 3500000)\n")
        try fx.file("roads.csv", """
        id,highway,WKT
        r1,residential,"LINESTRING (500200 3500000,500200 3500400)"
        r2,residential,"LINESTRING (500400 3500000,500400 3500400)"
        r3,residential,"LINESTRING (500200 3500400,500400 3500400)"
        r4,residential,"LINESTRING (500000 3500000,500200 3500000)"
        m1,motorway,"LINESTRING (500200 3500000,500400 3500000)"

        """)
        var inputs = InputOptions(communities: c)
        inputs.facilities = f
        inputs.crs = "EPSG:32650"
        var o = FlagOptions(inputs: inputs, out: fx.out)
        o.distance = .network
        o.roads = fx.dir + "/roads.csv"
        o.roadsFilter = "highway!=motorway"
        o.odMatrixOut = fx.dir + "/od.csv"
        return o
    }

    @Test func walkingAroundTheRiver() throws {
        let fx = try Fixture()
        let log = RunLog()
        let run = try FlagRun(try town(fx), log: log)
        let a = run.assessment.communities
        // W: 10 m + 10 from the facility (10 m off the road end) → 20; E: 10 + 400 + 200 + 390 = 1000 (E sits on the east road 10 m up).
        #expect(a[0].served && abs(a[0].nearestFacilityM! - 20) < 1e-6)
        #expect(!a[1].served && abs(a[1].nearestFacilityM! - 1000) < 1e-6)
        #expect(a[2].nearestFacilityM == nil)
        #expect(log.warnings.contains { $0.contains("1 community is farther than 200 m from any road: unreachable (FAR)") })
        try run.write()
        let geojson = try fx.read("communities.geojson")
        // Straight line to the facility 211 m, walk 1000 m.
        #expect(geojson.contains(#""nearest_facility_m":210.2,"facilities_within":0,"access_ratio":0,"shortfall_places":4.5,"flag":"old_lacking","network_distance_m":1000"#))
        let od = try String(contentsOfFile: fx.dir + "/od.csv", encoding: .utf8)
        #expect(od == "origin_id,destination_id,cost\r\nW,N1,20\r\nE,N1,1000\r\n")
    }

    @Test func withTheMotorwayTheRiverIsCrossedDirectly() throws {
        let fx = try Fixture()
        var o = try town(fx)
        o.roadsFilter = nil
        let run = try FlagRun(o)
        #expect(abs(run.assessment.communities[1].nearestFacilityM! - (10 + 200 + 10)) < 1e-6)
    }

    /// KX is 190 m from E in a straight line but across the river (a 990 m walk); KE is on E's bank.
    func siteOptions(_ fx: Fixture) throws -> SiteOptions {
        let s = try fx.file("s.csv", """
        id,kind,capacity,cost,WKT
        KX,idle_land,10,1,POINT (500210 3500010)
        KE,idle_land,10,1,POINT (500405 3500200)

        """)
        var o = SiteOptions(flag: try town(fx), candidates: s)
        o.objective = .coverage
        o.p = 1
        o.gapTolerance = 0
        return o
    }

    @Test func siteWalksAndTablesGiveBothDistances() throws {
        let fx = try Fixture()
        let run = try SiteRun(try siteOptions(fx))
        #expect(run.priority.map { run.candidates[$0.site].id } == ["KE"])
        try run.write()
        let communities = try fx.read("communities.geojson")
        // E: nearest existing N1 (211 m straight, 1000 m walk); assigned KE (190.1 m straight, 5 + 190 m walk).
        #expect(communities.contains(#""nearest_facility_id":"N1","nearest_facility_m":210.2,"facilities_within":0,"access_ratio":0,"shortfall_places":4.5,"flag":"old_lacking","network_distance_m":1000,"served_after":true,"assigned_site":"KE","assigned_distance_m":190.1,"assigned_network_distance_m":195,"#))
        let assignments = try fx.read("assignments.geojson")
        #expect(assignments.contains(#""community_id":"E","facility_id":"KE","facility_type":"new","distance_m":190.1,"network_distance_m":195}"#))
        let od = try String(contentsOfFile: fx.dir + "/od.csv", encoding: .utf8)
        // KX reaches E only by the bridge (990 m), beyond the 300 m bound of the search: not listed.
        #expect(od == "origin_id,destination_id,cost\r\nW,KX,10\r\nW,N1,20\r\nE,KE,195\r\nE,N1,1000\r\n")
    }

    @Test func reportMapDrawsTheFilteredRoadsInLonLat() throws {
        let fx = try Fixture()
        let o = try town(fx)
        let run = try FlagRun(o)
        let lines = roadLinesLonLat(run.inputs)
        #expect(lines.count == 4)  // the motorway is filtered out, as for the graph
        let first = try #require(lines.first?.coordinateLists().first?.first)
        #expect(abs(first.x - 117) < 0.01 && abs(first.y - 31.6) < 0.1)  // UTM 50N back to degrees
        var straight = o
        straight.distance = .straight
        #expect(roadLinesLonLat(try FlagRun(straight).inputs).isEmpty)
    }

    @Test(arguments: [("roads.gpkg", "GPKG"), ("roads.shp", "ESRI Shapefile")])
    func roadsFromGeoPackageAndShapefile(file: String, driver: String) throws {
        let fx = try Fixture()
        var o = try town(fx)
        let ctx = GEOSContext()
        var layer = OutputLayer(name: "roads", fields: [.init("highway", .string)], hasGeometry: true)
        for (kind, wkt) in [("residential", "LINESTRING (500200 3500000,500200 3500400)"),
                            ("residential", "LINESTRING (500400 3500000,500400 3500400)"),
                            ("residential", "LINESTRING (500200 3500400,500400 3500400)"),
                            ("motorway", "LINESTRING (500200 3500000,500400 3500000)")] {
            layer.append([.string(kind)], geometry: try .fromWKT(wkt, context: ctx))
        }
        try OGRWriter.write([layer], to: fx.dir + "/" + file, driver: driver, crs: "EPSG:32650")
        o.roads = fx.dir + "/" + file
        let run = try FlagRun(o)
        #expect(abs(run.assessment.communities[1].nearestFacilityM! - 1000) < 1e-6)
    }

    @Test func networkNeedsRoads() throws {
        let fx = try Fixture()
        var o = try town(fx)
        o.roads = nil
        #expect(throws: InputError.self) { try FlagRun(o) }
        o.roads = fx.dir + "/roads.csv"
        o.roadsFilter = "kind=motorway"
        let e = try #require(throws: InputError.self) { try FlagRun(o) }
        #expect(e.message.contains("no field \"kind\" (--roads-filter)"))
    }
}
