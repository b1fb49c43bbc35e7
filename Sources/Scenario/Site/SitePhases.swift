import Foundation
import Planning
import Siting

/// One phase of a plan by year, as solved: the sites it opens and where the town stands once they are built.
public struct PhaseOutcome {
    public let phase: PlanPhase
    /// The sites this phase opens (candidate indices), in build order.
    public let sites: [Int]
    /// The plan up to this phase, certified given the sites of the phases before.
    public let solution: SitingSolution
    /// The phase's options: its cumulative count or budget, and its targets with the earlier ones'.
    let options: SiteOptions
    let rules: SiteConstraintRules?
    /// The communities and streets with every site up to this phase built.
    public let after: Assessment
    public let streets: [StreetSummary]
}

extension SiteRun {
    /// Phase after phase: each keeps the sites before it, opens its own count or budget more, and must
    /// meet its targets (with the earlier phases'). The last phase's plan is the run's.
    static func solvePhases(_ options: SiteOptions, basis: SiteBasis) throws -> (Solved, SiteConstraintRules?, [PhaseOutcome]) {
        var groups: [[Int]] = []
        var outcomes: [PhaseOutcome] = []
        var targets = options.constraints
        var last: (Solved, SiteConstraintRules?)?
        for phase in options.phases {
            targets = targets.merged(with: phase.targets)
            let o = try phaseOptions(options, phase: phase, targets: targets, kept: groups.flatMap { $0 }, basis: basis)
            do {
                let rules = targets.isEmpty ? nil : try SiteConstraintRules(o, basis: basis)
                let solved = try solve(o, basis: basis, rules: rules, earlier: groups)
                let kept = Set(groups.flatMap { $0 })
                groups.append(solved.priority.map(\.site).filter { !kept.contains($0) })
                outcomes.append(outcome(phase, sites: groups.last ?? [], solved: solved, options: o, rules: rules, basis: basis))
                last = (solved, rules)
            } catch let e as InputError {
                throw InputError("phase \(phase.year): \(e.message)")
            }
        }
        guard let last else { throw InputError("phases: none given") }
        return (last.0, last.1, outcomes)
    }

    /// The phase's count and budget counted from the start (the earlier phases' sites and costs with its own).
    private static func phaseOptions(_ options: SiteOptions, phase: PlanPhase, targets: PlanConstraints, kept: [Int],
                                     basis: SiteBasis) throws -> SiteOptions {
        var o = options
        o.phases = []
        o.constraints = targets
        o.p = phase.p.map { kept.count + $0 }
        o.budget = phase.budget.map { kept.reduce(0) { $0 + basis.candidates[$1].cost } + $0 }
        if let p = o.p, p > basis.candidates.count {
            throw InputError("phase \(phase.year): the phases up to it open \(p) sites, more than the \(basis.candidates.count) candidate sites "
                             + "in \(options.candidates)")
        }
        return o
    }

    private static func outcome(_ phase: PlanPhase, sites: [Int], solved: Solved, options: SiteOptions, rules: SiteConstraintRules?,
                                basis: SiteBasis) -> PhaseOutcome {
        let chosen = solved.priority.map(\.site)
        let (assigned, _) = assignments(solved, chosen: chosen, basis: basis)
        let places = assignedPlaces(solved, assigned: assigned, basis: basis)
        let (newFacilities, after) = built(chosen, places: places, basis: basis, standard: options.flag.standard)
        let streets = StreetRollup.make(communities: basis.inputs.communities, assessment: after,
                                        facilities: basis.inputs.facilities + newFacilities)
        return PhaseOutcome(phase: phase, sites: sites, solution: solved.solution, options: options, rules: rules,
                            after: after, streets: streets)
    }
}
