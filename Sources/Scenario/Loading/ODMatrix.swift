import GeoKit

/// The unit of an OD matrix's costs.
public enum ODUnit: String, Sendable, CaseIterable {
    case m
    case min
}

/// How to read an OD matrix: its columns (nil: recognised by name) and its unit (nil: from the cost
/// column's name, else metres).
public struct ODOptions: Sendable, Equatable {
    public var originField: String?
    public var destinationField: String?
    public var costField: String?
    public var unit: ODUnit?
    public init() {}
}

/// Travel costs from an OD matrix: one row per (community, candidate or facility) pair, in either
/// orientation (communities as origins, or as destinations as spopt and ArcGIS exports of a facility
/// search have it). A pair the matrix does not list is unreachable.
struct ODMatrix {
    /// Per community: (index, cost).
    var toCandidates: [[(Int, Double)]]
    var toFacilities: [[(Int, Double)]]
    let path: String
    let unit: ODUnit

    static let originNames = ["origin_id", "origin", "originid", "from_id", "from", "o_id", "community_id", "demand_id"]
    static let destinationNames = ["destination_id", "destination", "destinationid", "to_id", "to", "d_id",
                                   "facility_id", "site_id", "candidate_id", "supply_id"]
    static let costNames = ["cost", "distance", "distance_m", "total_length", "total_distance", "total_meters",
                            "time", "minutes", "duration", "total_time", "total_minutes", "travel_time"]

    init(path: String, options: ODOptions, ids: (communities: [String], candidates: [String], facilities: [String]),
         encoding: String?, log: RunLog, context: GEOSContext) throws {
        let layer = try readLayer(path, encoding: encoding, option: "--encoding", attributesOnly: true, log: log, context: context)
        guard !layer.features.isEmpty else { throw InputError("\(path): the matrix has no rows") }
        let o = try Self.column(layer, options.originField, Self.originNames, "--od-origin-field", "origin ids")
        let d = try Self.column(layer, options.destinationField, Self.destinationNames, "--od-destination-field", "destination ids")
        let c = try Self.column(layer, options.costField, Self.costNames, "--od-cost-field", "costs")
        let rows = try Self.withoutDuplicates(try Self.rows(layer, o, d, c), path: path)
        let index = { (list: [String]) in Dictionary(list.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
        let community = index(ids.communities), candidate = index(ids.candidates), facility = index(ids.facilities)
        let transposed = Self.isTransposed(rows, communities: community, sites: { candidate[$0] != nil || facility[$0] != nil })
        if transposed {
            log.note("\(path): origins are candidate sites or facilities and destinations communities; read transposed")
        }
        toCandidates = Array(repeating: [], count: ids.communities.count)
        toFacilities = Array(repeating: [], count: ids.communities.count)
        var unknownCommunities = Set<String>(), unknownSites = Set<String>()
        for r in rows {
            let (from, to) = transposed ? (r.to, r.from) : (r.from, r.to)
            guard let i = community[from] else { unknownCommunities.insert(from); continue }
            var known = false
            if let j = candidate[to] { toCandidates[i].append((j, r.cost)); known = true }
            if let j = facility[to] { toFacilities[i].append((j, r.cost)); known = true }
            if !known { unknownSites.insert(to) }
        }
        try Self.checkKnown(path, unknownCommunities, unknownSites, transposed: transposed)
        self.path = path
        unit = options.unit ?? Self.unit(of: layer.fieldNames[c], path: path, log: log)
        log.note("\(path): travel costs from the OD matrix (column \"\(layer.fieldNames[c])\", in \(unit == .m ? "metres" : "minutes")); "
                 + "the radius is in that unit")
    }

    private static func column(_ layer: VectorLayer, _ given: String?, _ names: [String], _ option: String,
                               _ what: String) throws -> Int {
        if let given {
            guard let i = layer.fieldIndex(given) else {
                throw InputError("\(layer.path): no column \"\(given)\" (\(option)); the columns are: \(fieldList(layer))")
            }
            return i
        }
        let lower = layer.fieldNames.map { $0.lowercased() }
        guard let i = names.lazy.compactMap({ lower.firstIndex(of: $0) }).first else {
            throw InputError("\(layer.path): no column of \(what); tried \(names.joined(separator: ", ")) (any case). "
                             + "Name it with \(option); the columns are: \(fieldList(layer))")
        }
        return i
    }

    private static func rows(_ layer: VectorLayer, _ o: Int, _ d: Int, _ c: Int) throws -> [(from: String, to: String, cost: Double)] {
        try layer.features.map { f in
            let row = "row \(f.index + 2)"
            guard let cost = try nonNegativeNumber(f.values[c], file: layer.path, feature: row, field: layer.fieldNames[c],
                                                    rule: OptionRules.odCost) else {
                throw InputError("\(layer.path): \(row): field \"\(layer.fieldNames[c])\": empty (leave unreachable pairs out instead)")
            }
            return (f.values[o].text.trimmingCharacters(in: .whitespaces), f.values[d].text.trimmingCharacters(in: .whitespaces), cost)
        }
    }

    /// A pair listed twice with the same cost is kept once; with two costs it is an error naming both rows.
    private static func withoutDuplicates(_ rows: [(from: String, to: String, cost: Double)], path: String) throws
        -> [(from: String, to: String, cost: Double)] {
        var first: [String: Int] = [:]
        var kept: [(from: String, to: String, cost: Double)] = []
        for (k, r) in rows.enumerated() {
            let key = r.from + "\u{1F}" + r.to
            if let f = first[key] {
                guard rows[f].cost == r.cost else {
                    throw InputError("\(path): row \(k + 2): the pair \(r.from) → \(r.to) is also row \(f + 2) with another cost "
                                     + "(\(JSONNumber.text(rows[f].cost)) and \(JSONNumber.text(r.cost)))")
                }
                continue
            }
            first[key] = k
            kept.append(r)
        }
        return kept
    }

    /// Transposed when more rows fit with communities as destinations than as origins.
    private static func isTransposed(_ rows: [(from: String, to: String, cost: Double)], communities: [String: Int],
                                     sites: (String) -> Bool) -> Bool {
        var straight = 0, reversed = 0
        for r in rows {
            if communities[r.from] != nil && sites(r.to) { straight += 1 }
            if communities[r.to] != nil && sites(r.from) { reversed += 1 }
        }
        return reversed > straight
    }

    private static func checkKnown(_ path: String, _ communities: Set<String>, _ sites: Set<String>, transposed: Bool) throws {
        guard !communities.isEmpty || !sites.isEmpty else { return }
        let (cSide, sSide) = transposed ? ("destination", "origin") : ("origin", "destination")
        var parts: [String] = []
        if !communities.isEmpty { parts.append("\(cSide) ids that are no community: \(listed(communities.sorted()))") }
        if !sites.isEmpty { parts.append("\(sSide) ids that are no candidate or facility: \(listed(sites.sorted()))") }
        throw InputError("\(path): \(parts.joined(separator: "; "))")
    }

    /// Minutes when the cost column says time; metres otherwise.
    private static func unit(of column: String, path: String, log: RunLog) -> ODUnit {
        let c = column.lowercased()
        guard ["time", "min", "duration"].contains(where: c.contains) else { return .m }
        log.warn("\(path): column \"\(column)\" reads as minutes; the radius is taken in minutes (give --od-unit m if it is metres)")
        return .min
    }
}
