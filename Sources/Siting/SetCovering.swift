/// Set covering (Toregas et al. 1971): the fewest new sites, or the least total cost, so that every
/// demand some candidate reaches is reached. Demands no candidate reaches, and those the existing
/// facilities already reach, are left out (the caller reports the first as uncoverable).
public struct SetCoveringProblem: Sendable {
    public let sets: CoverageSets
    public let alreadyCovered: [Bool]
    public let costs: [Double]

    public init(sets: CoverageSets, alreadyCovered: [Bool]? = nil, costs: [Double]? = nil) {
        self.sets = sets
        self.alreadyCovered = alreadyCovered ?? [Bool](repeating: false, count: sets.demandCount)
        self.costs = costs ?? [Double](repeating: 1, count: sets.candidateCount)
    }

    /// Demands that must be reached: not already covered, and reachable by some candidate.
    public var required: [Int] {
        (0..<sets.demandCount).filter { !alreadyCovered[$0] && !sets.byDemand[$0].isEmpty }
    }

    public func covers(_ sites: [Int]) -> Bool {
        var reached = alreadyCovered
        for j in sites { for i in sets.byCandidate[j] { reached[Int(i)] = true } }
        return required.allSatisfy { reached[$0] }
    }

    public func cost(_ sites: [Int]) -> Double { sites.reduce(0) { $0 + costs[$1] } }

    public func solve(_ options: SolverOptions = .init()) -> SitingSolution {
        SetCoveringSolver(self, options).solve()
    }
}

/// Lagrangian lower bound (relaxing the cover constraints with u ≥ 0):
///     LB(u) = Σ_i u_i + Σ_j min(0, c_j − Σ_{i reached by j} u_i), forced sites always counted,
/// greedy on reduced costs for answers, branch and bound to prove.
struct SetCoveringSolver {
    let problem: SetCoveringProblem
    let options: SolverOptions
    /// Required demands renumbered 0..<n.
    let byCandidate: [[Int32]]
    let byDemand: [[Int32]]
    let costs: [Double]
    let integral: Bool
    /// (demand, site) pairs: the size that sets the exact nodes and the Lagrangian tree's limit.
    let pairs: Int

    init(_ problem: SetCoveringProblem, _ options: SolverOptions) {
        self.problem = problem
        self.options = options
        let required = problem.required
        var index = [Int32](repeating: -1, count: problem.sets.demandCount)
        for (k, i) in required.enumerated() { index[i] = Int32(k) }
        byCandidate = problem.sets.byCandidate.map { $0.compactMap { index[Int($0)] >= 0 ? index[Int($0)] : nil } }
        byDemand = CoverageSets.invert(byCandidate, count: required.count) { Int($0) }
        costs = problem.costs
        integral = costs.allSatisfy { $0 == $0.rounded() }
        pairs = byCandidate.reduce(0) { $0 + $1.count }
    }

    /// No answer better than `value` (beyond the gap tolerance, unless `exact`) lies above bound `lb`,
    /// nor below `options.coverFloor`.
    func closes(_ lb: Double, _ value: Double, exact: Bool = false) -> Bool {
        let slack = options.slack(value, exact: exact)
        return whole(max(lb, options.coverFloor)) >= value - slack
    }

    /// Bound `lb` as it holds for covers: whole costs make every cover's cost whole, so it rounds up.
    func whole(_ lb: Double) -> Double { integral ? (lb - 1e-6).rounded(.up) : lb }

    /// Above which bound `closes` holds against `value` (integral costs: any bound over the whole
    /// number below the slack's).
    func cutoff(_ value: Double, exact: Bool) -> Double {
        guard !closes(-.infinity, value, exact: exact) else { return -.infinity }
        let slack = options.slack(value, exact: exact)
        return integral ? (value - slack).rounded(.up) - 1 + 2e-6 : value - slack
    }

    /// Greedy by (cost − used multipliers) per newly reached demand, then drop redundant sites.
    func greedy(reduced: [Double]?, fixing: Fixing?) -> [Int]? {
        let n = byDemand.count, m = byCandidate.count
        var reached = [Bool](repeating: false, count: n)
        var left = n
        var open = [Bool](repeating: false, count: m)
        var sites: [Int] = []
        func take(_ j: Int) {
            open[j] = true; sites.append(j)
            for i in byCandidate[j] where !reached[Int(i)] { reached[Int(i)] = true; left -= 1 }
        }
        for j in 0..<m where fixing?.state[j] == 1 { take(j) }
        // Each unreached demand must be reached: pick, among its allowed sites, by score.
        var heap = MaxHeap()
        func score(_ j: Int) -> Double {
            var k = 0
            for i in byCandidate[j] where !reached[Int(i)] { k += 1 }
            guard k > 0 else { return -.infinity }
            let c = max(reduced?[j] ?? costs[j], 1e-9 * max(1, costs[j]))
            return Double(k) / c
        }
        for j in 0..<m where !open[j] && fixing?.state[j] != -1 { heap.push(score(j), j) }
        while left > 0, let (stale, j) = heap.pop() {
            guard stale > -.infinity else { break }
            let s = score(j)
            if let next = heap.top, s < next.key || (s == next.key && j > next.item) { heap.push(s, j); continue }
            if s == -.infinity { continue }
            take(j)
        }
        guard left == 0 else { return nil }
        return removeRedundant(sites, fixing: fixing)
    }

    /// Takes cover `s` as `best` if it is cheaper, after one or two of its sites are replaced by one that
    /// costs less (`SetCoverSearch`) — tried only on covers within `polishWithin` of `best`: on 1,500 m villages a
    /// pass costs more than the LP node that produced the cover.
    func offer(_ s: [Int], to best: inout [Int]) {
        guard cost(s) <= cost(best) * (1 + options.polishWithin) else { return }
        let improved = replacementSearch.improve(s, fixing: nil)
        if cost(improved) < cost(best) - 1e-9 { best = improved }
    }

    var replacementSearch: SetCoverSearch { SetCoverSearch(byCandidate: byCandidate, byDemand: byDemand, costs: costs) }

    /// Drops sites whose demands all have another open site, most expensive first.
    func removeRedundant(_ sites: [Int], fixing: Fixing?) -> [Int] {
        var count = [Int32](repeating: 0, count: byDemand.count)
        for j in sites { for i in byCandidate[j] { count[Int(i)] += 1 } }
        var kept = Set(sites)
        for j in sites.sorted(by: { (costs[$0], $0) > (costs[$1], $1) }) where fixing?.state[j] != 1 {
            if byCandidate[j].allSatisfy({ count[Int($0)] > 1 }) {
                kept.remove(j)
                for i in byCandidate[j] { count[Int(i)] -= 1 }
            }
        }
        return sites.filter { kept.contains($0) }
    }

    func cost(_ sites: [Int]) -> Double { sites.reduce(0) { $0 + costs[$1] } }

    struct Relaxation { var bound: Double; var open: [Bool]; var reduced: [Double] }

    /// With `cuts`, their rows are relaxed too, at multipliers `duals` (≥ 0).
    func relax(_ u: [Double], fixing: Fixing?, cuts: (pool: CoverCutPool, duals: [Double])? = nil) -> Relaxation {
        let m = byCandidate.count
        var bound = u.reduce(0, +)
        if let (pool, v) = cuts { for k in 0..<pool.count { bound += v[k] * pool.lower[k] } }
        var open = [Bool](repeating: false, count: m)
        var reduced = costs
        for j in 0..<m {
            var s = 0.0
            for i in byCandidate[j] { s += u[Int(i)] }
            if let (pool, v) = cuts { for (k, a) in pool.bySite[j] { s += v[Int(k)] * a } }
            reduced[j] = costs[j] - s
            switch fixing?.state[j] ?? 0 {
            case 1: bound += reduced[j]; open[j] = true
            case 0: if reduced[j] < 0 { bound += reduced[j]; open[j] = true }
            default: break
            }
        }
        return Relaxation(bound: bound, open: open, reduced: reduced)
    }

    func tighten(_ u: inout [Double], fixing: Fixing?, iterations: Int, exact: Bool = true, incumbent: () -> Double,
                 found: ([Int]) -> Void, clock: Clock) -> (bound: Double, last: Relaxation) {
        var best = -Double.infinity
        var bestU = u
        var theta = 1.0, stall = 0
        var last = relax(u, fixing: fixing)
        for it in 0..<iterations {
            if last.bound > best + 1e-9 { best = last.bound; bestU = u; stall = 0 } else {
                stall += 1
                if stall >= 8 { theta /= 2; stall = 0 }
            }
            if closes(best, incumbent(), exact: exact) || theta < 1e-5 || clock.expired { break }
            if it % 5 == 0, let s = greedy(reduced: last.reduced.map { max($0, 0) }, fixing: fixing) { found(s) }
            var g = [Double](repeating: 1, count: byDemand.count)
            for j in 0..<byCandidate.count where last.open[j] { for i in byCandidate[j] { g[Int(i)] -= 1 } }
            let norm = g.reduce(0) { $0 + $1 * $1 }
            guard norm > 0 else { break }
            let step = theta * max(incumbent() - best, 1e-6 * max(1, abs(best))) / norm
            for i in 0..<u.count { u[i] = max(0, u[i] + step * g[i]) }
            last = relax(u, fixing: fixing)
        }
        if last.bound > best { best = last.bound; bestU = u }
        u = bestU
        return (best, last)
    }

    func solve() -> SitingSolution {
        let clock = Clock(options)
        guard !byDemand.isEmpty else {
            return SitingSolution(chosen: [], objective: 0, bound: 0, sense: .minimise, proven: true,
                                  phases: [("greedy", 0)], nodes: 0)
        }
        var incumbent = greedy(reduced: nil, fixing: nil)!
        offer(incumbent, to: &incumbent)
        clock.phase("greedy")
        var u = byDemand.map { list in list.map { costs[Int($0)] }.min()! / Double(max(1, list.count)) }
        let steps = { (n: Int) in
            tighten(&u, fixing: nil, iterations: n, incumbent: { cost(incumbent) },
                    found: { offer($0, to: &incumbent) }, clock: clock).bound
        }
        // The first multipliers price sites above their costs; with none at all the bound is Σ min(0, c_j),
        // which a run stopped at once (`--time-limit 0`) reports rather than a negative count of sites.
        let atZero = costs.reduce(0) { $0 + min(0, $1) }
        var rootBound = max(atZero, steps(min(options.coverAllStepsBeforeLP, options.coverAllLagrangianSteps)))
        clock.phase("bound")
        clock.report("cover-all: best \(cost(incumbent)), bound \(rootBound)")
        var search = SearchOutcome(bound: rootBound)
        var searched = true
        if !closes(rootBound, cost(incumbent), exact: true), !clock.expired {
            if let lp = lpSearch(&incumbent, clock: clock) {
                search = lp
                search.bound = max(search.bound, rootBound)
            } else {
                // No LP: the rest of the steps, from where the first ones left the multipliers.
                rootBound = max(rootBound, steps(max(0, options.coverAllLagrangianSteps - options.coverAllStepsBeforeLP)))
                clock.phase("Lagrangian bound")
                search = SearchOutcome(bound: rootBound)
                if pairs > options.branchingLimit {
                    searched = false
                } else if !closes(rootBound, cost(incumbent), exact: true) {
                    search = lagrangianSearch(&incumbent, u: u, rootBound: rootBound, clock: clock)
                }
            }
        }
        // Whole costs: no cover costs a fraction, so the bound rounds up.
        let bound = whole(search.bound)
        let proven = closes(bound, cost(incumbent), exact: true)
        let objective = cost(incumbent)
        var solution = SitingSolution(chosen: incumbent, objective: objective, bound: proven ? objective : min(objective, bound),
                                      sense: .minimise, proven: proven, phases: clock.phases, nodes: search.nodes)
        solution.stop = .of(proven: proven, timedOut: clock.expired, searched: searched)
        solution.timedPhases = clock.timedAtEnd
        return solution
    }

    /// Branch and bound with a warm-started Lagrangian at each node, where no LP can be had.
    private func lagrangianSearch(_ incumbent: inout [Int], u: [Double], rootBound: Double, clock: Clock) -> SearchOutcome {
        let m = byCandidate.count
        var search = SearchOutcome(bound: rootBound)
        var pruned = Double.infinity
        var evaluated = 0
        let exactNodes = options.exactNodes(pairs: pairs)
        let left = BranchAndBound<[Double]>.run(
            root: Fixing(candidates: m), rootState: u, rootBound: rootBound, maximise: false, costs: costs, clock: clock,
            evaluate: { fixing, u in
                evaluated += 1
                let exact = evaluated <= exactNodes
                // Infeasible when some demand has every site forced closed.
                for list in byDemand where list.allSatisfy({ fixing.state[Int($0)] == -1 }) { return .pruned }
                let (lb, last) = tighten(&u, fixing: fixing, iterations: 60, exact: exact, incumbent: { cost(incumbent) },
                                         found: { offer($0, to: &incumbent) }, clock: clock)
                clock.report("cover-all branch and bound: best \(cost(incumbent))")
                if closes(lb, cost(incumbent), exact: exact) { pruned = min(pruned, lb); return .pruned }
                var pick = -1, best = Double.infinity
                for j in 0..<m where fixing.state[j] == 0 && last.reduced[j] < best { pick = j; best = last.reduced[j] }
                return pick < 0 ? .pruned : .branch(pick, bound: lb)
            }, nodes: &search.nodes)
        clock.phase("branch and bound")
        search.bound = max(rootBound, min(pruned, left ?? cost(incumbent)))
        search.stoppedByTime = left != nil && clock.expired
        return search
    }
}
