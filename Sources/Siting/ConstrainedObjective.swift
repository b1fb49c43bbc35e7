import LinearProgramming

/// What the constrained route needs from an objective: its exact model as an LP whose first columns
/// are the 0/1 sites (minimisation form, the limit row included) and the value of a set of sites.
/// The route works with a score to maximise: the value for maximising objectives, minus it otherwise;
/// the LP's optimum is then `offset − objective`.
protocol ConstrainedObjective {
    var siteCount: Int { get }
    var costs: [Double] { get }
    /// Nil for cover-all, which minimises the sites' count or cost instead.
    var siteLimit: SiteLimit? { get }
    var sense: SitingSolution.Sense { get }
    /// Every answer's score is a whole number (bounds round down).
    var integral: Bool { get }
    /// Score the LP does not see (weight the existing facilities already reach).
    var offset: Double { get }
    /// A bound on every score, for when the root LP cannot be solved in time.
    var trivialBound: Double { get }
    func program(strongPairs: Int) -> LinearProgram
    func score(_ sites: [Int]) -> Double
}

extension ConstrainedObjective {
    /// The objective in its own sense.
    func value(ofScore s: Double) -> Double { sense == .maximise ? s : -s }

    /// Demands within reach of the sites opened by the LP, by merged site list: a demand one site alone
    /// reaches adds its weight to that site's column; others get a column z ≤ Σ x (min form: −w).
    static func coverageColumns(_ lp: inout LinearProgram, sets: CoverageSets, weights: [Double], skip: [Bool]) {
        var merged: [[Int32]: Int] = [:]
        var lists: [[Int32]] = []
        var weight: [Double] = []
        for i in 0..<sets.demandCount where !skip[i] && weights[i] > 0 && !sets.byDemand[i].isEmpty {
            let key = sets.byDemand[i]
            if let g = merged[key] { weight[g] += weights[i] } else {
                merged[key] = lists.count; lists.append(key); weight.append(weights[i])
            }
        }
        var own = [Double](repeating: 0, count: sets.candidateCount)
        for (g, list) in lists.enumerated() where list.count == 1 { own[Int(list[0])] += weight[g] }
        for j in 0..<sets.candidateCount { lp.addColumn(cost: -own[j], lower: 0, upper: 1) }
        for (g, list) in lists.enumerated() where list.count > 1 {
            let z = lp.addColumn(cost: -weight[g], lower: 0, upper: 1)
            lp.addRow([(z, 1)] + list.map { (Int($0), -1.0) }, upper: 0)
        }
    }

}

extension MaximalCoveringProblem: ConstrainedObjective {
    var siteCount: Int { sets.candidateCount }
    var sense: SitingSolution.Sense { .maximise }
    var integral: Bool { weights.allSatisfy { $0 == $0.rounded() } }
    var offset: Double { zip(weights, alreadyCovered).reduce(0) { $0 + ($1.1 ? $1.0 : 0) } }
    var trivialBound: Double {
        (0..<weights.count).reduce(0) { $0 + (alreadyCovered[$1] || !sets.byDemand[$1].isEmpty ? weights[$1] : 0) }
    }
    var siteLimit: SiteLimit? { limit }

    func program(strongPairs: Int) -> LinearProgram {
        var lp = LinearProgram()
        Self.coverageColumns(&lp, sets: sets, weights: weights, skip: alreadyCovered)
        limit.addRow(to: &lp, costs: costs)
        return lp
    }

    func score(_ sites: [Int]) -> Double { coveredWeight(sites) }
}

extension CapacitatedCoverageProblem: ConstrainedObjective {
    var siteCount: Int { sets.candidateCount }
    var sense: SitingSolution.Sense { .maximise }
    var integral: Bool { false }
    var offset: Double { 0 }
    var trivialBound: Double { demand.reduce(0, +) }
    var siteLimit: SiteLimit? { limit }

    func program(strongPairs: Int) -> LinearProgram {
        CapacitatedLP.program(self, strong: CapacitatedLP.pairs(self) <= strongPairs)
    }

    func score(_ sites: [Int]) -> Double { assign(sites).total }
}

extension PMedianProblem: ConstrainedObjective {
    var siteCount: Int { distances.candidateCount }
    var costs: [Double] { [Double](repeating: 1, count: distances.candidateCount) }
    var siteLimit: SiteLimit? { .count(p) }
    var sense: SitingSolution.Sense { .minimise }
    var integral: Bool { false }
    var offset: Double { 0 }
    /// Every demand at its nearest option.
    var trivialBound: Double {
        -(0..<weights.count).reduce(0) { $0 + weights[$1] * min(fallback($1), distances.distances[$1].first ?? .infinity) }
    }

    /// Each demand picks one option: a listed site nearer than its fallback (y ≤ x), or the fallback.
    func program(strongPairs: Int) -> LinearProgram {
        var lp = LinearProgram()
        let m = distances.candidateCount
        for _ in 0..<m { lp.addColumn(cost: 0, lower: 0, upper: 1) }
        for i in 0..<weights.count where weights[i] > 0 {
            let fall = fallback(i)
            var row: [(column: Int, value: Double)] = [(lp.addColumn(cost: weights[i] * fall, lower: 0, upper: 1), 1)]
            for (k, j) in distances.sites[i].enumerated() where distances.distances[i][k] < fall {
                let y = lp.addColumn(cost: weights[i] * distances.distances[i][k], lower: 0, upper: 1)
                row.append((y, 1))
                lp.addRow([(y, 1), (Int(j), -1)], upper: 0)
            }
            lp.addRow(row, lower: 1, upper: 1)
        }
        SiteLimit.count(p).addRow(to: &lp, costs: costs)
        return lp
    }

    func score(_ sites: [Int]) -> Double { -cost(sites) }
}

extension SetCoveringProblem: ConstrainedObjective {
    var siteCount: Int { sets.candidateCount }
    var siteLimit: SiteLimit? { nil }
    var sense: SitingSolution.Sense { .minimise }
    var integral: Bool { costs.allSatisfy { $0 == $0.rounded() } }
    var offset: Double { 0 }
    var trivialBound: Double { 0 }

    /// The sites' costs alone: reaching every required demand is a constraint (`requiredReach`).
    func program(strongPairs: Int) -> LinearProgram {
        var lp = LinearProgram()
        for c in costs { lp.addColumn(cost: c, lower: 0, upper: 1) }
        return lp
    }

    func score(_ sites: [Int]) -> Double { -cost(sites) }

    /// Every required demand as a must-reach constraint, demands with the same sites once.
    var requiredReach: [SiteConstraints.Reach] {
        var seen = Set<[Int32]>()
        return required.compactMap { i in
            seen.insert(sets.byDemand[i]).inserted ? SiteConstraints.Reach(name: "demand #\(i + 1)", sites: sets.byDemand[i]) : nil
        }
    }
}
