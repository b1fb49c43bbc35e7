import Planning
import Siting

/// What `site` and `priority check` share: the inputs read, the candidates (with those left out by
/// kind or hazard distance), who reaches whom, the situation before, and what each community weighs.
struct SiteBasis {
    let inputs: Inputs
    /// The candidates optimised over: all of them, or those not excluded (`dropExcluded`).
    let candidates: [CandidateSite]
    let excluded: [ExcludedSite]
    let coverage: SiteCoverage
    let before: FlagRun
    let served: [Bool]
    let weights: [Double]
    let sets: CoverageSets
    /// Per candidate, its street (empty when unknown).
    let candidateStreets: [String]

    init(_ options: SiteOptions, log: RunLog, dropExcluded: Bool, lap: (String) -> Void = { _ in }) throws {
        inputs = try Inputs(options.flag.inputs, log: log)
        let all = try SiteRecords.candidates(path: options.candidates, options: options, inputs: inputs)
        guard !all.isEmpty else { throw InputError("\(options.candidates): no candidate has a geometry") }
        let (kept, excluded) = try SiteRun.exclude(all, options: options, inputs: inputs)
        guard !kept.isEmpty else {
            throw InputError("\(options.candidates): every candidate site was excluded (see the kinds and exclusions of the scenario)")
        }
        candidates = dropExcluded ? kept : all
        self.excluded = excluded
        try options.validate(candidates: kept)
        lap("load")
        coverage = try SiteCoverage(options: options, inputs: inputs, candidates: candidates)
        before = FlagRun(options: options.flag, inputs: inputs, alongRoads: coverage.alongRoads, coverage: coverage.existing)
        lap("coverage")
        served = before.assessment.communities.map(\.served)
        weights = zip(inputs.communities, before.assessment.communities).map { c, a in
            switch options.weight {
            case .population: c.population
            case .requiredPlaces: a.requiredPlaces
            case .lacking: a.served ? 0 : c.population
            }
        }
        sets = coverage.sets(candidateCount: candidates.count)
        candidateStreets = Self.streets(of: candidates, inputs: inputs)
    }

    /// The street polygon holding the candidate, else its own street field, else the nearest community's.
    static func streets(of candidates: [CandidateSite], inputs: Inputs) -> [String] {
        let field = inputs.options.streetField.name
        let nearest = NearestStreet(inputs.communities, context: inputs.context)
        return candidates.map { c in
            if let s = inputs.streetLayer?.street(of: c.point) { return s }
            if let k = c.attributes.fields.firstIndex(where: { $0.name == field }),
               case .string(let s) = c.attributes.values(c.feature)[k], !s.trimmingCharacters(in: .whitespaces).isEmpty {
                return s.trimmingCharacters(in: .whitespaces)
            }
            return nearest.street(near: c.point) ?? ""
        }
    }
}
