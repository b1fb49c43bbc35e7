/// What a bounding search (LP or Lagrangian branch and bound) leaves a solver: the bound on every answer,
/// in the problem's own sense, and how it ended.
struct SearchOutcome {
    var bound: Double
    var nodes = 0
    var stoppedByTime = false
    /// Whether branch and bound ran (false: the instance was beyond the size limit).
    var branched = true

    /// The outcome of an LP tree run in maximisation sense (`sign` −1: a minimisation's bounds negated).
    init(tree: LPBranchAndBound.Outcome, root: Double, incumbent: Double, sign: Double = 1) {
        bound = sign * tree.bound(root: sign * root, incumbent: sign * incumbent)
        nodes = tree.nodes
        stoppedByTime = tree.stoppedByTime
    }

    init(bound: Double) { self.bound = bound }
}
