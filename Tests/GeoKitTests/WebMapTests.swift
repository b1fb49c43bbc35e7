import Foundation
import Testing
@testable import GeoKit

/// GCJ-02 and BD-09 against reference pairs published with widely used open implementations
/// (eviltransform's test suite; coordtransform's README), and the inverse against the forward.
@Suite struct WebMapTests {
    /// Metres between two lon/lat points (equirectangular; fine at these distances).
    func metres(_ a: (lon: Double, lat: Double), _ b: (lon: Double, lat: Double)) -> Double {
        let k = 111_320.0
        let dx = (a.lon - b.lon) * k * cos(a.lat * .pi / 180), dy = (a.lat - b.lat) * k
        return (dx * dx + dy * dy).squareRoot()
    }

    /// (WGS 84 lon, lat, GCJ-02 lon, lat): Shanghai, Shenzhen, Beijing (eviltransform), Beijing (coordtransform).
    static let gcjPairs: [(Double, Double, Double, Double)] = [
        (121.5272106, 31.1774276, 121.531541859215, 31.17530398364597),
        (113.912316, 22.543847, 113.9171764808363, 22.540796131694766),
        (116.377817, 39.911954, 116.38404722455657, 39.91334545536069),
        (116.404, 39.915, 116.41024449916938, 39.91640428150164),
    ]

    @Test func gcj02MatchesPublishedPairs() {
        for (lon, lat, gLon, gLat) in Self.gcjPairs {
            let f = WebMapDatum.gcj02.forward(lon: lon, lat: lat)
            #expect(metres(f, (gLon, gLat)) < 0.01, "forward at \(lon), \(lat)")
            let back = WebMapDatum.gcj02.inverse(lon: gLon, lat: gLat)
            #expect(metres(back, (lon, lat)) < 0.05, "inverse at \(gLon), \(gLat)")
            // The offset is the 300–600 m a planner would otherwise be off by.
            let offset = metres((lon, lat), (gLon, gLat))
            #expect(offset > 200 && offset < 800)
        }
    }

    @Test func bd09MatchesPublishedPairs() {
        // coordtransform: bd09togcj02(116.404, 39.915) = (116.39762729119315, 39.90865673957631).
        let gcj = (lon: 116.39762729119315, lat: 39.90865673957631)
        let bd = WebMapDatum.gcjToBD(lon: gcj.lon, lat: gcj.lat)
        #expect(metres(bd, (116.404, 39.915)) < 0.5)
        // coordtransform: gcj02tobd09(116.404, 39.915) = (116.41036949371029, 39.92133699351021).
        #expect(metres(WebMapDatum.gcjToBD(lon: 116.404, lat: 39.915), (116.41036949371029, 39.92133699351021)) < 0.01)
        // BD-09 → WGS 84 goes through GCJ-02: the same point both ways.
        let wgs = WebMapDatum.bd09.inverse(lon: 116.404, lat: 39.915)
        let viaGCJ = WebMapDatum.gcj02.inverse(lon: gcj.lon, lat: gcj.lat)
        #expect(metres(wgs, viaGCJ) < 0.5)
    }

    @Test func inverseIsExactToAMillimetreAcrossChina() {
        for lon in stride(from: 75.0, through: 134.0, by: 7.3) {
            for lat in stride(from: 18.0, through: 53.0, by: 4.1) {
                for datum in WebMapDatum.allCases {
                    let f = datum.forward(lon: lon, lat: lat)
                    #expect(metres(datum.inverse(lon: f.lon, lat: f.lat), (lon, lat)) < 0.001)
                }
            }
        }
    }

    @Test func gcj02IsWGS84OutsideChina() {
        let f = WebMapDatum.gcj02.forward(lon: -71.06, lat: 42.36)
        #expect(f.lon == -71.06 && f.lat == 42.36)
        #expect(WebMapDatum.gcj02.inverse(lon: 2.35, lat: 48.85) == (2.35, 48.85))
    }

    @Test func geometriesOfEveryKindAreConverted() throws {
        let ctx = GEOSContext()
        let (lon, lat, gLon, gLat) = Self.gcjPairs[2]
        let poly = try Geometry.fromWKT("POLYGON((\(gLon) \(gLat),\(gLon + 0.01) \(gLat),\(gLon) \(gLat + 0.01),\(gLon) \(gLat)))", context: ctx)
        let back = try poly.fromWebMap(.gcj02)
        let first = try #require(back.coordinateLists().first?.first)
        #expect(metres((first.x, first.y), (lon, lat)) < 0.05)
        let line = try Geometry.fromWKT("LINESTRING(\(gLon) \(gLat),\(gLon + 0.01) \(gLat))", context: ctx)
        #expect(try line.fromWebMap(.gcj02).kind == .lineString)
    }
}
