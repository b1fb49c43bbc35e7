import GeoKit

/// A CRS as the user writes it: anything PROJ takes, a Chinese web map's datum, or a local grid.
enum CRSSpec: Equatable {
    case proj(String)
    case webMap(WebMapDatum)
    /// A planar grid with no geodetic CRS; `metres` per unit.
    case local(unit: String, metres: Double)

    static let accepted = "EPSG:4326 (any EPSG code), EPSG:4549 (CGCS2000 Gauss-Kruger), a WKT or PROJ string, "
        + "gcj02 (AMap/高德, Tencent/腾讯), bd09 (Baidu/百度), local:m or local:km (a local grid with no CRS)"

    init(_ text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "") {
        case "gcj02", "gcj": self = .webMap(.gcj02)
        case "bd09", "bd09ll", "baidu": self = .webMap(.bd09)
        case "local:m", "local": self = .local(unit: "metre", metres: 1)
        case "local:km": self = .local(unit: "kilometre", metres: 1000)
        default: self = .proj(text)
        }
    }

    /// The CRS coordinates end up in after reading (WGS 84 for web-map datums).
    func crs(_ proj: PROJContext, option: String) throws -> CRS {
        do {
            switch self {
            case .proj(let d): return try CRS(d, context: proj)
            case .webMap: return CRS.wgs84(proj)
            case .local(let unit, let metres): return try CRS.localGrid(unit: unit, metres: metres, context: proj)
            }
        } catch {
            throw InputError("\(option): \(error); the accepted forms are: \(CRSSpec.accepted)")
        }
    }

    var webMap: WebMapDatum? { if case .webMap(let d) = self { d } else { nil } }
}

/// The CRS a layer's coordinates are in, and the web-map offset to undo on reading.
struct LayerCRS {
    let crs: CRS
    let webMap: WebMapDatum?
}

/// The layer's own CRS option overrides what the file says; the run-wide `--crs` applies to files that
/// declare none, and to GeoJSON (whose lon/lat is implied by the format, web-map points included);
/// a CSV or spreadsheet without either is lon/lat.
func sourceCRS(of layer: VectorLayer, options: ResolvedLayer, log: RunLog, proj: PROJContext) throws -> LayerCRS {
    let option = options.crsIsOwn ? options.option("crs") : "--crs"
    let spec = options.crs.map(CRSSpec.init)
    if let wkt = layer.crsWKT {
        let declared = try CRS(wkt, context: proj)
        let implied = layer.driver == "GeoJSON"
        guard let spec, let text = options.crs, options.crsIsOwn || implied else {
            if let text = options.crs, text.uppercased() != declared.label.uppercased() {
                log.warn("\(layer.path): the file declares its CRS (\(declared.label)); --crs \(text) applies only to files "
                         + "without one (give \(options.option("crs")) to override it)")
            }
            return LayerCRS(crs: declared, webMap: nil)
        }
        let crs = try spec.crs(proj, option: "\(option) \(text)")
        if !implied, crs.label.uppercased() != declared.label.uppercased() {
            log.warn("\(layer.path): the file declares \(declared.label); read as \(text) as \(option) says")
        }
        return LayerCRS(crs: crs, webMap: spec.webMap)
    }
    if let spec, let text = options.crs {
        return LayerCRS(crs: try spec.crs(proj, option: "\(option) \(text)"), webMap: spec.webMap)
    }
    if ["CSV", "XLSX", "ODS"].contains(layer.driver) {
        log.note("\(layer.path): a table carries no CRS; reading it as EPSG:4326 lon/lat (give \(options.option("crs")) "
                 + "to say otherwise, e.g. gcj02 for points from AMap)")
        return LayerCRS(crs: CRS.wgs84(proj), webMap: nil)
    }
    let what = layer.driver == "ESRI Shapefile" ? "the shapefile has no .prj, so its CRS is unknown" : "the file declares no CRS"
    throw InputError("\(layer.path): \(what); give \(options.option("crs")) (or --crs for every layer). "
                     + "The accepted forms are: \(CRSSpec.accepted)")
}

extension CRS {
    /// WGS 84 lon/lat under either of its usual names.
    var isWGS84LonLat: Bool { ["EPSG:4326", "OGC:CRS84"].contains(label) }
}

/// For a layer in lon/lat: every coordinate in range; when not, say whether swapping x and y would
/// make them valid (and only then call them swapped), or whether they look like a local grid.
func checkLonLat(_ geometries: [Geometry?], labels: (Int) -> String, layer: VectorLayer, crs: CRS,
                 option: String, log: RunLog) throws {
    var all: Bounds?
    for g in geometries { if let b = g?.bounds { all = all.map { $0.union(b) } ?? b } }
    guard let layerBox = all else { return }
    guard crs.isGeographic else {
        // A projected layer whose every coordinate would be a valid lon/lat, all within 180 m of the
        // projection's origin: degrees under a wrong CRS (a GeoJSON "crs" member saying EPSG:3857, say).
        if crs.isProjected, layerBox.minX >= -180, layerBox.maxX <= 180, layerBox.minY >= -90, layerBox.maxY <= 90 {
            log.warn("\(layer.path): the coordinates look like degrees (x \(layerBox.minX)…\(layerBox.maxX), y \(layerBox.minY)…\(layerBox.maxY)) "
                     + "but the layer is read in \(crs.label), a CRS in metres: give \(option) EPSG:4326 if they are lon/lat")
        }
        return
    }
    let inRange = { (b: Bounds) in b.minX >= -180 && b.maxX <= 180 && b.minY >= -90 && b.maxY <= 90 }
    let swapped = Bounds(minX: layerBox.minY, minY: layerBox.minX, maxX: layerBox.maxY, maxY: layerBox.maxX)
    for (i, g) in geometries.enumerated() {
        guard let b = g?.bounds, !inRange(b) else { continue }
        let hint = inRange(swapped)
            ? "lat/lon apparently swapped: x holds latitudes and y longitudes; store longitude as x (first)"
            : "these are not degrees: projected metres or a local grid. Give the file its real CRS (.prj, or \(option) "
              + "EPSG:4549), or \(option) local:m for a local grid with no CRS"
        throw InputError("\(layer.path): \(labels(i)): coordinates outside the lon/lat range (x=\(b.minX), y=\(b.minY)) "
                         + "for a layer in \(crs.label): \(hint)")
    }
    // In range, but a Chinese town read with axes swapped lands in the Arctic: say so.
    if layerBox.minX >= 3, layerBox.maxX <= 54, layerBox.minY >= 73, layerBox.maxY <= 136 {
        log.warn("\(layer.path): x runs \(layerBox.minX)…\(layerBox.maxX) and y \(layerBox.minY)…\(layerBox.maxY): lat/lon look swapped "
                 + "(latitudes in x); check the axis order if the data are in China")
    }
}
