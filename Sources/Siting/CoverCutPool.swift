/// The cut rows added to a covering LP (cover-all or coverage), kept beside the LP's so that a
/// Lagrangian bound can price them: every cut holds for every answer, so a relaxation with their duals
/// as multipliers is still a valid bound.
struct CoverCutPool {
    /// Per cut: its LP row's lower bound (`Σ a_j y_j − Σ_{k ∈ members} z_k ≥ lower`).
    private(set) var lower: [Double] = []
    /// Per site: the cuts holding it, with its coefficient.
    private(set) var bySite: [[(cut: Int32, coefficient: Double)]]
    /// Per cut: the demands whose z_k it holds with coefficient −1 (coverage), none for cover-all.
    private(set) var members: [[Int32]] = []

    init(sites: Int) { bySite = [[(cut: Int32, coefficient: Double)]](repeating: [], count: sites) }

    var count: Int { lower.count }

    mutating func add(_ cut: ZeroHalfSeparator.Cut, members: [Int32], lower: Double) {
        let k = Int32(self.lower.count)
        self.lower.append(lower)
        self.members.append(members)
        for (j, a) in zip(cut.sites, cut.coefficients) { bySite[Int(j)].append((k, a)) }
    }

    /// The pool with only cuts `kept` (increasing), renumbered in that order.
    func keeping(_ kept: [Int]) -> CoverCutPool {
        var index = [Int32](repeating: -1, count: lower.count)
        for (k, c) in kept.enumerated() { index[c] = Int32(k) }
        var pool = CoverCutPool(sites: bySite.count)
        pool.lower = kept.map { lower[$0] }
        pool.members = kept.map { members[$0] }
        pool.bySite = bySite.map { $0.compactMap { index[Int($0.cut)] >= 0 ? (index[Int($0.cut)], $0.coefficient) : nil } }
        return pool
    }
}
