/// Two-step floating catchment (2SFCA): how many places are available per place required.
/// Step 1, per facility j: R_j = capacity_j / Σ required_i over the communities j serves.
/// Step 2, per community i: access_ratio_i = Σ R_j over the facilities that serve i.
public enum Accessibility {
    /// Per community; 0 when no facility serves it, +∞ when the only facilities serving it have
    /// places but no demand at all (every community they serve has population 0).
    public static func ratios(required: [Double], capacity: [Double], coverage: Coverage) -> [Double] {
        var demand = [Double](repeating: 0, count: capacity.count)
        for (i, links) in coverage.within.enumerated() {
            for link in links { demand[link.site] += required[i] }
        }
        let supplyRatio = zip(capacity, demand).map { cap, d in d > 0 ? cap / d : (cap > 0 ? Double.infinity : 0) }
        return coverage.within.map { links in links.reduce(0) { $0 + supplyRatio[$1.site] } }
    }
}
