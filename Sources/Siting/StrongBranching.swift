import LinearProgramming

/// Reliability branching (Achterberg, Koch & Martin 2005): where the pseudocosts have not yet seen a
/// site often enough, its two children are solved for a few dual simplex steps before the branch is
/// chosen, and what they lose becomes the site's first pseudocosts. Pseudocosts that start from the
/// mean of what was seen choose the first branches of a tree about at random.
struct StrongBranching: Sendable {
    /// Sites (best pseudocost scores first) looked at per node, dual steps per child, and observations
    /// per direction after which a site's pseudocosts are trusted.
    var candidates: Int
    var iterations: Int
    var reliability: Int

    static let off = StrongBranching(candidates: 0, iterations: 0, reliability: 0)
}

// In an extension, so that the memberwise initialiser stays.
extension StrongBranching {
    init(_ options: SolverOptions) {
        self.init(candidates: options.strongBranchCandidates, iterations: options.strongBranchIterations,
                  reliability: options.strongBranchReliability)
    }
}

extension LPBranchAndBound {
    /// The site to branch on at a node solved with LP point `x` and value `value` (maximisation
    /// sense), nil when every free site is integral. Leaves the node's basis in the solver.
    func pick(_ x: [Double], fixed: Fixing, value: Double, pseudo: inout Pseudocosts, incumbent: Double,
              clock: Clock) -> Int? {
        let ranked = pseudo.ranked(x, fixing: fixed, limit: max(1, strong.candidates))
        guard let first = ranked.first else { return nil }
        let unknown = ranked.filter { pseudo.observations($0) < strong.reliability }
        guard strong.candidates > 0, !unknown.isEmpty else { return first }
        let basis = solver.basis
        for j in unknown {
            for up in [false, true] {
                apply(fixed.with(j, open: up, cost: costs[j]))
                let status = solver.probe(iterations: strong.iterations, seconds: clock.left)
                // An infeasible child loses all the way to the incumbent: the branch closes it.
                let child = status == .infeasible ? min(value, incumbent) : toValue * solver.objective
                pseudo.record(.init(site: j, up: up, moved: up ? 1 - x[j] : x[j], parentValue: value), value: child)
                solver.restore(basis: basis)
            }
        }
        return pseudo.pick(x, fixing: fixed)
    }
}
