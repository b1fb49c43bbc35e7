import Foundation
import GeoKit
import Planning
import Siting

/// `caresite site`: which candidate sites to open, with a certificate of how good the choice is.
public struct SiteRun {
    public let options: SiteOptions
    public let before: FlagRun
    public let candidates: [CandidateSite]
    let coverage: SiteCoverage
    /// Per candidate, the communities it reaches (ascending): the solver's sets, kept for the tables.
    let reachedBy: [[Int32]]
    public let weights: [Double]
    public let solution: SitingSolution
    /// Chosen sites in build order.
    public let priority: [PriorityOrder.Step]
    /// The communities with the chosen sites built.
    public let after: Assessment
    /// The street roll-up with the new sites built (in the order of `before.streets`).
    public let streetsAfter: [StreetSummary]
    /// The chosen sites as facilities (capacity: their own, or the places assigned to them), in rank order.
    public let newFacilities: [CareFacility]
    /// Per community: the facility it is assigned to (existing index, or facilities.count + candidate
    /// index) and the distance; nil when none is.
    public let assigned: [(facility: Int, distance: Double)?]
    /// Required places assigned per chosen site (capacitated: the flow; otherwise the communities assigned).
    public let assignedPlaces: [Int: Double]
    /// Capacitated only: per community, places assigned.
    public let assignedToCommunity: [Double]?
    /// Places, classes and floor area of each chosen site; what existing facilities should add.
    let sizing: SiteSizing
    /// Cover-all: communities no candidate (nor existing facility) reaches.
    public let uncoverable: [Int]
    public let curve: [(p: Int, solution: SitingSolution)]
    /// Candidates left out before optimising, with the reason.
    public let excluded: [ExcludedSite]
    public let timings: [(String, Double)]
    /// The plan's constraints as solved (nil without any).
    let rules: SiteConstraintRules?
    /// A plan by year: each phase as solved (empty for one plan).
    public let phases: [PhaseOutcome]
    public var files: [(role: String, path: String)]

    public init(_ options: SiteOptions, log: RunLog = RunLog()) throws {
        var options = options
        try options.nameDatabases()
        try options.validate()
        var timings: [(String, Double)] = []
        var t = Date()
        func lap(_ name: String) { timings.append((name, Date().timeIntervalSince(t))); t = Date() }

        let basis = try SiteBasis(options, log: log, dropExcluded: true) { lap($0) }
        let solved: Solved, rules: SiteConstraintRules?
        if options.phases.isEmpty {
            rules = options.constraints.isEmpty ? nil : try SiteConstraintRules(options, basis: basis)
            (solved, phases) = (try SiteRun.solve(options, basis: basis, rules: rules), [])
        } else {
            (solved, rules, phases) = try SiteRun.solvePhases(options, basis: basis)
        }
        lap("solve")
        SiteRun.noteTimedPhases(([solved.solution] + phases.map(\.solution)).map(\.timedPhases), log: basis.inputs.log)
        let chosen = solved.priority.map(\.site)
        let (assigned, toCommunity) = SiteRun.assignments(solved, chosen: chosen, basis: basis)
        let places = SiteRun.assignedPlaces(solved, assigned: assigned, basis: basis)
        (newFacilities, after) = SiteRun.built(chosen, places: places, basis: basis, standard: options.flag.standard)
        streetsAfter = phases.last?.streets ?? StreetRollup.make(communities: basis.inputs.communities, assessment: after,
                                                                 facilities: basis.inputs.facilities + newFacilities)
        curve = SiteRun.curve(options, basis: basis)
        if !curve.isEmpty { lap("curve") }

        self.options = options
        (before, candidates, coverage, weights) = (basis.before, basis.candidates, basis.coverage, basis.weights)
        reachedBy = basis.sets.byCandidate
        (solution, priority) = (solved.solution, solved.priority)
        self.assigned = assigned
        self.assignedPlaces = places
        self.assignedToCommunity = toCommunity
        sizing = SiteSizing(communities: basis.before.assessment.communities, facilities: basis.inputs.facilities,
                            candidates: basis.candidates, chosen: chosen, assigned: assigned, flowPlaces: toCommunity == nil ? nil : places)
        uncoverable = options.objective == .coverAll
            ? basis.inputs.communities.indices.filter { !basis.served[$0] && basis.coverage.candidates.within[$0].isEmpty } : []
        excluded = basis.excluded
        self.rules = rules
        self.timings = timings + solved.solution.phases.map { ("solve: \($0.0)", $0.1) }
        files = basis.inputs.files + [("candidates", options.candidates)] + (options.odMatrix.map { [("od_matrix", $0)] } ?? [])
            + options.exclusions.map { ("hazards", $0.layer) }
    }

    static func distance(_ i: Int, facility f: Int, facilityCount: Int, coverage: SiteCoverage) -> Double {
        if f < facilityCount { return coverage.existing.within[i].first { $0.site == f }?.distanceM ?? .nan }
        return coverage.candidates.within[i].first { $0.site == f - facilityCount }?.distanceM ?? .nan
    }
}
