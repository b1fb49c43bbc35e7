/// Maximal covering (Church & ReVelle 1974): open new sites, at most p or within a budget, to maximise
/// the weight of demands within reach of an open site. Demands the existing facilities already reach
/// count in full and cannot be gained again.
public struct MaximalCoveringProblem: Sendable {
    public let weights: [Double]
    public let sets: CoverageSets
    /// Per demand: already reached by an existing facility.
    public let alreadyCovered: [Bool]
    public let costs: [Double]
    public let limit: SiteLimit

    public init(weights: [Double], sets: CoverageSets, alreadyCovered: [Bool]? = nil, costs: [Double]? = nil,
                limit: SiteLimit) {
        self.weights = weights
        self.sets = sets
        self.alreadyCovered = alreadyCovered ?? [Bool](repeating: false, count: weights.count)
        self.costs = costs ?? [Double](repeating: 1, count: sets.candidateCount)
        self.limit = limit
    }

    /// Weight reached by the existing facilities and `sites` together.
    public func coveredWeight(_ sites: [Int]) -> Double {
        var reached = alreadyCovered
        for j in sites { for i in sets.byCandidate[j] { reached[Int(i)] = true } }
        return zip(weights, reached).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
    }

    public func solve(_ options: SolverOptions = .init()) -> SitingSolution {
        MaximalCoveringSolver(self, options).solve()
    }
}

/// The demands that can still be gained and the candidates worth opening, reduced without changing
/// the optimum: demands reached by exactly the same candidates are merged (weights summed), and a
/// candidate whose demands another one reaches too, at no higher cost, is dropped.
struct GainModel {
    let weights: [Double]
    let byCandidate: [[Int32]]
    let byDemand: [[Int32]]
    let costs: [Double]
    /// Reduced candidate index → the problem's candidate index.
    let original: [Int]
    /// Weight already reached by existing facilities.
    let baseline: Double
    let integral: Bool

    init(_ p: MaximalCoveringProblem) {
        // Merge demands by their (sorted) list of covering candidates.
        var groups: [[Int32]: Int] = [:]
        var merged: [Double] = []
        var mergedLists: [[Int32]] = []
        for i in 0..<p.weights.count where !p.alreadyCovered[i] && p.weights[i] > 0 && !p.sets.byDemand[i].isEmpty {
            let key = p.sets.byDemand[i]
            if let g = groups[key] { merged[g] += p.weights[i] } else {
                groups[key] = merged.count
                merged.append(p.weights[i])
                mergedLists.append(key)
            }
        }
        let cover = CoverageSets.invert(mergedLists, count: p.sets.candidateCount) { Int($0) }
        // Drop dominated candidates: j when some k reaches all of j's demands at no higher cost
        // (ties keep the lower index). Under a count limit cost does not matter.
        let weighsCost: Bool = { if case .budget = p.limit { return true } else { return false } }()
        var keep = [Bool](repeating: true, count: cover.count)
        for j in 0..<cover.count {
            guard let first = cover[j].first else { keep[j] = false; continue }
            let mine = cover[j]
            for k32 in mergedLists[Int(first)] {
                let k = Int(k32)
                guard k != j, keep[k], cover[k].count >= mine.count else { continue }
                let cj = p.costs[j], ck = p.costs[k]
                if weighsCost && ck > cj { continue }
                if cover[k].count == mine.count && (!weighsCost || ck == cj) && k > j { continue }
                if isSubset(mine, of: cover[k]) { keep[j] = false; break }
            }
        }
        original = (0..<cover.count).filter { keep[$0] }
        byCandidate = original.map { cover[$0] }
        byDemand = CoverageSets.invert(byCandidate, count: merged.count) { Int($0) }
        weights = merged
        costs = original.map { p.costs[$0] }
        baseline = zip(p.weights, p.alreadyCovered).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        integral = p.weights.allSatisfy { $0 == $0.rounded() }
    }
}

/// Both ascending.
func isSubset(_ a: [Int32], of b: [Int32]) -> Bool {
    var k = 0
    for x in a {
        while k < b.count && b[k] < x { k += 1 }
        if k == b.count || b[k] != x { return false }
        k += 1
    }
    return true
}
