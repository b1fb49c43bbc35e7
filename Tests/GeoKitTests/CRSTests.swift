import Testing
@testable import GeoKit

@Suite struct CRSTests {
    let proj = PROJContext()

    @Test func kinds() throws {
        #expect(CRS.wgs84(proj).isGeographic)
        #expect(!CRS.wgs84(proj).isProjectedInMetres)
        #expect(try CRS("EPSG:4549", context: proj).isProjectedInMetres)
        #expect(try CRS("EPSG:32650", context: proj).label == "EPSG:32650")
        #expect(try CRS.utm(longitude: 117.26, latitude: 31.86, context: proj).label == "EPSG:32650")
    }

    @Test func unknownCRSIsAnError() {
        #expect(throws: GeoError.self) { try CRS("EPSG:999999", context: proj) }
    }

    @Test func transformKeepsLonLatOrder() throws {
        let t = try Transformer(from: CRS.wgs84(proj), to: try CRS("EPSG:32650", context: proj))
        // The central meridian of zone 50 is 117°E: easting 500 000 there.
        let p = try #require(t.transform(x: 117, y: 31))
        #expect(abs(p.x - 500_000) < 0.01)
        #expect(p.y > 3_400_000 && p.y < 3_450_000)
    }
}
