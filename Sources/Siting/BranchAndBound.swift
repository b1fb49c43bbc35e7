/// Depth-first branch and bound over open/closed decisions on candidates. The problem supplies the
/// bound at a node (and updates its incumbent as it goes); this driver only keeps the tree.
struct Fixing {
    /// 0 free, 1 forced open, -1 forced closed.
    var state: [Int8]
    var openCount = 0
    var openCost = 0.0

    init(candidates: Int) { state = [Int8](repeating: 0, count: candidates) }

    func with(_ j: Int, open: Bool, cost: Double) -> Fixing {
        var f = self
        f.state[j] = open ? 1 : -1
        if open { f.openCount += 1; f.openCost += cost }
        return f
    }
}

enum NodeOutcome {
    /// Nothing better below this node (bound no better than the incumbent, or infeasible).
    case pruned
    /// Branch on this candidate; the node's bound holds for both children.
    case branch(Int, bound: Double)
}

struct BranchAndBound<State> {
    /// Explores from `root`. Returns nil when the tree was exhausted (the incumbent is optimal), else
    /// the weakest bound among the nodes left open when time ran out or `maxNodes` were evaluated (a
    /// bound on every answer).
    static func run(root: Fixing, rootState: State, rootBound: Double, maximise: Bool, costs: [Double],
                    clock: Clock, maxNodes: Int = .max, evaluate: (Fixing, inout State) -> NodeOutcome,
                    nodes: inout Int) -> Double? {
        var stack: [(Fixing, State, Double)] = [(root, rootState, rootBound)]
        let first = nodes
        while let (fixing, parent, parentBound) = stack.last {
            if clock.expired || nodes - first >= maxNodes {
                let bounds = stack.map(\.2)
                return maximise ? bounds.max() : bounds.min()
            }
            stack.removeLast()
            nodes += 1
            var state = parent
            switch evaluate(fixing, &state) {
            case .pruned: continue
            case .branch(let j, let bound):
                let b = maximise ? min(bound, parentBound) : max(bound, parentBound)
                stack.append((fixing.with(j, open: false, cost: costs[j]), state, b))
                stack.append((fixing.with(j, open: true, cost: costs[j]), state, b))
            }
        }
        return nil
    }
}
