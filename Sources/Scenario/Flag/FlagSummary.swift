import Foundation
import GeoKit
import Planning

/// summary.json of `flag`, and the same in words for the terminal.
public struct FlagSummary {
    public let json: JSONValue
    public let text: String

    init(_ run: FlagRun, outputs: [String]) throws {
        let s = run.options.standard
        let a = run.assessment
        let communities = run.inputs.communities
        let population = communities.reduce(0) { $0 + $1.population }
        let servedPopulation = zip(communities, a.communities).reduce(0) { $0 + ($1.1.served ? $1.0.population : 0) }
        let required = a.communities.reduce(0) { $0 + $1.requiredPlaces }
        let places = run.inputs.facilities.reduce(0) { $0 + $1.capacityPlaces }
        let per1000 = population > 0 ? places / population * 1000 : 0
        let served = a.communities.filter(\.served).count
        let noFacility = run.streets.filter { !$0.hasFacility }.map(\.street).map { $0.isEmpty ? StreetTable.unknownStreet : $0 }
        let belowTarget = run.streets.filter { !$0.meetsTarget(s) }.map(\.street).map { $0.isEmpty ? StreetTable.unknownStreet : $0 }
        let o = run.options.inputs
        let log = run.inputs.log

        let fields: JSONValue = .object([
            ("id", .string(o.idField.name)), ("name", .string(o.nameField.name)),
            ("population", .string(o.populationField.name)), ("status", .string(o.statusField.name)),
            ("street", .string(o.streetField.name)), ("capacity", .string(o.capacityField.name)),
            ("built_year", o.builtYearField.map { JSONValue.string($0) } ?? .null),
            ("new_since", o.newSince.map { JSONValue.integer($0) } ?? .null),
            ("join", o.joinField.map { JSONValue.string($0) } ?? .null),
        ])
        let parameters: JSONValue = .object([
            ("places_per_1000", .number(s.placesPer1000)), ("radius_m", .number(s.radiusM)),
            ("measure", .string(run.options.measure.rawValue)), ("metric_crs", .string(run.inputs.metricCRS)),
            ("distance", .string(run.options.distance == .network ? "network" : "straight_line")),
            ("roads", run.options.roads.map { JSONValue.string($0) } ?? .null),
            ("max_snap_m", run.options.distance == .network ? .number(run.options.maxSnapM) : .null),
            ("crs_option", o.crs.map { JSONValue.string($0) } ?? .null),
            ("fields", fields),
        ])
        let byStatus: [(String, JSONValue)] = CommunityStatus.allCases.map { st in
            (st.rawValue, .integer(communities.filter { $0.status == st }.count))
        }
        let flagCounts: [(String, JSONValue)] = CommunityFlag.allCases.map { ($0.rawValue, .integer(a.count($0))) }
        let communityPart: JSONValue = .object([
            ("count", .integer(communities.count)),
            ("served", .integer(served)),
            ("by_status", .object(byStatus)),
            ("flags", .object(flagCounts)),
            ("missing_population", .array(run.inputs.missingPopulation.map { JSONValue.string($0) })),
            ("skipped_features", .integer(run.inputs.skippedFeatures)),
            ("repaired_polygons", .integer(run.inputs.repairedPolygons)),
        ])
        let shortfall = a.communities.reduce(0) { $0 + $1.shortfallPlaces }
        let totals: JSONValue = .object([
            ("population", Rounded.number(population, 2)),
            ("served_population", Rounded.number(servedPopulation, 2)),
            ("required_places", Rounded.number(required, 2)),
            ("available_places", Rounded.number(places, 2)),
            ("places_per_1000", Rounded.number(per1000, 2)),
            ("meets_target", .bool(s.meetsTarget(per1000))),
            ("shortfall_places", Rounded.number(shortfall, 2)),
        ])
        let streetPart: JSONValue = .object([
            ("count", .integer(run.streets.count)),
            ("without_facility", .array(noFacility.map { JSONValue.string($0) })),
            ("below_target", .array(belowTarget.map { JSONValue.string($0) })),
        ])
        let facilityPart: JSONValue = .object([
            ("count", .integer(run.inputs.facilities.count)), ("places", Rounded.number(places, 2)),
        ])
        json = .object([
            ("tool", .string("caresite")), ("version", .string(CareSiteVersion.current)), ("command", .string("flag")),
            ("parameters", parameters),
            ("inputs", try Provenance.inputs(run.inputs.files)),
            ("communities", communityPart),
            ("facilities", facilityPart),
            ("totals", totals),
            ("streets", streetPart),
            ("outputs", .array(outputs.map { JSONValue.string($0) })),
            ("notes", .array(log.notes.map { JSONValue.string($0) })),
            ("warnings", .array(log.warnings.map { JSONValue.string($0) })),
        ])

        func pct(_ x: Double, _ of: Double) -> String { of > 0 ? String(format: "%.1f %%", x / of * 100) : "-" }
        var t = "caresite flag: \(communities.count) communities, \(run.inputs.facilities.count) facilities "
        t += "(\(Self.grouped(places)) places); radius \(Self.grouped(s.radiusM)) m (\(run.options.measure.rawValue)), "
        t += "\(JSONValue.number(s.placesPer1000).compact) places per 1,000; distances in \(run.inputs.metricCRS)"
        t += run.options.distance == .network ? ", walking along the roads of \(run.options.roads ?? "")\n" : "\n"
        t += "  served          \(String(served).leftPad(7))  (\(pct(Double(served), Double(communities.count))) of communities, "
        t += "\(pct(servedPopulation, population)) of population)\n"
        for flag in CommunityFlag.allCases {
            t += "  \(flag.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(String(a.count(flag)).leftPad(7))\n"
        }
        t += "  places: \(Self.grouped(places)) available, \(Self.grouped(required)) required; "
        t += "\(String(format: "%.2f", per1000)) per 1,000 (target \(JSONValue.number(s.placesPer1000).compact): "
        t += s.meetsTarget(per1000) ? "met)\n" : "not met)\n"
        t += "  streets: \(run.streets.count)"
        if !noFacility.isEmpty { t += "; without a facility: \(listed(noFacility))" }
        if !belowTarget.isEmpty { t += "; below target: \(listed(belowTarget))" }
        t += "\n"
        for w in log.warnings { t += "warning: \(w)\n" }
        for n in log.notes { t += "note: \(n)\n" }
        t += "wrote \(outputs.joined(separator: ", "))\n"
        text = t
    }

    /// 12,345 or 12,345.6 (one decimal when not whole).
    static func grouped(_ v: Double) -> String {
        let rounded = (v * 10).rounded() / 10
        // Past 1e15 (or not finite) digit groups say nothing: print the number as it is.
        guard abs(rounded) < 1e15, let whole = Int64(exactly: rounded.rounded(.towardZero)) else { return JSONNumber.text(v) }
        var digits = String(abs(whole))
        var groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
        groups.insert(digits, at: 0)
        var s = (rounded < 0 ? "-" : "") + groups.joined(separator: ",")
        let frac = Int(exactly: ((abs(rounded) - Double(abs(whole))) * 10).rounded()) ?? 0
        if frac > 0 { s += ".\(frac)" }
        return s
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
