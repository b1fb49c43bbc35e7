import Foundation

/// Siting instances of several structures, in a local metre grid (`--crs local:m`), so that caresite
/// and the HiGHS peer measure exactly the same distances. Communities are points with a population.
enum TownClass: String, CaseIterable {
    /// Communities on a regular grid, candidates uniform: the layout the solver was first tuned on.
    case uniform
    /// A dense old core, sparse new districts around it, candidates clustered on a few idle plots.
    case county
    /// Several centres of different size, communities and candidates around each.
    case polycentric
    /// A town and villages 2–12 km out, with a large radius (rural service).
    case villages

    var radius: Double { self == .villages ? 1500 : 500 }

    struct Point { let x: Double; let y: Double; let weight: Int }

    /// (communities, candidates, existing facilities).
    func make(communities n: Int, candidates m: Int, facilities f: Int, seed: UInt64) -> ([Point], [Point], [Point]) {
        var rng = SplitMix(seed: seed &* 7919 &+ UInt64(TownClass.allCases.firstIndex(of: self)!))
        let side = (Double(n).squareRoot() * 150).rounded()
        switch self {
        case .uniform:
            let perRow = Int(Double(n).squareRoot().rounded(.up))
            let c = (0..<n).map { i in Point(x: Double(i % perRow) * 150 + 10, y: Double(i / perRow) * 150 + 10, weight: rng.int(300, 4000)) }
            return (c, scatter(m, side: side, &rng), scatter(f, side: side, &rng))
        case .county:
            let core = (0..<(n * 2 / 3)).map { _ in gaussian(side / 2, side / 2, side / 10, weight: 800...5000, &rng) }
            let districts = (0..<8).map { _ in (rng.unit() * side, rng.unit() * side) }
            let outer = (core.count..<n).map { k in
                let d = districts[k % districts.count]
                return gaussian(d.0, d.1, side / 25, weight: 100...1500, &rng)
            }
            let plots = (0..<max(5, m / 40)).map { _ in (rng.unit() * side, rng.unit() * side) }
            let cand = (0..<m).map { k in gaussian(plots[k % plots.count].0, plots[k % plots.count].1, side / 30, weight: 1...1, &rng) }
            return (core + outer, cand, (0..<f).map { _ in gaussian(side / 2, side / 2, side / 8, weight: 1...1, &rng) })
        case .polycentric:
            let centres = (0..<6).map { k in (rng.unit() * side, rng.unit() * side, side / Double(8 + 3 * k)) }
            let around = { (count: Int, weight: ClosedRange<Int>, rng: inout SplitMix) -> [Point] in
                (0..<count).map { k in
                    let c = centres[k % centres.count]
                    return gaussian(c.0, c.1, c.2, weight: weight, &rng)
                }
            }
            return (around(n, 300...4000, &rng), around(m, 1...1, &rng), around(f, 1...1, &rng))
        case .villages:
            let centres = [(side / 2, side / 2, side / 12)] + (0..<max(4, n / 60)).map { _ -> (Double, Double, Double) in
                let a = rng.unit() * 2 * .pi, r = 2000 + rng.unit() * 10_000
                return (side / 2 + r * cos(a), side / 2 + r * sin(a), 250)
            }
            let pick = { (k: Int) in k % 3 == 0 ? centres[0] : centres[1 + k % (centres.count - 1)] }
            let c = (0..<n).map { k in gaussian(pick(k).0, pick(k).1, pick(k).2, weight: 50...3000, &rng) }
            let cand = (0..<m).map { k in gaussian(pick(k + 1).0, pick(k + 1).1, pick(k + 1).2 * 2, weight: 1...1, &rng) }
            return (c, cand, (0..<f).map { k in gaussian(pick(k).0, pick(k).1, pick(k).2, weight: 1...1, &rng) })
        }
    }

    private func scatter(_ k: Int, side: Double, _ rng: inout SplitMix) -> [Point] {
        (0..<k).map { _ in Point(x: rng.unit() * side, y: rng.unit() * side, weight: 1) }
    }

    /// A point around (x, y) with standard deviation `s` (Box–Muller).
    private func gaussian(_ x: Double, _ y: Double, _ s: Double, weight: ClosedRange<Int>, _ rng: inout SplitMix) -> Point {
        let u = max(1e-12, rng.unit()), v = rng.unit()
        let r = (-2 * log(u)).squareRoot() * s
        return Point(x: x + r * cos(2 * .pi * v), y: y + r * sin(2 * .pi * v), weight: rng.int(weight.lowerBound, weight.upperBound))
    }

    /// Writes an instance into `dir` (created): communities, candidates and, for even seeds, existing
    /// facilities (one per 200 communities). Returns how many facilities exist.
    func writeInstance(communities n: Int, candidates m: Int, seed: UInt64, dir: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let existing = seed % 2 == 0 ? n / 200 : 0
        let (c, k, f) = make(communities: n, candidates: m, facilities: existing, seed: seed)
        try TownClass.write(c, prefix: "C", dir: dir, role: "communities")
        try TownClass.write(k, prefix: "K", dir: dir, role: "candidates")
        try TownClass.write(f, prefix: "F", dir: dir, role: "facilities")
        return existing
    }

    /// GeoJSON in local metres (caresite reads it with --crs local:m) and the same as CSV for the peer.
    static func write(_ points: [Point], prefix: String, dir: String, role: String) throws {
        var json = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        var csv = "id,x,y,weight\n"
        for (k, p) in points.enumerated() {
            if k > 0 { json += ",\n" }
            let props = role == "communities" ? "\"population\":\(p.weight)" : role == "candidates" ? "\"cost\":1,\"capacity\":100" : "\"capacity\":50"
            json += "{\"type\":\"Feature\",\"properties\":{\"id\":\"\(prefix)\(k)\",\(props)},"
            json += "\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(String(format: "%.3f", p.x)),\(String(format: "%.3f", p.y))]}}"
            csv += "\(prefix)\(k),\(String(format: "%.3f", p.x)),\(String(format: "%.3f", p.y)),\(p.weight)\n"
        }
        try (json + "\n]}\n").write(toFile: "\(dir)/\(role).geojson", atomically: false, encoding: .utf8)
        try csv.write(toFile: "\(dir)/\(role).csv", atomically: false, encoding: .utf8)
    }
}
