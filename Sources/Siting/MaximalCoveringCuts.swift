import LinearProgramming

extension MaximalCoveringSolver {
    /// Zero-half cut rounds at coverage's root LP (`ZeroHalfRounds`). A demand's row z_k ≤ Σ_{j reaches k} y_j
    /// with z's bound z_k ≤ 1 is Σ y_j + 2 (1 − z_k) ≥ 1, a covering row with an even term, so the cuts of
    /// rows R read Σ a_j y_j − Σ_{k ∈ R} z_k ≥ rhs − |R| (three demands each reached by two of three
    /// half-open sites: z₁ + z₂ + z₃ ≤ y₁ + y₂ + y₃ + 1). Demands folded into their only site take no part.
    func addZeroHalfCuts(_ solver: LPSolver, cover: CoverLP, lazy: LazyCoverRows, pool: inout CoverCutPool,
                         incumbent: Double, clock: Clock) -> Bool {
        let m = model.byCandidate.count
        let rows: [(demand: Int, z: Int)] = model.byDemand.indices.compactMap { k in cover.column[k].map { (k, $0) } }
        let rounds = ZeroHalfRounds(
            separator: ZeroHalfSeparator(rows: rows.map { model.byDemand[$0.demand] }, sites: m,
                                         maxRows: options.zeroHalfMaxRows,
                                         maxCandidates: options.zeroHalfCandidateRows),
            options: options, share: options.coverageZeroHalfShare,
            baseRows: cover.rowsBeforeCuts(lazy),
            point: { solver in
                let v = solver.columnValues
                return (Array(v[0..<m]), rows.map { 2 * (1 - v[$0.z]) })
            },
            row: { cut in
                let y = zip(cut.sites, cut.coefficients).map { (Int($0), $1) }
                return (y + cut.rows.map { (rows[$0].z, -1.0) }, cut.rows.map { Int32(rows[$0].demand) },
                        cut.rhs - Double(cut.rows.count))
            }, lazy: lazy)
        return rounds.run(solver, pool: &pool, proven: { closes(-$0.objective, incumbent, exact: true) }, clock: clock)
    }
}
