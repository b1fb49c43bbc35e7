import Testing
@testable import Siting

/// p-median's Lagrangian tree: flat distance lists, best-bound order with dives, and branching on the
/// sites the relaxations disagree on.
@Suite struct LagrangianTreeTests {
    /// Columns counted into place equal columns built by appending and sorting, ties by row.
    @Test func transposedListsMatchAppendedColumns() {
        let inst = PlaneInstance(n: 60, m: 15, seed: 41)
        let lists = DistanceLists(candidateCount: 15, rows: (0..<60).map { i in (0..<15).compactMap { j in
            inst.distance(i, j) <= 450 ? (j, (inst.distance(i, j) / 100).rounded()) : nil } })
        let rows = DistanceRows(lists.sites, lists.distances)
        let keep = { (i: Int, d: Double) in d < 4 || i % 2 == 0 }
        let cols = DistanceRows(transposing: rows, columns: 15, keep: keep)
        for j in 0..<15 {
            var entries: [(Int32, Double)] = []
            for i in 0..<60 { for (k, s) in lists.sites[i].enumerated() where Int(s) == j && keep(i, lists.distances[i][k]) {
                entries.append((Int32(i), lists.distances[i][k])) } }
            entries.sort { ($0.1, $0.0) < ($1.1, $1.0) }
            #expect(Array(cols.index[cols.range(j)]) == entries.map(\.0), "column \(j)")
            #expect(Array(cols.distance[cols.range(j)]) == entries.map(\.1), "column \(j)")
        }
        #expect(rows.entries == lists.pairCount)
    }

    /// Least cost of choosing `k` of `costs` by branch and bound (bound: fixed-open costs plus the
    /// cheapest free ones); best first finds depth first's optimum, with a heap or with only a stack.
    @Test(arguments: [1, 3, 1_000])
    func bestFirstExhaustsLikeDepthFirst(maxWaiting: Int) {
        let costs: [Double] = [5, 3, 8, 1, 9, 4, 7, 2]
        for order in 0..<2 {
            var best = Double.infinity
            var nodes = 0
            let left = tree(costs, k: 3, best: &best, nodes: &nodes, bestFirst: order == 1, maxWaiting: maxWaiting)
            #expect(left == nil)
            #expect(best == 6)
        }
    }

    /// Stopped early, best first reports the weakest waiting bound: never above the optimum.
    @Test func bestFirstStoppedEarlyReportsAValidBound() {
        let costs: [Double] = [5, 3, 8, 1, 9, 4, 7, 2, 6, 3.5]
        var best = Double.infinity
        var nodes = 0
        let left = tree(costs, k: 4, best: &best, nodes: &nodes, bestFirst: true, maxWaiting: 100, maxNodes: 5)
        #expect(nodes == 5)
        #expect(left != nil && left! <= 9.5)
    }

    /// The Lagrangian route (no LP, no probe), branching on fractional shares or only on the most
    /// attractive site, with room for many waiting nodes or for one, proves brute force's optimum.
    @Test(arguments: [(0.05, 256_000_000), (1.0, 256_000_000), (0.05, 1)])
    func lagrangianTreeMatchesBruteForce(branchShare: Double, waitingBytes: Int) {
        var options = SolverOptions()
        options.useLP = false
        options.medianProbeWork = 0
        options.medianBranchShare = branchShare
        options.waitingBasisBytes = waitingBytes
        expectMedianOptimum(options, seedBase: 900, existing: true)
    }

    private func tree(_ costs: [Double], k: Int, best: inout Double, nodes: inout Int, bestFirst: Bool, maxWaiting: Int,
                      maxNodes: Int = .max) -> Double? {
        var incumbent = Double.infinity
        defer { best = incumbent }
        let clock = Clock(SolverOptions())
        let evaluate: (Fixing, inout Int) -> NodeOutcome = { fixing, _ in
            let free = costs.indices.filter { fixing.state[$0] == 0 }.sorted { (costs[$0], $0) < (costs[$1], $1) }
            let need = k - fixing.openCount
            guard need >= 0, need <= free.count else { return .pruned }
            let bound = fixing.openCost + free.prefix(need).reduce(0) { $0 + costs[$1] }
            if need == 0 || need == free.count { incumbent = min(incumbent, bound); return .pruned }
            if bound >= incumbent { return .pruned }
            return .branch(free.last!, bound: bound)
        }
        return bestFirst
            ? BranchAndBound<Int>.runBestFirst(root: Fixing(candidates: costs.count), rootState: 0, rootBound: 0, maximise: false,
                                               costs: costs, clock: clock, maxNodes: maxNodes, maxWaiting: maxWaiting,
                                               evaluate: evaluate, nodes: &nodes)
            : BranchAndBound<Int>.run(root: Fixing(candidates: costs.count), rootState: 0, rootBound: 0, maximise: false,
                                      costs: costs, clock: clock, maxNodes: maxNodes, evaluate: evaluate, nodes: &nodes)
    }
}
