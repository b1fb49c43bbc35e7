import Foundation

/// Deterministic pseudo-random numbers (SplitMix64): the same instance on every machine.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(_ lo: Int, _ hi: Int) -> Int { lo + Int(next() % UInt64(hi - lo + 1)) }
}

/// Generated towns: metres around 117°E 31°N, written as lon/lat GeoJSON.
enum Generator {
    static let lat0 = 31.0, lon0 = 117.0
    static let mLat = 1 / 110_574.0
    static let mLon = 1 / (111_320.0 * cos(lat0 * .pi / 180))

    static func lonLat(_ x: Double, _ y: Double) -> String {
        String(format: "[%.7f,%.7f]", lon0 + x * mLon, lat0 + y * mLat)
    }

    /// Side of the town in metres for n blocks of 300 m.
    static func side(_ n: Int) -> Double { (Double(n).squareRoot().rounded(.up)) * 300 }

    static func communities(_ n: Int, into path: String, rng: inout SplitMix) throws {
        let perRow = Int(Double(n).squareRoot().rounded(.up))
        var out = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        out.reserveCapacity(n * 260)
        for i in 0..<n {
            let x0 = Double(i % perRow) * 300 + 20, y0 = Double(i / perRow) * 300 + 20
            let w = Double(rng.int(80, 200)), h = Double(rng.int(80, 200))
            let ring = [lonLat(x0, y0), lonLat(x0 + w, y0), lonLat(x0 + w, y0 + h), lonLat(x0, y0 + h), lonLat(x0, y0)]
            if i > 0 { out += ",\n" }
            out += "{\"type\":\"Feature\",\"properties\":{\"id\":\"C\(i)\",\"population\":\(rng.int(300, 4000)),\"status\":\"\(rng.unit() < 0.3 ? "new" : "old")\"},"
            out += "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[\(ring.joined(separator: ","))]]}}"
        }
        out += "\n]}\n"
        try out.write(toFile: path, atomically: false, encoding: .utf8)
        communityCount = n
    }

    nonisolated(unsafe) static var communityCount = 0

    /// Points spread over the town of the last `communities` call.
    static func points(_ m: Int, into path: String, rng: inout SplitMix, properties: (Int, inout SplitMix) -> String) throws {
        let s = side(communityCount)
        var out = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        for j in 0..<m {
            if j > 0 { out += ",\n" }
            let x = rng.unit() * s, y = rng.unit() * s
            out += "{\"type\":\"Feature\",\"properties\":{\(properties(j, &rng))},\"geometry\":{\"type\":\"Point\",\"coordinates\":\(lonLat(x, y))}}"
        }
        out += "\n]}\n"
        try out.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func facilities(_ m: Int, into path: String, rng: inout SplitMix) throws {
        try points(m, into: path, rng: &rng) { j, r in "\"id\":\"F\(j)\",\"capacity\":\(r.int(20, 150))" }
    }
}
