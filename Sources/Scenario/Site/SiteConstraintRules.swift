import Foundation
import GeoKit
import Planning
import Siting

/// The plan's constraints as sets of candidates, checked against what was read: a street, a kind or a
/// must-serve community that cannot be satisfied stops the run with a message naming it, before any
/// search (with `--min-per-street-where-feasible`, such streets are listed and served as far as they can be).
struct SiteConstraintRules {
    let constraints: SiteConstraints
    /// Streets that cannot reach the minimum: their name and what they lack.
    let streetsShort: [String]
    /// The streets short of the minimum, with the new sites each needs (also in `constraints`).
    let streets: [SiteConstraints.Group]

    init(_ options: SiteOptions, basis: SiteBasis) throws {
        let rules = options.constraints
        var groups: [SiteConstraints.Group] = []
        var short: [String] = []
        if let n = rules.minPerStreet {
            (groups, short) = try Self.streetGroups(n, whereFeasible: rules.minPerStreetWhereFeasible, basis: basis, file: options.candidates,
                                                    candidateStreets: basis.candidateStreets)
        }
        streets = groups
        groups += try Self.kindGroups(rules, candidates: basis.candidates, options: options)
        let reach = try Self.mustReach(rules, basis: basis, options: options)
        if let p = options.p, options.budget == nil {
            let needed = streets.reduce(0) { $0 + $1.atLeast }
            if needed > p {
                throw InputError("--min-per-street \(rules.minPerStreet ?? 0) needs at least \(needed) new sites in the streets short of facilities, but --p is \(p)")
            }
            for g in groups where g.atLeast > p { throw InputError("\(g.name) needs at least \(g.atLeast) new sites, but --p is \(p)") }
        }
        constraints = SiteConstraints(groups: groups, mustReach: reach)
        streetsShort = short
        for s in short { basis.inputs.log.warn("--min-per-street \(rules.minPerStreet ?? 0): \(s); served as far as its candidates allow") }
    }
}

extension SiteConstraintRules {
    /// Every street known (the streets layer, else the communities' street names) with fewer than `n`
    /// existing facilities needs the rest from its candidates.
    static func streetGroups(_ n: Int, whereFeasible: Bool, basis: SiteBasis, file: String,
                             candidateStreets: [String]) throws -> ([SiteConstraints.Group], [String]) {
        let inputs = basis.inputs
        let names = inputs.streetLayer.map { Array(Set($0.names)).sorted() }
            ?? Array(Set(inputs.communities.map(\.street).filter { !$0.isEmpty })).sorted()
        guard !names.isEmpty else {
            throw InputError("--min-per-street needs streets: give --streets FILE or a street field on the communities (--street-field)")
        }
        var existing: [String: Int] = [:]
        for f in inputs.facilities { existing[f.street, default: 0] += 1 }
        var groups: [SiteConstraints.Group] = []
        var short: [String] = []
        for name in names {
            let has = existing[name] ?? 0
            guard has < n else { continue }
            let sites = candidateStreets.indices.filter { candidateStreets[$0] == name }
            let need = n - has
            if sites.count < need {
                let what = "street \(name) has \(has == 0 ? "no" : String(has)) facilit\(has == 1 ? "y" : "ies") and \(sites.isEmpty ? "no" : "only \(sites.count)") candidate site\(sites.count == 1 ? "" : "s")"
                guard whereFeasible else {
                    throw InputError("--min-per-street \(n): \(what) (\(file)); add candidates there, or use --min-per-street-where-feasible")
                }
                short.append(what)
            }
            if !sites.isEmpty { groups.append(.init(name: "street \(name)", sites: sites, atLeast: min(need, sites.count))) }
        }
        return (groups, short)
    }

    /// `--kind-min` / `--kind-max`: new sites by the candidates' kind.
    static func kindGroups(_ rules: PlanConstraints, candidates: [CandidateSite], options: SiteOptions) throws -> [SiteConstraints.Group] {
        let kinds = Set(rules.kindMin.keys).union(rules.kindMax.keys).sorted()
        return try kinds.map { kind in
            let sites = candidates.indices.filter { candidates[$0].kind == kind }
            let low = rules.kindMin[kind] ?? 0
            if sites.count < low {
                let present = Set(candidates.map(\.kind).filter { !$0.isEmpty }).sorted().joined(separator: ", ")
                throw InputError("--kind-min \(kind)=\(low): \(options.candidates) has \(sites.isEmpty ? "no" : "only \(sites.count)") candidate site\(sites.count == 1 ? "" : "s") of kind \(kind) (field \(options.kindField.name); kinds present: \(present.isEmpty ? "none" : present))")
            }
            return .init(name: "kind \(kind)", sites: sites, atLeast: low, atMost: rules.kindMax[kind])
        }
    }

    /// Must-serve communities not yet served, each with the candidates that reach it.
    static func mustReach(_ rules: PlanConstraints, basis: SiteBasis, options: SiteOptions) throws -> [SiteConstraints.Reach] {
        let communities = basis.inputs.communities
        let matching = communities.indices.filter { rules.mustServe(communities[$0]) }
        if matching.isEmpty && !rules.ruleText.isEmpty {
            let largest = JSONNumber.text(communities.map(\.population).max() ?? 0)
            basis.inputs.log.warn("must serve \(rules.ruleText): no community matches (the largest has \(largest) residents); the rule does nothing")
        }
        let due = matching.filter { !basis.served[$0] }
        let unreachable = due.filter { basis.sets.byDemand[$0].isEmpty }
        if !unreachable.isEmpty {
            let named = unreachable.prefix(5).map { "\(communities[$0].id) \(communities[$0].name)" }.joined(separator: ", ")
            throw InputError("\(options.flag.inputs.communities): \(unreachable.count) communit\(unreachable.count == 1 ? "y" : "ies") must be served (\(rules.ruleText)) but no candidate site is within reach: \(named)\(unreachable.count > 5 ? ", …" : "")")
        }
        return due.map { SiteConstraints.Reach(name: "community \(communities[$0].id)", sites: basis.sets.byDemand[$0]) }
    }
}

extension PlanConstraints {
    /// The must-serve rule in words, for messages.
    var ruleText: String {
        var parts: [String] = []
        if let p = mustServePopulation { parts.append("population ≥ \(JSONNumber.text(p))") }
        if !mustServeStatus.isEmpty { parts.append("status \(mustServeStatus.map(\.rawValue).joined(separator: "/"))") }
        return parts.joined(separator: " or ")
    }
}
