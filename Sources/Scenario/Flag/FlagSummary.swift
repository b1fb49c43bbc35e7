import Foundation
import GeoKit
import Planning

/// summary.json of `flag`, and the same in words for the terminal.
public struct FlagSummary {
    public let json: JSONValue
    public let text: String

    init(_ run: FlagRun, outputs: [String]) throws {
        let n = Numbers(run)
        json = .object([
            ("tool", .string("caresite")), ("version", .string(CareSiteVersion.current)), ("command", .string("flag")),
            ("parameters", Self.parameters(run)),
            ("inputs", try Provenance.inputs(run.inputs.files)),
            ("communities", Self.communityPart(run, n)),
            ("facilities", .object([("count", .integer(run.inputs.facilities.count)), ("places", Rounded.number(n.places, 2))])),
            ("totals", .object([
                ("population", Rounded.number(n.population, 2)), ("served_population", Rounded.number(n.servedPopulation, 2)),
                ("required_places", Rounded.number(n.required, 2)), ("available_places", Rounded.number(n.places, 2)),
                ("places_per_1000", Rounded.number(n.per1000, 2)), ("meets_target", .bool(run.options.standard.meetsTarget(n.per1000))),
                ("shortfall_places", Rounded.number(n.shortfall, 2)),
            ])),
            ("streets", .object([
                ("count", .integer(run.streets.count)),
                ("without_facility", .array(n.noFacility.map { JSONValue.string($0) })),
                ("below_target", .array(n.belowTarget.map { JSONValue.string($0) })),
            ])),
            ("outputs", .array(outputs.map { JSONValue.string($0) })),
            ("notes", .array(run.inputs.log.notes.map { JSONValue.string($0) })),
            ("warnings", .array(run.inputs.log.warnings.map { JSONValue.string($0) })),
        ])
        text = Self.text(run, n, outputs: outputs)
    }

    /// The totals both the file and the terminal show.
    struct Numbers {
        let population, servedPopulation, required, places, per1000, shortfall: Double
        let served: Int
        let noFacility, belowTarget: [String]

        init(_ run: FlagRun) {
            let (a, communities, s) = (run.assessment, run.inputs.communities, run.options.standard)
            population = communities.reduce(0) { $0 + $1.population }
            servedPopulation = zip(communities, a.communities).reduce(0) { $0 + ($1.1.served ? $1.0.population : 0) }
            required = a.communities.reduce(0) { $0 + $1.requiredPlaces }
            places = run.inputs.facilities.reduce(0) { $0 + $1.capacityPlaces }
            per1000 = population > 0 ? places / population * 1000 : 0
            shortfall = a.communities.reduce(0) { $0 + $1.shortfallPlaces }
            served = a.communities.filter(\.served).count
            let name = { (x: StreetSummary) in x.street.isEmpty ? StreetTable.unknownStreet : x.street }
            noFacility = run.streets.filter { !$0.hasFacility }.map(name)
            belowTarget = run.streets.filter { !$0.meetsTarget(s) }.map(name)
        }
    }

    private static func parameters(_ run: FlagRun) -> JSONValue {
        let (s, o) = (run.options.standard, run.options.inputs)
        let fields: JSONValue = .object([
            ("id", .string(o.idField.name)), ("name", .string(o.nameField.name)),
            ("population", .string(o.populationField.name)), ("status", .string(o.statusField.name)),
            ("street", .string(o.streetField.name)), ("capacity", .string(o.capacityField.name)),
            ("built_year", o.builtYearField.map { JSONValue.string($0) } ?? .null),
            ("new_since", o.newSince.map { JSONValue.integer($0) } ?? .null),
            ("join", o.joinField.map { JSONValue.string($0) } ?? .null),
        ])
        return .object([
            ("places_per_1000", .number(s.placesPer1000)), ("radius_m", .number(s.radiusM)),
            ("own_radius", o.ownRadiusJSON), ("measure", .string(run.options.measure.rawValue)),
            ("metric_crs", .string(run.inputs.metricCRS)),
            ("distance", .string(run.options.distance == .network ? "network" : "straight_line")),
            ("roads", run.options.roads.map { JSONValue.string($0) } ?? .null),
            ("max_snap_m", run.options.distance == .network ? .number(run.options.maxSnapM) : .null),
            ("crs_option", o.crs.map { JSONValue.string($0) } ?? .null),
            ("fields", fields),
        ])
    }

    private static func communityPart(_ run: FlagRun, _ n: Numbers) -> JSONValue {
        let communities = run.inputs.communities
        return .object([
            ("count", .integer(communities.count)),
            ("served", .integer(n.served)),
            ("by_status", .object(CommunityStatus.allCases.map { st in (st.rawValue, .integer(communities.filter { $0.status == st }.count)) })),
            ("flags", .object(CommunityFlag.allCases.map { ($0.rawValue, .integer(run.assessment.count($0))) })),
            ("missing_population", .array(run.inputs.missingPopulation.map { JSONValue.string($0) })),
            ("skipped_features", .integer(run.inputs.skippedFeatures)),
            ("repaired_polygons", .integer(run.inputs.repairedPolygons)),
        ])
    }

    private static func text(_ run: FlagRun, _ n: Numbers, outputs: [String]) -> String {
        let (s, a, communities, log) = (run.options.standard, run.assessment, run.inputs.communities, run.inputs.log)
        func pct(_ x: Double, _ of: Double) -> String { of > 0 ? String(format: "%.1f %%", x / of * 100) : "-" }
        var t = "caresite flag: \(communities.count) communities, \(run.inputs.facilities.count) facilities "
        t += "(\(grouped(n.places)) places); radius \(grouped(s.radiusM)) m\(run.options.inputs.ownRadiusText) (\(run.options.measure.rawValue)), "
        t += "\(JSONValue.number(s.placesPer1000).compact) places per 1,000; distances in \(run.inputs.metricCRS)"
        t += run.options.distance == .network ? ", walking along the roads of \(run.options.roads ?? "")\n" : "\n"
        t += "  served          \(String(n.served).leftPad(7))  (\(pct(Double(n.served), Double(communities.count))) of communities, "
        t += "\(pct(n.servedPopulation, n.population)) of population)\n"
        for flag in CommunityFlag.allCases {
            t += "  \(flag.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(String(a.count(flag)).leftPad(7))\n"
        }
        t += "  places: \(grouped(n.places)) available, \(grouped(n.required)) required; "
        t += "\(String(format: "%.2f", n.per1000)) per 1,000 (target \(JSONValue.number(s.placesPer1000).compact): "
        t += s.meetsTarget(n.per1000) ? "met)\n" : "not met)\n"
        t += "  streets: \(run.streets.count)"
        if !n.noFacility.isEmpty { t += "; without a facility: \(listed(n.noFacility))" }
        if !n.belowTarget.isEmpty { t += "; below target: \(listed(n.belowTarget))" }
        t += "\n"
        for note in log.notes { t += "note: \(note)\n" }
        t += "wrote \(outputs.joined(separator: ", "))\n"
        return t
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
