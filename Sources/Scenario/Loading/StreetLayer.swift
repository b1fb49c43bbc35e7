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
        let own = options.layer(.streets)
        let read = try CheckedLayer(path, role: .boundary, options: own, numbered: true, log: log, context: context, proj: proj)
        let layer = read.layer
        let nameIndex = try own.nameField.index(in: layer, option: own.option("name-field"))
            ?? layer.fieldIndex(options.streetField.name) ?? layer.fieldIndex("id")
        if nameIndex == nil {
            log.warn("\(path): no field \(own.nameField.quoted); streets are named by feature number")
        }
        var names: [String] = []
        var shapes: [Geometry] = []
        var output: [Geometry] = []
        for (f, g) in zip(layer.features, read.geometries.geometries) {
            guard let g else { continue }
            let name = nameIndex.map { f.values[$0].text } ?? ""
            names.append(name.isEmpty ? "street #\(f.index + 1)" : name)
            let metric = try read.metric(f.index, g, frame: frame)
            shapes.append(metric)
            output.append(try frame.output(metric))
        }
        self.names = names
        outputShapes = output
        self.shapes = try shapes.map(PreparedGeometry.init)
        index = SpatialIndex(shapes, context: context)
    }

    /// The boundaries in the metric CRS.
    var metricShapes: [Geometry] { index.geometries }

    /// The first street (in file order) whose polygon covers `point`; nil outside every street.
    func street(of point: Geometry) -> String? {
        for i in index.query(point.bounds) where shapes[i].covers(point) { return names[i] }
        return nil
    }
}
