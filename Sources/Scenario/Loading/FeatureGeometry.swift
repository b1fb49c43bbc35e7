import GeoKit

/// What a layer's features may be.
enum GeometryRole {
    /// Residential areas: polygons or points.
    case area
    /// Facilities and sites: points, or polygons reduced to their point-on-surface.
    case site
    /// Street boundaries: polygons only.
    case boundary
    /// Hazards: points, lines (high-voltage lines, main roads) or polygons.
    case hazard

    func accepts(_ g: Geometry) -> Bool {
        switch self {
        case .area, .site: g.isPolygonal || g.isPuntal
        case .boundary: g.isPolygonal
        case .hazard: true
        }
    }

    var expected: String {
        switch self {
        case .area, .site: "polygons or points"
        case .boundary: "polygons"
        case .hazard: "any geometry"
        }
    }
}

/// Geometries of a layer as read and checked: nil where a feature is skipped (no or empty geometry);
/// invalid polygons repaired with GEOS make-valid.
struct FeatureGeometries {
    var geometries: [Geometry?]
    var skipped: [String] = []
    /// Features whose polygons were repaired, by label.
    var repairedFeatures: [String] = []
    var repaired: Int { repairedFeatures.count }

    /// No CRS has coordinates this large (degrees, metres, or a Gauss–Krüger zone prefix): beyond it a
    /// vertex is corrupt, and NaN or infinity is never a coordinate.
    static let coordinateLimit = 1e9

    /// `shapes`: one per feature (the features' own geometries, or points built from columns).
    init(_ layer: VectorLayer, shapes: [Geometry?], role: GeometryRole, labels: (Int) -> String) throws {
        geometries = []
        geometries.reserveCapacity(layer.features.count)
        for (f, shape) in zip(layer.features, shapes) {
            guard let g = shape, !g.isEmpty else {
                skipped.append(labels(f.index))
                geometries.append(nil)
                continue
            }
            guard role.accepts(g) else {
                throw InputError("\(layer.path): \(labels(f.index)): geometry is a \(g.kind) where \(role.expected) are expected")
            }
            if let v = g.firstVertexOutside(limit: Self.coordinateLimit) {
                throw InputError("\(layer.path): \(labels(f.index)): a vertex is not a usable coordinate (x=\(v.x), y=\(v.y))")
            }
            if g.isPolygonal, !g.isValid {
                let fixed = try g.makeValid()
                repairedFeatures.append(labels(f.index))
                if fixed.isEmpty || !fixed.isPolygonal {
                    skipped.append(labels(f.index))
                    geometries.append(nil)
                    continue
                }
                geometries.append(fixed)
            } else {
                geometries.append(g)
            }
        }
    }

    /// Warnings for the log, one per kind of problem.
    func report(_ layer: VectorLayer, log: RunLog) {
        if repaired > 0 {
            log.warn("\(layer.path): \(repaired) invalid polygon(s) repaired with GEOS make-valid: \(listed(repairedFeatures))")
        }
        if !skipped.isEmpty {
            log.warn("\(layer.path): \(skipped.count) feature(s) with no or empty geometry skipped: \(listed(skipped))")
        }
    }
}
