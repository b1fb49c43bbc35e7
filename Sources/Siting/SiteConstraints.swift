import LinearProgramming

/// Side constraints on the new sites, for every objective: groups of candidates that must hold at
/// least / at most so many of them (a street's minimum, a kind's quota, earlier phases kept open), and
/// demands that must end within reach of an open site. No geometry: the caller says which candidates
/// form a group and which reach a demand.
public struct SiteConstraints: Sendable {
    public struct Group: Sendable {
        /// Says what the group is, for messages and the summary (e.g. "street 城关街道", "kind kindergarten").
        public let name: String
        public let sites: [Int]
        /// New sites among `sites` at least (already net of existing facilities).
        public let atLeast: Int
        public let atMost: Int?

        public init(name: String, sites: [Int], atLeast: Int = 0, atMost: Int? = nil) {
            self.name = name
            self.sites = sites
            self.atLeast = atLeast
            self.atMost = atMost
        }
    }

    /// A demand that must be reached, with the candidates that reach it (already reached ones are left out).
    public struct Reach: Sendable {
        public let name: String
        public let sites: [Int32]
        public init(name: String, sites: [Int32]) { self.name = name; self.sites = sites }
    }

    public var groups: [Group]
    public var mustReach: [Reach]

    public init(groups: [Group] = [], mustReach: [Reach] = []) {
        self.groups = groups
        self.mustReach = mustReach
    }

    public var isEmpty: Bool { groups.isEmpty && mustReach.isEmpty }

    /// Whether `open` (per candidate) meets every constraint.
    func holds(_ open: [Bool]) -> Bool {
        groups.allSatisfy { g in
            let n = g.sites.reduce(0) { $0 + (open[$1] ? 1 : 0) }
            return n >= g.atLeast && n <= (g.atMost ?? .max)
        } && mustReach.allSatisfy { r in r.sites.contains { open[Int($0)] } }
    }

    /// The constraints as rows over the site columns 0..<m of `lp`.
    func addRows(to lp: inout LinearProgram) {
        for g in groups {
            lp.addRow(g.sites.map { ($0, 1.0) }, lower: Double(g.atLeast), upper: g.atMost.map(Double.init) ?? .infinity)
        }
        for r in mustReach { lp.addRow(r.sites.map { (Int($0), 1.0) }, lower: 1) }
    }

    /// Groups the answer meets with no room to spare (at their minimum or maximum), by name and bound.
    public func tight(_ sites: [Int]) -> [String] {
        let open = Set(sites)
        var names: [String] = []
        for g in groups {
            let n = g.sites.reduce(0) { $0 + (open.contains($1) ? 1 : 0) }
            if g.atLeast > 0 && n == g.atLeast { names.append("\(g.name) ≥ \(g.atLeast)") }
            if let most = g.atMost, n == most { names.append("\(g.name) ≤ \(most)") }
        }
        return names
    }
}
