import GeoKit
import Planning

/// Each street's outline in the output CRS, for maps and the GeoPackage's streets layer: the street
/// layer's polygons when one was given, otherwise (`dissolve`) the union of its communities' polygons
/// (nil for a street whose communities are points). Keyed by street name; "" (unknown street) has none.
struct StreetOutlines {
    let shapes: [String: Geometry]
    /// The shapes are the street layer's boundaries (not the communities dissolved: blocks with gaps,
    /// which a map draws as thousands of fragments rather than a boundary).
    let fromLayer: Bool
    /// Where to put each street's label: a point inside the outline, or the middle of its communities.
    let labels: [String: Geometry]

    init(_ inputs: Inputs, dissolve: Bool) throws {
        var shapes: [String: Geometry] = [:]
        if let layer = inputs.streetLayer {
            var parts: [String: [Geometry]] = [:]
            for (name, g) in zip(layer.names, layer.outputShapes) { parts[name, default: []].append(g) }
            for (name, list) in parts { shapes[name] = list.count == 1 ? list[0] : try Geometry.union(list, context: inputs.context) }
        } else if dissolve {
            var parts: [String: [Geometry]] = [:]
            for c in inputs.communities where !c.street.isEmpty && c.outputGeometry.isPolygonal {
                parts[c.street, default: []].append(c.outputGeometry)
            }
            for (name, list) in parts { shapes[name] = try Geometry.union(list, context: inputs.context) }
        }
        self.shapes = shapes
        fromLayer = inputs.streetLayer != nil
        labels = try StreetOutlines.labelPoints(inputs, shapes: fromLayer ? shapes : [:])
    }

    private static func labelPoints(_ inputs: Inputs, shapes: [String: Geometry]) throws -> [String: Geometry] {
        var out: [String: Geometry] = [:]
        for (name, g) in shapes where !g.isEmpty { out[name] = try g.pointOnSurface() }
        var sums: [String: (x: Double, y: Double, n: Double)] = [:]
        for i in inputs.communities.indices where out[inputs.communities[i].street] == nil && !inputs.communities[i].street.isEmpty {
            guard let p = try inputs.outputPoint(ofCommunity: i).xy else { continue }
            let s = sums[inputs.communities[i].street] ?? (0, 0, 0)
            sums[inputs.communities[i].street] = (s.x + p.x, s.y + p.y, s.n + 1)
        }
        for (name, s) in sums { out[name] = .point(x: s.x / s.n, y: s.y / s.n, context: inputs.context) }
        return out
    }
}
