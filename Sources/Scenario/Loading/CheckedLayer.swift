import GeoKit

/// An input layer read as every point or area input is: ids (or feature numbers), geometries checked
/// for their role and repaired, and the CRS they are in (checked against lon/lat ranges).
struct CheckedLayer {
    let layer: VectorLayer
    let ids: [String]
    let geometries: FeatureGeometries
    let crs: CRS

    /// `allowEmpty`: a layer with no features is accepted (hazards) rather than an error.
    init(_ path: String, role: GeometryRole, idField: FieldChoice, options: InputOptions, allowEmpty: Bool = false,
         log: RunLog, context: GEOSContext, proj: PROJContext) throws {
        let layer = try VectorLayer.read(path, options: .init(encoding: options.encoding), context: context)
        guard allowEmpty || !layer.features.isEmpty else { throw InputError("\(path): the layer holds no features") }
        let ids = try featureIds(layer, field: idField, log: log)
        let label = { (i: Int) in featureLabel(index: i, id: ids[i]) }
        let geometries = try FeatureGeometries(layer, role: role, labels: label)
        geometries.report(layer, log: log)
        crs = try sourceCRS(of: layer, crsOption: options.crs, log: log, proj: proj)
        try checkLonLat(geometries.geometries, labels: label, layer: layer, crs: crs, log: log)
        self.layer = layer
        self.ids = ids
        self.geometries = geometries
    }

    /// How messages name feature `i`: by id, or by number.
    func label(_ i: Int) -> String { featureLabel(index: i, id: ids[i]) }
}
