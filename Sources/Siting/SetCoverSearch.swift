/// Local search for set covering: one closed site k replaces one or two open sites when it reaches
/// every demand that only they reach and costs less than they do together. Greedy covers with their
/// redundant sites dropped are 1-opt; these moves are what a greedy answer misses, where two sites
/// picked early each keep a few demands that a third one reaches alone.
struct SetCoverSearch {
    let byCandidate: [[Int32]]
    let byDemand: [[Int32]]
    let costs: [Double]

    /// Improves `sites` (a cover) by such moves, site by site in passes, until none is left; sites fixed
    /// open stay, fixed closed never enter. Given `previous`, a cover no move improves that `sites`
    /// differs from in a few sites, a pass looks only at the candidates a change since their last look
    /// can give a move (`affected`): the others would find none, so the result is the full search's
    /// (cover-all's perturbation rounds, each a few sites away from the last).
    func improve(_ sites: [Int], fixing: Fixing?, after previous: [Int]? = nil) -> [Int] {
        var s = State(self, sites)
        let m = byCandidate.count
        var pending = [Bool](repeating: previous == nil, count: m)
        if let previous {
            let before = Set(previous), now = Set(sites)
            for k in affected(by: Array(before.symmetricDifference(now)).sorted(), &s) { pending[k] = true }
        }
        while pending.contains(true) {
            var next = [Bool](repeating: false, count: m)
            for k in 0..<m where pending[k] && !s.open[k] && fixing?.state[k] != -1 {
                for i in byCandidate[k] { s.mark[Int(i)] = true }
                defer { for i in byCandidate[k] { s.mark[Int(i)] = false } }
                guard let out = replaced(by: k, &s, fixing: fixing) else { continue }
                for j in out { s.open[j] = false; for i in byCandidate[j] { s.count[Int(i)] -= 1 } }
                s.open[k] = true
                for i in byCandidate[k] { s.count[Int(i)] += 1 }
                // Those still ahead in this pass see the change there; those behind, in the next pass.
                for j in affected(by: out + [k], &s) {
                    if j > k { pending[j] = true } else { next[j] = true }
                }
            }
            pending = next
        }
        return (0..<m).filter { s.open[$0] }
    }

    /// The search's state: open sites, how many of them reach each demand, the demands of the site being
    /// tried, and stamps (a set without hashing: a stamp equal to `epoch` means "seen this time").
    private struct State {
        var open: [Bool]
        var count: [Int32]
        var mark: [Bool]
        var siteStamp: [Int]
        var demandStamp: [Int]
        var epoch = 0

        init(_ search: SetCoverSearch, _ sites: [Int]) {
            open = [Bool](repeating: false, count: search.byCandidate.count)
            for j in sites { open[j] = true }
            count = [Int32](repeating: 0, count: search.byDemand.count)
            for j in sites { for i in search.byCandidate[j] { count[Int(i)] += 1 } }
            mark = [Bool](repeating: false, count: search.byDemand.count)
            siteStamp = [Int](repeating: -1, count: search.byCandidate.count)
            demandStamp = [Int](repeating: -1, count: search.byDemand.count)
        }

        mutating func nextEpoch() -> Int {
            epoch += 1
            return epoch
        }
    }

    /// Closed candidates whose moves can differ once `changed` sites opened or closed: a move of k
    /// depends on which sites next to it (sharing a demand) are open and on the open counts of their
    /// demands, so k is affected when it shares a demand with an open site that reaches a changed site's demand.
    private func affected(by changed: [Int], _ s: inout State) -> [Int] {
        let near = s.nextEpoch()
        var touched: [Int] = []
        for c in changed {
            for i in byCandidate[c] where s.demandStamp[Int(i)] != near {
                s.demandStamp[Int(i)] = near
                for j in byDemand[Int(i)] where s.open[Int(j)] && s.siteStamp[Int(j)] != near {
                    s.siteStamp[Int(j)] = near
                    touched.append(Int(j))
                }
            }
        }
        let far = s.nextEpoch()
        var out: [Int] = []
        for a in touched {
            for i in byCandidate[a] where s.demandStamp[Int(i)] != far {
                s.demandStamp[Int(i)] = far
                for k in byDemand[Int(i)] where !s.open[Int(k)] && s.siteStamp[Int(k)] != far {
                    s.siteStamp[Int(k)] = far
                    out.append(Int(k))
                }
            }
        }
        return out
    }

    /// The cheapest-to-keep one or two open sites that `k` (its demands marked) can replace at a
    /// saving, or nil.
    private func replaced(by k: Int, _ s: inout State, fixing: Fixing?) -> [Int]? {
        // Open sites sharing a demand with k whose demands reached by them alone k reaches.
        let visit = s.nextEpoch()
        var near: [Int] = []
        for i in byCandidate[k] {
            for j32 in byDemand[Int(i)] {
                let j = Int(j32)
                guard s.open[j], s.siteStamp[j] != visit, fixing?.state[j] != 1 else { continue }
                s.siteStamp[j] = visit
                if byCandidate[j].allSatisfy({ s.count[Int($0)] > 1 || s.mark[Int($0)] }) { near.append(j) }
            }
        }
        var best: [Int]?
        var saving = 1e-9 * max(1, costs[k])
        for a in near where costs[a] - costs[k] > saving { best = [a]; saving = costs[a] - costs[k] }
        for (x, a) in near.enumerated() {
            for b in near[(x + 1)...] where costs[a] + costs[b] - costs[k] > saving && bothReplaceable(a, b, s) {
                best = [a, b]; saving = costs[a] + costs[b] - costs[k]
            }
        }
        return best
    }

    /// Whether every demand reached only by `a` and `b` together is marked (reached by the new site).
    private func bothReplaceable(_ a: Int, _ b: Int, _ s: State) -> Bool {
        for i in byCandidate[a] where s.count[Int(i)] == 2 && !s.mark[Int(i)] {
            if byDemand[Int(i)].contains(Int32(b)) { return false }
        }
        return true
    }
}
