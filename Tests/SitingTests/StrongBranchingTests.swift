import LinearProgramming
import Testing
@testable import Siting

/// Reliability branching probes the children of sites the pseudocosts have not seen, learns their
/// losses, and leaves the node's basis in the solver for the child solved next.
@Suite struct StrongBranchingTests {
    /// The odd cycle's LP, solved (every y = ½, value 1.5), and a tree on it probing all three sites.
    private func oddCycle() throws -> (LPSolver, LPBranchAndBound) {
        var lp = LinearProgram()
        for _ in 0..<3 { _ = lp.addColumn(cost: 1, lower: 0, upper: 1) }
        for row in [[0, 1], [1, 2], [0, 2]] { lp.addRow(row.map { ($0, 1.0) }, lower: 1) }
        let solver = try #require(LPSolver(lp))
        #expect(solver.solve(seconds: 10) == .optimal)
        let tree = LPBranchAndBound(solver: solver, lower: lp.columnLower, upper: lp.columnUpper, binaries: 3,
                                    costs: [1, 1, 1], toValue: -1,
                                    strong: StrongBranching(candidates: 3, iterations: 50, reliability: 1))
        return (solver, tree)
    }

    /// Closing a site forces both neighbours open (2), opening it leaves the other two at ½ each (2):
    /// every probed site loses ½ both ways, so the first of the tie is taken.
    @Test func probesLearnLossesAndKeepTheNodeBasis() throws {
        let (solver, tree) = try oddCycle()
        let basis = solver.basis
        var pseudo = Pseudocosts(sites: 3)
        let j = tree.pick(solver.columnValues, fixed: Fixing(candidates: 3), value: -solver.objective,
                          pseudo: &pseudo, incumbent: -2, clock: Clock(SolverOptions()))
        #expect(j == 0)
        #expect((0..<3).allSatisfy { pseudo.observations($0) == 1 })
        #expect(solver.basis == basis)
    }

    /// With every site seen, no child is probed: the pick is the pseudocosts' own.
    @Test func knownSitesAreNotProbed() throws {
        let (solver, tree) = try oddCycle()
        var pseudo = Pseudocosts(sites: 3)
        for site in 0..<3 {
            for up in [false, true] {
                pseudo.record(.init(site: site, up: up, moved: 0.5, parentValue: 0), value: site == 2 ? -1 : -0.1)
            }
        }
        let j = tree.pick(solver.columnValues, fixed: Fixing(candidates: 3), value: -solver.objective,
                          pseudo: &pseudo, incumbent: -2, clock: Clock(SolverOptions()))
        #expect(j == 2)
        #expect((0..<3).allSatisfy { pseudo.observations($0) == 1 })
    }
}
