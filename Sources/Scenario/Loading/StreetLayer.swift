import GeoKit

/// Street (街道) boundaries, for finding which street a point lies in.
final class StreetLayer {
    let names: [String]
    /// The boundaries in lon/lat, for maps.
    let outputShapes: [Geometry]
    private let shapes: [PreparedGeometry]
    private let index: SpatialIndex

    init(path: String, options: InputOptions, frame: MetricFrame,
         log: RunLog, context: GEOSContext, proj: PROJContext) throws {
        let layer = try VectorLayer.read(path, options: .init(encoding: options.encoding), context: context)
        guard !layer.features.isEmpty else { throw InputError("\(path): the layer holds no features") }
        let nameIndex = try options.streetNameField.index(in: layer, option: "--street-name-field")
            ?? layer.fieldIndex(options.streetField.name) ?? layer.fieldIndex("id")
        if nameIndex == nil {
            log.warn("\(path): no field \"\(options.streetNameField.name)\"; streets are named by feature number")
        }
        let geometries = try FeatureGeometries(layer, role: .boundary) { "feature #\($0 + 1)" }
        geometries.report(layer, log: log)
        let crs = try sourceCRS(of: layer, crsOption: options.crs, log: log, proj: proj)
        try checkLonLat(geometries.geometries, labels: { "feature #\($0 + 1)" }, layer: layer, crs: crs, log: log)
        var names: [String] = []
        var shapes: [Geometry] = []
        var output: [Geometry] = []
        for (f, g) in zip(layer.features, geometries.geometries) {
            guard let g else { continue }
            let name = nameIndex.map { f.values[$0].text } ?? ""
            names.append(name.isEmpty ? "street #\(f.index + 1)" : name)
            shapes.append(try frame.metric(g, from: crs))
            output.append(try frame.lonLat(g, from: crs))
        }
        self.names = names
        outputShapes = output
        self.shapes = try shapes.map(PreparedGeometry.init)
        index = SpatialIndex(shapes, context: context)
    }

    /// The first street (in file order) whose polygon covers `point`; nil outside every street.
    func street(of point: Geometry) -> String? {
        for i in index.query(point.bounds) where shapes[i].covers(point) { return names[i] }
        return nil
    }
}
