import LinearProgramming

/// Branch and bound on an LP relaxation whose first `binaries` columns are the 0/1 site
/// choices. Each node changes column bounds and re-solves from the last basis (dual simplex). The
/// problem supplies, per solved node, a bound it can vouch for (maximisation sense) and heuristics
/// that update its incumbent; this driver keeps the tree, fixes sites by reduced cost, and branches on
/// the site its pseudocosts expect to lower the bound most (probing the children of sites they do not
/// know yet where `strong` is on).
struct LPBranchAndBound {
    let solver: LPSolver
    let lower: [Double]
    let upper: [Double]
    let binaries: Int
    /// Per site: its cost (kept in the fixing for budget bounds).
    let costs: [Double]
    /// The LP minimises; the search maximises -1 × or 1 × its objective.
    let toValue: Double
    var strong = StrongBranching.off

    struct Outcome {
        /// Nil when the tree was exhausted; else the best bound left open.
        var openBound: Double?
        var nodes = 0
        /// Largest bound of a node closed by the gap tolerance rather than exactly.
        var toleranceBound = -Double.infinity
        var stoppedByTime = false

        /// Records a node closed with `bound` against `incumbent`: where only the gap tolerance closed it,
        /// the search's final bound must still cover it (`toleranceBound`).
        mutating func closed(by bound: Double, incumbent: Double, _ cb: Callbacks) {
            if !cb.closes(bound, incumbent, true) { toleranceBound = max(toleranceBound, bound) }
        }

        /// The bound on every answer once the search ends: what was left open or closed only by the
        /// tolerance, never above the root's.
        func bound(root: Double, incumbent: Double) -> Double {
            min(root, max(toleranceBound, openBound ?? incumbent))
        }
    }

    /// A solver with `lp` solved at the root in its share of the time left, or nil (too large for CLP,
    /// or not solved in time: the caller's fallback takes over).
    static func solveRoot(_ lp: LinearProgram, options: SolverOptions, share: Double? = nil, first: LPSolver.FirstSolve = .dual,
                          clock: Clock) -> LPSolver? {
        guard options.useLP, let solver = LPSolver(lp, first: first),
              solver.solve(share: clock.left * (share ?? options.rootLPShare), clock: clock) == .optimal else {
            clock.phase("LP (not used)")
            return nil
        }
        clock.phase("LP bound")
        return solver
    }

    /// Sites the LP opens at all, by decreasing value (ties to the lower index): the rounding order.
    static func byLPValue(_ x: [Double], sites: Int) -> [Int] {
        (0..<sites).filter { x[$0] > 1e-6 }.sorted { (x[$0], -$0) > (x[$1], -$1) }
    }

    /// What a problem tells the search at each solved node.
    struct Callbacks {
        /// A bound (maximisation sense) valid below this node, from the solved LP.
        var bound: (LPSolver, Fixing) -> Double
        /// Feasible answers from the node's LP solution; updates the incumbent.
        var heuristic: ([Double], Fixing) -> Void
        var incumbent: () -> Double
        /// Whether bound `b` closes the node against value `v` (`exact`: without the gap tolerance).
        var closes: (_ b: Double, _ v: Double, _ exact: Bool) -> Bool
        /// Below which bound `closes` holds against value `v`, where the problem knows better than `v`
        /// itself (integral objectives: up to one more); it only sets where a node's LP may stop early.
        var cutoff: ((_ v: Double, _ exact: Bool) -> Double)? = nil
        /// The problem minimises (the tree sees its costs negated): progress lines show the cost.
        var minimises = false
        /// Adds rows the problem left out of the LP that the solved node's point breaks (cover-all's and
        /// coverage's `LazyCoverRows`); whether any were. The node is re-solved until none are.
        var restores: ((LPSolver) -> Bool)? = nil
    }

    /// Best-bound search with dives: the open node of highest bound is taken, then its "open" children
    /// are followed down (finding answers early, reusing the basis) while the "closed" ones wait.
    func run(root: Fixing, rootBound: Double, exactNodes: Int, basisBytes: Int, clock: Clock,
             _ cb: Callbacks) -> Outcome {
        var out = Outcome()
        var pseudo = Pseudocosts(sites: binaries)
        // A waiting node keeps its parent's basis while they fit in `basisBytes`: a node taken from the
        // heap then starts next to its own optimum, not at the last node solved elsewhere in the tree.
        var waiting: [Waiting?] = [Waiting(node: Node(fixing: root, bound: rootBound, branch: nil), basis: nil)]
        var kept = 0
        var heap = MaxHeap()
        heap.push(rootBound, 0)
        while let (_, slot) = heap.pop() {
            let start = waiting[slot]!
            waiting[slot] = nil
            if let basis = start.basis { solver.restore(basis: basis); kept -= basis.count }
            var next: Node? = start.node
            while let current = next {
                next = nil
                if clock.expired {
                    out.openBound = max(current.bound, heap.top?.key ?? -.infinity)
                    out.stoppedByTime = true
                    return out
                }
                out.nodes += 1
                switch node(current, exact: out.nodes <= exactNodes, clock: clock, cb, &pseudo, &out) {
                case .closed: break
                case .stopped:
                    out.openBound = max(current.bound, heap.top?.key ?? -.infinity)
                    out.stoppedByTime = true
                    return out
                case .branch(let open, let closed):
                    let size = solver.columnCount + solver.rowCount
                    let basis = kept + size <= basisBytes ? solver.basis : nil
                    kept += basis?.count ?? 0
                    waiting.append(Waiting(node: closed, basis: basis))
                    heap.push(closed.bound, waiting.count - 1)
                    next = open
                }
            }
        }
        return out
    }

    /// A node to solve: its sites fixed, its parent's bound and the branch that made it.
    private struct Node {
        let fixing: Fixing
        let bound: Double
        let branch: Pseudocosts.Branch?
    }

    private struct Waiting {
        let node: Node
        let basis: [UInt8]?
    }

    private enum Step { case closed, stopped, branch(open: Node, closed: Node) }

    private func node(_ n: Node, exact: Bool, clock: Clock, _ cb: Callbacks, _ pseudo: inout Pseudocosts,
                      _ out: inout Outcome) -> Step {
        if cb.closes(n.bound, cb.incumbent(), exact) { return .closed }
        apply(n.fixing)
        switch solveNode(n, exact: exact, clock: clock, cb, &out) {
        case .closed: return .closed
        case .stopped: return .stopped
        case .solved: break
        }
        let value = toValue * solver.objective
        if let branch = n.branch { pseudo.record(branch, value: value) }
        let bound = min(n.bound, cb.bound(solver, n.fixing))
        let x = solver.columnValues
        cb.heuristic(x, n.fixing)
        clock.report("branch and bound: best \(cb.minimises ? -cb.incumbent() : cb.incumbent()), node \(out.nodes)")
        if cb.closes(bound, cb.incumbent(), exact) {
            out.closed(by: bound, incumbent: cb.incumbent(), cb)
            return .closed
        }
        let fixed = fixByReducedCost(n.fixing, value: value, incumbent: cb.incumbent(), closes: cb.closes)
        guard let j = pick(x, fixed: fixed, value: value, pseudo: &pseudo, incumbent: cb.incumbent(), clock: clock) else {
            // Integral: the heuristic has the LP's answer; nothing below here beats the bound.
            out.closed(by: bound, incumbent: cb.incumbent(), cb)
            return .closed
        }
        let up = Pseudocosts.Branch(site: j, up: true, moved: 1 - x[j], parentValue: value)
        let down = Pseudocosts.Branch(site: j, up: false, moved: x[j], parentValue: value)
        return .branch(open: Node(fixing: fixed.with(j, open: true, cost: costs[j]), bound: bound, branch: up),
                       closed: Node(fixing: fixed.with(j, open: false, cost: costs[j]), bound: bound, branch: down))
    }

    private enum Solved { case closed, stopped, solved }

    /// Re-solves a node's LP, letting the dual simplex stop once its value falls to where the incumbent
    /// closes it (`Callbacks.cutoff`): its duals then already bound the node, and if that bound (the
    /// problem's own) closes it, the steps to the LP's optimum are saved (uniform 5,000 × 1,000
    /// coverage: half the tree's LP time went to nodes closed after their solve). A bound that does not
    /// close sends the LP on to its optimum. Such a node teaches the pseudocosts nothing: its value
    /// there is not its LP's (recorded, they steered cover-all's uniform 5,000 × 1,000 seed 2 to 3,077
    /// nodes instead of 621).
    private func solveNode(_ n: Node, exact: Bool, clock: Clock, _ cb: Callbacks, _ out: inout Outcome) -> Solved {
        let incumbent = cb.incumbent()
        let below = cb.cutoff?(incumbent, exact) ?? incumbent
        var status = below.isFinite && toValue < 0 ? solver.solve(seconds: clock.left, objectiveLimit: below / toValue)
                                                    : solver.solve(seconds: clock.left)
        if status == .passedLimit {
            let bound = min(n.bound, cb.bound(solver, n.fixing))
            if cb.closes(bound, incumbent, exact) {
                out.closed(by: bound, incumbent: incumbent, cb)
                return .closed
            }
            status = solver.solve(seconds: clock.left)
        }
        while status == .optimal, let restores = cb.restores, restores(solver) { status = solver.solve(seconds: clock.left) }
        switch status {
        case .infeasible: return .closed
        case .stopped, .passedLimit: return .stopped
        case .optimal: return .solved
        }
    }

    func apply(_ fixing: Fixing) {
        var lo = lower, up = upper
        for j in 0..<binaries {
            switch fixing.state[j] {
            case 1: lo[j] = 1
            case -1: up[j] = 0
            default: break
            }
        }
        solver.setColumnBounds(lower: lo, upper: up)
    }

    /// A free site whose LP reduced cost alone takes the node's value down to the incumbent is fixed at
    /// the bound it sits on (the dual solution stays feasible when the site moves).
    private func fixByReducedCost(_ fixing: Fixing, value: Double, incumbent: Double,
                                  closes: (Double, Double, Bool) -> Bool) -> Fixing {
        let d = solver.reducedCosts
        let x = solver.columnValues
        let margin = 1e-7 * max(1, abs(value))
        var f = fixing
        for j in 0..<binaries where f.state[j] == 0 {
            let loss = abs(d[j])
            guard loss > margin else { continue }
            guard closes(value - loss + margin, incumbent, true) else { continue }
            if x[j] < 1e-9 { f = f.with(j, open: false, cost: costs[j]) }
            else if x[j] > 1 - 1e-9 { f = f.with(j, open: true, cost: costs[j]) }
        }
        return f
    }
}

extension LPSolver {
    /// `solve` in a phase's share of the time; stopped there, the phase is recorded as ended by the clock.
    func solve(share seconds: Double, clock: Clock) -> Status {
        let status = solve(seconds: seconds)
        if status == .stopped { clock.shareRanOut() }
        return status
    }
}
