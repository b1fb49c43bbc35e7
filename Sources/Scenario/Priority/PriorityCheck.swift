import Foundation
import GeoKit
import Planning
import Siting

public struct PriorityCheckOptions: Sendable {
    /// Inputs, standard, weight, budget, exclusions: as for `site` (objective coverage).
    public var site: SiteOptions
    /// CSV (`id`, optional `rank`) or a layer with a rank field.
    public var list: String
    public var rankField = FieldChoice.standard("rank")
    /// A parcel adding less than this % of the gain of the parcels before it is redundant.
    public var minGainPercent = OptionDefaults.minGainPercent

    public init(site: SiteOptions, list: String) {
        self.site = site
        self.list = list
    }
}

/// `caresite priority check`: is a list of parcels, in priority order, a sound allocation?
public struct PriorityCheck {
    public enum Verdict: String, Sendable { case keep, moveUp = "move up", moveDown = "move down", replace, drop }

    public struct Row: Sendable {
        public let rank: Int
        public let site: Int
        public var newlyPopulation = 0.0, newlyRequired = 0.0, marginal = 0.0
        public var cumulative = 0.0, cumulativePercent = 0.0
        public var lackingNew = 0, lackingOld = 0, lackingUnknown = 0
        public var redundant = false
        public var excluded: String?
        public var infeasible: String?
        public var suggestedRank: Int?
        public var verdict = Verdict.keep
        public var reason = ""
    }

    public struct Swap: Sendable { public let out: Int; public let into: Int; public let gain: Double }

    public let options: PriorityCheckOptions
    let basis: SiteBasis
    public var rows: [Row]
    public let listWeight: Double
    public let best: SitingSolution
    public let swaps: [Swap]
    /// Buildable listed parcels in the order that front-loads coverage.
    public let reorder: [Int]
    public var candidates: [CandidateSite] { basis.candidates }

    public init(_ options: PriorityCheckOptions, log: RunLog = RunLog()) throws {
        var options = options
        try options.nameDatabases()
        try options.validate()
        var site = options.site
        site.objective = .coverage
        site.p = nil
        let basis = try SiteBasis(site, log: log, dropExcluded: false)
        self.options = options
        self.basis = basis
        let candidates = basis.candidates
        let listed = try PriorityCheck.readList(options, candidates: candidates, log: basis.inputs.log, context: basis.inputs.context)
        let excludedWhy = Dictionary(basis.excluded.map { ($0.site.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        let (rows, cumulative, gainSoFar) = PriorityCheck.walk(listed, basis: basis, options: options, excludedWhy: excludedWhy)
        listWeight = cumulative

        // The best choice over the buildable candidates: as many parcels as the list builds, or (with a
        // budget) any parcels within it; swaps keep to the same limit.
        let buildable = rows.filter { $0.excluded == nil && $0.infeasible == nil }.map(\.site)
        let allowed = candidates.indices.map { excludedWhy[candidates[$0].id] == nil && candidates[$0].capacityPlaces != 0 }
        let sets = CoverageSets(demandCount: basis.sets.demandCount,
                                byCandidate: basis.sets.byCandidate.enumerated().map { allowed[$0] ? $1 : [] })
        var solver = SolverOptions(timeLimit: options.site.timeLimit, progress: options.site.progress)
        solver.gapTolerance = options.site.gapTolerance
        let costs = candidates.map(\.cost)
        best = MaximalCoveringProblem(weights: basis.weights, sets: sets, alreadyCovered: basis.served, costs: costs,
                                      limit: options.site.budget.map { .budget($0) } ?? .count(max(1, buildable.count))).solve(solver)
        let space = SwapSpace(sets: sets, weights: basis.weights, served: basis.served, allowed: allowed,
                              costs: costs, budget: options.site.budget)
        swaps = PriorityCheck.swaps(buildable, in: space, threshold: options.minGainPercent / 100 * gainSoFar)
        reorder = PriorityOrder.byCoverage(buildable, sets: sets, weights: basis.weights, alreadyCovered: basis.served).map(\.site)
        self.rows = rows
        judge()
    }

    /// The list in its order: what each parcel newly reaches, whether it is excluded, past the budget
    /// or redundant, and the weight reached after it.
    static func walk(_ listed: [Int], basis: SiteBasis, options: PriorityCheckOptions,
                     excludedWhy: [String: String]) -> (rows: [Row], cumulative: Double, gain: Double) {
        let candidates = basis.candidates, assessment = basis.before.assessment.communities
        let total = basis.weights.reduce(0, +)
        var reached = basis.served
        var cumulative = zip(basis.weights, reached).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        var gainSoFar = 0.0, cost = 0.0
        var rows: [Row] = []
        for (k, j) in listed.enumerated() {
            var row = Row(rank: k + 1, site: j)
            for i in basis.sets.byCandidate[j].map(Int.init) {
                if assessment[i].flag.isLacking {
                    switch basis.inputs.communities[i].status {
                    case .new: row.lackingNew += 1
                    case .old: row.lackingOld += 1
                    case .unknown: row.lackingUnknown += 1
                    }
                }
                guard !reached[i] else { continue }
                row.newlyPopulation += basis.inputs.communities[i].population
                row.newlyRequired += assessment[i].requiredPlaces
                row.marginal += basis.weights[i]
            }
            row.excluded = excludedWhy[candidates[j].id]
            if candidates[j].capacityPlaces == 0 { row.infeasible = "capacity 0 places" }
            if let budget = options.site.budget, row.excluded == nil, row.infeasible == nil {
                if cost + candidates[j].cost > budget * (1 + 1e-12) {
                    row.infeasible = "beyond the budget (cumulative cost \(JSONNumber.text(cost + candidates[j].cost)) > \(JSONNumber.text(budget)))"
                } else {
                    cost += candidates[j].cost
                }
            }
            if row.excluded == nil && row.infeasible == nil {
                row.redundant = row.marginal <= 0 || row.marginal < options.minGainPercent / 100 * gainSoFar
                for i in basis.sets.byCandidate[j] { reached[Int(i)] = true }
                cumulative += row.marginal
                gainSoFar += row.marginal
            }
            row.cumulative = cumulative
            row.cumulativePercent = total > 0 ? cumulative / total * 100 : 0
            rows.append(row)
        }
        return (rows, cumulative, gainSoFar)
    }

    /// What a swap may use: the candidates allowed, and (with a budget) what they cost.
    struct SwapSpace {
        let sets: CoverageSets
        let weights: [Double]
        let served: [Bool]
        let allowed: [Bool]
        let costs: [Double]
        let budget: Double?

        func affordable(_ current: [Int], out: Int, into: Int) -> Bool {
            guard let budget else { return true }
            return current.reduce(0) { $0 + costs[$1] } - costs[out] + costs[into] <= budget * (1 + 1e-12)
        }
    }

    /// Swaps of a listed parcel for an unlisted one, best first, each priced with the swaps before it
    /// made (a swap local search from the list), within the budget; stops when no swap gains at least
    /// `threshold`.
    static func swaps(_ list: [Int], in space: SwapSpace, threshold: Double) -> [Swap] {
        var current = list
        var done: [Swap] = []
        var swappedOut = Set<Int>()
        while done.count < list.count {
            guard let s = bestSwap(current, list: list, swappedOut: swappedOut, space: space, threshold: threshold) else { break }
            done.append(s)
            swappedOut.insert(s.out)
            current[current.firstIndex(of: s.out)!] = s.into
        }
        return done
    }

    private static func bestSwap(_ current: [Int], list: [Int], swappedOut: Set<Int>, space: SwapSpace,
                                 threshold: Double) -> Swap? {
        var count = [Int](repeating: 0, count: space.weights.count)
        for j in current { for i in space.sets.byCandidate[j] { count[Int(i)] += 1 } }
        let inList = Set(current)
        var best: Swap?
        // Later parcels first: on a tie, the lower-priority parcel is the one to give up.
        for l in current.reversed() where !swappedOut.contains(l) && list.contains(l) {
            let mine = Set(space.sets.byCandidate[l].map(Int.init))
            var loss = 0.0
            for i in mine where !space.served[i] && count[i] == 1 { loss += space.weights[i] }
            for u in 0..<space.sets.candidateCount where space.allowed[u] && !inList.contains(u) {
                guard space.affordable(current, out: l, into: u) else { continue }
                var g = 0.0
                for i in space.sets.byCandidate[u].map(Int.init)
                where !space.served[i] && (count[i] == 0 || (count[i] == 1 && mine.contains(i))) { g += space.weights[i] }
                if g - loss > (best?.gain ?? max(threshold, 1e-9)) { best = Swap(out: l, into: u, gain: g - loss) }
            }
        }
        return best
    }

    /// Verdicts and their reasons.
    private mutating func judge() {
        let c = basis.candidates
        let g = FlagSummary.grouped
        let suggested = Dictionary(uniqueKeysWithValues: reorder.enumerated().map { ($1, $0 + 1) })
        let swapFor = Dictionary(uniqueKeysWithValues: swaps.map { ($0.out, $0) })
        var buildableRank = 0
        for k in rows.indices {
            let j = rows[k].site
            if let why = rows[k].excluded {
                rows[k].verdict = .drop
                rows[k].reason = "excluded: \(why)"
                continue
            }
            if let why = rows[k].infeasible {
                rows[k].verdict = .drop
                rows[k].reason = "infeasible: \(why)"
                continue
            }
            buildableRank += 1
            rows[k].suggestedRank = suggested[j]
            if rows[k].redundant {
                rows[k].verdict = .drop
                rows[k].reason = rows[k].marginal <= 0
                    ? "redundant: every community it reaches is already reached by existing facilities or parcels above it"
                    : "redundant: adds only \(g(rows[k].marginal)), under \(JSONNumber.text(options.minGainPercent)) % of the gain of the parcels above it"
                if let s = swapFor[j] { rows[k].reason += "; \(c[s.into].id) would add \(g(s.gain)) more in its place" }
                continue
            }
            if let s = swapFor[j] {
                rows[k].verdict = .replace
                rows[k].reason = "replace with \(c[s.into].id)\(c[s.into].kind.isEmpty ? "" : " (\(c[s.into].kind))"): +\(g(s.gain)) \(options.site.weight.rawValue) more"
                continue
            }
            let s = suggested[j] ?? buildableRank
            if s < buildableRank {
                rows[k].verdict = .moveUp
                rows[k].reason = "adds \(g(rows[k].marginal)): more than parcels ranked above it; rank \(s) front-loads coverage"
            } else if s > buildableRank {
                rows[k].verdict = .moveDown
                rows[k].reason = "adds \(g(rows[k].marginal)), less than parcels ranked below it; rank \(s) front-loads coverage"
            } else {
                rows[k].verdict = .keep
                rows[k].reason = "adds \(g(rows[k].marginal)) \(options.site.weight.rawValue) at the right place in the order"
            }
        }
    }

    /// How far the list falls short of the best, as a share of the best: "X % short of the best".
    public var shortPercent: Double { best.objective > 0 ? max(0, best.objective - listWeight) / best.objective * 100 : 0 }
    /// How much more the best reaches, as a share of the list: "the best is Y % more".
    public var bestMorePercent: Double? { listWeight > 0 ? max(0, best.objective - listWeight) / listWeight * 100 : nil }
}
