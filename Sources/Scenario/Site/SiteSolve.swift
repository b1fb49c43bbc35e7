import Foundation
import GeoKit
import Planning
import Siting

/// The steps of `site` after the inputs are read: solve, assign, build, and the curve.
extension SiteRun {
    /// The solution, its sites in build order, and what the objective's own assignment needs.
    struct Solved {
        let solution: SitingSolution
        let priority: [PriorityOrder.Step]
        var flows: CapacitatedCoverageProblem.Assignment?
        var median: PMedianProblem?
    }

    static let keptGroupName = "sites of the phases before"

    /// Says so where a solver phase ended on its share of the time rather than by its own rule: the
    /// answer and bound hold, but a faster or slower machine may end it elsewhere and choose other sites.
    /// `timed`: each solution's `timedPhases`.
    static func noteTimedPhases(_ timed: [[String]], log: RunLog) {
        var names: [String] = []
        for n in timed.joined() where !names.contains(n) { names.append(n) }
        guard !names.isEmpty else { return }
        log.note("solver phases that ended on their share of the time limit, not by their own rule: "
                 + names.joined(separator: "; ") + ". The answer and bound hold, but another run may end them "
                 + "elsewhere and choose other sites; a longer --time-limit lets them end on their own")
    }

    /// `earlier`: the sites of the phases before, in groups (kept open, and first in the build order).
    static func solve(_ options: SiteOptions, basis: SiteBasis, rules: SiteConstraintRules?, earlier: [[Int]] = []) throws -> Solved {
        var c = rules?.constraints ?? SiteConstraints()
        let kept = earlier.flatMap { $0 }
        if !kept.isEmpty { c.groups.append(.init(name: keptGroupName, sites: kept, atLeast: kept.count)) }
        if options.budget != nil, let p = options.p { c.groups.append(.init(name: "p", sites: Array(basis.candidates.indices), atMost: p)) }
        let solved = unchecked(options, basis: basis, constraints: c, earlier: earlier)
        if !solved.solution.feasible { throw infeasible(options, rules: rules, solution: solved.solution) }
        return solved
    }

    private static func unchecked(_ options: SiteOptions, basis: SiteBasis, constraints c: SiteConstraints, earlier: [[Int]]) -> Solved {
        let (candidates, coverage, served, weights, sets) = (basis.candidates, basis.coverage, basis.served, basis.weights, basis.sets)
        var solverOptions = SolverOptions(timeLimit: options.timeLimit, progress: options.progress)
        solverOptions.gapTolerance = options.gapTolerance
        let limit: SiteLimit = options.budget.map { .budget($0) } ?? .count(options.p ?? 0)
        let kept = Set(earlier.flatMap { $0 })
        let phases = { (chosen: [Int]) in earlier + [chosen.filter { !kept.contains($0) }] }
        switch options.objective {
        case .coverage:
            let solution = MaximalCoveringProblem(weights: weights, sets: sets, alreadyCovered: served,
                                                  costs: candidates.map(\.cost), limit: limit).solve(solverOptions, constraints: c)
            return Solved(solution: solution, priority: PriorityOrder.byCoverage(phases: phases(solution.chosen), sets: sets, weights: weights,
                                                                                  alreadyCovered: served))
        case .coverAll:
            let solution = SetCoveringProblem(sets: sets, alreadyCovered: served,
                                              costs: options.minimise == .cost ? candidates.map(\.cost) : nil).solve(solverOptions, constraints: c)
            return Solved(solution: solution,
                          priority: PriorityOrder.byCoverage(solution.chosen, sets: sets, weights: weights, alreadyCovered: served))
        case .distance:
            let problem = PMedianProblem(weights: weights, distances: coverage.distances!, existing: coverage.existingDistance, p: options.p!)
            let solution = problem.solve(solverOptions, constraints: c)
            return Solved(solution: solution, priority: PriorityOrder.byDistance(phases: phases(solution.chosen), problem: problem),
                          median: problem)
        case .capacitatedCoverage:
            let inputs = basis.inputs
            let problem = CapacitatedCoverageProblem(
                demand: basis.before.assessment.communities.map(\.requiredPlaces), sets: sets,
                capacities: candidates.map { $0.capacityPlaces ?? 0 },
                existing: coverage.existingSets(facilityCount: inputs.facilities.count),
                existingCapacities: inputs.facilities.map(\.capacityPlaces), costs: candidates.map(\.cost), limit: limit)
            let solution = problem.solve(solverOptions, constraints: c)
            return Solved(solution: solution, priority: PriorityOrder.byPlaces(phases: phases(solution.chosen), problem: problem),
                          flows: problem.assign(solution.chosen))
        }
    }

    /// Why no plan meets the constraints: proven impossible together, or none found in the time given.
    static func infeasible(_ options: SiteOptions, rules: SiteConstraintRules?, solution: SitingSolution) -> InputError {
        let c = options.constraints
        var parts: [String] = []
        if let p = options.p { parts.append("--p \(p)") }
        if let b = options.budget { parts.append("--budget \(JSONNumber.text(b))") }
        let streets = rules?.streets ?? []
        if let n = c.minPerStreet { parts.append("--min-per-street \(n) (\(streets.reduce(0) { $0 + $1.atLeast }) new sites in \(streets.count) streets)") }
        for (k, n) in c.kindMin.sorted(by: { $0.key < $1.key }) { parts.append("--kind-min \(k)=\(n)") }
        for (k, n) in c.kindMax.sorted(by: { $0.key < $1.key }) { parts.append("--kind-max \(k)=\(n)") }
        if let reach = rules?.constraints.mustReach, !reach.isEmpty { parts.append("\(reach.count) must-serve communities (\(c.ruleText))") }
        let list = parts.joined(separator: ", ")
        if solution.stop == .infeasible { return InputError("the constraints cannot all hold together: \(list); relax one of them") }
        return InputError("no plan meeting the constraints was found within --time-limit \(JSONNumber.text(options.timeLimit)) s (\(list)); raise the time limit or relax a constraint")
    }

    /// Per community, the facility it goes to (existing index, or facilities + candidate index) and how
    /// far: the flow's largest share (capacitated), the p-median's assignment, else the nearest open
    /// within reach. Capacitated: also the places each community is assigned.
    static func assignments(_ solved: Solved, chosen: [Int], basis: SiteBasis) -> ([(facility: Int, distance: Double)?], [Double]?) {
        let (communities, coverage, facilityCount) = (basis.inputs.communities, basis.coverage, basis.inputs.facilities.count)
        if let flows = solved.flows {
            var best = [(Int, Double)?](repeating: nil, count: communities.count)
            var total = [Double](repeating: 0, count: communities.count)
            for f in flows.flows {
                total[f.demand] += f.places
                if best[f.demand] == nil || f.places > best[f.demand]!.1 { best[f.demand] = (f.facility, f.places) }
            }
            return (best.enumerated().map { i, b in
                b.map { ($0.0, SiteRun.distance(i, facility: $0.0, facilityCount: facilityCount, coverage: coverage)) }
            }, total)
        }
        if let median = solved.median {
            return (median.assignment(chosen).enumerated().map { i, x in
                if let s = x.site { return (facilityCount + s, x.distance) }
                return coverage.existing.nearest[i].map { ($0.site, $0.distanceM) }
            }, nil)
        }
        let isChosen = Set(chosen)
        return (communities.indices.map { i in
            var best: (Int, Double)?
            for l in coverage.existing.within[i] where best == nil || l.distanceM < best!.1 { best = (l.site, l.distanceM) }
            for l in coverage.candidates.within[i] where isChosen.contains(l.site) && (best == nil || l.distanceM < best!.1) {
                best = (facilityCount + l.site, l.distanceM)
            }
            return best
        }, nil)
    }

    /// Required places assigned per chosen candidate: the flow, or the communities assigned to it.
    static func assignedPlaces(_ solved: Solved, assigned: [(facility: Int, distance: Double)?], basis: SiteBasis) -> [Int: Double] {
        let facilityCount = basis.inputs.facilities.count
        var places: [Int: Double] = [:]
        if let flows = solved.flows {
            for f in flows.flows where f.facility >= facilityCount { places[f.facility - facilityCount, default: 0] += f.places }
            return places
        }
        for (i, a) in assigned.enumerated() {
            if let a, a.facility >= facilityCount {
                places[a.facility - facilityCount, default: 0] += basis.before.assessment.communities[i].requiredPlaces
            }
        }
        return places
    }

    /// The chosen sites as facilities (sized to their assigned places when the candidates carry no
    /// capacity: new nurseries are built to the demand they serve), and the communities assessed again.
    static func built(_ chosen: [Int], places: [Int: Double], basis: SiteBasis,
                      standard: PlanningStandard) -> ([CareFacility], Assessment) {
        let (inputs, candidates, coverage) = (basis.inputs, basis.candidates, basis.coverage)
        let streets = basis.candidateStreets
        let newFacilities = chosen.map { j in
            CareFacility(id: candidates[j].id, name: candidates[j].name, point: candidates[j].point,
                         outputPoint: candidates[j].outputPoint, capacityPlaces: candidates[j].capacityPlaces ?? places[j] ?? 0,
                         street: streets[j])
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
        let after = Assessment(communities: inputs.communities, facilities: inputs.facilities + newFacilities, standard: standard,
                               coverage: coverage.existing.merged(with: chosenCoverage, siteCount: inputs.facilities.count))
        return (newFacilities, after)
    }

    /// The best covered weight for p = 1 … --curve, each with a share of the time limit.
    static func curve(_ options: SiteOptions, basis: SiteBasis) -> [(p: Int, solution: SitingSolution)] {
        guard let top = options.curve else { return [] }
        let share = max(0.5, options.timeLimit / Double(max(1, top)))
        return (1...min(top, basis.candidates.count)).map { p in
            let problem = MaximalCoveringProblem(weights: basis.weights, sets: basis.sets, alreadyCovered: basis.served, limit: .count(p))
            var o = SolverOptions(timeLimit: share, progress: options.progress)
            o.gapTolerance = options.gapTolerance
            return (p, problem.solve(o))
        }
    }
}
