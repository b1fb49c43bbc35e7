/// Iterated local search for maximal covering: a round opens one to three candidates that reach
/// demands no open site reaches, closes random open sites to make room, improves by swaps and keeps the
/// result when it covers more, until rounds in a row bring nothing. Swap local optima of large towns
/// with dense cores lie well below the LP (polycentric 100,000 × 10,000: 2.8 %); moving sites towards
/// what is left uncovered finds the answers single swaps cannot reach. Seeded, so runs repeat.
struct CoverPerturbation {
    /// Rounds in a row without a better answer that end the search.
    let patience: Int
    let limit: SiteLimit
    private var rng = SeededRandom(seed: 1)

    init(patience: Int, limit: SiteLimit) {
        self.patience = patience
        self.limit = limit
    }

    /// Improves `best` until `patience` fruitless rounds, `deadline` (clock seconds) or `done(value)`.
    /// Returns the rounds made.
    @discardableResult
    mutating func search(_ best: inout CoverState, deadline: Double, done: (Double) -> Bool, clock: Clock) -> Int {
        let model = best.model
        guard !best.sites.isEmpty, best.sites.count < model.byCandidate.count else { return 0 }
        var stall = 0, rounds = 0
        while stall < patience, clock.before(deadline), !clock.expired {
            rounds += 1
            var s = best
            var moved: [Int] = []
            for _ in 0..<Int.random(in: 1...3, using: &rng) { moved += kick(&s) }
            CoverSearch.improve(&s, near: moved, limit: limit, clock: clock)
            guard s.value > best.value + 1e-9 * max(1, best.value) else { stall += 1; continue }
            best = s
            stall = 0
            clock.report("coverage perturbation: \(best.value + model.baseline) (round \(rounds))")
            if done(best.value) { return rounds }
        }
        // Rounds look only near their moves: the answer gets one full swap search at the end.
        CoverSearch.improve(&best, limit: limit, clock: clock)
        return rounds
    }

    /// Opens a closed candidate reaching a random uncovered demand (a random closed candidate when none
    /// is found), closing random open sites until it fits. Returns the sites opened and closed.
    private mutating func kick(_ s: inout CoverState) -> [Int] {
        guard let j = enteringSite(s) else { return [] }
        var moved = [j]
        while !CoverSearch.fits(s, adding: j, limit: limit), !s.sites.isEmpty, moved.count <= 10 {
            let out = s.sites[Int.random(in: 0..<s.sites.count, using: &rng)]
            s.remove(out)
            moved.append(out)
        }
        if CoverSearch.fits(s, adding: j, limit: limit), !s.open[j] { s.add(j) }
        return moved
    }

    private mutating func enteringSite(_ s: CoverState) -> Int? {
        let model = s.model
        for _ in 0..<50 {
            let k = Int.random(in: 0..<model.weights.count, using: &rng)
            let reach = model.byDemand[k]
            guard s.count[k] == 0, !reach.isEmpty else { continue }
            let j = Int(reach[Int.random(in: 0..<reach.count, using: &rng)])
            if !s.open[j] { return j }
        }
        for _ in 0..<50 {
            let j = Int.random(in: 0..<model.byCandidate.count, using: &rng)
            if !s.open[j] { return j }
        }
        return nil
    }
}
