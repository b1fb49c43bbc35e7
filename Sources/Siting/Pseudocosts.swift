/// Pseudocost branching (Bénichou et al. 1971): per site and direction, the mean loss of LP value per
/// unit its LP value was moved by a branch on it, learnt from the nodes solved. The site branched on is
/// the one whose expected losses in both children (their product) are largest: the tree closes where
/// bounds fall fastest. Most-fractional branching, which it replaces, is no better than a random choice
/// (Achterberg, Koch & Martin 2005). A site never branched on takes the mean of those that were, so the
/// first choices are the most fractional ones.
struct Pseudocosts {
    /// One branch taken: the site, its direction, how far it moved its LP value and the parent's value.
    struct Branch {
        let site: Int
        let up: Bool
        let moved: Double
        let parentValue: Double
    }

    private var down: Estimates
    private var up: Estimates

    init(sites: Int) {
        down = Estimates(sites: sites)
        up = Estimates(sites: sites)
    }

    /// The child of `branch` was solved with LP value `value` (maximisation sense).
    mutating func record(_ branch: Branch, value: Double) {
        guard branch.moved > 1e-6, value.isFinite, branch.parentValue.isFinite else { return }
        let perUnit = max(0, branch.parentValue - value) / branch.moved
        if branch.up { up.add(branch.site, perUnit) } else { down.add(branch.site, perUnit) }
    }

    /// The free fractional site to branch on (ties to the lower index), nil when every free site is
    /// integral.
    func pick(_ x: [Double], fixing: Fixing) -> Int? { ranked(x, fixing: fixing, limit: 1).first }

    private typealias Scored = (score: Double, site: Int)

    /// The `limit` free fractional sites of best score, best first (ties to the lower index).
    func ranked(_ x: [Double], fixing: Fixing, limit: Int) -> [Int] {
        let meanDown = down.mean, meanUp = up.mean
        var scored: [Scored] = []
        for j in fixing.state.indices where fixing.state[j] == 0 {
            let f = x[j]
            guard min(f, 1 - f) > 1e-6 else { continue }
            let lossDown = down.estimate(j, otherwise: meanDown) * f
            let lossUp = up.estimate(j, otherwise: meanUp) * (1 - f)
            scored.append((max(lossDown, 1e-6) * max(lossUp, 1e-6), j))
        }
        let better = { (a: Scored, b: Scored) in (a.score, -a.site) > (b.score, -b.site) }
        // One site (every node's pick) needs no sort.
        guard limit > 1 else { return scored.min(by: better).map { [$0.site] } ?? [] }
        return scored.sorted(by: better).prefix(limit).map(\.site)
    }

    /// Observations of site `j` in its less observed direction.
    func observations(_ j: Int) -> Int { min(down.count(j), up.count(j)) }
}

/// Per site, the running mean of observed losses per unit, and their mean over all sites observed.
private struct Estimates {
    private var sum: [Double]
    private var count: [Int]
    private var total = 0.0
    private var observed = 0

    init(sites: Int) {
        sum = [Double](repeating: 0, count: sites)
        count = [Int](repeating: 0, count: sites)
    }

    mutating func add(_ j: Int, _ perUnit: Double) {
        sum[j] += perUnit
        count[j] += 1
        total += perUnit
        observed += 1
    }

    /// The mean loss per unit over every observation; 1 before any.
    var mean: Double { observed > 0 ? total / Double(observed) : 1 }

    func count(_ j: Int) -> Int { count[j] }

    func estimate(_ j: Int, otherwise: Double) -> Double {
        count[j] > 0 ? sum[j] / Double(count[j]) : otherwise
    }
}
