/// Best bound first, with dives: a node's "open" child is evaluated next, its "closed" child waits;
/// when a dive ends, the waiting node of weakest bound is taken. Depth first keeps the root's closed
/// child at the bottom of its stack, so the bound it reports stays the root's however many nodes it
/// solves; taking the weakest node first is what raises it. A waiting node keeps its parent's state
/// (the warm start); past `maxWaiting` of them, closed children go on a stack taken depth first,
/// which bounds the memory as the depth-first tree does.
extension BranchAndBound {
    private typealias Node = (fixing: Fixing, state: State, bound: Double)

    static func runBestFirst(root: Fixing, rootState: State, rootBound: Double, maximise: Bool, costs: [Double],
                             clock: Clock, maxNodes: Int = .max, maxWaiting: Int,
                             evaluate: (Fixing, inout State) -> NodeOutcome, nodes: inout Int) -> Double? {
        var waiting = WaitingNodes<Node>(maximise: maximise, limit: maxWaiting)
        var next: Node? = (root, rootState, rootBound)
        let first = nodes
        while let node = next ?? waiting.take() {
            next = nil
            if clock.expired || nodes - first >= maxNodes {
                let bounds = waiting.bounds + [node.bound]
                return maximise ? bounds.max() : bounds.min()
            }
            nodes += 1
            var state = node.state
            guard case .branch(let j, let bound) = evaluate(node.fixing, &state) else { continue }
            let b = maximise ? min(bound, node.bound) : max(bound, node.bound)
            waiting.add((node.fixing.with(j, open: false, cost: costs[j]), state, b), bound: b)
            next = (node.fixing.with(j, open: true, cost: costs[j]), state, b)
        }
        return nil
    }
}

/// Nodes waiting in a best-first tree: a heap on their bounds (weakest first) up to `limit`, a stack beyond.
private struct WaitingNodes<Node> {
    let maximise: Bool
    let limit: Int
    private var slots: [(node: Node, bound: Double)?] = []
    private var free: [Int] = []
    private var heap = MaxHeap()
    private var stack: [(node: Node, bound: Double)] = []

    init(maximise: Bool, limit: Int) {
        self.maximise = maximise
        self.limit = max(1, limit)
    }

    var bounds: [Double] { slots.compactMap { $0?.bound } + stack.map(\.bound) }

    mutating func add(_ node: Node, bound: Double) {
        guard slots.count - free.count < limit else { stack.append((node, bound)); return }
        let slot = free.popLast() ?? slots.count
        if slot == slots.count { slots.append(nil) }
        slots[slot] = (node, bound)
        heap.push(maximise ? bound : -bound, slot)
    }

    mutating func take() -> Node? {
        if let top = stack.popLast() { return top.node }
        guard let top = heap.pop(), let entry = slots[top.item] else { return nil }
        slots[top.item] = nil
        free.append(top.item)
        return entry.node
    }
}
