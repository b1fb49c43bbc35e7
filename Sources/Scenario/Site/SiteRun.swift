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
    public let weights: [Double]
    public let solution: SitingSolution
    /// Chosen sites in build order.
    public let priority: [PriorityOrder.Step]
    /// The communities with the chosen sites built.
    public let after: Assessment
    /// The chosen sites as facilities (capacity: their own, or the places assigned to them), in rank order.
    public let newFacilities: [CareFacility]
    /// Per community: the facility it is assigned to (existing index, or facilities.count + candidate
    /// index) and the distance; nil when none is.
    public let assigned: [(facility: Int, distance: Double)?]
    /// Required places assigned per chosen site (capacitated: the flow; otherwise the communities assigned).
    public let assignedPlaces: [Int: Double]
    /// Capacitated only: per community, places assigned.
    public let assignedToCommunity: [Double]?
    /// Cover-all: communities no candidate (nor existing facility) reaches.
    public let uncoverable: [Int]
    public let curve: [(p: Int, solution: SitingSolution)]
    /// Candidates left out before optimising, with the reason.
    public let excluded: [ExcludedSite]
    public let timings: [(String, Double)]
    public var files: [(role: String, path: String)]

    public init(_ options: SiteOptions, log: RunLog = RunLog()) throws {
        try options.validate()
        var timings: [(String, Double)] = []
        var t = Date()
        func lap(_ name: String) { timings.append((name, Date().timeIntervalSince(t))); t = Date() }

        let basis = try SiteBasis(options, log: log, dropExcluded: true) { lap($0) }
        let (inputs, candidates, excluded, coverage, before) = (basis.inputs, basis.candidates, basis.excluded, basis.coverage, basis.before)
        let (communities, served, weights, sets) = (inputs.communities, basis.served, basis.weights, basis.sets)
        var solverOptions = SolverOptions(timeLimit: options.timeLimit, progress: options.progress)
        solverOptions.gapTolerance = options.gapTolerance
        let limit: SiteLimit = options.budget.map { .budget($0) } ?? .count(options.p ?? 0)
        let solution: SitingSolution
        var priority: [PriorityOrder.Step]
        var flows: CapacitatedCoverageProblem.Assignment?
        var capacitated: CapacitatedCoverageProblem?
        var median: PMedianProblem?
        switch options.objective {
        case .coverage:
            let problem = MaximalCoveringProblem(weights: weights, sets: sets, alreadyCovered: served,
                                                 costs: candidates.map(\.cost), limit: limit)
            solution = problem.solve(solverOptions)
            priority = PriorityOrder.byCoverage(solution.chosen, sets: sets, weights: weights, alreadyCovered: served)
        case .coverAll:
            let problem = SetCoveringProblem(sets: sets, alreadyCovered: served,
                                             costs: options.minimise == .cost ? candidates.map(\.cost) : nil)
            solution = problem.solve(solverOptions)
            priority = PriorityOrder.byCoverage(solution.chosen, sets: sets, weights: weights, alreadyCovered: served)
        case .distance:
            let problem = PMedianProblem(weights: weights, distances: coverage.distances!,
                                         existing: coverage.existingDistance, p: options.p!)
            solution = problem.solve(solverOptions)
            priority = PriorityOrder.byDistance(solution.chosen, problem: problem)
            median = problem
        case .capacitatedCoverage:
            let problem = CapacitatedCoverageProblem(
                demand: before.assessment.communities.map(\.requiredPlaces), sets: sets,
                capacities: candidates.map { $0.capacityPlaces ?? 0 },
                existing: coverage.existingSets(facilityCount: inputs.facilities.count),
                existingCapacities: inputs.facilities.map(\.capacityPlaces), costs: candidates.map(\.cost), limit: limit)
            solution = problem.solve(solverOptions)
            priority = PriorityOrder.byPlaces(solution.chosen, problem: problem)
            flows = problem.assign(solution.chosen)
            capacitated = problem
        }
        _ = capacitated
        lap("solve")

        // Who goes where once the sites are built.
        let chosen = priority.map(\.site)
        let facilityCount = inputs.facilities.count
        var assigned: [(facility: Int, distance: Double)?] = []
        var toCommunity: [Double]?
        if let flows {
            var best = [(Int, Double)?](repeating: nil, count: communities.count)
            var total = [Double](repeating: 0, count: communities.count)
            for f in flows.flows {
                total[f.demand] += f.places
                if best[f.demand] == nil || f.places > best[f.demand]!.1 { best[f.demand] = (f.facility, f.places) }
            }
            assigned = best.enumerated().map { i, b in
                b.map { ($0.0, SiteRun.distance(i, facility: $0.0, facilityCount: facilityCount, coverage: coverage)) }
            }
            toCommunity = total
        } else if let median {
            let a = median.assignment(chosen)
            assigned = a.enumerated().map { i, x in
                if let s = x.site { return (facilityCount + s, x.distance) }
                return coverage.existing.nearest[i].map { ($0.site, $0.distanceM) }
            }
        } else {
            let isChosen = Set(chosen)
            assigned = communities.indices.map { i in
                var best: (Int, Double)?
                for l in coverage.existing.within[i] where best == nil || l.distanceM < best!.1 { best = (l.site, l.distanceM) }
                for l in coverage.candidates.within[i] where isChosen.contains(l.site) && (best == nil || l.distanceM < best!.1) {
                    best = (facilityCount + l.site, l.distanceM)
                }
                return best
            }
        }
        var places: [Int: Double] = [:]
        if let flows {
            for f in flows.flows where f.facility >= facilityCount { places[f.facility - facilityCount, default: 0] += f.places }
        } else {
            for (i, a) in assigned.enumerated() {
                if let a, a.facility >= facilityCount {
                    places[a.facility - facilityCount, default: 0] += before.assessment.communities[i].requiredPlaces
                }
            }
        }

        // The communities again, with the chosen sites as facilities: sized to their assigned places when
        // the candidates carry no capacity (new nurseries are built to the demand they serve).
        let newFacilities = chosen.map { j in
            CareFacility(id: candidates[j].id, name: candidates[j].name, point: candidates[j].point,
                         outputPoint: candidates[j].outputPoint,
                         capacityPlaces: candidates[j].capacityPlaces ?? places[j] ?? 0,
                         street: inputs.streetLayer?.street(of: candidates[j].point) ?? "")
        }
        let chosenIndex = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
        let chosenCoverage = Coverage(
            within: coverage.candidates.within.map { links in
                links.compactMap { l in chosenIndex[l.site].map { Coverage.Link(site: $0, distanceM: l.distanceM) } }
            },
            nearest: coverage.candidates.within.map { links in
                links.filter { chosenIndex[$0.site] != nil }.min { $0.distanceM < $1.distanceM }
                    .map { Coverage.Link(site: chosenIndex[$0.site]!, distanceM: $0.distanceM) }
            })
        self.newFacilities = newFacilities
        after = Assessment(communities: communities, facilities: inputs.facilities + newFacilities,
                           standard: options.flag.standard,
                           coverage: coverage.existing.merged(with: chosenCoverage, siteCount: facilityCount))

        var curve: [(Int, SitingSolution)] = []
        if let top = options.curve {
            let share = max(0.5, options.timeLimit / Double(max(1, top)))
            for p in 1...min(top, candidates.count) {
                let problem = MaximalCoveringProblem(weights: weights, sets: sets, alreadyCovered: served, limit: .count(p))
                var o = SolverOptions(timeLimit: share, progress: options.progress)
                o.gapTolerance = options.gapTolerance
                curve.append((p, problem.solve(o)))
            }
            lap("curve")
        }

        self.options = options
        self.before = before
        self.candidates = candidates
        self.coverage = coverage
        self.weights = weights
        self.solution = solution
        self.priority = priority
        self.assigned = assigned
        self.assignedPlaces = places
        self.assignedToCommunity = toCommunity
        self.uncoverable = options.objective == .coverAll
            ? communities.indices.filter { !served[$0] && coverage.candidates.within[$0].isEmpty } : []
        self.curve = curve
        self.excluded = excluded
        self.timings = timings + solution.phases.map { ("solve: \($0.0)", $0.1) }
        var files = inputs.files
        files.append(("candidates", options.candidates))
        if let od = options.odMatrix { files.append(("od_matrix", od)) }
        for x in options.exclusions { files.append(("hazards", x.layer)) }
        self.files = files
    }

    static func distance(_ i: Int, facility f: Int, facilityCount: Int, coverage: SiteCoverage) -> Double {
        if f < facilityCount { return coverage.existing.within[i].first { $0.site == f }?.distanceM ?? .nan }
        return coverage.candidates.within[i].first { $0.site == f - facilityCount }?.distanceM ?? .nan
    }
}
