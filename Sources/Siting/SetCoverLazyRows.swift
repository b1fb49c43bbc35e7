import LinearProgramming

/// Covering rows of which the LP holds only those it needs: cover-all's Σ_{j ∈ S_r} y_j ≥ 1, or
/// coverage's Σ_{j ∈ S_r} y_j − z_r ≥ 0 (z_r its demand's column). Rows the root LP leaves slack leave
/// the LP (their slacks are basic, so the basis stays optimal); after each re-solve, rows the LP point
/// breaks come back as cuts of the pool (priced by the bound like any cut), so an LP optimum that
/// breaks none is the whole LP's. Fewer rows, cheaper steps: polycentric 5,000 × 1,000's cover-all LP
/// at round 40 of its cuts, solved from scratch, took 0.122 s with all 1,652 rows and 0.032 s with the
/// 530 tight ones; its coverage LP (p = 100) after the cuts 1.70 s with 4,060 rows, 0.21 s without the
/// 3,103 slack ones.
struct LazyCoverRows {
    /// The covering rows (site lists), which the LP held first, in this order.
    let rows: [[Int32]]
    /// Coverage: per row, the column z it bounds and the demand z stands for; nil for cover-all.
    let covered: [(column: Int, demand: Int32)]?
    /// The rows the LP holds as its first rows, in order.
    private(set) var active: [Int]
    /// Rows left out of the LP: any may come back as a cut.
    private(set) var left: [Int]

    /// All `rows` held by the solved LP `solver` as its first rows; those it leaves slack leave it (the
    /// next solve refreshes the duals) where they are at least `share` of them (`lazyRowsShare`).
    init(rows: [[Int32]], covered: [(column: Int, demand: Int32)]? = nil, solver: LPSolver, share: Double) {
        self.rows = rows
        self.covered = covered
        let x = solver.columnValues
        active = []
        left = []
        for r in rows.indices {
            if excess(r, x) > Self.margin { left.append(r) } else { active.append(r) }
        }
        guard Double(left.count) >= share * Double(rows.count) else {
            (active, left) = (Array(rows.indices), [])
            return
        }
        solver.deleteRows(left)
    }

    /// How far past its bound a row's activity must be to leave the LP, and short of it to come back:
    /// beyond CLP's primal tolerance (1e-7), so that a row the LP holds is never taken for broken.
    static let margin = 1e-6

    /// The row's right-hand side: 1 for cover-all, 0 for coverage.
    private var lower: Double { covered == nil ? 1 : 0 }

    /// How far row `r`'s activity at `x` lies above its bound.
    private func excess(_ r: Int, _ x: [Double]) -> Double {
        rows[r].reduce(0) { $0 + x[Int($1)] } - (covered.map { x[$0[r].column] } ?? 0) - lower
    }

    /// Adds the rows left out that the LP point breaks to the LP and to `pool`; whether any were.
    func addBroken(_ solver: LPSolver, pool: inout CoverCutPool) -> Bool {
        let x = solver.columnValues
        let broken = left.filter { excess($0, x) < -Self.margin }
        guard !broken.isEmpty else { return false }
        let entries = broken.map { r in rows[r].map { (Int($0), 1.0) } + (covered.map { [($0[r].column, -1.0)] } ?? []) }
        solver.addRows(entries, lower: broken.map { _ in lower }, upper: broken.map { _ in .infinity })
        for r in broken {
            let cut = ZeroHalfSeparator.Cut(sites: rows[r], coefficients: rows[r].map { _ in 1 }, rhs: lower,
                                            violation: 0, rows: [])
            pool.add(cut, members: covered.map { [$0[r].demand] } ?? [], lower: lower)
        }
        return true
    }

    /// After `init`: whether the LP holds its optimum, re-solved (which refreshes the duals) only where
    /// rows left it; a dual re-solve of a primal root moves its vertex, so a run that keeps every row
    /// keeps the root it had.
    func refreshed(_ solver: LPSolver, pool: inout CoverCutPool, clock: Clock) -> Bool {
        left.isEmpty || solve(solver, pool: &pool, clock: clock) == .optimal
    }

    /// Re-solves until the LP point breaks no row left out (or the solve fails): its status.
    func solve(_ solver: LPSolver, pool: inout CoverCutPool, clock: Clock) -> LPSolver.Status {
        var status = solver.solve(seconds: clock.left)
        while status == .optimal, addBroken(solver, pool: &pool) { status = solver.solve(seconds: clock.left) }
        return status
    }
}
