import Foundation
import Siting

enum PublicBench {
    static func orLibrary(dir: String) throws -> String {
        var out = "## OR-Library p-median (pmed1–40)\n\n"
        guard FileManager.default.fileExists(atPath: dir + "/pmed_index.csv") else {
            return out + "Skipped: \(dir) not found.\n\n"
        }
        let optima = try PublicInstances.orLibraryOptima(dir + "/pmed_index.csv")
        out += "Shortest paths (last listing of a duplicate edge wins), every node a demand and a candidate. The solver's time limit is 4.5 s less the time reading the instance took (a run ends the node or step under way, a few tenths of a second past its limit), so that reading and solving stay under 5 s.\n\n"
        out += "| instance | n | p | objective | optimum | at optimum | bound | gap (%) | proven | nodes | time (s) |\n|---|---:|---:|---:|---:|---|---:|---:|---|---:|---:|\n"
        var atOptimum = 0, proven = 0, worstGap = 0.0, worstTime = 0.0, within = 0
        for k in 1...40 {
            let start = Date()
            let problem = try PublicInstances.orLibrary(dir + "/pmed\(k).txt")
            let s = problem.solve(SolverOptions(timeLimit: max(0.5, 4.5 - Date().timeIntervalSince(start))))
            let seconds = Date().timeIntervalSince(start)
            let opt = optima["pmed\(k)"] ?? .nan
            let hit = s.objective == opt
            let offBy = (s.objective - opt) / opt * 100
            if hit { atOptimum += 1 }
            if offBy <= 0.1 { within += 1 }
            if s.proven { proven += 1 }
            worstGap = max(worstGap, s.gapPercent)
            worstTime = max(worstTime, seconds)
            out += "| pmed\(k) | \(problem.weights.count) | \(problem.p) | \(Int(s.objective)) | \(Int(opt)) | \(hit ? "yes" : "no (+\(String(format: "%.3f", offBy)) %)") | "
            out += "\(String(format: "%.1f", s.bound)) | \(String(format: "%.3f", s.gapPercent)) | \(s.proven) | \(s.nodes) | \(String(format: "%.2f", seconds)) |\n"
            print("pmed\(k): \(Int(s.objective)) vs \(Int(opt)) proven \(s.proven) \(String(format: "%.2f", seconds)) s")
        }
        out += "\nAt the published optimum: **\(atOptimum)/40** (target ≥ 38); within 0.1 %: \(within)/40; optimality proven: \(proven)/40; "
        out += "largest certified gap \(String(format: "%.3f", worstGap)) %; slowest \(String(format: "%.2f", worstTime)) s (target < 5 s).\n\n"
        return out
    }

    static func swain(dir: String) throws -> String {
        var out = "## Swain 55 nodes\n\n"
        guard FileManager.default.fileExists(atPath: dir + "/swain.txt") else { return out + "Skipped: \(dir) not found.\n\n" }
        let nodes = try PublicInstances.swain(dir + "/swain.txt")
        var rows: [(String, Double, Double, Bool, Double)] = []
        let start = Date()
        for line in try String(contentsOfFile: dir + "/swain_mclp_computed.csv", encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            guard f.count >= 3, let s = Double(f[0]), let p = Int(f[1]), let want = Double(f[2]) else { continue }
            let t0 = Date()
            let sol = PublicInstances.swainCovering(nodes, radius: s, p: p).solve(SolverOptions(timeLimit: 10))
            rows.append(("maximal covering S=\(Int(s)) p=\(p)", sol.objective, want, sol.proven, Date().timeIntervalSince(t0)))
        }
        for line in try String(contentsOfFile: dir + "/swain_other_computed.csv", encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            guard f.count >= 3, let want = Double(f[2]) else { continue }
            let t0 = Date()
            if f[0] == "LSCP_min_facilities", let s = Double(f[1].dropFirst(2)) {
                let sol = SetCoveringProblem(sets: PublicInstances.swainCovering(nodes, radius: s, p: 1).sets).solve(SolverOptions(timeLimit: 10))
                rows.append(("set covering S=\(Int(s))", sol.objective, want, sol.proven, Date().timeIntervalSince(t0)))
            } else if f[0] == "pmedian_weighted_sum", let p = Int(f[1].dropFirst(2)) {
                let lists = DistanceLists.dense(demands: nodes.count, candidates: nodes.count) { i, j in
                    let dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y
                    return (dx * dx + dy * dy).squareRoot()
                }
                let sol = PMedianProblem(weights: nodes.map(\.demand), distances: lists, p: p).solve(SolverOptions(timeLimit: 10))
                rows.append(("p-median p=\(p)", sol.objective, want, sol.proven, Date().timeIntervalSince(t0)))
            }
        }
        let hits = rows.filter { abs($0.1 - $0.2) <= 1e-4 * max(1, $0.2) }.count
        out += "Every row of `swain_mclp_computed.csv` (maximal covering, radii 5–30, p = 1–10) and the set-covering and p-median rows of `swain_other_computed.csv`.\n\n"
        out += "At the optimum: **\(hits)/\(rows.count)**; proven: \(rows.filter(\.3).count)/\(rows.count); total \(String(format: "%.2f", Date().timeIntervalSince(start))) s.\n\n"
        out += "| problem | objective | optimum | proven | time (s) |\n|---|---:|---:|---|---:|\n"
        for r in rows {
            let mark = abs(r.1 - r.2) <= 1e-4 * max(1, r.2) ? "" : " **(miss)**"
            out += "| \(r.0) | \(String(format: "%.3f", r.1))\(mark) | \(String(format: "%.3f", r.2)) | \(r.3) | \(String(format: "%.3f", r.4)) |\n"
        }
        print("swain: \(hits)/\(rows.count)")
        return out + "\n"
    }
}
