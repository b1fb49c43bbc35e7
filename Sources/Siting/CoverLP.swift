import LinearProgramming

/// The LP relaxation of maximal covering on the reduced model, for CLP:
///     max Σ_k w_k z_k   s.t.  z_k ≤ Σ_{j reaches k} x_j,  Σ x_j ≤ p (or Σ c_j x_j ≤ B),  0 ≤ x, z ≤ 1.
/// Columns 0..<m are the sites, then one per merged demand that two or more sites reach, with its row;
/// a demand only one site reaches is that site's own (z = x): its weight goes into the site's column.
/// The row duals, with λ = w for those single-site demands, are the Lagrangian multipliers at which
/// `CoverBound` equals the LP bound, so every bound reported is recomputed by `CoverBound` from them
/// and holds whatever CLP's rounding.
struct CoverLP {
    let program: LinearProgram
    /// Per demand: its row and its column z, or nil when folded into its only site.
    let row: [Int?]
    let column: [Int?]
    let weights: [Double]

    init(_ model: GainModel, limit: SiteLimit) {
        var lp = LinearProgram()
        let m = model.byCandidate.count
        var own = [Double](repeating: 0, count: m)
        for (k, sites) in model.byDemand.enumerated() where sites.count == 1 { own[Int(sites[0])] += model.weights[k] }
        for j in 0..<m { lp.addColumn(cost: -own[j], lower: 0, upper: 1) }
        var row = [Int?](repeating: nil, count: model.weights.count)
        var column = row
        for (k, sites) in model.byDemand.enumerated() where sites.count > 1 {
            let z = lp.addColumn(cost: -model.weights[k], lower: 0, upper: 1)
            column[k] = z
            row[k] = lp.addRow([(z, 1)] + sites.map { (Int($0), -1.0) }, upper: 0)
        }
        limit.addRow(to: &lp, costs: model.costs)
        program = lp
        self.row = row
        self.column = column
        weights = model.weights
    }

    /// The demand rows as `LazyCoverRows` takes them, in the program's order: sites, z's column, demand.
    func demandRows(_ model: GainModel) -> (rows: [[Int32]], covered: [(column: Int, demand: Int32)]) {
        let held = row.indices.compactMap { k in row[k].map { (demand: k, row: $0) } }.sorted { $0.row < $1.row }
        let demands = held.compactMap { d in column[d.demand].map { (column: $0, demand: d.demand) } }
        return (demands.map { model.byDemand[$0.demand] }, demands.map { ($0.column, Int32($0.demand)) })
    }

    /// Multipliers λ_k ≥ 0 from the row duals of a solved program (CLP's prices are ≤ 0 on these rows)
    /// whose demand rows are `lazy.active` (a row left out takes 0), then its limit row, and μ ≥ 0 of the
    /// `cuts` rows that follow (rows back from `lazy` among them).
    func multipliers(_ solver: LPSolver, rows lazy: LazyCoverRows, cuts: Int = 0) -> (lambda: [Double], mu: [Double]) {
        let y = solver.rowDuals
        var lambda = row.indices.map { k in row[k] == nil ? weights[k] : 0 }
        for (position, r) in lazy.active.enumerated() {
            if let k = lazy.covered?[r].demand { lambda[Int(k)] = max(0, -y[position]) }
        }
        let first = rowsBeforeCuts(lazy)
        return (lambda, (0..<cuts).map { max(0, y[first + $0]) })
    }

    /// The LP's rows before its cuts: the demand rows `lazy` holds, then the limit row.
    func rowsBeforeCuts(_ lazy: LazyCoverRows) -> Int { lazy.active.count + program.rowCount - lazy.rows.count }

    /// Sites in decreasing LP value (ties to the lower index), then the greedy fills what room is left.
    static func round(_ x: [Double], model: GainModel, limit: SiteLimit) -> CoverState {
        var s = CoverState(model)
        for j in LPBranchAndBound.byLPValue(x, sites: model.byCandidate.count) where CoverSearch.fits(s, adding: j, limit: limit) { s.add(j) }
        return CoverSearch.greedy(model, limit: limit, start: s.sites)
    }
}
