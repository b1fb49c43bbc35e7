import Foundation
import GeoKit
import Planning

/// The road graph from a line layer (`--roads`), filtered, in the metric frame.
func loadRoads(_ options: FlagOptions, inputs: Inputs) throws -> RoadNetwork {
    let (path, roads, crs) = try selectedRoads(options, inputs: inputs)
    let lines = try roads.map { try inputs.frame.metric($0, from: crs) }
    let network = try RoadNetwork(lines: lines, context: inputs.context)
    inputs.addFile("roads", path)
    inputs.roadsAsRead = (roads, crs)
    inputs.log.note("\(path): road graph of \(network.edgeCount) edges and \(network.nodeCount) nodes")
    return network
}

/// The roads the graph was built from (as filtered), in lon/lat for the report's maps; empty when the
/// run did not walk along roads.
func roadLinesLonLat(_ inputs: Inputs) -> [Geometry] {
    guard let (roads, crs) = inputs.roadsAsRead else { return [] }
    return roads.compactMap { try? inputs.frame.lonLat($0, from: crs) }
}

/// Reads `--roads`, keeps the features `--roads-filter` selects, and checks they are lines.
private func selectedRoads(_ options: FlagOptions, inputs: Inputs) throws -> (path: String, lines: [Geometry], crs: CRS) {
    guard let path = options.roads else {
        throw InputError("--distance network needs --roads FILE (a line layer of roads or paths)")
    }
    let own = inputs.options.layer(.roads)
    let layer = try readLayer(path, encoding: own.encoding, option: own.encodingOption, hint: own.option("encoding"), log: inputs.log, context: inputs.context)
    guard !layer.features.isEmpty else { throw InputError("\(path): the layer holds no features") }
    var keep: (VectorLayer.Feature) -> Bool = { _ in true }
    if let filter = options.roadsFilter {
        let negate = filter.contains("!=")
        let parts = filter.components(separatedBy: negate ? "!=" : "=")
        guard parts.count == 2, !parts[0].isEmpty else {
            throw InputError("--roads-filter \(filter): write FIELD=VALUE (keep those) or FIELD!=VALUE (leave those out)")
        }
        let f = try FieldChoice.given(parts[0].trimmingCharacters(in: .whitespaces)).index(in: layer, option: "--roads-filter")!
        let value = parts[1].trimmingCharacters(in: .whitespaces)
        keep = { ($0.values[f].text == value) != negate }
    }
    let source = try sourceCRS(of: layer, options: own, log: inputs.log, proj: inputs.proj)
    let crs = source.crs
    var lines: [Geometry] = []
    var skipped = 0
    for f in layer.features where keep(f) {
        guard let g = f.geometry, !g.isEmpty else { skipped += 1; continue }
        guard g.isLineal else {
            throw InputError("\(path): feature #\(f.index + 1): geometry is a \(g.kind) where lines are expected")
        }
        lines.append(try source.webMap.map { try g.fromWebMap($0) } ?? g)
    }
    if skipped > 0 { inputs.log.warn("\(path): \(skipped) road(s) with no geometry skipped") }
    guard !lines.isEmpty else { throw InputError("\(path): no road left\(options.roadsFilter.map { " after --roads-filter \($0)" } ?? "")") }
    return (path, lines, crs)
}

/// Network distances from each site to the communities within `limit`, as rows per community.
struct NetworkDistances {
    let network: RoadNetwork
    let communityAttachments: [RoadNetwork.Attachment?]
    private let onEdge: [Int32: [Int32]]
    let maxSnap: Double

    init(network: RoadNetwork, inputs: Inputs, maxSnap: Double) {
        self.network = network
        self.maxSnap = maxSnap
        communityAttachments = inputs.communities.map { network.attach($0.point, maxSnap: maxSnap) }
        var onEdge: [Int32: [Int32]] = [:]
        for (i, a) in communityAttachments.enumerated() { if let a { onEdge[Int32(a.edge), default: []].append(Int32(i)) } }
        self.onEdge = onEdge
        let far = zip(inputs.communities, communityAttachments).filter { $0.1 == nil }.map(\.0.id)
        if !far.isEmpty {
            inputs.log.warn("\(far.count) communit\(far.count == 1 ? "y is" : "ies are") farther than \(JSONNumber.text(maxSnap)) m from any road: unreachable (\(listed(far)))")
        }
    }

    /// rows[i] = (site, distance) for every site reaching community i within `limit`.
    func rows(sites: [Geometry], ids: [String], what: String, limit: Double, log: RunLog) -> [[(Int, Double)]] {
        var rows = [[(Int, Double)]](repeating: [], count: communityAttachments.count)
        let targets = communityAttachments.map { $0 ?? RoadNetwork.Attachment(edge: -1, offset: 0, access: .infinity) }
        var far: [String] = []
        for (j, p) in sites.enumerated() {
            guard let a = network.attach(p, maxSnap: maxSnap) else { far.append(ids[j]); continue }
            for (i, d) in network.distances(from: a, targets: targets, targetsOnEdge: onEdge, limit: limit) {
                rows[i].append((j, d))
            }
        }
        if !far.isEmpty {
            log.warn("\(far.count) \(what) farther than \(JSONNumber.text(maxSnap)) m from any road: unreachable (\(listed(far)))")
        }
        return rows
    }
}

extension Coverage {
    /// Coverage from per-community (site, distance) rows: within the radius, and the nearest listed.
    static func fromRows(_ rows: [[(Int, Double)]], radius: Double) -> Coverage {
        Coverage(within: rows.map { row in
                     row.filter { $0.1 <= radius }.sorted { $0.0 < $1.0 }.map { Coverage.Link(site: $0.0, distanceM: $0.1) }
                 },
                 nearest: rows.map { row in
                     row.min { ($0.1, $0.0) < ($1.1, $1.0) }.map { Coverage.Link(site: $0.0, distanceM: $0.1) }
                 })
    }
}

/// Writes computed distances as an OD matrix for reuse (`--od-matrix-out`).
func writeODMatrix(_ path: String, communities: [String], destinations: [(ids: [String], rows: [[(Int, Double)]])]) throws {
    var lines: [[String]] = []
    for (i, id) in communities.enumerated() {
        for d in destinations {
            for (j, cost) in d.rows[i].sorted(by: { $0.0 < $1.0 }) { lines.append([id, d.ids[j], Rounded.text(cost, 1)]) }
        }
    }
    try AtomicFile.write(CSVText.make(header: ["origin_id", "destination_id", "cost"], rows: lines, bom: false), to: path)
}

