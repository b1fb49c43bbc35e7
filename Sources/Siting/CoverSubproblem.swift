/// Relaxation-enforced neighbourhood search (RENS, Berthold 2014) for maximal covering where the
/// simplex LP cannot be had: the sites the first-order LP point opens (almost) fully stay open, those
/// it leaves (almost) shut stay shut, and the sites in between form a smaller covering problem, solved
/// by this solver in its share of the time. Its answer with the fixed sites is an answer of the whole,
/// and a start for the perturbation search.
extension MaximalCoveringSolver {
    /// Offers the sub-problem's answer (improved by swaps) to `best`.
    func searchSubproblem(around x: [Double], _ best: inout CoverState, clock: Clock) {
        guard options.subproblemShare > 0, x.count == model.byCandidate.count else { return }
        let fixed = x.indices.filter { x[$0] >= options.subproblemOpen }
        let free = x.indices.filter { x[$0] > options.subproblemShut && x[$0] < options.subproblemOpen }
        guard let limit = remainingLimit(after: fixed) else { return }
        guard !free.isEmpty, limit != .count(0) else {
            offer(fixed, to: &best, improve: true, clock: clock)   // the fixed sites are the whole answer
            return
        }
        var covered = [Bool](repeating: false, count: model.weights.count)
        for j in fixed { for k in model.byCandidate[j] { covered[Int(k)] = true } }
        let sub = MaximalCoveringProblem(
            weights: model.weights,
            sets: CoverageSets(demandCount: model.weights.count, byCandidate: free.map { model.byCandidate[$0] }),
            alreadyCovered: covered, costs: free.map { model.costs[$0] }, limit: limit)
        var subOptions = options
        subOptions.timeLimit = max(0, clock.left * options.subproblemShare)
        subOptions.subproblemShare = 0
        subOptions.progress = nil
        let s = sub.solve(subOptions)
        if s.feasible { offer(fixed + s.chosen.map { free[$0] }, to: &best, improve: true, clock: clock) }
        if s.stop == .timeLimit { clock.shareRanOut() }
        clock.phase("sub-problem (\(fixed.count) sites fixed, \(free.count) free)")
    }

    /// The limit left for the free sites once `fixed` are open; nil when they exceed it.
    private func remainingLimit(after fixed: [Int]) -> SiteLimit? {
        switch problem.limit {
        case .count(let p): return fixed.count <= p ? .count(p - fixed.count) : nil
        case .budget(let b):
            let left = b - fixed.reduce(0) { $0 + model.costs[$1] }
            return left >= 0 ? .budget(left) : nil
        }
    }
}
