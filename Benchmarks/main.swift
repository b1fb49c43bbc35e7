import Foundation
import Siting

// caresite-bench: generated instances run through the release `caresite` as a user would (time and
// peak memory of the process), and the public instances through the solvers (objective against the
// known optimum). Writes docs/benchmarks.md.
// Usage: caresite-bench --caresite BIN --report FILE [--only flag,site,median,network,peer,capacitated,cover-all,peer-large,report,orlib,swain]
//        [--shared DIR] [--python BIN]
//        caresite-bench --generate CLASS:COMMUNITIES:CANDIDATES:SEED --keep DIR   (one class instance, no run)

let args = CommandLine.arguments
let usage = """
    usage: caresite-bench [--caresite BIN] [--report FILE] [--only SECTIONS] [--shared DIR] [--python BIN] [--keep DIR]
           caresite-bench --generate CLASS:COMMUNITIES:CANDIDATES:SEED --keep DIR
    sections: flag,site,median,network,peer,capacitated,cover-all,peer-large,report,orlib,swain
    example: caresite-bench --only median --report /tmp/median.md
    """
// A mistyped flag would otherwise start the whole bench (an hour) and overwrite docs/benchmarks.md.
let known: Set = ["--caresite", "--report", "--only", "--shared", "--keep", "--python", "--generate"]
if args.contains("--help") || args.contains("-h") { print(usage); exit(0) }
for a in args.dropFirst() where a.hasPrefix("-") && !known.contains(a) {
    print("caresite-bench: unknown option \(a)\n\(usage)"); exit(2)
}
func option(_ name: String) -> String? { args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } }
let binary = option("--caresite") ?? ".build/release/caresite"
let reportPath = option("--report") ?? "docs/benchmarks.md"
let only = Set((option("--only") ?? "flag,site,median,network,peer,capacitated,cover-all,report,orlib,swain").split(separator: ",").map(String.init))
let shared = option("--shared") ?? "../shared/benchmarks"
// --keep DIR: leave the generated instances there (to rerun one by hand).
let keep = option("--keep")
// --python BIN: the interpreter with highspy (make bench creates a venv); without it the peer section is left out.
let python = option("--python")
let work = keep ?? NSTemporaryDirectory() + "caresite-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { if keep == nil { try? FileManager.default.removeItem(atPath: work) } }

// --generate: write one class instance into --keep's folder (to study a bench row by hand) and stop.
if let spec = option("--generate") {
    let parts = spec.split(separator: ":").map(String.init)
    guard parts.count == 4, let cls = TownClass(rawValue: parts[0]), let n = Int(parts[1]), let m = Int(parts[2]),
          let seed = UInt64(parts[3]), let keep else {
        print("--generate CLASS:COMMUNITIES:CANDIDATES:SEED needs --keep DIR; classes: \(TownClass.allCases.map(\.rawValue))")
        exit(2)
    }
    let existing = try cls.writeInstance(communities: n, candidates: m, seed: seed, dir: keep)
    print("wrote \(keep): \(n) communities, \(m) candidates, \(existing) facilities, radius \(Int(cls.radius)) m")
    exit(0)
}

var report = """
# Benchmarks

Written by `make bench` (`Benchmarks/main.swift`); do not edit by hand. Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \
\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB. Generated instances run the release `caresite` end to end
(reading GeoJSON, projecting, coverage, solving, writing); memory is the peak resident set of that process.
Public instances run the solver in process; their time includes reading the instance.


"""

if only.contains("flag") { report += try FlagBench.run(binary: binary, work: work) }
if only.contains("site") { report += try SiteBench.run(binary: binary, work: work) }
if only.contains("median") { report += try MedianBench.run(binary: binary, work: work) }
if only.contains("network") { report += try NetworkBench.run(binary: binary, work: work) }
if only.contains("peer") {
    if let python {
        report += try PeerBench.run(binary: binary, python: python, work: work,
                                    sizes: [.init(communities: 1000, candidates: 200), .init(communities: 5000, candidates: 1000)],
                                    seeds: [1, 2])
    } else {
        print("peer: left out (no --python with highspy)")
    }
}
if only.contains("capacitated"), let python {
    report += try PeerBench.capacitated(binary: binary, python: python, work: work)
}
if only.contains("cover-all"), let python {
    report += try PeerBench.coverAll(binary: binary, python: python, work: work)
}
if only.contains("peer-large"), let python {
    report += try PeerBench.run(binary: binary, python: python, work: work,
                                sizes: [.init(communities: 20_000, candidates: 2000),
                                        .init(communities: 100_000, candidates: 10_000)], seeds: [1],
                                title: " at 20,000 × 2,000 and 100,000 × 10,000 (`BENCH_ONLY=peer-large`)", note: """
                                 One seed per class, no existing facilities; the peer is killed 5
                                minutes after it started if it has not stopped by then. Polycentric
                                100,000 × 10,000's LP (1.12 million nonzeros) is beyond what caresite
                                gives the simplex: its bound comes from the first-order LP (PDHG), its
                                answer from a sub-problem around that LP's point and an iterated local
                                search. In the villages at 100,000 × 10,000 (radius 1,500 m, 16.9
                                million coverage pairs) 181 sites reach every community a candidate
                                reaches, which proves the answer with no LP at all.
                                """)
}
if only.contains("report") { report += try ReportBench.run(binary: binary, work: work) }
if only.contains("orlib") { report += try PublicBench.orLibrary(dir: shared + "/orlib-pmed") }
if only.contains("swain") { report += try PublicBench.swain(dir: shared + "/swain55") }

try report.write(toFile: reportPath, atomically: true, encoding: .utf8)
print("wrote \(reportPath)")
