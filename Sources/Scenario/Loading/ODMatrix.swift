import GeoKit

/// Travel costs from an OD matrix (`origin_id,destination_id,cost`): origins are communities,
/// destinations candidates or facilities. A pair the matrix does not list is unreachable.
struct ODMatrix {
    /// Per community: (destination kind, index, cost).
    var toCandidates: [[(Int, Double)]]
    var toFacilities: [[(Int, Double)]]
    let path: String

    init(path: String, communityIds: [String], candidateIds: [String], facilityIds: [String],
         log: RunLog, context: GEOSContext) throws {
        let layer = try VectorLayer.read(path, options: .init(attributesOnly: true), context: context)
        guard !layer.features.isEmpty else { throw InputError("\(path): the matrix has no rows") }
        func column(_ name: String) throws -> Int {
            guard let i = layer.fieldIndex(name) else {
                throw InputError("\(path): no column \"\(name)\"; an OD matrix has columns origin_id,destination_id,cost "
                                 + "(it has: \(fieldList(layer)))")
            }
            return i
        }
        let o = try column("origin_id"), d = try column("destination_id"), c = try column("cost")
        let origin = Dictionary(communityIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let cand = Dictionary(candidateIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let fac = Dictionary(facilityIds.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        toCandidates = Array(repeating: [], count: communityIds.count)
        toFacilities = Array(repeating: [], count: communityIds.count)
        var unknownOrigins = Set<String>(), unknownDestinations = Set<String>()
        for f in layer.features {
            let from = f.values[o].text.trimmingCharacters(in: .whitespaces)
            let to = f.values[d].text.trimmingCharacters(in: .whitespaces)
            let row = "row \(f.index + 2)"
            guard let cost = try nonNegativeNumber(f.values[c], file: path, feature: row, field: "cost") else {
                throw InputError("\(path): \(row): field \"cost\": empty (leave unreachable pairs out instead)")
            }
            guard let i = origin[from] else { unknownOrigins.insert(from); continue }
            var known = false
            if let j = cand[to] { toCandidates[i].append((j, cost)); known = true }
            if let j = fac[to] { toFacilities[i].append((j, cost)); known = true }
            if !known { unknownDestinations.insert(to) }
        }
        if !unknownOrigins.isEmpty || !unknownDestinations.isEmpty {
            var parts: [String] = []
            if !unknownOrigins.isEmpty { parts.append("origin ids that are no community: \(listed(unknownOrigins.sorted()))") }
            if !unknownDestinations.isEmpty {
                parts.append("destination ids that are no candidate or facility: \(listed(unknownDestinations.sorted()))")
            }
            throw InputError("\(path): \(parts.joined(separator: "; "))")
        }
        self.path = path
        log.note("\(path): travel costs from the OD matrix; the radius is in its unit")
    }
}
