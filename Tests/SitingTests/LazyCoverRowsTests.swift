import Testing
import LinearProgramming
@testable import Siting

/// Cover-all's covering rows that leave the LP while slack (`LazyCoverRows`) and come back as cuts once
/// the LP point breaks them.
@Suite struct LazyCoverRowsTests {
    /// min y0 + 5 y1 + y2 + 5 y3 over rows {0, 1}, {2, 3}, {0, 2}: the root opens 0 and 2, leaving the
    /// third row at 2, so it leaves. With 0 and 2 shut the LP opens 1 and 3 and breaks that row, which
    /// comes back (into the pool) and makes the LP infeasible.
    @Test func aSlackRowLeavesAndComesBackWhenBroken() throws {
        let rows: [[Int32]] = [[0, 1], [2, 3], [0, 2]]
        var lp = LinearProgram()
        for c in [1.0, 5, 1, 5] { lp.addColumn(cost: c, lower: 0, upper: 1) }
        for row in rows { lp.addRow(row.map { (Int($0), 1.0) }, lower: 1) }
        let solver = try #require(LPSolver(lp))
        #expect(solver.solve(seconds: 10) == .optimal)
        let lazy = LazyCoverRows(rows: rows, solver: solver, share: 0.25)
        #expect(lazy.active == [0, 1] && lazy.left == [2] && solver.rowCount == 2)
        var pool = CoverCutPool(sites: 4)
        let clock = Clock(SolverOptions())
        #expect(lazy.solve(solver, pool: &pool, clock: clock) == .optimal)
        #expect(abs(solver.objective - 2) < 1e-9 && pool.count == 0)
        solver.setColumnBounds(lower: [0, 0, 0, 0], upper: [0, 1, 0, 1])
        #expect(lazy.solve(solver, pool: &pool, clock: clock) == .infeasible)
        #expect(pool.count == 1 && pool.lower == [1] && solver.rowCount == 3)
        #expect(pool.bySite[0].map(\.coefficient) == [1] && pool.bySite[1].isEmpty)
    }

    /// Cover-all's LP route proves brute force's optimum with rows leaving wherever any are slack (share
    /// 0) and with none leaving (a share above 1); coverage's is tried so in `MaximalCoveringTests`.
    @Test(arguments: 0..<6)
    func coverAllProvesTheOptimumEitherWay(seed: Int) {
        let inst = PlaneInstance(n: 80, m: 16, seed: UInt64(1300 + seed))
        let problem = SetCoveringProblem(sets: inst.sets(radius: 320), costs: seed % 2 == 1 ? inst.costs : nil)
        guard let best = allSubsets(16, upTo: 16).filter(problem.covers).map(problem.cost).min() else { return }
        for share in [0.0, 2] {
            var options = SolverOptions(timeLimit: 30)
            options.lazyRowsShare = share
            let found = problem.solve(options)
            #expect(found.stop == .proven, "seed \(seed), share \(share)")
            #expect(problem.covers(found.chosen) && abs(found.objective - best) < 1e-9, "seed \(seed), share \(share)")
        }
    }
}
