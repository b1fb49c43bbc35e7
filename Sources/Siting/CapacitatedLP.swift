import LinearProgramming

/// The LP relaxation of capacitated coverage, for CLP. Columns 0..<m are the sites, then one flow per
/// (demand, facility) pair within reach:
///     max Σ flows  s.t.  Σ_f flow_if ≤ required_i,  Σ_i flow_ij ≤ capacity_j · x_j (new sites),
///     Σ_i flow_ie ≤ capacity_e (existing),  flow_ij ≤ min(required_i, capacity_j) · x_j,  limit on x.
/// The last family (variable upper bounds) makes the relaxation strong; it is left out above
/// `SolverOptions.strongCapacityPairs` pairs, which weakens the bound but keeps it valid.
enum CapacitatedLP {
    static func program(_ p: CapacitatedCoverageProblem, strong: Bool) -> LinearProgram {
        var lp = LinearProgram()
        let m = p.sets.candidateCount
        for _ in 0..<m { lp.addColumn(cost: 0, lower: 0, upper: 1) }
        var byDemand = [[(column: Int, value: Double)]](repeating: [], count: p.demand.count)
        var linked: [(flow: Int, site: Int, most: Double)] = []
        for j in 0..<m where p.capacities[j] > 0 {
            var row: [(column: Int, value: Double)] = []
            for i32 in p.sets.byCandidate[j] where p.demand[Int(i32)] > 0 {
                let i = Int(i32), most = min(p.demand[i], p.capacities[j])
                let c = lp.addColumn(cost: -1, lower: 0, upper: most)
                byDemand[i].append((c, 1)); row.append((c, 1))
                if strong { linked.append((c, j, most)) }
            }
            lp.addRow(row + [(j, -p.capacities[j])], upper: 0)
        }
        for (e, list) in p.existing.byCandidate.enumerated() where p.existingCapacities[e] > 0 {
            var row: [(column: Int, value: Double)] = []
            for i32 in list where p.demand[Int(i32)] > 0 {
                let c = lp.addColumn(cost: -1, lower: 0, upper: min(p.demand[Int(i32)], p.existingCapacities[e]))
                byDemand[Int(i32)].append((c, 1)); row.append((c, 1))
            }
            lp.addRow(row, upper: p.existingCapacities[e])
        }
        for (i, row) in byDemand.enumerated() where !row.isEmpty { lp.addRow(row, upper: p.demand[i]) }
        for l in linked { lp.addRow([(l.flow, 1), (l.site, -l.most)], upper: 0) }
        p.limit.addRow(to: &lp, costs: p.costs)
        return lp
    }

    /// Flow pairs the program would hold (new sites only: the existing ones add no linking rows).
    static func pairs(_ p: CapacitatedCoverageProblem) -> Int {
        p.sets.byCandidate.reduce(0) { $0 + $1.count }
    }
}
