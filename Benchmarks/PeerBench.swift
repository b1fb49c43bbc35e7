import Foundation

/// caresite against a direct sparse MIP of the same model solved by HiGHS, one after the other on the
/// same instance, on several town structures and seeds (issue #13). Both read the same points in a
/// local metre grid; caresite is run as a user would (reading, coverage, solving, writing), the peer's
/// time is model building and solving.
enum PeerBench {
    struct Size { let communities: Int; let candidates: Int }

    static func run(binary: String, python: String, work: String, sizes: [Size], seeds: [UInt64],
                    title: String = "", note: String = "") throws -> String {
        var out = """
        ## Maximal covering against a direct HiGHS model\(title)

        Objective and bound as each tool reports them (population covered, existing facilities included); both
        asked for the proven optimum (caresite `--gap-tolerance 0`, HiGHS `mip_rel_gap` 1e-6), 60 s each.
        caresite's time is the whole command (process start — about 0.1 s, mostly loading GDAL's 131 shared
        libraries —, reading GeoJSON, coverage, solving, writing every output); HiGHS's is building and solving
        its model in Python after reading a CSV (Python's own start not counted). Runs of 0.1 s vary by ±50 %
        between runs on this machine. Ratio = HiGHS time / caresite time (above 1: caresite faster). "HiGHS process"
        is the peer's whole process as a user would run it (Python's start, importing highspy and numpy,
        reading the CSVs, finding the coverage rows, building, solving), the measure that matches caresite's;
        "ratio, processes" divides that by caresite's time. Gap = how far caresite's answer is below the
        better of the two bounds.\(note)

        \(tableHead)

        """
        for cls in TownClass.allCases {
            for size in sizes {
                for seed in seeds {
                    out += try row(cls, size, seed: seed, binary: binary, python: python, work: work) + "\n"
                }
            }
        }
        return out + "\n"
    }

    /// Capacitated coverage (candidates 100 places, existing facilities 50, 4.5 places per 1,000) against
    /// the same strong MIP in HiGHS, 60 s each.
    static func capacitated(binary: String, python: String, work: String) throws -> String {
        var out = """
        ## Capacitated coverage against a direct HiGHS model

        Required places assigned (existing facilities included; candidates 100 places, facilities 50, 4.5 places per
        1,000); same limits and columns as above; 20,000 × 2,000 at p = 100 is the issue's target case (gap ≤ 0.5 %
        in ≤ 30 s). Where the new sites fill up, caresite proves it at once by its first bound (what the existing
        facilities can take on their own plus the best p sites' places within reach); county 5,000 × 1,000 is the
        case the LP and its branch and bound work on.

        \(tableHead)

        """
        // p = candidates / 10, and 100 on 20,000 × 2,000 (the issue's target case).
        let cases: [(TownClass, Size, UInt64, Int?)] = [
            (.county, .init(communities: 5000, candidates: 1000), 2, nil), (.villages, .init(communities: 5000, candidates: 1000), 2, nil),
            (.polycentric, .init(communities: 5000, candidates: 1000), 1, nil), (.uniform, .init(communities: 20000, candidates: 2000), 2, 100),
            (.county, .init(communities: 20000, candidates: 2000), 1, 100), (.polycentric, .init(communities: 20000, candidates: 2000), 2, 100),
        ]
        for (cls, size, seed, p) in cases {
            out += try row(cls, size, seed: seed, binary: binary, python: python, work: work, model: .capacitated, fixedP: p) + "\n"
        }
        return out + "\n"
    }

    /// What both tools solve in a row: the objective, caresite's arguments for it, the peer script's.
    enum Model {
        case coverage, capacitated, coverAll

        var maximises: Bool { self != .coverAll }

        func caresiteArgs(p: Int) -> [String] {
            switch self {
            case .coverage: return ["--objective", "coverage", "--p", "\(p)"]
            case .capacitated: return ["--objective", "capacitated-coverage", "--p", "\(p)"]
            case .coverAll: return ["--objective", "cover-all"]
            }
        }

        func peerArgs(dir: String, radius: Double, p: Int) -> [String] {
            switch self {
            case .coverage: return [PeerBench.script, dir, "\(radius)", "\(p)", "60"]
            case .capacitated: return [PeerBench.capacitatedScript, dir, "\(radius)", "\(p)", "60", "100", "50"]
            case .coverAll: return [PeerBench.setCoverScript, dir, "\(radius)", "60"]
            }
        }
    }

    /// Cover-all (the fewest new sites reaching everyone a candidate reaches) against the same set
    /// covering MIP in HiGHS, on every class at both sizes, 60 s each; five seeds at 5,000 × 1,000,
    /// where one seed can take ten times another (uniform: HiGHS 4.8–49.7 s).
    static func coverAll(binary: String, python: String, work: String) throws -> String {
        var out = """
        ## Cover-all (set covering) against a direct HiGHS model

        New sites (existing facilities' communities left out, like those no candidate reaches); identical rows
        merged in both; same limits and columns as the maximal covering table; no p. Gap = how far caresite's
        answer is above the better of the two bounds.

        \(tableHead)

        """
        for cls in TownClass.allCases {
            for size in [Size(communities: 1000, candidates: 200), Size(communities: 5000, candidates: 1000)] {
                for seed: UInt64 in size.communities < 5000 ? [1, 2] : [1, 2, 3, 4, 5] {
                    out += try row(cls, size, seed: seed, binary: binary, python: python, work: work, model: .coverAll) + "\n"
                }
            }
        }
        return out + "\n"
    }

    static func row(_ cls: TownClass, _ size: Size, seed: UInt64, binary: String, python: String, work: String,
                    model: Model = .coverage, fixedP: Int? = nil) throws -> String {
        let dir = work + "/peer-\(cls.rawValue)-\(size.communities)-\(seed)"
        let existing = try cls.writeInstance(communities: size.communities, candidates: size.candidates, seed: seed, dir: dir)
        let p = fixedP ?? max(1, size.candidates / 10)
        var args = ["site", "--communities", dir + "/communities.geojson", "--candidates", dir + "/candidates.geojson",
                    "--crs", "local:m"] + model.caresiteArgs(p: p) + ["--radius", "\(Int(cls.radius))",
                    "--gap-tolerance", "0", "--time-limit", "60", "--quiet", "--json", "--out", dir + "/out"]
        if existing > 0 { args += ["--facilities", dir + "/facilities.geojson"] }
        var ours = Runner.Result(seconds: .nan, peakMB: .nan, stdout: "")
        do { ours = try Runner.run(binary, args) } catch { print("caresite: \(error)") }
        // A tool that fails or prints no answer gives a row of "-", not the end of the whole bench.
        let summary = (try? JSONSerialization.jsonObject(with: Data(ours.stdout.utf8))) as? [String: Any]
        let solution = summary?["solution"] as? [String: Any]
        let (obj, bound) = ((solution?["objective"] as? Double) ?? .nan, (solution?["bound"] as? Double) ?? .nan)
        let stop = ((solution?["stop_reason"] as? String) ?? "?").replacingOccurrences(of: "_", with: " ")
        // The peer gets its 60 s and its model building; one that has not stopped after 5 minutes is a row of "-".
        var peer = Runner.Result(seconds: .nan, peakMB: .nan, stdout: "")
        var peerStatus = "?"
        do { peer = try Runner.run(python, model.peerArgs(dir: dir, radius: cls.radius, p: p), timeout: 300) } catch {
            print("peer: \(error)")
            peerStatus = error is Killed ? "killed at 300 s: did not stop" : "failed"
        }
        // HiGHS prints its banner before the options take effect: the answer is the last line.
        let answer = peer.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let highs = (try? JSONSerialization.jsonObject(with: Data(answer.utf8))) as? [String: Any]
        let (hObj, hBound) = ((highs?["objective"] as? Double) ?? .nan, (highs?["bound"] as? Double) ?? .nan)
        let hSeconds = (highs?["seconds"] as? Double) ?? peer.seconds
        // How far caresite's answer is from the better of the two bounds, in the objective's sense.
        let best = model.maximises ? min(bound, hBound) : max(bound, hBound)
        let gap = best > 0 ? max(0, model.maximises ? best - obj : obj - best) / best * 100 : 0
        print("peer \(cls.rawValue) \(size.communities)×\(size.candidates) seed \(seed): caresite \(obj) in \(String(format: "%.2f", ours.seconds)) s, HiGHS \(hObj) in \(String(format: "%.2f", hSeconds)) s")
        let f0 = { (v: Double) in v.isFinite ? String(format: model == .capacitated ? "%.1f" : "%.0f", v) : "-" }
        let f2 = { (v: Double) in v.isFinite ? String(format: "%.2f", v) : "-" }
        return "| \(cls.rawValue) (seed \(seed)) | \(size.communities) × \(size.candidates) | \(model == .coverAll ? "-" : "\(p)") | \(existing) | \(f0(obj)) | \(f0(bound)) | "
            + "\(f2(ours.seconds)) | \(stop) | \(f0(hObj)) | \(f0(hBound)) | \(f2(hSeconds)) | \(f2(peer.seconds)) | "
            + "\((highs?["status"] as? String) ?? peerStatus) | \(f2(hSeconds / max(ours.seconds, 1e-9))) | "
            + "\(f2(peer.seconds / max(ours.seconds, 1e-9))) | " + String(format: "%.4f %%", gap) + " |"
    }

    /// The columns of both peer tables.
    static let tableHead = """
        | class | communities × candidates | p | existing | caresite objective | bound | time (s) | stop | HiGHS objective | bound | time (s) | HiGHS process (s) | status | ratio | ratio, processes | caresite gap |
        |---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|
        """

    /// The peer script, beside this file in the repository.
    static let script = "Benchmarks/peer/highs_coverage.py"
    static let capacitatedScript = "Benchmarks/peer/highs_capacitated.py"
    static let setCoverScript = "Benchmarks/peer/highs_setcover.py"
}
