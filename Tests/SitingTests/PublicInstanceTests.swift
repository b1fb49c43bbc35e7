import Foundation
import Testing
@testable import Siting

/// The public instances in ../shared/benchmarks (skipped when the folder is absent).
enum Shared {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/benchmarks").path
    static var present: Bool { FileManager.default.fileExists(atPath: dir + "/swain55/swain.txt") }
}

@Suite(.enabled(if: Shared.present, "../shared/benchmarks is absent"))
struct PublicInstanceTests {
    @Test func swainMaximalCoveringAtTheKnownOptima() throws {
        let nodes = try PublicInstances.swain(Shared.dir + "/swain55/swain.txt")
        #expect(nodes.count == 55 && nodes.reduce(0) { $0 + $1.demand } == 640)
        // The published value: radius 10, p = 5 covers 609.
        #expect(PublicInstances.swainCovering(nodes, radius: 10, p: 5).solve().objective == 609)
        let rows = try String(contentsOfFile: Shared.dir + "/swain55/swain_mclp_computed.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        for f in rows where Int(f[1])! % 3 == 1 {
            let s = PublicInstances.swainCovering(nodes, radius: Double(f[0])!, p: Int(f[1])!).solve()
            #expect(s.objective == Double(f[2])!, "S=\(f[0]) p=\(f[1])")
            #expect(s.proven)
        }
    }

    @Test func swainSetCovering() throws {
        let nodes = try PublicInstances.swain(Shared.dir + "/swain55/swain.txt")
        // Published: everyone within 15 needs 5 sites.
        let s = SetCoveringProblem(sets: PublicInstances.swainCovering(nodes, radius: 15, p: 1).sets).solve()
        #expect(s.objective == 5 && s.proven)
    }

    @Test(arguments: 1...5)
    func orLibraryAtThePublishedOptimum(k: Int) throws {
        let optima = try PublicInstances.orLibraryOptima(Shared.dir + "/orlib-pmed/pmed_index.csv")
        let problem = try PublicInstances.orLibrary(Shared.dir + "/orlib-pmed/pmed\(k).txt")
        let s = problem.solve(SolverOptions(timeLimit: 30))
        #expect(s.objective == optima["pmed\(k)"])
        #expect(s.bound <= s.objective)
    }
}

/// The OR-Library reader on files made here: shortest paths, and errors (not traps) on bad files.
@Suite struct ORLibraryReaderTests {
    private func read(_ text: String) throws -> PMedianProblem {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pmed-\(UUID().uuidString).txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try PublicInstances.orLibrary(path)
    }

    /// A path 1–2–3 (costs 2 and 3) and a dearer direct edge 1–3 (9): 1 to 3 is 5 along the path.
    @Test func distancesAreShortestPaths() throws {
        let problem = try read("3 3 1\n1 2 2\n2 3 3\n1 3 9\n")
        let s = problem.solve()
        #expect(s.chosen == [1] && s.objective == 5)
    }

    @Test(arguments: ["3 1 1\n1 4 2\n", "3 2 1\n1 2 2\n", "0 0 1\n", "2 1 1\n1 2 -3\n", "2 1 1\n1 2 x\n",
                      "2 9223372036854775807 1\n1 2 3\n", "100000 0 1\n"])
    func badFilesAreErrors(text: String) {
        #expect(throws: (any Error).self) { try read(text) }
    }
}
