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

/// The demands that can still be gained, renumbered 0..<n, with their covering lists.
struct GainModel {
    let weights: [Double]
    let byCandidate: [[Int32]]
    let byDemand: [[Int32]]
    let costs: [Double]
    /// Weight already reached by existing facilities.
    let baseline: Double
    let integral: Bool

    init(_ p: MaximalCoveringProblem) {
        var index = [Int32](repeating: -1, count: p.weights.count)
        var w: [Double] = []
        for i in 0..<p.weights.count where !p.alreadyCovered[i] && p.weights[i] > 0 && !p.sets.byDemand[i].isEmpty {
            index[i] = Int32(w.count)
            w.append(p.weights[i])
        }
        weights = w
        byCandidate = p.sets.byCandidate.map { list in list.compactMap { index[Int($0)] >= 0 ? index[Int($0)] : nil } }
        var byDemand = [[Int32]](repeating: [], count: w.count)
        for (j, list) in byCandidate.enumerated() { for i in list { byDemand[Int(i)].append(Int32(j)) } }
        self.byDemand = byDemand
        costs = p.costs
        baseline = zip(p.weights, p.alreadyCovered).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        integral = p.weights.allSatisfy { $0 == $0.rounded() }
    }
}
