import Foundation

/// caresite-fuzz: runs the caresite binary on mutations of the sample inputs and options for a while,
/// and fails on a crash (a signal, or an exit code of 128 and more), a hang, an input modified or an
/// output set left half written. What did it is kept in the failures folder, with the command.
///
///   caresite-fuzz --caresite .build/debug/caresite --seconds 60 --seed 1 --failures fuzz-failures
struct FuzzOptions {
    var caresite = ".build/debug/caresite"
    var seconds = 60.0
    var seed: UInt64 = 1
    var failures = "fuzz-failures"
    var timeout = 20.0

    init(_ args: [String]) {
        var i = 1
        while i + 1 < args.count {
            let v = args[i + 1]
            switch args[i] {
            case "--caresite": caresite = v
            case "--seconds": seconds = Double(v) ?? seconds
            case "--seed": seed = UInt64(v) ?? seed
            case "--failures": failures = v
            case "--timeout": timeout = Double(v) ?? timeout
            default: FileHandle.standardError.write(Data("caresite-fuzz: unknown option \(args[i])\n".utf8)); exit(2)
            }
            i += 2
        }
    }
}

let options = FuzzOptions(CommandLine.arguments)
var rng = SplitMix(state: options.seed)
let work = NSTemporaryDirectory() + "caresite-fuzz-\(getpid())"
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }
let seeds = ["communities": "geodata/sample/communities.geojson", "facilities": "geodata/sample/facilities.geojson",
             "candidates": "geodata/sample/candidates.geojson", "streets": "geodata/sample/streets.geojson"]
let originals = try seeds.mapValues { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
let start = Date()
var runs = 0, failures: [String] = []
while Date().timeIntervalSince(start) < options.seconds {
    runs += 1
    let trial = Trial.make(&rng, originals: originals, dir: work + "/\(runs)")
    if let problem = try trial.run(options.caresite, timeout: options.timeout) {
        failures.append(problem)
        try trial.keep(in: options.failures + "/\(options.seed)-\(runs)", problem: problem)
        FileHandle.standardError.write(Data("caresite-fuzz: \(problem) (kept in \(options.failures)/\(options.seed)-\(runs))\n".utf8))
    }
    try? FileManager.default.removeItem(atPath: work + "/\(runs)")
}
print("caresite-fuzz: \(runs) runs in \(Int(Date().timeIntervalSince(start))) s, seed \(options.seed): \(failures.count) crash(es), hang(s) or damage")
print("\(runs - failures.count) passed, \(failures.count) failed")
exit(failures.isEmpty ? 0 : 1)
