import Foundation

/// report.html at scale: its size and how long headless Chromium takes to open it and draw the map
/// (a screenshot, less the same browser on an empty page). Target (issue #15): 100k communities,
/// under 30 MB, open in under 5 s.
enum ReportBench {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Case { let name: String; let communities: Int; let points: Bool }

    static func run(binary: String, work: String) throws -> String {
        guard let chromium else { return "## report.html in a browser\n\nLeft out: no Chromium on this machine.\n\n" }
        var out = """
        ## report.html in a browser (interactive map)

        `caresite run` of a scenario (coverage, p = 200 of 2,000 candidates, curve to 5), then headless Chromium opens
        report.html and takes a screenshot once the map is drawn. Open time = that screenshot's wall time less the same
        browser's on an empty page (start-up), best of 2; "map ready" is the page's own clock from navigation to the first
        frame of the drawn map. Target: 100k communities, < 30 MB, open < 5 s.

        | instance | communities | run (s) | report.html (MB) | open in Chromium (s) | map ready (s, page clock) | features drawn | errors | target |
        |---|---:|---:|---:|---:|---:|---:|---|---|

        """
        let blank = work + "/blank.html"
        try "<!DOCTYPE html><html><body></body></html>".write(toFile: blank, atomically: true, encoding: .utf8)
        let start = try (0..<2).map { _ in try browse(chromium, blank, work) }.min() ?? 0
        for c in [Case(name: "uniform grid, polygons, lon/lat", communities: 10_000, points: false),
                  Case(name: "uniform grid, polygons, lon/lat", communities: 100_000, points: false),
                  Case(name: "county town, points, local grid", communities: 100_000, points: true)] {
            let dir = work + "/report-\(c.communities)-\(c.points ? "points" : "polygons")"
            let scenario = try generate(c, dir: dir)
            let r = try Runner.run(binary, ["run", scenario, "--out", dir + "/out", "--quiet"])
            let html = dir + "/out/report.html"
            let mb = Double((try FileManager.default.attributesOfItem(atPath: html)[.size] as? Int) ?? 0) / 1_048_576
            let open = try (0..<2).map { _ in try browse(chromium, html, work) }.min().map { max(0, $0 - start) } ?? 0
            let status = try dump(chromium, html)
            let met = c.communities < 100_000 ? "" : (mb < 30 && open < 5 ? "< 30 MB, < 5 s: met" : "< 30 MB, < 5 s: **not met**")
            out += "| \(c.name) | \(c.communities) | \(String(format: "%.1f", r.seconds)) | \(String(format: "%.1f", mb)) | "
            out += "\(String(format: "%.2f", open)) | \(status.ready) | \(status.features) | \(status.errors) | \(met) |\n"
            print("report \(c.name) \(c.communities): \(String(format: "%.1f", mb)) MB, open \(String(format: "%.2f", open)) s")
        }
        return out + "\nBrowser start-up on an empty page: \(String(format: "%.2f", start)) s (subtracted).\n\n"
    }

    private static func generate(_ c: Case, dir: String) throws -> String {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var rng = SplitMix(seed: 15)
        var crs = ""
        if c.points {
            let (communities, candidates, facilities) = TownClass.county.make(communities: c.communities, candidates: 2000, facilities: 200, seed: 1)
            try TownClass.write(communities, prefix: "C", dir: dir, role: "communities")
            try TownClass.write(candidates, prefix: "K", dir: dir, role: "candidates")
            try TownClass.write(facilities, prefix: "F", dir: dir, role: "facilities")
            crs = "crs: {input: local:m}\n"
        } else {
            let town = Town(communities: c.communities, spacing: 200)
            try town.writeCommunities(into: dir + "/communities.geojson", rng: &rng, streets: 30)
            try town.writePoints(200, into: dir + "/facilities.geojson", rng: &rng) { j, r in "\"id\":\"F\(j)\",\"capacity\":\(r.int(20, 150))" }
            try town.writePoints(2000, into: dir + "/candidates.geojson", rng: &rng) { j, r in "\"id\":\"S\(j)\",\"capacity\":\(r.int(30, 120))" }
        }
        let path = dir + "/scenario.yaml"
        try """
        name: report bench
        language: zh
        \(crs)inputs: {communities: communities.geojson, facilities: facilities.geojson, candidates: candidates.geojson}
        standard: {radius_m: 500}
        objective: {type: coverage, p: 200, curve: 5, time_limit_s: 30}

        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Seconds for Chromium to open `page` and screenshot it.
    private static func browse(_ chromium: String, _ page: String, _ work: String) throws -> Double {
        try Runner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                                  "--screenshot=\(work)/shot.png", "file://\(page)"]).seconds
    }

    /// What the page says it drew, and its errors.
    private static func dump(_ chromium: String, _ page: String) throws -> (features: String, ready: String, errors: String) {
        let r = try Runner.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=60000", "--dump-dom", "file://\(page)"])
        let tag = r.stdout.firstMatch(of: /<div id="map-status"[^>]*>/).map { String($0.0) } ?? ""
        let features = tag.firstMatch(of: /data-features="([0-9]+)"/).map { String($0.1) } ?? "none"
        let errors = tag.firstMatch(of: /data-errors="([^"]*)"/).map { String($0.1).replacingOccurrences(of: "&quot;", with: "\"") } ?? "?"
        let ms = tag.firstMatch(of: /data-ready-ms="([0-9]+)"/).flatMap { Double(String($0.1)) }
        return (features, ms.map { String(format: "%.2f", $0 / 1000) } ?? "?", errors == "[]" ? "none" : errors)
    }
}
