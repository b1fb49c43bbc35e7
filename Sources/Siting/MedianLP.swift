import LinearProgramming

/// The p-median LP relaxation (ReVelle & Swain's strong form) on capped distance lists, for CLP:
///     min Σ_i w_i c_i + Σ_{i, j: d_ij < c_i} w_i (d_ij − c_i) x_ij
///     s.t. Σ_j x_ij ≤ 1 (per demand),  x_ij ≤ y_j,  Σ y_j ≤ p,  0 ≤ x, y ≤ 1.
/// Demand i pays at most its cap c_i ≤ f_i, so the program is a relaxation of the real one whatever the
/// caps; caps near where answers send each demand keep it small (a dense 5,000 × 1,000 instance has
/// 5 M pairs; capped, about 100 k). Columns 0..<m are the sites, then one fixed column carrying the
/// constant, then the pairs. The row duals give Lagrangian multipliers λ_i = w_i c_i − μ_i with which
/// `PMedianSolver.relax`, on the uncapped model, returns a bound that holds whatever CLP's rounding.
struct MedianLP {
    let program: LinearProgram
    /// Per demand: its assignment row (nil for a demand of weight 0 or one no listed site serves below
    /// its cap) and its cap.
    let row: [Int?]
    let caps: [Double]
    /// Per demand: how many of its nearest sites the program lists.
    let listed: [Int]
    let weights: [Double]

    /// `listed[i]` of demand i's nearest sites (fewer where its list or fallback ends first); nil as soon
    /// as the columns past the sites pass `maxPairs` (the program is not built to be thrown away).
    init?(_ model: MedianModel, listed wanted: [Int], maxPairs: Int) {
        var lp = LinearProgram()
        for _ in 0..<model.m { lp.addColumn(cost: 0, lower: 0, upper: 1) }
        let constant = lp.addColumn(cost: 0, lower: 1, upper: 1)
        var row = [Int?](repeating: nil, count: model.n)
        var caps = model.fallback
        var listed = [Int](repeating: 0, count: model.n)
        var total = 0.0
        for i in 0..<model.n {
            let w = model.weights[i], dist = Array(model.rows.distance[model.rows.range(i)])
            let sites = model.rows.index[model.rows.range(i)]
            var k = min(wanted[i], dist.count)
            while k > 0, dist[k - 1] >= model.fallback[i] { k -= 1 }
            if k < dist.count, dist[k] < model.fallback[i] { caps[i] = dist[k] }
            listed[i] = k
            total += w * caps[i]
            guard w > 0 else { continue }
            var entries: [(column: Int, value: Double)] = []
            for t in 0..<k where dist[t] < caps[i] {
                let x = lp.addColumn(cost: w * (dist[t] - caps[i]), lower: 0, upper: 1)
                lp.addRow([(x, 1), (Int(sites[sites.startIndex + t]), -1)], upper: 0)
                entries.append((x, 1))
            }
            if !entries.isEmpty { row[i] = lp.addRow(entries, upper: 1) }
            // Columns only grow: the first demand past the limit settles it.
            if lp.columnCount - model.m > maxPairs { return nil }
        }
        lp.setCost(constant, total)
        lp.addRow((0..<model.m).map { ($0, 1.0) }, upper: Double(min(model.p, model.m)))
        program = lp
        self.row = row
        self.caps = caps
        self.listed = listed
        weights = model.weights
    }

    /// λ_i from a solved program (CLP's prices are ≤ 0 on the assignment rows): w_i c_i where the
    /// row is slack or absent, less the row's price where it binds; never below 0.
    func multipliers(_ solver: LPSolver) -> [Double] {
        let y = solver.rowDuals
        return row.indices.map { i in max(0, weights[i] * caps[i] + (row[i].map { y[$0] } ?? 0)) }
    }

    /// Demands the LP sends partly beyond their cap (assignment row slack) while sites lie beyond it:
    /// there the cap, not the model, sets the bound.
    func capped(_ solver: LPSolver, model: MedianModel) -> [Int] {
        let activity = solver.rowActivities
        return row.indices.filter { i in
            guard weights[i] > 0, caps[i] < model.fallback[i] else { return false }
            return row[i].map { activity[$0] < 1 - 1e-6 } ?? true
        }
    }
}
