import Foundation

enum NetworkBench {
    /// A 159 × 159 street grid at 100 m (≈ 50,000 edges once noded), 10,000 communities and 1,000
    /// candidates scattered over it, maximal covering at 500 m walking distance.
    static func run(binary: String, work: String) throws -> String {
        var rng = SplitMix(seed: 11)
        let dir = work + "/network"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let n = 159, step = 100.0
        let side = Double(n - 1) * step
        var roads = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        var first = true
        for k in 0..<n {
            let c = Double(k) * step
            // One line per street with a vertex at every crossing, as exported road data has.
            let stops = (0..<n).map { Double($0) * step }
            for coords in [stops.map { Town.lonLat($0, c) }, stops.map { Town.lonLat(c, $0) }] {
                roads += (first ? "" : ",\n") + "{\"type\":\"Feature\",\"properties\":{\"highway\":\"residential\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[\(coords.joined(separator: ","))]}}"
                first = false
            }
        }
        roads += "\n]}\n"
        try roads.write(toFile: dir + "/roads.geojson", atomically: false, encoding: .utf8)
        func points(_ m: Int, _ path: String, _ props: (Int, inout SplitMix) -> String) throws {
            var out = "{\"type\":\"FeatureCollection\",\"features\":[\n"
            for j in 0..<m {
                let x = rng.unit() * side, y = rng.unit() * side
                out += (j == 0 ? "" : ",\n") + "{\"type\":\"Feature\",\"properties\":{\(props(j, &rng))},\"geometry\":{\"type\":\"Point\",\"coordinates\":\(Town.lonLat(x, y))}}"
            }
            try (out + "\n]}\n").write(toFile: path, atomically: false, encoding: .utf8)
        }
        try points(10_000, dir + "/communities.geojson") { j, r in "\"id\":\"C\(j)\",\"population\":\(r.int(300, 4000))" }
        try points(50, dir + "/facilities.geojson") { j, r in "\"id\":\"F\(j)\",\"capacity\":\(r.int(20, 150))" }
        try points(1_000, dir + "/candidates.geojson") { j, r in "\"id\":\"S\(j)\",\"capacity\":\(r.int(30, 120)),\"cost\":\(r.int(50, 400))" }
        let r = try Runner.run(binary, ["site", "--communities", dir + "/communities.geojson", "--facilities", dir + "/facilities.geojson",
                                        "--candidates", dir + "/candidates.geojson", "--distance", "network", "--roads", dir + "/roads.geojson",
                                        "--objective", "coverage", "--p", "100", "--radius", "500", "--quiet", "--json", "--out", dir + "/out"])
        let summary = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let timings = summary["timings_s"] as! [String: Any]
        let solution = summary["solution"] as! [String: Any]
        let notes = (summary["notes"] as? [String] ?? []).first { $0.contains("road graph") } ?? ""
        func t(_ k: String) -> String { String(format: "%.2f", (timings[k] as? Double) ?? 0) }
        let met = r.seconds < 10 ? "< 10 s: met" : "< 10 s: **not met**"
        print("network: \(String(format: "%.2f", r.seconds)) s, \(String(format: "%.0f", r.peakMB)) MB")
        return """
        ## Walking distance along roads (`--distance network`)

        A 159 × 159 grid of streets at 100 m (one line per street with a vertex at each crossing, noded by GEOS: \(notes.components(separatedBy: ": ").last ?? "")),
        10,000 communities and 1,000 candidates (points), 50 facilities, maximal covering p = 100 at 500 m along the roads.

        | total (s) | load (s) | network coverage (s) | solve (s) | peak memory (MB) | gap (%) | target |
        |---:|---:|---:|---:|---:|---:|---|
        | \(String(format: "%.2f", r.seconds)) | \(t("load")) | \(t("coverage")) | \(t("solve")) | \(String(format: "%.0f", r.peakMB)) | \(String(format: "%.4f", solution["gap_percent"] as! Double)) | \(met) |


        """
    }
}
