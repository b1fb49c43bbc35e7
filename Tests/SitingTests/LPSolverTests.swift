import Testing
import LinearProgramming

@Suite struct LPSolverTests {
    /// max x + y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6  (optimum x = 1.6, y = 1.2), written as a minimisation.
    private func program() -> LinearProgram {
        var lp = LinearProgram()
        lp.addColumn(cost: -1)
        lp.addColumn(cost: -1)
        lp.addRow([(0, 1), (1, 2)], upper: 4)
        lp.addRow([(0, 3), (1, 1)], upper: 6)
        return lp
    }

    /// Either simplex at the first solve reaches the same optimum and duals.
    @Test(arguments: [LPSolver.FirstSolve.dual, .primal])
    func solvesAndReportsDualsAndReducedCosts(first: LPSolver.FirstSolve) throws {
        let solver = try #require(LPSolver(program(), first: first))
        #expect(solver.solve(seconds: 10) == .optimal)
        #expect(abs(solver.objective + 2.8) < 1e-9)
        let x = solver.columnValues
        #expect(abs(x[0] - 1.6) < 1e-9 && abs(x[1] - 1.2) < 1e-9)
        // Duals price the rows: 2.8 = 4·y0 + 6·y1 with y = (−0.4, −0.2) in minimisation form.
        let y = solver.rowDuals
        #expect(abs(y[0] + 0.4) < 1e-9 && abs(y[1] + 0.2) < 1e-9)
    }

    @Test(arguments: [LPSolver.FirstSolve.dual, .primal])
    func resolvesFromTheBasisAfterBoundsChange(first: LPSolver.FirstSolve) throws {
        let lp = program()
        let solver = try #require(LPSolver(lp, first: first))
        #expect(solver.solve(seconds: 10) == .optimal)
        solver.setColumnBounds(lower: [0, 0], upper: [1, .infinity])
        #expect(solver.solve(seconds: 10) == .optimal)
        #expect(abs(solver.objective + 2.5) < 1e-9)
        solver.setColumnBounds(lower: [3, 0], upper: [.infinity, .infinity])
        #expect(solver.solve(seconds: 10) == .infeasible)
    }

    /// With an objective limit the dual simplex may stop early, its objective then a lower bound on the
    /// optimum past the limit; a limit the optimum stays under changes nothing.
    @Test func stopsOncePastTheObjectiveLimit() throws {
        let solver = try #require(LPSolver(program()))
        #expect(solver.solve(seconds: 10) == .optimal)
        solver.setColumnBounds(lower: [0, 0], upper: [1, .infinity])
        let status = solver.solve(seconds: 10, objectiveLimit: -2.7)
        #expect(status == .passedLimit || status == .optimal)
        #expect(solver.objective > -2.7 - 1e-9 && solver.objective < -2.5 + 1e-9)
        #expect(solver.solve(seconds: 10) == .optimal)
        #expect(abs(solver.objective + 2.5) < 1e-9)
        solver.setColumnBounds(lower: [0, 0], upper: [.infinity, .infinity])
        #expect(solver.solve(seconds: 10, objectiveLimit: -2) == .optimal)
        #expect(abs(solver.objective + 2.8) < 1e-9)
    }

    /// A row added after a solve is honoured by the next one, and its removal restores the optimum.
    @Test func addsAndDeletesRows() throws {
        let solver = try #require(LPSolver(program()))
        #expect(solver.solve(seconds: 10) == .optimal)
        solver.addRows([[(0, 1), (1, 1)]], lower: [-.infinity], upper: [2])
        #expect(solver.rowCount == 3)
        #expect(solver.solve(seconds: 10) == .optimal)
        #expect(abs(solver.objective + 2) < 1e-9)
        solver.deleteRows([2])
        #expect(solver.rowCount == 2 && solver.rowDuals.count == 2)
        #expect(solver.solve(seconds: 10) == .optimal)
        #expect(abs(solver.objective + 2.8) < 1e-9)
    }

    /// A basis taken before rows were added restores with the new rows' slacks basic, and the dual
    /// simplex goes on from there to the optimum the rows allow.
    @Test func restoresABasisTakenBeforeRowsWereAdded() throws {
        let solver = try #require(LPSolver(program()))
        #expect(solver.solve(seconds: 10) == .optimal)
        let basis = solver.basis
        solver.addRows([[(0, 1), (1, 1)]], lower: [-.infinity], upper: [2])
        #expect(solver.solve(seconds: 10) == .optimal)
        solver.restore(basis: basis)
        #expect(solver.solve(seconds: 10) == .optimal)
        #expect(abs(solver.objective + 2) < 1e-9)
    }
}
