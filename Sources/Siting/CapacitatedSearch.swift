/// Answers for capacitated coverage: greedy by exact flow gain among the most promising sites, swap
/// search, and exhaustive enumeration of small instances. Every value is an exact maximum flow.
struct CapacitatedSearch {
    let problem: CapacitatedCoverageProblem
    /// Sites whose exact gain is computed per step (ranked by `promise`): a search limit, docs/policy.md.
    static let shortlist = 24

    func fits(_ sites: [Int], adding j: Int, removing r: Int? = nil) -> Bool {
        switch problem.limit {
        case .count(let p): return sites.count - (r == nil ? 0 : 1) + 1 <= p
        case .budget(let b):
            let c = sites.reduce(0) { $0 + problem.costs[$1] } - (r.map { problem.costs[$0] } ?? 0) + problem.costs[j]
            return c <= b + 1e-9
        }
    }

    /// Unmet required places a site reaches directly, capped by its capacity: a cheap ranking.
    func promise(_ j: Int, unmet: [Double]) -> Double {
        let reach = problem.sets.byCandidate[j].reduce(0) { $0 + unmet[Int($1)] }
        let v = min(problem.capacities[j], reach)
        if case .budget = problem.limit { return problem.costs[j] > 0 ? v / problem.costs[j] : v * 1e12 }
        return v
    }

    /// The closed sites that fit, most promising first.
    private func ranked(_ sites: [Int], removing r: Int? = nil, unmet u: [Double], count: Int) -> [Int] {
        let open = Set(sites)
        return (0..<problem.sets.candidateCount).filter { !open.contains($0) && fits(sites, adding: $0, removing: r) }
            .map { ($0, promise($0, unmet: u)) }.filter { $0.1 > 1e-9 }
            .sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.prefix(count).map(\.0)
    }

    /// Opens, from `start`, the site of largest exact gain among the shortlist while one gains (and, with a
    /// clock, while time is left).
    func greedy(from start: [Int] = [], clock: Clock?) -> (sites: [Int], total: Double) {
        var net = PlacesNetwork(problem, sites: start)
        while clock?.expired != true {
            var best: (site: Int, gain: Double)?
            for j in ranked(net.sites, unmet: net.unmet, count: Self.shortlist) {
                let g = net.gain(j)
                if g > (best?.gain ?? 1e-9) { best = (j, g) }
            }
            guard let (j, _) = best else { break }
            net.open(j)
        }
        return (net.sites, net.total)
    }

    /// Swaps an open site for one of the most promising closed ones while that assigns more places.
    func improve(_ sites: inout [Int], _ total: inout Double, clock: Clock, until: Double = .infinity) {
        var net = PlacesNetwork(problem, sites: sites)
        var improved = true
        while improved && !clock.expired && clock.before(until) {
            improved = false
            for r in sites {
                let swap: (site: Int, total: Double)? = net.trying { rest in
                    rest.close(r)
                    for j in ranked(sites, removing: r, unmet: rest.unmet, count: Self.shortlist / 2) {
                        let t = rest.total + rest.gain(j)
                        if t > total + 1e-9 { return (j, t) }
                    }
                    return nil
                }
                if let (j, t) = swap {
                    sites = sites.filter { $0 != r } + [j]; total = t; improved = true
                    net.close(r); net.open(j)
                }
                if improved || clock.expired || !clock.before(until) { break }
            }
            clock.report("capacitated coverage: \(total)")
        }
    }

    /// Every feasible set of sites, when there are at most `limit` of them (nil otherwise or on timeout).
    func enumerate(limit: Int, clock: Clock) -> (sites: [Int], total: Double, count: Int)? {
        let m = problem.sets.candidateCount
        var sets: [[Int]] = [[]]
        var frontier: [[Int]] = [[]]
        while !frontier.isEmpty {
            var next: [[Int]] = []
            for s in frontier {
                for j in (s.last.map { $0 + 1 } ?? 0)..<m where fits(s, adding: j) {
                    next.append(s + [j])
                    if sets.count + next.count > limit { return nil }
                }
            }
            sets += next
            frontier = next
        }
        var best: (sites: [Int], total: Double) = ([], problem.assign([]).total)
        for s in sets {
            if clock.expired { return nil }
            let t = problem.assign(s).total
            if t > best.total + 1e-9 { best = (s, t) }
        }
        return (best.sites, best.total, sets.count)
    }
}
