import Foundation
import GeoKit
import Planning

/// The road graph from a line layer (`--roads`), filtered, in the metric frame.
func loadRoads(_ options: FlagOptions, inputs: Inputs) throws -> RoadNetwork {
    let (path, roads, crs) = try selectedRoads(options, inputs: inputs)
    let lines = try roads.map { road in
        do { return try inputs.frame.metric(road.line, from: crs) } catch let e as GeoError {
            throw InputError("\(path): feature #\(road.index + 1): \(e.message)")
        }
    }
    inputs.warnIfApart(lines, path: path, what: "roads")
    let network: RoadNetwork
    do { network = try RoadNetwork(lines: lines, context: inputs.context) } catch let e as GeoError {
        throw InputError("\(path): \(e.message)")
    }
    guard network.edgeCount > 0 else {
        throw InputError("\(path): the roads make no graph (0 edges after noding); check the layer and its CRS")
    }
    inputs.addFile("roads", path)
    inputs.roadsAsRead = (roads.map(\.line), crs)
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
private func selectedRoads(_ options: FlagOptions, inputs: Inputs) throws
    -> (path: String, lines: [(index: Int, line: Geometry)], crs: CRS) {
    guard let path = options.roads else {
        throw InputError("--distance network needs --roads FILE (a line layer of roads or paths)")
    }
    let own = inputs.options.layer(.roads)
    let layer = try readLayer(path, encoding: own.encoding, option: own.encodingOption, hint: own.option("encoding"), layer: own.layer, log: inputs.log, context: inputs.context)
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
    var lines: [(index: Int, line: Geometry)] = []
    var skipped = 0
    for f in layer.features where keep(f) {
        guard let g = f.geometry, !g.isEmpty else { skipped += 1; continue }
        guard g.isLineal else {
            throw InputError("\(path): feature #\(f.index + 1): geometry is a \(g.kind) where lines are expected")
        }
        if let v = g.firstVertexOutside(limit: FeatureGeometries.coordinateLimit) {
            throw InputError("\(path): feature #\(f.index + 1): a vertex is not a usable coordinate (x=\(v.x), y=\(v.y))")
        }
        lines.append((f.index, try source.webMap.map { try g.fromWebMap($0) } ?? g))
    }
    if skipped > 0 { inputs.log.warn("\(path): \(skipped) road(s) with no geometry skipped") }
    guard !lines.isEmpty else { throw InputError("\(path): no road left\(options.roadsFilter.map { " after --roads-filter \($0)" } ?? "")") }
    return (path, lines, crs)
}

