import Foundation

/// The coverage LP by a first-order primal–dual method (Chambolle–Pock's PDHG with diagonal
/// preconditioning, restarts to the average and an adaptive primal weight, as in PDLP), for models whose
/// LP the simplex cannot solve in time (100,000 × 10,000 polycentric: CLP's dual simplex still primal
/// infeasible after 150 s). It iterates on the saddle form of the LP
///     max_{x ∈ P} min_{0 ≤ λ ≤ w}  Σ_k w_k + Σ_k λ_k ((A x)_k − 1),   P = {0 ≤ x ≤ 1, Σ_j c_j x_j ≤ B},
/// two sparse products a step. Every λ it reaches is a set of Lagrangian multipliers, so the bound it
/// returns is `CoverBound`'s for the best of them: valid whatever the convergence.
struct CoverPDHG {
    let model: GainModel
    let limit: SiteLimit
    private let sites: SparseRows
    private let demands: SparseRows

    struct Result {
        var lambda: [Double]
        var bound: Double
        /// Best LP value of a primal iterate (Σ w min(1, Ax)): how close the bound is to the LP's.
        var primal: Double
        var iterations: Int
    }

    init(_ model: GainModel, limit: SiteLimit) {
        self.model = model
        self.limit = limit
        sites = SparseRows(model.byCandidate)
        demands = SparseRows(model.byDemand)
    }

    /// Iterates from `start` until `done(bound)`, the bound and the primal value agree within `tolerance`
    /// (relative), `deadline` (clock seconds) or `maxSteps`. `primalPoint` receives the primal point at
    /// each restart.
    func run(from start: [Double], tolerance: Double, deadline: Double, maxSteps: Int = .max, clock: Clock,
             done: (Double) -> Bool, primalPoint: ([Double]) -> Void) -> Result {
        let bounder = CoverBound(model: model, limit: limit)
        var state = Iterate(x: project([Double](repeating: 0, count: sites.count)), lambda: start.indices.map {
            min(max(0, start[$0]), model.weights[$0])
        })
        var weight = max(1e-6, model.weights.reduce(0, +) / Double(max(1, model.weights.count)))
        var best = Result(lambda: state.lambda, bound: bounder.evaluate(state.lambda, fixing: nil).bound,
                          primal: value(state.x), iterations: 0)
        var restart = Restart(gap: best.bound - best.primal, at: state)
        var average = Average(sites: sites.count, demands: demands.count)
        var sinceRestart = 0
        while best.iterations < maxSteps, clock.before(deadline), !clock.expired {
            step(&state, weight: weight)
            average.add(state)
            best.iterations += 1
            sinceRestart += 1
            guard sinceRestart % Self.checkEvery == 0 else { continue }
            let mean = average.mean
            let candidates = [state, mean].map { it in
                (it, bounder.evaluate(it.lambda, fixing: nil).bound, value(it.x))
            }
            for (it, bound, primal) in candidates {
                if bound < best.bound { best.bound = bound; best.lambda = it.lambda }
                best.primal = max(best.primal, primal)
            }
            if done(best.bound) || best.bound - best.primal <= tolerance * max(1, abs(best.bound)) { break }
            let pick = candidates.min { $0.1 - $0.2 < $1.1 - $1.2 }!
            let gap = pick.1 - pick.2
            guard restart.due(gap: gap, iterations: sinceRestart, total: best.iterations) else { continue }
            weight = restart.adaptedWeight(weight, to: pick.0)
            restart = Restart(gap: gap, at: pick.0)
            state = pick.0
            average = Average(sites: sites.count, demands: demands.count)
            sinceRestart = 0
            primalPoint(state.x)
            clock.report("coverage PDHG: bound \(best.bound + model.baseline), LP ≥ \(best.primal + model.baseline)")
        }
        return best
    }

    static let checkEvery = 64
    /// Steps stay below the preconditioned operator norm's limit of 1.
    private static let stepScale = 0.95

    /// One PDHG step: x ← Π_P(x + τ Aᵀλ), λ ← Π_[0,w](λ − σ (A(2x' − x) − 1)), with τ_j = η / (ω |column j|)
    /// and σ_k = η ω / |row k| (Pock–Chambolle's diagonal steps), ω the primal weight.
    private func step(_ s: inout Iterate, weight: Double) {
        let g = sites.products(s.lambda)
        let tau = s.x.indices.map { Self.stepScale / (weight * Double(max(1, sites.length($0)))) }
        var y = s.x
        for j in y.indices { y[j] += tau[j] * g[j] }
        let next = project(y, metric: tau)
        var extrapolated = next
        for j in next.indices { extrapolated[j] = 2 * next[j] - s.x[j] }
        let r = demands.products(extrapolated)
        for k in s.lambda.indices {
            let sigma = Self.stepScale * weight / Double(max(1, demands.length(k)))
            s.lambda[k] = min(model.weights[k], max(0, s.lambda[k] - sigma * (r[k] - 1)))
        }
        s.x = next
    }

    /// Σ_k w_k min(1, (Ax)_k) for x ∈ P: the LP value of a primal point, at most the LP's optimum.
    func value(_ x: [Double]) -> Double {
        let r = demands.products(x)
        var v = 0.0
        for k in r.indices { v += model.weights[k] * min(1, r[k]) }
        return v
    }

    /// The nearest point of P in the norm the steps use (Σ (x_j − y_j)² / metric_j; 1 when nil):
    /// clip(y − μ metric c, 0, 1) with the least μ ≥ 0 that keeps Σ c x within the limit. (The
    /// Euclidean projection would make PDHG converge to a point that is no saddle point.)
    func project(_ y: [Double], metric: [Double]? = nil) -> [Double] {
        let (costs, room): ([Double], Double) = {
            switch limit {
            case .count(let p): return ([Double](repeating: 1, count: y.count), Double(p))
            case .budget(let b): return (model.costs, b)
            }
        }()
        let shift = metric.map { zip($0, costs).map(*) } ?? costs
        func at(_ mu: Double) -> ([Double], Double) {
            var x = y, used = 0.0
            for j in x.indices { x[j] = min(1, max(0, y[j] - mu * shift[j])); used += costs[j] * x[j] }
            return (x, used)
        }
        var (x, used) = at(0)
        guard used > room else { return x }
        var lo = 0.0, hi = 1.0
        for j in y.indices where shift[j] > 0 { hi = max(hi, y[j] / shift[j]) }
        for _ in 0..<60 {
            let mid = (lo + hi) / 2
            (x, used) = at(mid)
            if used > room { lo = mid } else { hi = mid }
        }
        return at(hi).0
    }
}

/// A primal point and its multipliers.
private struct Iterate { var x: [Double]; var lambda: [Double] }

/// The running mean of the iterates since the last restart.
private struct Average {
    private var x: [Double]
    private var lambda: [Double]
    private var count = 0.0

    init(sites: Int, demands: Int) {
        x = [Double](repeating: 0, count: sites)
        lambda = [Double](repeating: 0, count: demands)
    }

    mutating func add(_ s: Iterate) {
        count += 1
        for j in x.indices { x[j] += (s.x[j] - x[j]) / count }
        for k in lambda.indices { lambda[k] += (s.lambda[k] - lambda[k]) / count }
    }

    var mean: Iterate { Iterate(x: x, lambda: lambda) }
}

/// PDLP's restart rule on the duality gap: restart to the better of the current and the average point
/// once its gap has fallen to a fifth of the gap at the last restart, or below four fifths and rising,
/// or when the run since the restart is long compared with the whole.
private struct Restart {
    let gap: Double
    let at: Iterate
    private var lastGap = Double.infinity

    init(gap: Double, at: Iterate) {
        self.gap = gap
        self.at = at
    }

    mutating func due(gap now: Double, iterations: Int, total: Int) -> Bool {
        defer { lastGap = now }
        if now <= 0.2 * gap { return true }
        if now <= 0.8 * gap && now > lastGap { return true }
        return Double(iterations) >= 0.36 * Double(total)
    }

    /// ω moved halfway (in logarithms) towards how far the multipliers moved per unit the sites moved.
    func adaptedWeight(_ weight: Double, to next: Iterate) -> Double {
        var dx = 0.0, dl = 0.0
        for j in next.x.indices { dx += (next.x[j] - at.x[j]) * (next.x[j] - at.x[j]) }
        for k in next.lambda.indices { dl += (next.lambda[k] - at.lambda[k]) * (next.lambda[k] - at.lambda[k]) }
        guard dx > 1e-20, dl > 1e-20 else { return weight }
        return exp(0.5 * (0.5 * log(dl / dx)) + 0.5 * log(weight))
    }
}
