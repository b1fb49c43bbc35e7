import LinearProgramming

/// Rounds of zero-half cuts at a root LP (cover-all, coverage): each round separates at the LP point,
/// adds the cuts as rows and re-solves from the basis, until no cut is found, the answer is proven, or
/// the rounds or their share of the time are spent. Cuts left slack go after each round (polycentric
/// 5,000 × 1,000 cover-all: 100 rounds in 9 s, where keeping them all made 27 rounds in 13 s).
/// `afterRound` sees each re-solved LP (cover-all searches for answers there) and may end the rounds;
/// its time does not count against the rounds' share.
struct ZeroHalfRounds {
    /// The rounds' phase name (`Clock.phase`), which an `afterRound` that ends a phase of its own resumes.
    static let phase = "zero-half cuts"
    let separator: ZeroHalfSeparator
    let options: SolverOptions
    /// The share of the time left the rounds may take (`zeroHalfShare`, `coverageZeroHalfShare`).
    let share: Double
    /// The LP's rows before any cut.
    let baseRows: Int
    /// The solved LP's site values and the separator rows' even terms (`ZeroHalfSeparator.separate`).
    let point: (LPSolver) -> (x: [Double], extra: [Double]?)
    /// A cut as an LP row: its entries (column, value), the demands whose z it holds, its lower bound.
    let row: (ZeroHalfSeparator.Cut) -> (entries: [(Int, Double)], members: [Int32], lower: Double)
    /// The covering rows left out of the LP: each solve is repeated while its point breaks some
    /// (`LazyCoverRows.solve`).
    let lazy: LazyCoverRows

    /// False when the LP could not be re-solved in time (the solver then holds no optimum).
    func run(_ solver: LPSolver, pool: inout CoverCutPool, proven: (LPSolver) -> Bool,
             afterRound: (LPSolver) -> Bool = { _ in true }, clock: Clock) -> Bool {
        var deadline = clock.deadline(share: share)
        var dropped = false
        for _ in 0..<options.zeroHalfRounds {
            guard !proven(solver), clock.before(deadline) else { break }
            let (x, extra) = point(solver)
            let cuts = separator.separate(x, extra: extra, limit: options.zeroHalfCutsPerRound,
                                          minViolation: options.zeroHalfMinViolation)
            guard !cuts.isEmpty else { break }
            let rows = cuts.map(row)
            solver.addRows(rows.map(\.entries), lower: rows.map(\.lower), upper: rows.map { _ in .infinity })
            for (cut, r) in zip(cuts, rows) { pool.add(cut, members: r.members, lower: r.lower) }
            guard lazy.solve(solver, pool: &pool, clock: clock) == .optimal else { return false }
            dropped = dropSlackCuts(solver, pool: &pool) || dropped
            let searching = clock.elapsed
            guard afterRound(solver) else { break }
            deadline += clock.elapsed - searching
        }
        // Slack rows were basic, so the basis stays optimal; the solve refreshes the duals of the rows left.
        if dropped, lazy.solve(solver, pool: &pool, clock: clock) != .optimal { return false }
        clock.phase(Self.phase)
        return true
    }

    /// Removes the cuts the LP leaves slack (basic, dual 0), so that later rounds and the tree's nodes
    /// re-solve a smaller LP (a cut dropped here may be found again). Whether any went.
    private func dropSlackCuts(_ solver: LPSolver, pool: inout CoverCutPool) -> Bool {
        let activity = solver.rowActivities, duals = solver.rowDuals
        let isSlack = (0..<pool.count).map {
            activity[baseRows + $0] > pool.lower[$0] + 1e-6 && abs(duals[baseRows + $0]) < 1e-12
        }
        let slack = isSlack.indices.filter { isSlack[$0] }
        guard !slack.isEmpty else { return false }
        solver.deleteRows(slack.map { baseRows + $0 })
        pool = pool.keeping(isSlack.indices.filter { !isSlack[$0] })
        return true
    }
}
