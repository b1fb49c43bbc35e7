import Planning
import Yams

/// `constraints:` of a scenario file (docs/scenarios.md):
///     constraints:
///       min_per_street: 1            # or {count: 1, where_feasible: true}
///       kinds: {kindergarten: {min: 12}, vacant_building: {max: 5}}
///       must_serve: {population: 3000, status: [new]}
extension ScenarioSections {
    func constraints(_ node: Node?, key: String = "constraints") throws -> PlanConstraints {
        var c = PlanConstraints()
        guard let node else { return c }
        let m = try r.mapping(node, key, known: ["min_per_street", "kinds", "must_serve"])
        if let s = m["min_per_street"] {
            if s.mapping != nil {
                let sm = try r.mapping(s, "\(key).min_per_street", known: ["count", "where_feasible"])
                c.minPerStreet = try r.integer(sm["count"], "\(key).min_per_street.count", rule: PlanConstraints.perStreetRule)
                c.minPerStreetWhereFeasible = try r.choice(sm["where_feasible"], "\(key).min_per_street.where_feasible", YesNo.self)?.value ?? false
            } else {
                c.minPerStreet = try r.integer(s, "\(key).min_per_street", rule: PlanConstraints.perStreetRule)
            }
        }
        if let k = m["kinds"] {
            guard let map = k.mapping else { throw r.fail(k, "\(key).kinds", "expected kind: {min: N, max: N} pairs") }
            for (kn, v) in map {
                let kind = kn.string ?? ""
                let km = try r.mapping(v, "\(key).kinds.\(kind)", known: ["min", "max"])
                c.kindMin[kind] = try r.integer(km["min"], "\(key).kinds.\(kind).min", rule: PlanConstraints.kindCountRule)
                c.kindMax[kind] = try r.integer(km["max"], "\(key).kinds.\(kind).max", rule: PlanConstraints.kindCountRule)
            }
        }
        if let s = m["must_serve"] {
            let sm = try r.mapping(s, "\(key).must_serve", known: ["population", "status"])
            c.mustServePopulation = try r.number(sm["population"], "\(key).must_serve.population", rule: OptionRules.population)
            c.mustServeStatus = try (r.strings(sm["status"], "\(key).must_serve.status") ?? []).map { word in
                guard let st = CommunityStatus(text: word), st != .unknown else {
                    throw r.fail(sm["status"], "\(key).must_serve.status", "\"\(word)\" is not a status (new or old)")
                }
                return st
            }
        }
        return c
    }
}

/// `phases:` of a scenario file: a list of `{year: 2022, p: 5, budget: 3000, targets: {…constraints…}}`.
extension ScenarioSections {
    func phases(_ node: Node?) throws -> [PlanPhase] {
        guard let node else { return [] }
        guard let list = node.sequence, !list.isEmpty else {
            throw r.fail(node, "phases", "expected a list of {year, p and/or budget, targets}")
        }
        return try list.enumerated().map { k, item in
            let key = "phases[\(k + 1)]"
            let m = try r.mapping(item, key, known: ["year", "p", "budget", "targets"])
            guard let year = try r.integer(m["year"], "\(key).year", rule: PlanPhase.yearRule) else {
                throw r.fail(item, "\(key).year", "missing")
            }
            var phase = PlanPhase(year: year, p: try r.integer(m["p"], "\(key).p", rule: OptionRules.p),
                                  budget: try r.number(m["budget"], "\(key).budget", rule: OptionRules.budget))
            phase.targets = try constraints(m["targets"], key: "\(key).targets")
            return phase
        }
    }
}

/// A YAML yes/no.
enum YesNo: String, CaseIterable {
    case yes = "true", no = "false"
    var value: Bool { self == .yes }
}

extension PlanConstraints {
    /// `KIND=N` of --kind-min / --kind-max.
    public static func quota(_ text: String, option: String) throws -> (kind: String, count: Int) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, let n = Int(parts[1]) else {
            throw InputError("\(option) expects KIND=N (e.g. kindergarten=20), got \"\(text)\"")
        }
        return (parts[0], n)
    }

    /// A status word of --must-serve-status (new, old, or their Chinese words).
    public static func status(_ text: String) throws -> CommunityStatus {
        guard let s = CommunityStatus(text: text), s != .unknown else {
            throw InputError("--must-serve-status \"\(text)\" is not a status (new or old, 新建 or 老旧)")
        }
        return s
    }
}
