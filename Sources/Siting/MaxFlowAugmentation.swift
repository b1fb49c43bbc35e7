/// Changing one facility of a network already at its maximum flow. Opening one: every augmenting path
/// now ends with the new facility's edge to the sink (before, none existed, and each push only reverses
/// edges of paths that end there), so paths searched backwards from it give the exact new maximum.
/// Closing one: its flow is sent back to the demands it served, and every augmenting path now starts at
/// one of them (same argument, forwards). Both searches stay near the facility instead of running a new
/// flow over the whole network.
extension MaxFlow {
    /// Pushes up to the capacity of `last` (facility → sink) along residual paths source ⇝ facility.
    mutating func augment(into facility: Int, last: Int, source: Int, sink: Int) -> Double {
        augment(at: facility, extra: last, goal: source, avoiding: sink, forward: false)
    }

    /// Pushes up to the capacity of `first` (source → demand) along residual paths demand ⇝ sink.
    mutating func augment(from demand: Int, first: Int, source: Int, sink: Int) -> Double {
        augment(at: demand, extra: first, goal: sink, avoiding: source, forward: true)
    }

    /// Breadth-first augmenting paths between `start` and `goal` (forwards: start ⇝ goal; else goal ⇝
    /// start), each completed by edge `extra`, while `extra` has room.
    private mutating func augment(at start: Int, extra: Int, goal: Int, avoiding: Int, forward: Bool) -> Double {
        var sent = 0.0
        while capacity[extra] > 1e-12 {
            guard let (end, near) = path(at: start, goal: goal, avoiding: avoiding, forward: forward) else { break }
            var f = min(capacity[extra], capacity[end]), v = near
            while v != start { let e = Int(searchMarks.parent[v]); f = min(f, capacity[e]); v = towardsStart(e, forward) }
            guard f > 1e-12 else { break }
            push(end, f)
            v = near
            while v != start { let e = Int(searchMarks.parent[v]); push(e, f); v = towardsStart(e, forward) }
            push(extra, f)
            sent += f
        }
        return sent
    }

    /// The end of path edge `e` nearer the search's start.
    private func towardsStart(_ e: Int, _ forward: Bool) -> Int { Int(to[forward ? e ^ 1 : e]) }

    /// Breadth first from `start` over residual edges (forwards, or backwards: edges into the node),
    /// never through `avoiding`: the path's edge at `goal` and the node beside it, whose parent chain
    /// (`searchMarks.parent`) leads back to `start`.
    private mutating func path(at start: Int, goal: Int, avoiding: Int, forward: Bool) -> (end: Int, near: Int)? {
        if searchMarks.current == .max {
            searchMarks.current = 0
            for i in searchMarks.seen.indices { searchMarks.seen[i] = 0 }
        }
        searchMarks.current += 1
        let mark = searchMarks.current
        var queue = [start]
        searchMarks.seen[start] = mark
        var k = 0
        while k < queue.count {
            let u = queue[k]; k += 1
            var e32 = head[u]
            while e32 >= 0 {
                let e = Int(e32), v = Int(to[e]), use = forward ? e : e ^ 1
                e32 = next[e]
                guard capacity[use] > 1e-12, v != avoiding, searchMarks.seen[v] != mark else { continue }
                if v == goal { return (use, u) }
                searchMarks.seen[v] = mark
                searchMarks.parent[v] = Int32(use)
                queue.append(v)
            }
        }
        return nil
    }
}
