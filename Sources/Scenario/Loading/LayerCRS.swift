import GeoKit

/// The CRS a layer's coordinates are in: its own, else `--crs`, else (CSV only) lon/lat.
func sourceCRS(of layer: VectorLayer, crsOption: String?, log: RunLog, proj: PROJContext) throws -> CRS {
    if let wkt = layer.crsWKT {
        let crs = try CRS(wkt, context: proj)
        if let crsOption, crsOption.uppercased() != crs.label.uppercased() {
            log.warn("\(layer.path): the file declares its CRS (\(crs.label)); --crs \(crsOption) applies only to files without one")
        }
        return crs
    }
    if let crsOption {
        do { return try CRS(crsOption, context: proj) } catch {
            throw InputError("--crs \(crsOption): \(error)")
        }
    }
    if layer.driver == "CSV" {
        log.note("\(layer.path): a CSV carries no CRS; reading it as EPSG:4326 lon/lat (pass --crs to say otherwise)")
        return CRS.wgs84(proj)
    }
    let what = layer.driver == "ESRI Shapefile" ? "the shapefile has no .prj, so its CRS is unknown" : "the file declares no CRS"
    throw InputError("\(layer.path): \(what); pass --crs, e.g. --crs EPSG:4326 for lon/lat or "
                     + "--crs EPSG:4549 for CGCS2000 / 3-degree Gauss-Kruger CM 120E")
}

extension CRS {
    /// WGS 84 lon/lat under either of its usual names.
    var isWGS84LonLat: Bool { ["EPSG:4326", "OGC:CRS84"].contains(label) }
}

/// For a layer in lon/lat: every coordinate in range, and not apparently lat/lon swapped.
func checkLonLat(_ geometries: [Geometry?], labels: (Int) -> String, layer: VectorLayer, crs: CRS, log: RunLog) throws {
    guard crs.isGeographic else { return }
    var all: Bounds?
    for (i, g) in geometries.enumerated() {
        guard let b = g?.bounds else { continue }
        all = all.map { $0.union(b) } ?? b
        guard b.minX < -180 || b.maxX > 180 || b.minY < -90 || b.maxY > 90 else { continue }
        let at = "x=\(b.minX), y=\(b.minY)"
        let fitsSwapped = b.minX >= -90 && b.maxX <= 90 && b.minY >= -180 && b.maxY <= 180
        let hint = fitsSwapped
            ? "lat/lon apparently swapped: x holds latitudes and y longitudes; store longitude as x (first)"
            : "these look like projected metres, not degrees; give the file its real CRS (.prj), or for a CSV pass --crs, e.g. EPSG:4549"
        throw InputError("\(layer.path): \(labels(i)): coordinates outside the lon/lat range (\(at)) for a layer in \(crs.label): \(hint)")
    }
    // In range, but a Chinese town read with axes swapped lands in the Arctic: say so.
    if let b = all, b.minX >= 3, b.maxX <= 54, b.minY >= 73, b.maxY <= 136 {
        log.warn("\(layer.path): x runs \(b.minX)…\(b.maxX) and y \(b.minY)…\(b.maxY): lat/lon look swapped "
                 + "(latitudes in x); check the axis order if the data are in China")
    }
}
