import Foundation
import GeoKit
import Testing

/// Runs the bad-input corpus through the built binary: the exit code and a word of the message as
/// expected, no crash, no hang, no input touched, and nothing written by a run that fails.
@Suite struct BadInputCorpusTests {
    static let timeoutSeconds = 60.0

    @Test func theCorpusCoversEnough() {
        #expect(BadInputCorpus.all.count >= 150)
        #expect(Set(BadInputCorpus.all.map(\.name)).count == BadInputCorpus.all.count, "case names are unique")
    }

    @Test(arguments: BadInputCorpus.all)
    func badInput(_ c: BadInputCase) throws {
        try #require(FileManager.default.isExecutableFile(atPath: CLITests.binary), "build caresite first (make test does)")
        let out = NSTemporaryDirectory() + "caresite-tests/corpus-out-\(UUID().uuidString)"
        let args = c.args.map { $0 == BadInputCorpus.out ? out : $0 }
        let inputs = args.filter { isRegularFile($0) }
        let before = try inputs.map { try SHA256.hex(ofFile: $0) }
        let corpusListing = try listing(BadInputCorpus.dir)
        let r = try runCaresite(args, timeout: Self.timeoutSeconds)
        let said = r.stdout + r.stderr
        #expect(!r.timedOut, "hang: \(c.name)")
        #expect(r.status < 128 && !r.signalled, "crash (\(r.status)): \(c.name): \(said)")
        #expect(r.status == c.exit, "\(c.name): exit \(r.status), said: \(said)")
        #expect(said.contains(c.word), "\(c.name): \(said)")
        #expect(try inputs.map { try SHA256.hex(ofFile: $0) } == before, "an input was modified: \(c.name)")
        #expect(try listing(BadInputCorpus.dir) == corpusListing, "something was written among the inputs: \(c.name)")
        let written = (try? listing(out)) ?? []
        if c.exit != 0 {
            #expect(written.filter { !$0.hasPrefix(".") }.isEmpty, "a failed run left \(written): \(c.name)")
        } else {
            #expect(written.contains("summary.json") || written.contains("priority_check_summary.json"), "\(c.name): \(written)")
        }
        #expect(!written.contains { $0.hasPrefix(".caresite-staging-") }, "staging left behind: \(c.name)")
        try? FileManager.default.removeItem(atPath: out)
    }

    func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    func listing(_ dir: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir).sorted() }
}
