/// Open sites with, per demand, the nearest and second-nearest open distances (the fallback standing
/// in for "none"): what Whitaker's fast interchange needs to price a swap in one pass over a column.
struct MedianState {
    let model: MedianModel
    private(set) var open: [Bool]
    private(set) var sites: [Int] = []
    private(set) var d1: [Double]
    private(set) var d2: [Double]
    /// Nearest open site, or -1 when the fallback is nearer.
    private(set) var near: [Int32]
    private(set) var cost = 0.0

    init(_ model: MedianModel, sites: [Int]) {
        self.model = model
        open = [Bool](repeating: false, count: model.m)
        for j in sites { open[j] = true }
        self.sites = sites
        d1 = model.fallback
        d2 = model.fallback
        near = [Int32](repeating: -1, count: model.n)
        for i in 0..<model.n { assign(i) }
        total()
    }

    /// Nearest and second-nearest open distance of demand `i`, from its row.
    private mutating func assign(_ i: Int) {
        var first = -1
        var a = model.fallback[i], b = model.fallback[i]
        let rows = model.rows
        for t in rows.range(i) {
            let d = rows.distance[t]
            if d >= b { break }
            let j = Int(rows.index[t])
            guard open[j] else { continue }
            if first < 0 { first = j; a = d } else { b = d; break }
        }
        if first < 0 { a = model.fallback[i] }
        d1[i] = a; d2[i] = first < 0 ? a : b; near[i] = Int32(first)
    }

    /// Σ w_i d_i, always in the same order, so that equal answers have equal costs.
    private mutating func total() {
        cost = 0
        for i in 0..<model.n { cost += model.weights[i] * d1[i] }
    }

    /// Only demands within their second-nearest distance of `r` or `j` can change (columns are
    /// nearest first); each is assigned again from its row, as `init` does.
    mutating func swap(out r: Int, in j: Int) {
        open[r] = false; open[j] = true
        sites[sites.firstIndex(of: r)!] = j
        let farthest = d2.max() ?? 0
        let cols = model.cols
        for c in [r, j] {
            for t in cols.range(c) {
                let d = cols.distance[t]
                if d > farthest { break }
                let i = Int(cols.index[t])
                if d <= d2[i] { assign(i) }
            }
        }
        total()
    }

    /// Per open site: the cost of closing it (its demands move to their second choice).
    func losses() -> [Double] {
        var loss = [Double](repeating: 0, count: model.m)
        for i in 0..<model.n where near[i] >= 0 { loss[Int(near[i])] += model.weights[i] * (d2[i] - d1[i]) }
        return loss
    }
}

/// The p-median instance as arrays: rows (per demand) and columns (per candidate), fallbacks folded in.
struct MedianModel {
    let n: Int, m: Int, p: Int
    let weights: [Double]
    let fallback: [Double]
    /// Per demand: every listed (site, distance), nearest first.
    let rows: DistanceRows
    /// Per candidate: (demand, distance) of the demands it reaches nearer than their fallback, nearest first.
    let cols: DistanceRows
    let integral: Bool

    init(_ problem: PMedianProblem) {
        n = problem.weights.count
        m = problem.distances.candidateCount
        p = problem.p
        weights = problem.weights
        let fallback = (0..<n).map(problem.fallback)
        self.fallback = fallback
        rows = DistanceRows(problem.distances.sites, problem.distances.distances)
        // Nearest first: a scan of a column stops at the farthest distance that can still matter.
        cols = DistanceRows(transposing: rows, columns: m) { i, d in d < fallback[i] }
        integral = weights.allSatisfy { $0 == $0.rounded() } && fallback.allSatisfy { $0 == $0.rounded() }
            && rows.distance.allSatisfy { $0 == $0.rounded() }
    }
}
