import Planning

/// What the plan must do besides its objective (docs/policy.md, "Constraints of a plan"): a minimum
/// of facilities per street, quotas by candidate kind, communities that must be served.
public struct PlanConstraints: Sendable, Equatable {
    /// Every street ends with at least this many facilities, existing plus new.
    public var minPerStreet: Int?
    /// Streets that cannot reach the minimum (too few candidates) are listed instead of stopping the run.
    public var minPerStreetWhereFeasible = false
    /// New sites of a kind, at least / at most.
    public var kindMin: [String: Int] = [:]
    public var kindMax: [String: Int] = [:]
    /// Communities of at least this population must end within reach of a facility.
    public var mustServePopulation: Double?
    /// Communities of these statuses must end within reach of a facility.
    public var mustServeStatus: [CommunityStatus] = []

    public init() {}

    public var isEmpty: Bool {
        minPerStreet == nil && kindMin.isEmpty && kindMax.isEmpty && mustServePopulation == nil && mustServeStatus.isEmpty
    }

    /// Whether community `c` must be served.
    func mustServe(_ c: Community) -> Bool {
        (mustServePopulation.map { c.population >= $0 } ?? false) || mustServeStatus.contains(c.status)
    }

    static let perStreetRule = NumberRule(min: 1, max: 100)
    static let kindCountRule = NumberRule(min: 0, max: 1_000_000)

    /// Numbers in range and quotas that agree, before anything is read.
    func validate() throws {
        if let n = minPerStreet { try check(n, Self.perStreetRule, "--min-per-street") }
        for (k, n) in kindMin.sorted(by: { $0.key < $1.key }) { try check(n, Self.kindCountRule, "--kind-min \(k)") }
        for (k, n) in kindMax.sorted(by: { $0.key < $1.key }) {
            try check(n, Self.kindCountRule, "--kind-max \(k)")
            if let low = kindMin[k], low > n { throw InputError("--kind-min \(k)=\(low) is above --kind-max \(k)=\(n)") }
        }
        if let p = mustServePopulation { try check(p, OptionRules.population, "--must-serve-population") }
    }
}
