import Planning

/// What `site` optimises.
public enum SiteObjective: String, Sendable, CaseIterable {
    /// Maximal covering: p sites or a budget, most weight within reach.
    case coverage
    /// Set covering: fewest sites (or least cost) reaching every reachable community.
    case coverAll = "cover-all"
    /// p-median: least Σ weight × distance to the nearest open facility.
    case distance
    /// Maximal covering with capacities: most required places assigned.
    case capacitatedCoverage = "capacitated-coverage"
}

/// What a community is worth when covered.
public enum SiteWeight: String, Sendable, CaseIterable {
    case population
    case requiredPlaces = "required_places"
    /// Population of communities that no existing facility serves; 0 for the others.
    case lacking
}

public enum CoverAllMinimise: String, Sendable, CaseIterable { case sites, cost }

public struct SiteOptions: Sendable {
    public var flag: FlagOptions
    public var candidates: String
    public var kindField = FieldChoice.standard("kind")
    public var costField = FieldChoice.standard("cost")
    public var objective = SiteObjective.coverage
    public var p: Int?
    public var budget: Double?
    public var weight = SiteWeight.population
    public var minimise = CoverAllMinimise.sites
    /// origin_id,destination_id,cost: travel costs replacing straight lines.
    public var odMatrix: String?
    /// p-median on large instances without a matrix: pairs farther than this are not considered.
    public var maxDistance: Double?
    /// Best covered weight for p = 1...curve.
    public var curve: Int?
    public var timeLimit = OptionDefaults.timeLimit
    /// Percent: stop once the answer is certified this close to the bound (0 proves optimality).
    public var gapTolerance = OptionDefaults.gapTolerance
    public var progress: (@Sendable (String) -> Void)?
    /// Only candidates of these kinds (all when nil).
    public var kinds: [String]?
    /// Hazard layers: candidates nearer than their minimum distance are left out.
    public var exclusions: [Exclusion] = []
    /// Per-street minimum, kind quotas, must-serve communities.
    public var constraints = PlanConstraints()
    /// A plan by year (scenarios only): each phase's sites given the phases before; empty for one plan.
    public var phases: [PlanPhase] = []

    public init(flag: FlagOptions, candidates: String) {
        self.flag = flag
        self.candidates = candidates
    }
}
