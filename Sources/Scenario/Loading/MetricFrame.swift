import GeoKit

/// The CRS distances are measured in, and the transforms into it and into WGS 84 for output.
final class MetricFrame {
    let crs: CRS
    let wgs84: CRS
    private let proj: PROJContext
    private var toMetric: [String: Transformer] = [:]
    private var toWGS84: [String: Transformer] = [:]

    /// `--metric-crs` if given; else the communities' own CRS when projected in metres; else the UTM
    /// zone of the centre of `lonLatBounds`.
    init(option: String?, communitiesCRS: CRS, lonLatBounds: Bounds, proj: PROJContext, log: RunLog) throws {
        self.proj = proj
        wgs84 = CRS.wgs84(proj)
        if let option {
            let crs: CRS
            do { crs = try CRS(option, context: proj) } catch { throw InputError("--metric-crs \(option): \(error)") }
            guard crs.isProjectedInMetres else {
                throw InputError("--metric-crs \(option) (\(crs.name)) is not a projected CRS in metres; "
                                 + "use a UTM or Gauss-Kruger zone, e.g. EPSG:4549")
            }
            self.crs = crs
        } else if communitiesCRS.isProjectedInMetres {
            crs = communitiesCRS
        } else {
            let c = lonLatBounds.centre
            crs = try CRS.utm(longitude: c.x, latitude: c.y, context: proj)
            log.note("distances measured in \(crs.label) (\(crs.name)), the UTM zone of the data's centre; "
                     + "set --metric-crs for a local Gauss-Kruger zone")
        }
    }

    func metric(_ g: Geometry, from source: CRS) throws -> Geometry {
        try convert(g, from: source, to: crs, cache: &toMetric)
    }

    func lonLat(_ g: Geometry, from source: CRS) throws -> Geometry {
        try convert(g, from: source, to: wgs84, cache: &toWGS84)
    }

    private func convert(_ g: Geometry, from source: CRS, to target: CRS,
                         cache: inout [String: Transformer]) throws -> Geometry {
        if source.label == target.label || (source.isWGS84LonLat && target.isWGS84LonLat) { return g }
        let key = source.definition
        let t: Transformer
        if let cached = cache[key] { t = cached } else {
            t = try Transformer(from: source, to: target)
            cache[key] = t
        }
        return try g.transformed(by: t)
    }
}

/// Lon/lat bounds of geometries in `crs` (a sample of vertices is enough to pick a UTM zone).
func lonLatBounds(_ geometries: [Geometry?], crs: CRS, proj: PROJContext) throws -> Bounds? {
    var all: Bounds?
    for g in geometries { if let b = g?.bounds { all = all.map { $0.union(b) } ?? b } }
    guard let b = all else { return nil }
    if crs.isGeographic { return b }
    let t = try Transformer(from: crs, to: CRS.wgs84(proj))
    let corners = [(b.minX, b.minY), (b.maxX, b.maxY), (b.minX, b.maxY), (b.maxX, b.minY)].compactMap { t.transform(x: $0.0, y: $0.1) }
    guard let first = corners.first else { return nil }
    return corners.dropFirst().reduce(Bounds(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)) {
        $0.union(Bounds(minX: $1.x, minY: $1.y, maxX: $1.x, maxY: $1.y))
    }
}
