/// p-median (Hakimi 1964; ReVelle & Swain 1970): open p new sites to minimise Σ weight × distance from
/// each demand to its nearest open facility, existing facilities included. A demand that neither an
/// open site nor an existing facility can reach counts at `unreachablePenalty` (10 × the longest
/// listed distance), so the solver tries to reach it; callers report such demands as unassigned.
public struct PMedianProblem: Sendable {
    public let weights: [Double]
    public let distances: DistanceLists
    /// Per demand: distance to the nearest existing facility (+∞ when none).
    public let existing: [Double]
    public let p: Int
    public let unreachablePenalty: Double

    public init(weights: [Double], distances: DistanceLists, existing: [Double]? = nil, p: Int) {
        self.weights = weights
        self.distances = distances
        self.existing = existing ?? [Double](repeating: .infinity, count: weights.count)
        self.p = p
        let longest = max(distances.distances.compactMap(\.last).max() ?? 1,
                          self.existing.filter(\.isFinite).max() ?? 1)
        unreachablePenalty = (10 * longest).rounded(.up)
    }

    /// The distance a demand falls back to when no open site is nearer.
    func fallback(_ i: Int) -> Double { existing[i].isFinite ? existing[i] : unreachablePenalty }

    /// Σ weight × distance to the nearest open facility (penalty when none reaches).
    public func cost(_ sites: [Int]) -> Double {
        var open = [Bool](repeating: false, count: distances.candidateCount)
        for j in sites { open[j] = true }
        var total = 0.0
        for i in 0..<weights.count {
            var d = fallback(i)
            for (k, j) in distances.sites[i].enumerated() where open[Int(j)] { d = min(d, distances.distances[i][k]); break }
            total += weights[i] * d
        }
        return total
    }

    /// Per demand: the open site it is assigned to (nil: an existing facility or none) and the distance.
    public func assignment(_ sites: [Int]) -> [(site: Int?, distance: Double)] {
        var open = [Bool](repeating: false, count: distances.candidateCount)
        for j in sites { open[j] = true }
        return (0..<weights.count).map { i in
            for (k, j) in distances.sites[i].enumerated() where open[Int(j)] && distances.distances[i][k] < existing[i] {
                return (Int(j), distances.distances[i][k])
            }
            return (nil, existing[i])
        }
    }

    public func solve(_ options: SolverOptions = .init()) -> SitingSolution {
        PMedianSolver(self, options).solve()
    }
}
