import Foundation

// caresite-bench: generates instances, runs the release `caresite` on them as a user would, and writes
// time and peak memory to docs/benchmarks.md. Usage: caresite-bench --caresite BIN --report FILE [--quick]

let args = CommandLine.arguments
func option(_ name: String) -> String? { args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } }
let binary = option("--caresite") ?? ".build/release/caresite"
let reportPath = option("--report") ?? "docs/benchmarks.md"
let quick = args.contains("--quick")
let work = NSTemporaryDirectory() + "caresite-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }

var report = """
# Benchmarks

Written by `make bench` (`Benchmarks/main.swift`); do not edit by hand. Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \
\(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB. Times are wall-clock for the whole command
(reading, projecting, computing, writing); memory is the peak resident set of the process.


"""

var rng = SplitMix(seed: 42)

// MARK: flag

report += "## `caresite flag`\n\n| instance | communities | facilities | time (s) | peak memory (MB) | target |\n|---|---:|---:|---:|---:|---|\n"
let flagSizes = quick ? [(10_000, 200)] : [(10_000, 200), (100_000, 2_000)]
for (n, m) in flagSizes {
    let dir = work + "/flag-\(n)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try Generator.communities(n, into: dir + "/communities.geojson", rng: &rng)
    try Generator.facilities(m, into: dir + "/facilities.geojson", rng: &rng)
    let r = try Runner.run(binary, ["flag", "--communities", dir + "/communities.geojson",
                                    "--facilities", dir + "/facilities.geojson", "--out", dir + "/out"])
    let target = n == 100_000 ? (r.seconds < 10 && r.peakMB < 1024 ? "< 10 s, < 1 GB: met" : "< 10 s, < 1 GB: NOT met") : ""
    report += "| generated | \(n) | \(m) | \(String(format: "%.2f", r.seconds)) | \(String(format: "%.0f", r.peakMB)) | \(target) |\n"
    print("flag \(n) × \(m): \(String(format: "%.2f", r.seconds)) s, \(String(format: "%.0f", r.peakMB)) MB")
}
report += "\nGenerated instance: square blocks of 80–200 m in a town of √n × 300 m blocks around 117°E 31°N, population 300–4,000, capacities 20–150 places.\n"

try report.write(toFile: reportPath, atomically: true, encoding: .utf8)
print("wrote \(reportPath)")
