import LinearProgramming

extension SetCoveringSolver {
    /// Zero-half cut rounds at cover-all's root LP (`ZeroHalfRounds`); rows 0..<`rows.count` are the
    /// covering rows, which the cuts are made from.
    func addZeroHalfCuts(_ solver: LPSolver, rows: [[Int32]], pool: inout CoverCutPool, incumbent: Double,
                         clock: Clock) -> Bool {
        let rounds = ZeroHalfRounds(
            separator: ZeroHalfSeparator(rows: rows, sites: byCandidate.count, maxRows: options.zeroHalfMaxRows,
                                         maxCandidates: options.zeroHalfCandidateRows),
            options: options, share: options.zeroHalfShare, baseRows: rows.count, point: { ($0.columnValues, nil) },
            row: { cut in (zip(cut.sites, cut.coefficients).map { (Int($0), $1) }, [], cut.rhs) })
        return rounds.run(solver, pool: &pool, proven: { closes($0.objective, incumbent, exact: true) }, clock: clock)
    }
}
