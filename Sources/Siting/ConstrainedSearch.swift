/// Feasible answers under side constraints, for any objective: built in a wanted order (must-reach
/// demands first, then group minimums, then the sites wanted most, then the best gains), then improved
/// by moves that keep every constraint (drops, swaps).
struct ConstrainedSearch<O: ConstrainedObjective> {
    let objective: O
    let constraints: SiteConstraints
    /// Per site, the groups and the must-reach demands holding it.
    let groupsOf: [[Int]]
    let reachesOf: [[Int]]

    init(_ objective: O, _ constraints: SiteConstraints) {
        self.objective = objective
        self.constraints = constraints
        var g = [[Int]](repeating: [], count: objective.siteCount)
        for (k, group) in constraints.groups.enumerated() { for j in group.sites { g[j].append(k) } }
        var r = [[Int]](repeating: [], count: objective.siteCount)
        for (k, reach) in constraints.mustReach.enumerated() { for j in reach.sites { r[Int(j)].append(k) } }
        groupsOf = g
        reachesOf = r
    }

    struct Answer { var sites: [Int]; var score: Double }

    /// Open sites with the counts that say whether one more may open or one may close.
    struct Tally {
        var open: [Bool]
        var inGroup: [Int]
        var reached: [Int]
        var count = 0
        var cost = 0.0
        var sites: [Int] { open.indices.filter { open[$0] } }
    }

    func empty() -> Tally {
        Tally(open: [Bool](repeating: false, count: objective.siteCount),
              inGroup: [Int](repeating: 0, count: constraints.groups.count),
              reached: [Int](repeating: 0, count: constraints.mustReach.count))
    }

    func toggle(_ t: inout Tally, _ j: Int) {
        let d = t.open[j] ? -1 : 1
        t.open[j].toggle()
        t.count += d
        t.cost += Double(d) * objective.costs[j]
        for g in groupsOf[j] { t.inGroup[g] += d }
        for r in reachesOf[j] { t.reached[r] += d }
    }

    /// Whether `j` may open next to `t` (the limit and every maximum allow it).
    func mayAdd(_ t: Tally, _ j: Int) -> Bool {
        guard !t.open[j] else { return false }
        switch objective.siteLimit {
        case .count(let p)?: if t.count + 1 > p { return false }
        case .budget(let b)?: if t.cost + objective.costs[j] > b + 1e-9 { return false }
        case nil: break
        }
        return groupsOf[j].allSatisfy { t.inGroup[$0] + 1 <= constraints.groups[$0].atMost ?? .max }
    }

    /// Whether closing `i` and opening `j` (nil: none) keeps every constraint (`t` has `i` open).
    func maySwap(_ t: Tally, out i: Int, in j: Int?) -> Bool {
        if let j {
            if case .budget(let b)? = objective.siteLimit, t.cost - objective.costs[i] + objective.costs[j] > b + 1e-9 { return false }
            for g in groupsOf[j] where !groupsOf[i].contains(g) {
                if t.inGroup[g] + 1 > constraints.groups[g].atMost ?? .max { return false }
            }
        }
        for g in groupsOf[i] where j == nil || !groupsOf[j!].contains(g) {
            if t.inGroup[g] - 1 < constraints.groups[g].atLeast { return false }
        }
        for r in reachesOf[i] where t.reached[r] == 1 {
            if j == nil || !reachesOf[j!].contains(r) { return false }
        }
        return true
    }

    /// A feasible answer built in `order` (sites wanted most first; `wanted` of them taken while they
    /// fit), or nil when the order cannot meet a constraint.
    func build(order: [Int], wanted: Int) -> Answer? {
        var rank = [Int](repeating: Int.max, count: objective.siteCount)
        for (k, j) in order.enumerated() where rank[j] == .max { rank[j] = k }
        let byRank = { (sites: [Int]) in sites.sorted { (rank[$0], $0) < (rank[$1], $1) } }
        var t = empty()
        for (r, reach) in constraints.mustReach.enumerated() where t.reached[r] == 0 {
            guard let j = byRank(reach.sites.map(Int.init)).first(where: { mayAdd(t, $0) }) else { return nil }
            toggle(&t, j)
        }
        for (g, group) in constraints.groups.enumerated() where t.inGroup[g] < group.atLeast {
            for j in byRank(group.sites) where t.inGroup[g] < group.atLeast && mayAdd(t, j) { toggle(&t, j) }
            if t.inGroup[g] < group.atLeast { return nil }
        }
        for j in order.prefix(wanted) where mayAdd(t, j) { toggle(&t, j) }
        if objective.siteLimit != nil { fill(&t) }
        return Answer(sites: t.sites, score: objective.score(t.sites))
    }

    /// Lazy greedy on the score's gain (per cost under a budget): gains only shrink as sites open.
    func fill(_ t: inout Tally) {
        var current = objective.score(t.sites)
        let perCost: Bool = { if case .budget? = objective.siteLimit { return true } else { return false } }()
        let key = { (gain: Double, j: Int) in perCost ? (objective.costs[j] > 0 ? gain / objective.costs[j] : gain * 1e12) : gain }
        var heap = MaxHeap()
        for j in 0..<objective.siteCount where mayAdd(t, j) { heap.push(.infinity, j) }
        while let (stale, j) = heap.pop() {
            guard mayAdd(t, j) else { continue }
            let gain = objective.score(t.sites + [j]) - current
            guard gain > 1e-9 else { continue }
            let k = key(gain, j)
            if k < stale, let next = heap.top, k < next.key { heap.push(k, j); continue }
            toggle(&t, j)
            current += gain
        }
    }
}

extension ConstrainedSearch {
    /// Drops and swaps that raise the score and keep every constraint (the best move per open site),
    /// until none is left or the clock reaches `deadline`.
    func improve(_ a: inout Answer, clock: Clock, deadline: Double) {
        var t = empty()
        for j in a.sites { toggle(&t, j) }
        var improved = true
        while improved && clock.before(deadline) {
            improved = false
            for i in t.sites where t.open[i] && clock.before(deadline) {
                guard let (j, s) = bestMove(t, out: i, score: a.score) else { continue }
                toggle(&t, i)
                if let j { toggle(&t, j) }
                a = Answer(sites: t.sites, score: s)
                improved = true
            }
        }
    }

    private func bestMove(_ t: Tally, out i: Int, score: Double) -> (Int?, Double)? {
        let rest = t.sites.filter { $0 != i }
        let eps = 1e-9 * max(1, abs(score))
        if maySwap(t, out: i, in: nil) {
            let s = objective.score(rest)
            if s > score + eps { return (nil, s) }
        }
        var best: (Int?, Double)?
        for j in 0..<objective.siteCount where !t.open[j] && maySwap(t, out: i, in: j) {
            let s = objective.score(rest + [j])
            if s > (best?.1 ?? score) + eps { best = (j, s) }
        }
        return best
    }

    /// Sites by what each adds alone (per cost under a budget; for cover-all, must-reach demands per cost).
    func standaloneOrder() -> [Int] {
        let base = objective.score([])
        let gain = (0..<objective.siteCount).map { j -> Double in
            if objective.siteLimit == nil { return Double(reachesOf[j].count) / max(objective.costs[j], 1e-9) }
            let g = objective.score([j]) - base
            if case .budget? = objective.siteLimit { return objective.costs[j] > 0 ? g / objective.costs[j] : g * 1e12 }
            return g
        }
        return (0..<objective.siteCount).sorted { (gain[$0], -$0) > (gain[$1], -$1) }
    }
}
