/// Lagrangian upper bound for maximal covering. Relaxing "a demand counts only if an open site reaches
/// it" with multipliers λ ≥ 0 gives
///     UB(λ) = Σ_i max(0, w_i − λ_i) + best choice of sites by g_j = Σ_{i reached by j} λ_i,
/// where the best choice is the p largest g_j (count) or a fractional knapsack (budget), with forced
/// sites in and forced-closed sites out. Every λ gives a valid bound; subgradient steps tighten it.
/// A cut row Σ a_j y_j − Σ_{k ∈ K} z_k ≥ l relaxed with μ ≥ 0 adds −μ l to the bound, μ a_j to g_j and
/// μ to the price λ_k of each z_k it holds.
struct CoverBound {
    let model: GainModel
    let limit: SiteLimit

    struct Relaxation {
        var bound: Double
        /// Sites the relaxation opens (integral part), forced ones included.
        var sites: [Int]
        /// Per site, how much of it the relaxation opens (1, or a fraction for the knapsack's last item).
        var amount: [Double]
        var g: [Double]
    }

    func evaluate(_ lambda: [Double], fixing: Fixing?, cuts: (pool: CoverCutPool, mu: [Double])? = nil) -> Relaxation {
        let m = model.byCandidate.count
        var g = [Double](repeating: 0, count: m)
        for j in 0..<m {
            var s = 0.0
            for i in model.byCandidate[j] { s += lambda[Int(i)] }
            if let (pool, mu) = cuts { for (c, a) in pool.bySite[j] { s += mu[Int(c)] * a } }
            g[j] = s
        }
        var bound = 0.0
        var price = lambda
        if let (pool, mu) = cuts {
            for c in 0..<pool.count {
                bound -= mu[c] * pool.lower[c]
                for k in pool.members[c] { price[Int(k)] += mu[c] }
            }
        }
        for (w, l) in zip(model.weights, price) where w > l { bound += w - l }
        var amount = [Double](repeating: 0, count: m)
        var sites: [Int] = []
        var free: [Int] = []
        for j in 0..<m {
            switch fixing?.state[j] ?? 0 {
            case 1: bound += g[j]; amount[j] = 1; sites.append(j)
            case 0: if g[j] > 0 { free.append(j) }
            default: break
            }
        }
        switch limit {
        case .count(let p):
            let k = max(0, p - (fixing?.openCount ?? 0))
            free.sort { (g[$0], -$0) > (g[$1], -$1) }
            for j in free.prefix(k) { bound += g[j]; amount[j] = 1; sites.append(j) }
        case .budget(let b):
            var room = b - (fixing?.openCost ?? 0)
            free.sort { ratio(g, $0) > ratio(g, $1) || (ratio(g, $0) == ratio(g, $1) && $0 < $1) }
            for j in free {
                let c = model.costs[j]
                if c <= room + 1e-12 {
                    bound += g[j]; amount[j] = 1; sites.append(j); room -= c
                } else if room > 0 {
                    bound += g[j] * room / c; amount[j] = room / c
                    break
                }
            }
        }
        return Relaxation(bound: bound, sites: sites, amount: amount, g: g)
    }

    private func ratio(_ g: [Double], _ j: Int) -> Double {
        let c = model.costs[j]
        return c > 0 ? g[j] / c : g[j] * 1e12
    }

    /// Subgradient steps from `lambda` (updated in place). Returns the best bound seen and calls
    /// `feasible` with the relaxation's sites every few steps (they are a feasible choice).
    func tighten(_ lambda: inout [Double], fixing: Fixing?, iterations: Int, patience: Int = 8, incumbent: () -> Double,
                 target: (Double) -> Bool, feasible: ([Int]) -> Void, clock: Clock) -> (bound: Double, last: Relaxation) {
        var best = Double.infinity
        var bestLambda = lambda
        var theta = 1.0
        var stall = 0
        var last = evaluate(lambda, fixing: fixing)
        for it in 0..<iterations {
            if last.bound < best - 1e-9 {
                best = last.bound; bestLambda = lambda; stall = 0
            } else {
                stall += 1
                if stall >= patience { theta /= 2; stall = 0 }
            }
            if target(best) || theta < 1e-5 || clock.expired { break }
            if it % 5 == 0 { feasible(last.sites) }
            // Subgradient of UB: (reach of the chosen sites) − y.
            var s = [Double](repeating: 0, count: model.weights.count)
            for (i, (w, l)) in zip(model.weights, lambda).enumerated() where w > l { s[i] = -1 }
            for j in 0..<last.amount.count where last.amount[j] > 0 {
                for i in model.byCandidate[j] { s[Int(i)] += last.amount[j] }
            }
            let norm = s.reduce(0) { $0 + $1 * $1 }
            guard norm > 0 else { break }   // the relaxation is feasible and complementary: optimal
            let step = theta * max(best - incumbent(), 1e-6 * max(1, best)) / norm
            for i in 0..<lambda.count { lambda[i] = max(0, lambda[i] - step * s[i]) }
            last = evaluate(lambda, fixing: fixing)
        }
        if last.bound < best { best = last.bound; bestLambda = lambda }
        lambda = bestLambda
        return (best, last)
    }
}
