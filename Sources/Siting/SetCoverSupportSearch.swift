extension SetCoveringSolver {
    /// The cheapest cover among the sites LP point `x` uses (RENS, Berthold 2014): set covering again on
    /// those sites alone — its own LP, cuts and tree, no support search of its own — in
    /// `coverAllSupportShare` of the time left, ending at a cover that meets `bound`. On the eight 5,000 × 1,000 towns where it ran, the support
    /// (245–519 of 1,000 sites) held an optimal cover, which the perturbation search did not always
    /// find (docs/siting.md). Nil when it finds no cover.
    func supportSearch(_ x: [Double], bound: Double, clock: Clock) -> [Int]? {
        let support = (0..<byCandidate.count).filter { x[$0] > 1e-9 }
        var sub = options
        sub.timeLimit = max(0, clock.left * options.coverAllSupportShare)
        sub.progress = nil
        sub.searchesSupport = false
        sub.coverFloor = bound
        let sets = CoverageSets(demandCount: byDemand.count, byCandidate: support.map { byCandidate[$0] })
        let found = SetCoveringProblem(sets: sets, costs: support.map { costs[$0] }).solve(sub)
        if found.stop == .timeLimit { clock.shareRanOut() }
        clock.announce("cover-all: \(found.objective) among the \(support.count) sites of the LP")
        let cover = found.chosen.map { support[$0] }
        return problem.covers(cover) ? cover : nil
    }
}
