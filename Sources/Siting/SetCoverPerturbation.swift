/// Iterated local search for set covering: a round closes two to four open sites that share demands
/// with a random one, covers what they leave by the greedy (on the LP's scores, the closed sites kept
/// out), drops redundant sites and runs the replacement search (`SetCoverSearch`). The result is kept
/// when it costs no more than the current cover — unit costs make wide plateaus of equal covers, and
/// moving along them is how the search gets off one — and becomes the best when it costs less.
/// Seeded, so runs repeat.
struct SetCoverPerturbation {
    /// Rounds in a row without a cheaper cover that end the search.
    let patience: Int
    private var rng = SeededRandom(seed: 1)

    init(patience: Int) { self.patience = patience }

    /// Improves `best` until `patience` fruitless rounds, `deadline` (clock seconds) or `done(cost)`;
    /// `scores` are the greedy's per-site costs (nil: the sites' own). Returns the rounds made.
    @discardableResult
    mutating func search(_ best: inout [Int], in solver: SetCoveringSolver, scores: [Double]?, deadline: Double,
                         done: (Double) -> Bool, clock: Clock) -> Int {
        guard !best.isEmpty else { return 0 }
        var current = best
        // Whether `current` came out of the replacement search (then no move improves it).
        var polished = false
        var stall = 0, rounds = 0
        while stall < patience, clock.before(deadline), !clock.expired {
            rounds += 1
            stall += 1
            guard let s = round(from: current, polished: polished, in: solver, scores: scores) else { continue }
            guard solver.cost(s) <= solver.cost(current) + 1e-9 else { continue }
            current = s
            polished = true
            guard solver.cost(s) < solver.cost(best) - 1e-9 else { continue }
            best = s
            stall = 0
            clock.report("cover-all perturbation: \(solver.cost(best)) (round \(rounds))")
            if done(solver.cost(best)) { break }
        }
        return rounds
    }

    /// `sites` with two to four neighbouring open sites closed and the cover completed and polished
    /// (where `sites` are `polished`, only around what changed); nil when only the closed sites reach
    /// some demand.
    private mutating func round(from sites: [Int], polished: Bool, in solver: SetCoveringSolver,
                                scores: [Double]?) -> [Int]? {
        let m = solver.byCandidate.count
        var open = [Bool](repeating: false, count: m)
        for j in sites { open[j] = true }
        let a = sites[Int.random(in: 0..<sites.count, using: &rng)]
        var near = [a]
        for i in solver.byCandidate[a] {
            for j in solver.byDemand[Int(i)] where open[Int(j)] && !near.contains(Int(j)) { near.append(Int(j)) }
        }
        near.shuffle(using: &rng)
        let closed = Set(near.prefix(Int.random(in: 2...4, using: &rng)))
        var fixing = Fixing(candidates: m)
        for j in sites { fixing.state[j] = 1 }
        for j in closed { fixing.state[j] = -1 }
        guard let cover = solver.greedy(reduced: scores, fixing: fixing) else { return nil }
        return solver.replacementSearch.improve(solver.removeRedundant(cover, fixing: nil), fixing: nil,
                                                after: polished ? sites : nil)
    }
}
