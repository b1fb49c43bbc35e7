import GeoKit

/// An input layer read as every point or area input is: text decoded, ids (or feature numbers),
/// geometries (or points from x/y columns) checked for their role and repaired, web-map offsets
/// undone, and the CRS they are in (checked against lon/lat ranges).
struct CheckedLayer {
    let layer: VectorLayer
    let ids: [String]
    let geometries: FeatureGeometries
    let crs: CRS
    let options: ResolvedLayer

    /// `allowEmpty`: a layer with no features is accepted (hazards) rather than an error.
    /// `numbered`: features are named by their number (street boundaries, named by their name field).
    init(_ path: String, role: GeometryRole, options: ResolvedLayer, allowEmpty: Bool = false, numbered: Bool = false,
         log: RunLog, context: GEOSContext, proj: PROJContext) throws {
        let layer = try readLayer(path, encoding: options.encoding, option: options.encodingOption, hint: options.option("encoding"),
                              layer: options.layer, log: log, context: context)
        guard allowEmpty || !layer.features.isEmpty else { throw InputError("\(path): the layer holds no features") }
        let ids = numbered ? layer.features.map { String($0.index + 1) }
            : try featureIds(layer, field: options.idField, role: options.role, option: options.idOption, log: log)
        let label = { (i: Int) in numbered ? "feature #\(i + 1)" : featureLabel(index: i, id: ids[i]) }
        let source = try sourceCRS(of: layer, options: options, log: log, proj: proj)
        var shapes = PointColumns.apply(to: layer, options: options)
            ? try PointColumns.points(layer, options: options, labels: label, context: context)
            : layer.features.map(\.geometry)
        if let datum = source.webMap {
            shapes = try shapes.enumerated().map { i, g in
                do { return try g?.fromWebMap(datum) } catch { throw InputError("\(path): \(label(i)): \(error)") }
            }
            log.note("\(path): coordinates converted from \(datum.rawValue) to WGS 84")
        }
        let geometries = try FeatureGeometries(layer, shapes: shapes, role: role, labels: label)
        geometries.report(layer, log: log)
        try checkLonLat(geometries.geometries, labels: label, layer: layer, crs: source.crs,
                        option: options.option("crs"), log: log)
        self.layer = layer
        self.ids = ids
        self.geometries = geometries
        self.options = options
        crs = source.crs
    }

    /// How messages name feature `i`: by id, or by number.
    func label(_ i: Int) -> String { featureLabel(index: i, id: ids[i]) }

    /// Feature `i`'s geometry in the metric CRS; a failed transform names the file and the feature.
    func metric(_ i: Int, _ g: Geometry, frame: MetricFrame) throws -> Geometry {
        do { return try frame.metric(g, from: crs) } catch let e as GeoError {
            throw InputError("\(layer.path): \(label(i)): \(e.message)")
        }
    }

    /// The metric point of each kept feature (a point's own, a polygon's point-on-surface), computed once
    /// in the metric CRS, and the same point in output coordinates; with its position in the file.
    func points(frame: MetricFrame) throws -> [(index: Int, metric: Geometry, output: Geometry)] {
        var out: [(Int, Geometry, Geometry)] = []
        for (i, g) in geometries.geometries.enumerated() {
            guard let g else { continue }
            let metric = try self.metric(i, g, frame: frame)
            let point = metric.kind == .point ? metric : try metric.pointOnSurface()
            out.append((i, point, try frame.output(point)))
        }
        return out
    }

    /// The layer's name field, if it has one.
    func names() throws -> [String] {
        let i = try options.nameField.index(in: layer, option: options.option("name-field"))
        return layer.features.map { f in i.map { f.values[$0].text } ?? "" }
    }
}

/// Reads a layer in the encoding asked for (or detected), saying in the run's log how its text was read.
/// `option`: the option the encoding came from, for errors; `hint`: the option to suggest when it was detected.
func readLayer(_ path: String, encoding: String?, option: String, hint: String? = nil, attributesOnly: Bool = false,
               layer name: String? = nil, log: RunLog, context: GEOSContext) throws -> VectorLayer {
    let layer: VectorLayer
    do {
        layer = try VectorLayer.read(path, options: .init(encoding: encoding, attributesOnly: attributesOnly, layer: name),
                                 context: context)
    } catch let e as GeoError where e.message.hasPrefix("unknown encoding") {
        throw InputError("\(option) \(encoding ?? ""): \(e.message)")
    } catch let e as GeoError {
        throw InputError(e.message.replacingOccurrences(of: "(give the file's encoding, e.g. --encoding GBK)",
                                                        with: "(give the file's encoding, e.g. \(option) GBK)"))
    }
    if let w = layer.text.warning { log.warn(w.replacingOccurrences(of: "(--encoding)", with: "(\(hint ?? option))")) }
    if let n = layer.text.note { log.note(n) }
    return layer
}
