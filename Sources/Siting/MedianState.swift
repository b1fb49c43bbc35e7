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
        let row = model.rowSites[i], dist = model.rowDistances[i]
        for k in 0..<row.count {
            let d = dist[k]
            if d >= b { break }
            guard open[Int(row[k])] else { continue }
            if first < 0 { first = Int(row[k]); a = d } else { b = d; break }
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
        for c in [r, j] {
            let col = model.colDemands[c], dist = model.colDistances[c]
            for k in 0..<col.count {
                if dist[k] > farthest { break }
                let i = Int(col[k])
                if dist[k] <= d2[i] { assign(i) }
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
    let rowSites: [[Int32]]
    let rowDistances: [[Double]]
    /// Per candidate: (demand, distance) of the demands it reaches nearer than their fallback, nearest first.
    let colDemands: [[Int32]]
    let colDistances: [[Double]]
    let integral: Bool

    init(_ problem: PMedianProblem) {
        n = problem.weights.count
        m = problem.distances.candidateCount
        p = problem.p
        weights = problem.weights
        fallback = (0..<n).map(problem.fallback)
        rowSites = problem.distances.sites
        rowDistances = problem.distances.distances
        var cd = [[Int32]](repeating: [], count: m)
        var cdist = [[Double]](repeating: [], count: m)
        for i in 0..<n {
            for (k, j) in rowSites[i].enumerated() where rowDistances[i][k] < fallback[i] {
                cd[Int(j)].append(Int32(i)); cdist[Int(j)].append(rowDistances[i][k])
            }
        }
        // Nearest first: a scan of a column stops at the farthest distance that can still matter.
        for j in 0..<m {
            let order = cd[j].indices.sorted { (cdist[j][$0], cd[j][$0]) < (cdist[j][$1], cd[j][$1]) }
            cd[j] = order.map { cd[j][$0] }
            cdist[j] = order.map { cdist[j][$0] }
        }
        colDemands = cd
        colDistances = cdist
        integral = weights.allSatisfy { $0 == $0.rounded() } && fallback.allSatisfy { $0 == $0.rounded() }
            && rowDistances.allSatisfy { $0.allSatisfy { $0 == $0.rounded() } }
    }
}
