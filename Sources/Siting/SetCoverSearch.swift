/// Local search for set covering: one closed site k replaces one or two open sites when it reaches
/// every demand that only they reach and costs less than they do together. Greedy covers with their
/// redundant sites dropped are 1-opt; these moves are what a greedy answer misses, where two sites
/// picked early each keep a few demands that a third one reaches alone.
struct SetCoverSearch {
    let byCandidate: [[Int32]]
    let byDemand: [[Int32]]
    let costs: [Double]

    /// Improves `sites` (a cover) by such moves until none is left; sites fixed open stay, fixed
    /// closed never enter.
    func improve(_ sites: [Int], fixing: Fixing?) -> [Int] {
        var open = [Bool](repeating: false, count: byCandidate.count)
        for j in sites { open[j] = true }
        var count = [Int32](repeating: 0, count: byDemand.count)
        for j in sites { for i in byCandidate[j] { count[Int(i)] += 1 } }
        var mark = [Bool](repeating: false, count: byDemand.count)
        // Per site, the last k whose neighbours it was looked at for (a set without hashing).
        var stamp = [Int](repeating: -1, count: byCandidate.count)
        var improved = true
        while improved {
            improved = false
            for k in 0..<byCandidate.count where !open[k] && fixing?.state[k] != -1 {
                for i in byCandidate[k] { mark[Int(i)] = true }
                defer { for i in byCandidate[k] { mark[Int(i)] = false } }
                guard let out = replaced(by: k, open: open, count: count, mark: mark, stamp: &stamp, fixing: fixing) else { continue }
                for j in out { open[j] = false; for i in byCandidate[j] { count[Int(i)] -= 1 } }
                open[k] = true
                for i in byCandidate[k] { count[Int(i)] += 1 }
                improved = true
            }
        }
        return (0..<byCandidate.count).filter { open[$0] }
    }

    /// The cheapest-to-keep one or two open sites that `k` (its demands marked) can replace at a
    /// saving, or nil.
    private func replaced(by k: Int, open: [Bool], count: [Int32], mark: [Bool], stamp: inout [Int], fixing: Fixing?) -> [Int]? {
        // Open sites sharing a demand with k whose demands reached by them alone k reaches.
        var near: [Int] = []
        for i in byCandidate[k] {
            for j32 in byDemand[Int(i)] {
                let j = Int(j32)
                guard open[j], stamp[j] != k, fixing?.state[j] != 1 else { continue }
                stamp[j] = k
                if byCandidate[j].allSatisfy({ count[Int($0)] > 1 || mark[Int($0)] }) { near.append(j) }
            }
        }
        var best: [Int]?
        var saving = 1e-9 * max(1, costs[k])
        for a in near where costs[a] - costs[k] > saving { best = [a]; saving = costs[a] - costs[k] }
        for (x, a) in near.enumerated() {
            for b in near[(x + 1)...] where costs[a] + costs[b] - costs[k] > saving && bothReplaceable(a, b, open: open, count: count, mark: mark) {
                best = [a, b]; saving = costs[a] + costs[b] - costs[k]
            }
        }
        return best
    }

    /// Whether every demand reached only by `a` and `b` together is marked (reached by the new site).
    private func bothReplaceable(_ a: Int, _ b: Int, open: [Bool], count: [Int32], mark: [Bool]) -> Bool {
        for i in byCandidate[a] where count[Int(i)] == 2 && !mark[Int(i)] {
            if byDemand[Int(i)].contains(Int32(b)) { return false }
        }
        return true
    }
}
