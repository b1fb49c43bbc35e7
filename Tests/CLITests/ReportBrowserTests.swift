import Foundation
import Testing

/// report.html opened in a real browser (headless Chromium, installed by `make test`): the map draws
/// every feature of the run without a console error, in both views, and a screenshot is saved.
@Suite struct ReportBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let leafletInstalled = FileManager.default.fileExists(atPath: "/usr/share/javascript/leaflet/leaflet.js")
        || ProcessInfo.processInfo.environment["CARESITE_LEAFLET_DIR"] != nil

    /// The page's own record of what it drew (#map-status), read from the DOM after its scripts ran.
    func status(_ report: String, view: String = "", screenshot: String? = nil) throws -> [String: String] {
        let browser = try #require(Self.chromium)
        var args = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--virtual-time-budget=15000"]
        args += screenshot.map { ["--window-size=1280,1100", "--screenshot=\($0)"] } ?? ["--dump-dom"]
        let r = try runProgram(browser, args + ["file://\(report)\(view)"], timeout: 180)
        #expect(r.status == 0 && !r.timedOut, "chromium: \(r.stderr.suffix(2000))")
        guard screenshot == nil else { return [:] }
        let tag = try #require(r.stdout.firstMatch(of: /<div id="map-status"[^>]*>/).map { String($0.0) }, "no #map-status in the page")
        var out: [String: String] = [:]
        for m in tag.matches(of: /data-([a-z-]+)="([^"]*)"/) {
            out[String(m.1)] = String(m.2).replacingOccurrences(of: "&quot;", with: "\"")
        }
        return out
    }

    func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test(.enabled(if: chromium != nil && leafletInstalled,
                   "skipped: headless Chromium or Leaflet is not installed here (make test installs chromium and libjs-leaflet)"))
    func theReportMapDrawsEveryFeatureWithoutErrors() throws {
        let out = NSTemporaryDirectory() + "caresite-tests/browser-\(UUID().uuidString)"
        let r = try runCaresite(["run", "scenarios/baseline-2025.yaml", "--out", out, "--quiet"], timeout: 600)
        try #require(r.status == 0, "\(r.stderr)")
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        let number = { (key: String) in Int(summary.firstMatch(of: try! Regex("\"\(key)\": ([0-9]+)"))?.output[1].substring ?? "") }
        let excluded = try String(contentsOfFile: out + "/excluded_candidates.geojson", encoding: .utf8)
        let assignments = try String(contentsOfFile: out + "/assignments.geojson", encoding: .utf8)
        let streets = try String(contentsOfFile: out + "/streets.csv", encoding: .utf8).components(separatedBy: .newlines).dropFirst().filter { !$0.isEmpty }

        let after = try status(out + "/report.html")
        #expect(after["errors"] == "[]")
        let counts = try #require(after["counts"])
        let expected: [(String, Int?)] = [
            ("communities", number("communities")), ("facilities", number("facilities")),
            ("sites", number("sites_chosen")), ("circles", number("sites_chosen")),
            ("excluded", count(excluded, "\"type\":\"Feature\"")), ("links", count(assignments, "\"facility_type\":\"new\"")),
            ("streets", streets.filter { !$0.hasPrefix("(unknown)") }.count),
        ]
        for (layer, n) in expected {
            let shown = counts.firstMatch(of: try Regex("\"\(layer)\":([0-9]+)")).map { String($0.output[1].substring ?? "") }
            #expect(shown == n.map(String.init), "\(layer): the map drew \(shown ?? "none"), the run has \(n.map(String.init) ?? "?")")
        }
        #expect(Int(after["ready-ms"] ?? "") != nil)
        #expect(after["probe"] == "0", "a click in the middle of the first community finds it")

        let before = try status(out + "/report.html", view: "#before")
        #expect(before["errors"] == "[]" && before["mode"] == "before")

        let shot = CLITests.root.appendingPathComponent(".build/test-artifacts/report-map.png").path
        try FileManager.default.createDirectory(atPath: (shot as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: shot)
        _ = try status(out + "/report.html", screenshot: shot)
        let size = (try FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
        #expect(size > 20_000, "screenshot \(shot): \(size) bytes")
    }

    /// Without Leaflet the run goes on with static maps and says so loudly.
    @Test func withoutLeafletTheReportHasStaticMapsAndTheRunWarns() throws {
        let out = NSTemporaryDirectory() + "caresite-tests/no-leaflet-\(UUID().uuidString)"
        let r = try runProgram(CLITests.binary, ["run", "scenarios/baseline-2025.yaml", "--out", out, "--quiet"], timeout: 600,
                               environment: ["CARESITE_LEAFLET_DIR": "/nonexistent/leaflet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Leaflet is not installed (/nonexistent/leaflet/leaflet.js)"))
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(report.contains("<svg") && !report.contains("<script"))
        #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8).contains("Leaflet is not installed"))
    }
}
