import LinearProgramming

extension SetCoveringSolver {
    /// Zero-half cut rounds at cover-all's root LP (`ZeroHalfRounds`), made from all the covering rows,
    /// of which the LP holds `lazy.active` as its first rows. With whole costs, once `coverAllSupportAfterRounds`
    /// rounds in a row leave the rounded-up bound where it is and `best` costs more, the sites the LP uses
    /// are searched for a cheaper cover (`supportSearch`); where that meets the bound, the rounds stop
    /// (polycentric 5,000 × 1,000 seed 3: the bound proved 127 after 15 rounds, 2.5 s, while the rounds
    /// went on to 12 s with 129 in hand).
    func addZeroHalfCuts(_ solver: LPSolver, lazy: LazyCoverRows, pool: inout CoverCutPool, best: inout [Int],
                         clock: Clock) -> Bool {
        let rows = lazy.rows
        let rounds = ZeroHalfRounds(
            separator: ZeroHalfSeparator(rows: rows, sites: byCandidate.count, maxRows: options.zeroHalfMaxRows,
                                         maxCandidates: options.zeroHalfCandidateRows),
            options: options, share: options.zeroHalfShare, baseRows: lazy.active.count, point: { ($0.columnValues, nil) },
            row: { cut in (zip(cut.sites, cut.coefficients).map { (Int($0), $1) }, [], cut.rhs) }, lazy: lazy)
        // The whole bound the rounds stand at, and the rounds since it last rose.
        var standing = -Double.infinity, steady = 0
        return rounds.run(solver, pool: &pool, proven: { closes($0.objective, cost(best), exact: true) }, afterRound: { lp in
            let rounded = whole(lp.objective)
            if rounded > standing { standing = rounded; steady = 0 } else { steady += 1 }
            guard integral, steady == options.coverAllSupportAfterRounds, !closes(lp.objective, cost(best), exact: true) else {
                return true
            }
            // Inside a support search, the tree over its few sites closes what is left sooner.
            guard options.searchesSupport else { return false }
            clock.phase(ZeroHalfRounds.phase)
            // The LP's objective, not the bound `relax` vouches for: it only tells the search when to stop.
            if let cover = supportSearch(lp.columnValues, bound: lp.objective, clock: clock) { offer(cover, to: &best) }
            clock.phase("support search")
            return true
        }, clock: clock)
    }
}
