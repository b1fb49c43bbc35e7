import Foundation
import Siting

/// Deterministic pseudo-random numbers (Siting's SplitMix64): the same instance on every machine.
struct SplitMix {
    private var source: SeededRandom
    init(seed: UInt64) { source = SeededRandom(seed: seed) }
    mutating func next() -> UInt64 { source.next() }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(_ lo: Int, _ hi: Int) -> Int { lo + Int(next() % UInt64(hi - lo + 1)) }
}

/// A generated town: metres around 117°E 31°N, written as lon/lat GeoJSON.
struct Town {
    static let lat0 = 31.0, lon0 = 117.0
    static let mLat = 1 / 110_574.0
    static let mLon = 1 / (111_320.0 * cos(lat0 * .pi / 180))
    let communities: Int
    /// Grid step between blocks, metres.
    let spacing: Double

    var perRow: Int { Int(Double(communities).squareRoot().rounded(.up)) }
    var side: Double { Double(perRow) * spacing }

    static func lonLat(_ x: Double, _ y: Double) -> String {
        String(format: "[%.7f,%.7f]", lon0 + x * mLon, lat0 + y * mLat)
    }

    /// `streets` > 0: a "street" field naming one of about that many rectangular districts.
    func writeCommunities(into path: String, rng: inout SplitMix, streets: Int = 0) throws {
        var out = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        out.reserveCapacity(communities * 260)
        let maxSide = Int(spacing * 0.66)
        for i in 0..<communities {
            let x0 = Double(i % perRow) * spacing + 10, y0 = Double(i / perRow) * spacing + 10
            let w = Double(rng.int(80, maxSide)), h = Double(rng.int(80, maxSide))
            let ring = [Town.lonLat(x0, y0), Town.lonLat(x0 + w, y0), Town.lonLat(x0 + w, y0 + h), Town.lonLat(x0, y0 + h), Town.lonLat(x0, y0)]
            if i > 0 { out += ",\n" }
            out += "{\"type\":\"Feature\",\"properties\":{\"id\":\"C\(i)\",\"population\":\(rng.int(300, 4000)),\"status\":\"\(rng.unit() < 0.3 ? "new" : "old")\""
            if streets > 0 {
                let per = max(1, Int(Double(perRow) / Double(streets).squareRoot()))
                out += ",\"street\":\"街道\((i % perRow) / per)-\((i / perRow) / per)\""
            }
            out += "},"
            out += "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(ring.joined(separator: ","))]]}}"
        }
        out += "\n]}\n"
        try out.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// Points spread uniformly over the town.
    func writePoints(_ m: Int, into path: String, rng: inout SplitMix, properties: (Int, inout SplitMix) -> String) throws {
        var out = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        for j in 0..<m {
            if j > 0 { out += ",\n" }
            let x = rng.unit() * side, y = rng.unit() * side
            out += "{\"type\":\"Feature\",\"properties\":{\(properties(j, &rng))},\"geometry\":{\"type\":\"Point\",\"coordinates\":\(Town.lonLat(x, y))}}"
        }
        out += "\n]}\n"
        try out.write(toFile: path, atomically: false, encoding: .utf8)
    }
}
