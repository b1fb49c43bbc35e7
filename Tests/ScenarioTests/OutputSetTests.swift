import Foundation
import Testing
import GeoKit
@testable import Scenario

/// An output set is written whole or not at all, never over an input, and leaves no debris.
@Suite struct OutputSetTests {
    let fx: Fixture
    init() throws { fx = try Fixture() }

    func listing(_ dir: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }

    @Test func aFailedRunLeavesThePreviousSetAsItWas() throws {
        var options = FlagOptions(inputs: try fx.town(), out: fx.out)
        try FlagRun(options).write()
        let before = try listing(fx.out)
        let summary = try fx.read("summary.json")
        // A site run into the same folder that fails on its candidates writes nothing there.
        var site = SiteOptions(flag: options, candidates: try fx.file("k.csv", "id,cost,WKT\nK1,-3,POINT (500000 3500000)\n"))
        site.p = 1
        #expect(throws: InputError.self) { try SiteRun(site).write() }
        #expect(try listing(fx.out) == before)
        #expect(try fx.read("summary.json") == summary)
        // A run whose output is refused (its --od-matrix-out is an input) is refused before it reads anything.
        options.odMatrixOut = options.inputs.communities
        let error = try #require(throws: InputError.self) { try FlagRun(options).write() }
        #expect(error.message.contains("--od-matrix-out \(options.inputs.communities): is one of the inputs"))
        #expect(try listing(fx.out) == before)
    }

    @Test func leftoversOfKilledRunsAreRemovedAndNoStagingStays() throws {
        try FileManager.default.createDirectory(atPath: fx.out, withIntermediateDirectories: true)
        // A process number that cannot be alive (beyond pid_max).
        for name in [".caresite-staging-99999999", ".tmp-99999999-caresite.gpkg", ".tmp-99999999-caresite.gpkg-journal",
                     "communities.geojson.dat.nosyncab12"] {
            try fx.file("out/" + name, "debris")
        }
        try fx.file("out/notes.txt", "the planner's own file")
        try FlagRun(FlagOptions(inputs: try fx.town(), out: fx.out)).write()
        #expect(try listing(fx.out) == [".caresite-set", "communities.geojson", "notes.txt", "streets.csv", "streets.xlsx", "summary.json"])
    }

    @Test func aNewSetReplacesThePreviousOneWhole() throws {
        let town = try SiteTown()
        try SiteRun(try town.options(.coverage, p: 1)).write()
        #expect(try listing(town.fx.out).contains("sites.geojson"))
        try FlagRun(FlagOptions(inputs: try town.options(.coverage, p: 1).flag.inputs, out: town.fx.out)).write()
        // The site run's files are gone: what is in the folder is one run's set.
        #expect(try listing(town.fx.out) == [".caresite-set", "communities.geojson", "streets.csv", "streets.xlsx", "summary.json"])
    }

    @Test func odMatrixOutIsWrittenWithTheSet() throws {
        var options = FlagOptions(inputs: try fx.town(), out: fx.out)
        options.distance = .network
        options.roads = try fx.file("roads.csv", "id,WKT\nr1,\"LINESTRING (499000 3500000,503000 3500000)\"\n")
        options.odMatrixOut = fx.dir + "/od.csv"
        options.inputs.crs = "EPSG:32650"
        try FlagRun(options).write()
        #expect(try String(contentsOfFile: fx.dir + "/od.csv", encoding: .utf8).hasPrefix("origin_id,destination_id,cost"))
        options.odMatrixOut = fx.dir + "/no-such-folder/od.csv"
        let error = try #require(throws: InputError.self) { try FlagRun(options) }
        #expect(error.message.contains("does not exist"))
    }
}
