import GeoKit
import Planning
import Siting

/// The plan's constraints in summary.json and the terminal: what was asked, what the sites achieve,
/// which constraints are tight (at their limit), and the streets that could not be served.
extension SiteRun {
    func constraintsPart() -> JSONValue {
        Self.constraintsJSON(rules, asked: phases.last?.options.constraints ?? options.constraints, chosen: Set(priority.map(\.site)),
                             candidates: candidates, tight: tight(solution))
    }

    /// The tight constraints a planner set (not the bookkeeping of phases).
    func tight(_ s: SitingSolution) -> [String] { s.tight.filter { !$0.hasPrefix(SiteRun.keptGroupName) } }

    static func constraintsJSON(_ rules: SiteConstraintRules?, asked c: PlanConstraints, chosen: Set<Int>, candidates: [CandidateSite],
                                tight: [String]) -> JSONValue {
        guard let rules else { return .null }
        let count = { (sites: [Int]) in sites.filter(chosen.contains).count }
        let kinds: JSONValue = .object(Set(c.kindMin.keys).union(c.kindMax.keys).sorted().map { k in
            (k, .object([("min", c.kindMin[k].map { JSONValue.integer($0) } ?? .null),
                         ("max", c.kindMax[k].map { JSONValue.integer($0) } ?? .null),
                         ("new_sites", .integer(candidates.indices.filter { candidates[$0].kind == k && chosen.contains($0) }.count))]))
        })
        let streets = rules.streets
        let reach = rules.constraints.mustReach
        return .object([
            ("min_per_street", c.minPerStreet.map { JSONValue.integer($0) } ?? .null),
            ("where_feasible", .bool(c.minPerStreetWhereFeasible)),
            ("streets_needing_sites", .integer(streets.count)),
            ("streets_met", .integer(streets.filter { count($0.sites) >= $0.atLeast }.count)),
            ("streets_short", .array(rules.streetsShort.map { JSONValue.string($0) })),
            ("kinds", kinds),
            ("must_serve_rule", c.ruleText.isEmpty ? .null : .string(c.ruleText)),
            ("must_serve_communities", .integer(reach.count)),
            ("must_serve_reached", .integer(reach.filter { $0.sites.contains { chosen.contains(Int($0)) } }.count)),
            ("tight", .array(tight.map { JSONValue.string($0) })),
        ])
    }

    func constraintsText() -> String {
        guard let rules else { return "" }
        let streets = rules.streets
        let asked = phases.last?.options.constraints ?? options.constraints
        var t = "  constraints: all met"
        if let n = asked.minPerStreet { t += "; ≥ \(n) per street (\(streets.count) street\(streets.count == 1 ? "" : "s") short of it)" }
        for (k, n) in asked.kindMin.sorted(by: { $0.key < $1.key }) { t += "; ≥ \(n) \(k)" }
        for (k, n) in asked.kindMax.sorted(by: { $0.key < $1.key }) { t += "; ≤ \(n) \(k)" }
        if !rules.constraints.mustReach.isEmpty { t += "; \(rules.constraints.mustReach.count) must-serve communities reached" }
        t += "\n"
        let tight = tight(solution)
        if !tight.isEmpty {
            t += "  tight: \(tight.prefix(8).joined(separator: ", "))\(tight.count > 8 ? ", … (\(tight.count) in summary.json)" : "")\n"
        }
        return t
    }
}
