/// Each objective with side constraints: the constrained route when there are any, the objective's own
/// solver otherwise.
extension MaximalCoveringProblem {
    public func solve(_ options: SolverOptions = .init(), constraints: SiteConstraints) -> SitingSolution {
        constraints.isEmpty ? solve(options) : ConstrainedSolver(self, constraints, options).solve()
    }
}

extension CapacitatedCoverageProblem {
    public func solve(_ options: SolverOptions = .init(), constraints: SiteConstraints) -> SitingSolution {
        constraints.isEmpty ? solve(options) : ConstrainedSolver(self, constraints, options).solve()
    }
}

extension PMedianProblem {
    public func solve(_ options: SolverOptions = .init(), constraints: SiteConstraints) -> SitingSolution {
        constraints.isEmpty ? solve(options) : ConstrainedSolver(self, constraints, options).solve()
    }
}

extension SetCoveringProblem {
    /// Reaching every required demand joins the side constraints.
    public func solve(_ options: SolverOptions = .init(), constraints: SiteConstraints) -> SitingSolution {
        guard !constraints.isEmpty else { return solve(options) }
        var all = constraints
        all.mustReach += requiredReach
        return ConstrainedSolver(self, all, options).solve()
    }
}
