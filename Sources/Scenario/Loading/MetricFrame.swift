import Foundation
import GeoKit

/// The CRS distances are measured in, and the transforms into it and into the output coordinates
/// (WGS 84 lon/lat; for a local grid, the grid's own coordinates).
final class MetricFrame {
    let crs: CRS
    let wgs84: CRS
    /// Metres per unit when every layer is in a local grid (local:m, local:km); nil otherwise.
    let localUnit: Double?
    private let proj: PROJContext
    private var toMetric: [String: Transformer] = [:]
    private var toWGS84: [String: Transformer] = [:]

    /// `--metric-crs` if given; else the communities' own CRS when projected in metres; else, in China,
    /// the CGCS2000 3° Gauss–Krüger zone of the data's centre, elsewhere its UTM zone.
    init(option: String?, communitiesCRS: CRS, lonLatBounds: Bounds?, proj: PROJContext, log: RunLog) throws {
        self.proj = proj
        wgs84 = CRS.wgs84(proj)
        localUnit = communitiesCRS.isEngineering ? (communitiesCRS.name.contains("kilometre") ? 1000 : 1) : nil
        if communitiesCRS.isEngineering {
            guard option == nil else { throw InputError("--metric-crs \(option!): the data are in a local grid with no CRS") }
            crs = communitiesCRS
            log.note("coordinates are in a local grid (\(crs.name)): distances are planar, nothing is reprojected, "
                     + "and the outputs are in the grid's coordinates (not EPSG:4326, whatever a GeoJSON reader assumes)")
        } else if let option {
            crs = try MetricFrame.given(option, proj: proj)
        } else if communitiesCRS.isProjectedInMetres {
            crs = communitiesCRS
        } else {
            crs = try MetricFrame.zone(lonLatBounds, proj: proj, log: log)
        }
    }

    /// Coordinates are in a local grid: no lon/lat anywhere.
    var isLocal: Bool { localUnit != nil }

    /// The CRS the outputs declare (GeoPackage): EPSG:4326, or an engineering (local) CRS in the grid's unit.
    var outputCRS: String? {
        guard let unit = localUnit else { return "EPSG:4326" }
        return unit == 1 ? "LOCAL_CS[\"local grid (metre)\",UNIT[\"metre\",1]]"
            : "LOCAL_CS[\"local grid (kilometre)\",UNIT[\"kilometre\",1000]]"
    }

    private static func given(_ option: String, proj: PROJContext) throws -> CRS {
        let crs: CRS
        do { crs = try CRS(option, context: proj) } catch { throw InputError("--metric-crs \(option): \(error)") }
        guard crs.isProjectedInMetres else {
            throw InputError("--metric-crs \(option) (\(crs.name)) is not a projected CRS in metres; "
                             + "use a Gauss-Kruger or UTM zone, e.g. EPSG:4549")
        }
        return crs
    }

    private static func zone(_ box: Bounds?, proj: PROJContext, log: RunLog) throws -> CRS {
        guard let c = box?.centre else { throw InputError("no feature has a geometry to place the data on the earth") }
        if WebMapDatum.isInChina(lon: c.x, lat: c.y), let gk = try CRS.cgcs2000GaussKruger(longitude: c.x, context: proj) {
            log.note("distances measured in \(gk.label) (\(gk.name)), the CGCS2000 Gauss-Kruger zone of the data's centre; "
                     + "set --metric-crs for another")
            return gk
        }
        let utm = try CRS.utm(longitude: c.x, latitude: c.y, context: proj)
        log.note("distances measured in \(utm.label) (\(utm.name)), the UTM zone of the data's centre; set --metric-crs for another")
        return utm
    }

    func metric(_ g: Geometry, from source: CRS) throws -> Geometry {
        if let unit = localUnit {
            guard source.isEngineering, source.name == crs.name else {
                throw InputError("a layer in \(source.label) cannot be measured with layers in a local grid (\(crs.name)): "
                                 + "give every layer the same --crs local:…")
            }
            return unit == 1 ? g : try g.scaled(by: unit)
        }
        return try convert(g, from: source, to: crs, cache: &toMetric)
    }

    /// A geometry as read → output coordinates.
    func lonLat(_ g: Geometry, from source: CRS) throws -> Geometry {
        if isLocal { return g }
        return try convert(g, from: source, to: wgs84, cache: &toWGS84)
    }

    /// A geometry in the metric CRS → output coordinates (the same point that was measured).
    func output(_ g: Geometry) throws -> Geometry {
        if let unit = localUnit { return unit == 1 ? g : try g.scaled(by: 1 / unit) }
        return try convert(g, from: crs, to: wgs84, cache: &toWGS84)
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

/// Lon/lat bounds of geometries in `crs` (a sample of vertices is enough to pick a zone); nil for a local grid.
func lonLatBounds(_ geometries: [Geometry?], crs: CRS, proj: PROJContext) throws -> Bounds? {
    var all: Bounds?
    for g in geometries { if let b = g?.bounds { all = all.map { $0.union(b) } ?? b } }
    guard let b = all, !crs.isEngineering else { return nil }
    if crs.isGeographic { return b }
    let t = try Transformer(from: crs, to: CRS.wgs84(proj))
    let corners = [(b.minX, b.minY), (b.maxX, b.maxY), (b.minX, b.maxY), (b.maxX, b.minY)].compactMap { t.transform(x: $0.0, y: $0.1) }
    guard let first = corners.first else { return nil }
    return corners.dropFirst().reduce(Bounds(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)) {
        $0.union(Bounds(minX: $1.x, minY: $1.y, maxX: $1.x, maxY: $1.y))
    }
}
