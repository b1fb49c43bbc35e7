/// The order in which to build the chosen sites: each next site is the one that adds the most given
/// those before it (and the existing facilities). This is the allocation priority list.
public enum PriorityOrder {
    public struct Step: Sendable {
        public let site: Int
        /// What this site adds after the ones before it (weight covered, cost saved, places assigned).
        public let marginal: Double
        /// Objective after this site is built.
        public let cumulative: Double
    }

    /// Coverage objectives: marginal covered weight.
    public static func byCoverage(_ sites: [Int], sets: CoverageSets, weights: [Double], alreadyCovered: [Bool]) -> [Step] {
        var reached = alreadyCovered
        var total = zip(weights, reached).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        return greedyOrder(sites) { j, commit in
            var g = 0.0
            for i in sets.byCandidate[j] where !reached[Int(i)] { g += weights[Int(i)] }
            if commit { for i in sets.byCandidate[j] { reached[Int(i)] = true }; total += g }
            return (g, total)
        }
    }

    /// p-median: marginal decrease of Σ weight × distance.
    public static func byDistance(_ sites: [Int], problem: PMedianProblem) -> [Step] {
        var d = (0..<problem.weights.count).map(problem.fallback)
        var cost = zip(problem.weights, d).reduce(0) { $0 + $1.0 * $1.1 }
        var columns = [Int: [(Int, Double)]]()
        let chosen = Set(sites)
        for (i, row) in problem.distances.sites.enumerated() {
            for (k, j) in row.enumerated() where chosen.contains(Int(j)) { columns[Int(j), default: []].append((i, problem.distances.distances[i][k])) }
        }
        return greedyOrder(sites) { j, commit in
            var g = 0.0
            for (i, dist) in columns[j] ?? [] where dist < d[i] { g += problem.weights[i] * (d[i] - dist) }
            if commit { for (i, dist) in columns[j] ?? [] where dist < d[i] { d[i] = dist }; cost -= g }
            return (g, cost)
        }
    }

    /// Capacitated coverage: marginal places assigned (a maximum flow per step).
    public static func byPlaces(_ sites: [Int], problem: CapacitatedCoverageProblem) -> [Step] {
        var built: [Int] = []
        var total = problem.assign([]).total
        return greedyOrder(sites) { j, commit in
            let t = problem.assign(built + [j]).total
            let g = t - total
            if commit { built.append(j); total = t }
            return (g, t)
        }
    }

    /// `gain(site, commit)` returns the site's marginal and the objective if it were built; with
    /// commit it is built. Ties go to the earlier site in `sites`.
    private static func greedyOrder(_ sites: [Int], gain: (Int, Bool) -> (Double, Double)) -> [Step] {
        var left = sites
        var steps: [Step] = []
        while !left.isEmpty {
            var bestK = 0
            var best = -Double.infinity
            for (k, j) in left.enumerated() {
                let (g, _) = gain(j, false)
                if g > best + 1e-9 { best = g; bestK = k }
            }
            let j = left.remove(at: bestK)
            let (g, cumulative) = gain(j, true)
            steps.append(Step(site: j, marginal: g, cumulative: cumulative))
        }
        return steps
    }
}
