import GeoKit
import Planning
import Siting

/// A plan by year in the outputs: a table per phase in summary.json and the terminal, the year of each
/// site in priority.csv, and the streets after each phase (streets_by_phase.csv).
extension SiteRun {
    /// The year each chosen site opens (empty without phases).
    var yearOfSite: [Int: Int] {
        var years: [Int: Int] = [:]
        for outcome in phases { for j in outcome.sites { years[j] = outcome.phase.year } }
        return years
    }

    func phasesJSON() -> JSONValue {
        guard !phases.isEmpty else { return .null }
        var kept: Set<Int> = []
        return .array(phases.map { o in
            kept.formUnion(o.sites)
            return phaseJSON(o, kept: kept)
        })
    }

    private func phaseJSON(_ o: PhaseOutcome, kept: Set<Int>) -> JSONValue {
        let covered = coveredWeight(o.after)
        let s = o.solution
        let named = o.streets.filter { !$0.street.isEmpty }
        let cost: Double = o.sites.reduce(0) { $0 + candidates[$1].cost }
        let limit: [(String, JSONValue)] = [("year", .integer(o.phase.year)), ("p", o.phase.p.map { JSONValue.integer($0) } ?? .null),
                                            ("budget", o.phase.budget.map { JSONValue.number($0) } ?? .null)]
        let sites: [(String, JSONValue)] = [("new_sites", .array(o.sites.map { JSONValue.string(candidates[$0].id) })),
                                            ("cost", Rounded.number(cost, 2)), ("sites_so_far", .integer(kept.count))]
        let certificate: [(String, JSONValue)] = [
            ("objective", Rounded.number(s.objective, 4)), ("bound", Rounded.number(s.bound, 4)),
            ("gap_percent", Rounded.number(s.gapPercent, 4)), ("proven_optimal", .bool(s.proven)), ("stop_reason", .string(s.stop.rawValue)),
        ]
        let town: [(String, JSONValue)] = [
            ("covered_after", Rounded.number(covered, 2)),
            ("covered_after_percent", Rounded.number(totalWeight > 0 ? covered / totalWeight * 100 : 0, 2)),
            ("lacking_communities_after", .integer(o.after.communities.filter(\.flag.isLacking).count)),
            ("streets_with_a_facility", .integer(named.filter(\.hasFacility).count)),
            ("streets_meeting_target", .integer(named.filter { $0.meetsTarget(options.flag.standard) }.count)),
        ]
        let targets = Self.constraintsJSON(o.rules, asked: o.options.constraints, chosen: kept, candidates: candidates, tight: tight(s))
        return .object(limit + sites + certificate + town + [("targets", targets)])
    }

    /// One row per phase and street: where each street stands once the phase is built.
    func phaseStreetsTable() -> OutputLayer {
        let std = options.flag.standard
        var layer = OutputLayer(name: "streets_by_phase", fields: [
            .init("year", .integer), .init("street", .string), .init("communities", .integer), .init("population", .real),
            .init("required_places", .real), .init("facilities", .integer), .init("places", .real),
            .init("places_per_1000", .real), .init("meets_target", .boolean), .init("has_facility", .boolean),
            .init("lacking", .integer),
        ], hasGeometry: false)
        for o in phases {
            for s in o.streets {
                layer.append([
                    .integer(o.phase.year), .string(s.street.isEmpty ? StreetTable.unknownStreet : s.street), .integer(s.communities),
                    Rounded.number(s.population, 2), Rounded.number(s.requiredPlaces, 2), .integer(s.facilities),
                    Rounded.number(s.places, 2), s.placesPer1000.map { Rounded.number($0, 2) } ?? .null,
                    .bool(s.meetsTarget(std)), .bool(s.hasFacility), .integer(s.lackingCommunities),
                ])
            }
        }
        return layer
    }

    /// "  2022: 5 new sites (K150 K127 …), covered 28.4 %, proven optimal" per phase.
    func phasesText() -> String {
        var t = ""
        for (k, o) in phases.enumerated() {
            let covered = coveredWeight(o.after)
            let ids = o.sites.prefix(6).map { candidates[$0].id }.joined(separator: " ") + (o.sites.count > 6 ? " …" : "")
            let status = o.solution.proven ? "proven optimal" : String(format: "gap %.3f %%", o.solution.gapPercent)
            t += "  phase \(k + 1), \(o.phase.year): \(o.sites.count) new site\(o.sites.count == 1 ? "" : "s") (\(ids)); "
            t += String(format: "covered %.1f %%; ", totalWeight > 0 ? covered / totalWeight * 100 : 0) + status
            t += "; streets with a facility \(o.streets.filter { !$0.street.isEmpty && $0.hasFacility }.count)/\(o.streets.filter { !$0.street.isEmpty }.count)\n"
        }
        return t
    }
}
