import LinearProgramming

/// Cover-all's cut rows, kept beside the LP's so that the Lagrangian bound can price them: every cut
/// holds for every cover, so a relaxation with their duals as multipliers is still a valid bound.
struct CoverCutPool {
    private(set) var rhs: [Double] = []
    /// Per site: the cuts holding it, with its coefficient.
    private(set) var bySite: [[(cut: Int32, coefficient: Double)]]

    init(sites: Int) { bySite = [[(cut: Int32, coefficient: Double)]](repeating: [], count: sites) }

    var count: Int { rhs.count }

    mutating func add(_ cut: ZeroHalfSeparator.Cut) {
        let k = Int32(rhs.count)
        rhs.append(cut.rhs)
        for (j, a) in zip(cut.sites, cut.coefficients) { bySite[Int(j)].append((k, a)) }
    }

    /// The pool with only cuts `kept` (increasing), renumbered in that order.
    func keeping(_ kept: [Int]) -> CoverCutPool {
        var index = [Int32](repeating: -1, count: rhs.count)
        for (k, c) in kept.enumerated() { index[c] = Int32(k) }
        var pool = CoverCutPool(sites: bySite.count)
        pool.rhs = kept.map { rhs[$0] }
        pool.bySite = bySite.map { $0.compactMap { index[Int($0.cut)] >= 0 ? (index[Int($0.cut)], $0.coefficient) : nil } }
        return pool
    }
}

extension SetCoveringSolver {
    /// Rounds of zero-half cuts at the root LP (rows 0..<`rows.count` are the covering rows), until no
    /// cut is found, the answer is proven, or their rounds or share of the time are spent. Cuts left slack
    /// go after each round (polycentric 5,000 × 1,000: 100 rounds in 9 s, where keeping them all made
    /// 27 rounds in 13 s). False when the LP could not be re-solved in time (the solver then holds no
    /// optimum).
    func addZeroHalfCuts(_ solver: LPSolver, rows: [[Int32]], pool: inout CoverCutPool, incumbent: Double,
                         clock: Clock) -> Bool {
        let separator = ZeroHalfSeparator(rows: rows, sites: byCandidate.count, maxRows: options.zeroHalfMaxRows)
        let deadline = clock.elapsed + (clock.limit - clock.elapsed) * options.coverAllCutShare
        var dropped = false
        for _ in 0..<options.coverAllCutRounds {
            guard !closes(solver.objective, incumbent, exact: true), clock.elapsed < deadline else { break }
            let cuts = separator.separate(solver.columnValues, limit: options.coverAllCutsPerRound,
                                          minViolation: options.zeroHalfMinViolation)
            guard !cuts.isEmpty else { break }
            solver.addRows(cuts.map { cut in zip(cut.sites, cut.coefficients).map { (Int($0), $1) } },
                           lower: cuts.map(\.rhs), upper: cuts.map { _ in .infinity })
            for cut in cuts { pool.add(cut) }
            guard solver.solve(seconds: clock.limit - clock.elapsed) == .optimal else { return false }
            dropped = dropSlackCuts(solver, covering: rows.count, pool: &pool) || dropped
        }
        // Slack rows were basic, so the basis stays optimal; the solve refreshes the duals of the rows left.
        if dropped, solver.solve(seconds: clock.limit - clock.elapsed) != .optimal { return false }
        clock.phase("zero-half cuts")
        return true
    }

    /// Removes the cuts the LP leaves slack (basic, dual 0) after a round, so that later rounds and the
    /// tree's nodes re-solve a smaller LP (a cut dropped here may be found again). Whether any went.
    private func dropSlackCuts(_ solver: LPSolver, covering: Int, pool: inout CoverCutPool) -> Bool {
        let activity = solver.rowActivities, duals = solver.rowDuals
        let isSlack = (0..<pool.count).map {
            activity[covering + $0] > pool.rhs[$0] + 1e-6 && abs(duals[covering + $0]) < 1e-12
        }
        let slack = isSlack.indices.filter { isSlack[$0] }
        guard !slack.isEmpty else { return false }
        solver.deleteRows(slack.map { covering + $0 })
        pool = pool.keeping(isSlack.indices.filter { !isSlack[$0] })
        return true
    }
}
