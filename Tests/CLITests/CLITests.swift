import Foundation
import Testing

/// Runs the built `caresite` binary as a user would (`make test` builds it first).
@Suite struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: String {
        let env = ProcessInfo.processInfo.environment["CARESITE_BIN"]
        return env ?? root.appendingPathComponent(".build/debug/caresite").path
    }

    func caresite(_ args: [String]) throws -> CLIResult {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary),
                     "build caresite first (make test does): \(Self.binary)")
        return try runCaresite(args, timeout: 600)
    }

    func tempOut() -> String { NSTemporaryDirectory() + "caresite-tests/cli-\(UUID().uuidString)" }

    @Test func helpHasAnExample() throws {
        let r = try caresite(["flag", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Example:"))
        #expect(r.stdout.contains("--radius"))
        #expect(r.stdout.contains("--places-per-1000"))
    }

    @Test func flagOnTheSample() throws {
        let out = tempOut()
        let r = try caresite(["flag", "--communities", "geodata/sample/communities.geojson",
                              "--facilities", "geodata/sample/facilities.geojson",
                              "--streets", "geodata/sample/streets.geojson", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("caresite flag: 60 communities, 6 facilities"))
        for name in ["communities.geojson", "streets.csv", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name))
        }
        let json = try caresite(["flag", "--communities", "geodata/sample/communities.geojson", "--out", out,
                                 "--json", "--radius-m", "500", "--places-per-1000", "2"])
        #expect(json.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let parameters = summary?["parameters"] as? [String: Any]
        #expect(parameters?["radius_m"] as? Double == 500)
        #expect(parameters?["places_per_1000"] as? Double == 2)
    }

    @Test func badInputExitsNonZeroWithTheFileInTheMessage() throws {
        let r = try caresite(["flag", "--communities", "geodata/sample/nothing-here.geojson", "--out", tempOut()])
        #expect(r.status == 1)
        #expect(r.stderr.contains("caresite: error: geodata/sample/nothing-here.geojson: file not found"))
        let bad = try caresite(["flag", "--communities", "geodata/sample/communities.geojson",
                                "--population-field", "pop", "--out", tempOut()])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("no field \"pop\" (--population-field); the fields are: \"id\", \"name\", \"population\""))
    }
}

extension CLITests {
    @Test func siteOnTheSampleForEveryObjective() throws {
        let sample = ["--communities", "geodata/sample/communities.geojson", "--facilities", "geodata/sample/facilities.geojson",
                      "--candidates", "geodata/sample/candidates.geojson", "--quiet"]
        for objective in [["coverage", "--p", "4", "--curve", "5"], ["cover-all"], ["distance", "--p", "4"],
                          ["capacitated-coverage", "--p", "3"]] {
            let out = tempOut()
            let r = try caresite(["site"] + sample + ["--objective"] + objective + ["--out", out])
            #expect(r.status == 0, "\(objective): \(r.stderr)")
            #expect(r.stdout.contains("caresite site: \(objective[0])"))
            for name in ["sites.geojson", "communities.geojson", "assignments.geojson", "priority.csv", "summary.json"] {
                #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(objective[0]): \(name)")
            }
        }
        let help = try caresite(["site", "--help"])
        #expect(help.stdout.contains("Example:") && help.stdout.contains("--objective"))
        let bad = try caresite(["site"] + sample + ["--p", "99", "--out", tempOut()])
        #expect(bad.status == 1 && bad.stderr.contains("--p 99 is larger than the 25 candidate sites"))
    }
}

extension CLITests {
    @Test func runTheBaselineScenarioAndCompare() throws {
        let a = tempOut(), b = tempOut()
        let r = try caresite(["run", "scenarios/baseline-2025.yaml", "--out", a, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("report: \(a)/report.html"))
        #expect(FileManager.default.fileExists(atPath: a + "/report.html"))
        let r2 = try caresite(["run", "scenarios/budget.yaml", "--out", b, "--quiet"])
        #expect(r2.status == 0, "\(r2.stderr)")
        let c = try caresite(["compare", a, b])
        #expect(c.status == 0 && c.stdout.contains("capacitated-coverage") && c.stdout.contains("sites in both"))
        // --format overrides the scenario's outputs.format: one styled GeoPackage, the report beside it.
        let g = tempOut()
        let gp = try caresite(["run", "scenarios/baseline-2025.yaml", "--out", g, "--format", "gpkg", "--quiet"])
        #expect(gp.status == 0, "\(gp.stderr)")
        #expect(FileManager.default.fileExists(atPath: g + "/caresite.gpkg") && FileManager.default.fileExists(atPath: g + "/report.html"))
        #expect(!FileManager.default.fileExists(atPath: g + "/sites.geojson"))
        let bad = try caresite(["run", "scenarios/nothing.yaml"])
        #expect(bad.status == 1 && bad.stderr.contains("scenarios/nothing.yaml: file not found"))
    }
}

extension CLITests {
    @Test func priorityCheckOnTheDemoTown() throws {
        let out = tempOut()
        let r = try caresite(["priority", "check", "--list", "scenarios/parcels-2026.csv",
                              "--communities", "geodata/town/communities.geojson", "--facilities", "geodata/town/nurseries.geojson",
                              "--candidates", "geodata/town/candidates.geojson", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("caresite priority check: 8 parcels"))
        #expect(FileManager.default.fileExists(atPath: out + "/priority_check.csv"))
        let help = try caresite(["priority", "check", "--help"])
        #expect(help.stdout.contains("Example:"))
    }
}

extension CLITests {
    @Test func perLayerOptionsEncodingsAndWebMapPoints() throws {
        let sample = ["--communities", "geodata/sample/communities.geojson", "--facilities", "geodata/sample/facilities.geojson"]
        let r = try caresite(["flag"] + sample + ["--facilities-crs", "gcj02", "--out", tempOut()])
        #expect(r.status == 0, "\(r.stderr)")
        // Warnings go to stderr, the summary to stdout.
        #expect(r.stderr.contains("caresite: warning: geodata/sample/communities.geojson: 6 communities have no population"))
        #expect(!r.stdout.contains("warning:"))
        #expect(r.stdout.contains("coordinates converted from gcj02 to WGS 84"))
        #expect(r.stdout.contains("Gauss-Kruger zone of the data's centre"))
        let unknown = try caresite(["flag"] + sample + ["--encoding", "NOPE-123", "--out", tempOut()])
        #expect(unknown.status == 1 && unknown.stderr.contains("--encoding NOPE-123: unknown encoding \"NOPE-123\""))
        let crs = try caresite(["flag"] + sample + ["--facilities-crs", "GCJ-03", "--out", tempOut()])
        #expect(crs.status == 1 && crs.stderr.contains("the accepted forms are:"))
        let help = try caresite(["flag", "--help"])
        for option in ["--facilities-crs", "--communities-encoding", "--streets-name-field", "--facilities-x-field"] {
            #expect(help.stdout.contains(option), "\(option)")
        }
        #expect(!help.stdout.contains("--streets-x-field"))
    }
}

extension CLITests {
    /// Files of a folder (not the hidden bookkeeping) with their bytes; summary.json holds timings.
    func contents(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) where !name.hasPrefix(".") && name != "summary.json" {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
        }
        return out
    }

    /// Killed at any moment, by SIGINT or SIGKILL, a run leaves the previous set or the new one whole.
    @Test func aKilledRunLeavesOneWholeSet() throws {
        let a = tempOut(), b = tempOut(), out = tempOut()
        for (scenario, dir) in [("scenarios/baseline-2025.yaml", a), ("scenarios/target-2030.yaml", b), ("scenarios/baseline-2025.yaml", out)] {
            #expect(try caresite(["run", scenario, "--out", dir, "--quiet"]).status == 0)
        }
        let setA = try contents(a), setB = try contents(b)
        #expect(setA != setB)
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        for (delay, sig) in [(0.05, SIGINT), (0.3, SIGINT), (0.7, SIGKILL), (0.2, SIGKILL), (0.9, SIGINT), (1.1, SIGINT), (1.3, SIGINT)] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.binary)
            p.arguments = ["run", "scenarios/target-2030.yaml", "--out", out, "--quiet"]
            p.currentDirectoryURL = Self.root
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            let now = try contents(out)
            #expect(now == setA || now == setB, "after signal \(sig) at \(delay) s")
            if sig == SIGINT, p.terminationReason == .exit {
                #expect(p.terminationStatus == 0 || p.terminationStatus == 130)
                let names = try FileManager.default.contentsOfDirectory(atPath: out)
                #expect(!names.contains { $0.hasPrefix(".caresite-staging-") }, "SIGINT cleans its staging folder")
            }
        }
        // The next run removes whatever a SIGKILL left, and puts its own set in place.
        #expect(try caresite(["run", "scenarios/baseline-2025.yaml", "--out", out, "--quiet"]).status == 0)
        #expect(try contents(out) == setA)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") } == [".caresite-set"])
    }
}

struct CLIResult { let status: Int32; let signalled: Bool; let timedOut: Bool; let stdout: String; let stderr: String }

/// Runs the built binary from the repository's root, killed after `timeout` seconds.
func runCaresite(_ args: [String], timeout: Double) throws -> CLIResult {
    try runProgram(CLITests.binary, args, timeout: timeout)
}

/// Runs a program from the repository's root, killed after `timeout` seconds.
func runProgram(_ path: String, _ args: [String], timeout: Double, environment: [String: String] = [:]) throws -> CLIResult {
    let child = try Spawned(path, args, environment: environment)
    let timedOut = child.wait(timeout: timeout)
    let exit = child.exit ?? (status: -1, signalled: true)
    return CLIResult(status: exit.status, signalled: exit.signalled, timedOut: timedOut, stdout: child.stdout, stderr: child.stderr)
}
