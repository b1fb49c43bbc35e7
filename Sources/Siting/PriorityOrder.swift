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

    /// Coverage objectives: marginal covered weight. `phases`: the sites in groups built one after the
    /// other (a plan by year); each group is ordered given the groups before it.
    public static func byCoverage(_ sites: [Int], sets: CoverageSets, weights: [Double], alreadyCovered: [Bool]) -> [Step] {
        byCoverage(phases: [sites], sets: sets, weights: weights, alreadyCovered: alreadyCovered)
    }

    public static func byCoverage(phases: [[Int]], sets: CoverageSets, weights: [Double], alreadyCovered: [Bool]) -> [Step] {
        var reached = alreadyCovered
        var total = zip(weights, reached).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        return greedyOrder(phases) { j, commit in
            var g = 0.0
            for i in sets.byCandidate[j] where !reached[Int(i)] { g += weights[Int(i)] }
            if commit { for i in sets.byCandidate[j] { reached[Int(i)] = true }; total += g }
            return (g, g, total)
        }
    }

    /// p-median: ordered by the decrease of the objective; the marginal reported is the weight ×
    /// distance saved for demands reached before the site (a demand it reaches first has no distance
    /// to save: the objective's penalty for it is not a gain anyone walks).
    public static func byDistance(_ sites: [Int], problem: PMedianProblem) -> [Step] { byDistance(phases: [sites], problem: problem) }

    public static func byDistance(phases: [[Int]], problem: PMedianProblem) -> [Step] {
        let sites = phases.flatMap { $0 }
        var d = (0..<problem.weights.count).map(problem.fallback)
        var cost = zip(problem.weights, d).reduce(0) { $0 + $1.0 * $1.1 }
        var columns = [Int: [(Int, Double)]]()
        let chosen = Set(sites)
        for (i, row) in problem.distances.sites.enumerated() {
            for (k, j) in row.enumerated() where chosen.contains(Int(j)) { columns[Int(j), default: []].append((i, problem.distances.distances[i][k])) }
        }
        return greedyOrder(phases) { j, commit in
            var g = 0.0, saved = 0.0
            for (i, dist) in columns[j] ?? [] where dist < d[i] {
                g += problem.weights[i] * (d[i] - dist)
                if d[i] < problem.unreachablePenalty { saved += problem.weights[i] * (d[i] - dist) }
            }
            if commit { for (i, dist) in columns[j] ?? [] where dist < d[i] { d[i] = dist }; cost -= g }
            return (g, saved, cost)
        }
    }

    /// Capacitated coverage: marginal places assigned (exact, by augmenting the flow so far).
    public static func byPlaces(_ sites: [Int], problem: CapacitatedCoverageProblem) -> [Step] { byPlaces(phases: [sites], problem: problem) }

    public static func byPlaces(phases: [[Int]], problem: CapacitatedCoverageProblem) -> [Step] {
        var net = PlacesNetwork(problem)
        return phases.flatMap { lazyPlacesOrder($0, net: &net) }
    }

    private static func lazyPlacesOrder(_ sites: [Int], net: inout PlacesNetwork) -> [Step] {
        // Places assigned are submodular in the open sites (a gammoid's rank, weighted): a gain only
        // shrinks as sites open, so stale gains are upper bounds and the lazy order is the greedy one.
        var heap = MaxHeap()
        for k in sites.indices { heap.push(net.gain(sites[k]), k) }
        var steps: [Step] = []
        while let (stale, k) = heap.pop() {
            let g = net.gain(sites[k])
            if g < stale - 1e-9, let next = heap.top, g < next.key - 1e-9 || (abs(g - next.key) <= 1e-9 && k > next.item) {
                heap.push(g, k)
                continue
            }
            net.open(sites[k])
            steps.append(Step(site: sites[k], marginal: g, cumulative: net.total))
        }
        return steps
    }

    /// `gain(site, commit)` returns the site's key for the order, its marginal as reported, and the
    /// objective if it were built; with commit it is built. Ties go to the earlier site in `sites`.
    private static func greedyOrder(_ phases: [[Int]], gain: (Int, Bool) -> (Double, Double, Double)) -> [Step] {
        var steps: [Step] = []
        for var left in phases { while !left.isEmpty {
            var bestK = 0
            var best = -Double.infinity
            for (k, j) in left.enumerated() {
                let (g, _, _) = gain(j, false)
                if g > best + 1e-9 { best = g; bestK = k }
            }
            let j = left.remove(at: bestK)
            let (_, g, cumulative) = gain(j, true)
            steps.append(Step(site: j, marginal: g, cumulative: cumulative))
        } }
        return steps
    }
}
