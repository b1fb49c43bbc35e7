import Planning

/// One phase of a plan by year (`phases:` of a scenario): the sites it opens — a count, a budget or
/// both — and the targets that must hold once it is built. Each phase keeps the sites of the phases
/// before it; its targets add to theirs (a target it names again replaces the earlier value).
public struct PlanPhase: Sendable, Equatable {
    public var year: Int
    /// New sites this phase opens (not counting earlier phases').
    public var p: Int?
    /// What this phase may spend on new sites.
    public var budget: Double?
    public var targets = PlanConstraints()

    public init(year: Int, p: Int? = nil, budget: Double? = nil) {
        self.year = year
        self.p = p
        self.budget = budget
    }

    /// A plan's years: 2000 to 2100 (the policy's horizon; anything else is a typo).
    static let yearRule = NumberRule(min: 2000, max: 2100)

    func validate(_ key: String, after earlier: PlanPhase?) throws {
        try check(year, Self.yearRule, "\(key).year")
        if let e = earlier, year <= e.year { throw InputError("\(key).year \(year) is not after the phase before (\(e.year))") }
        if p == nil && budget == nil { throw InputError("\(key): give p (new sites) or budget, or both") }
        if let p { try check(p, OptionRules.p, "\(key).p") }
        if let budget { try check(budget, OptionRules.budget, "\(key).budget") }
        try targets.validate()
    }
}

extension PlanConstraints {
    /// These targets with `later`'s added: what `later` names replaces what these say of it.
    func merged(with later: PlanConstraints) -> PlanConstraints {
        var m = self
        if let n = later.minPerStreet { (m.minPerStreet, m.minPerStreetWhereFeasible) = (n, later.minPerStreetWhereFeasible) }
        m.kindMin.merge(later.kindMin) { $1 }
        m.kindMax.merge(later.kindMax) { $1 }
        if let p = later.mustServePopulation { m.mustServePopulation = p }
        m.mustServeStatus = Array(Set(m.mustServeStatus + later.mustServeStatus)).sorted { $0.rawValue < $1.rawValue }
        return m
    }
}
