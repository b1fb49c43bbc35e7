import GeoKit

/// A hazard layer of an exclusion, in the metric frame, for testing candidate sites against it.
struct HazardLayer {
    let exclusion: Exclusion
    let ids: [String]
    let types: [String]
    let geometries: [Geometry]
    private let index: SpatialIndex

    init(_ exclusion: Exclusion, inputs: Inputs) throws {
        var options = inputs.options
        if let own = exclusion.layerOptions { options.layers[.hazards] = own }
        let read = try CheckedLayer(exclusion.layer, role: .hazard, options: options.layer(.hazards), allowEmpty: true,
                                    log: inputs.log, context: inputs.context, proj: inputs.proj)
        let (layer, ids, found) = (read.layer, read.ids, read.geometries)
        let typeIndex = try exclusion.typeField.map { try FieldChoice.given($0).index(in: layer, option: "type_field")! }
        var keptIds: [String] = [], keptTypes: [String] = [], kept: [Geometry] = []
        for (i, g) in found.geometries.enumerated() {
            guard let g else { continue }
            keptIds.append(ids[i])
            keptTypes.append(typeIndex.map { layer.features[i].values[$0].text } ?? "")
            kept.append(try read.metric(i, g, frame: inputs.frame))
        }
        self.exclusion = exclusion
        self.ids = keptIds
        self.types = keptTypes
        geometries = kept
        inputs.warnIfApart(kept, path: exclusion.layer, what: "hazards")
        index = SpatialIndex(kept, context: inputs.context)
    }

    func minimum(_ k: Int) -> Double { exclusion.byType[types[k]] ?? exclusion.minDistanceM }

    /// The nearest hazard closer than its minimum distance, if any.
    func violation(at point: Geometry) throws -> (hazard: Int, distance: Double)? {
        let reach = max(exclusion.minDistanceM, exclusion.byType.values.max() ?? 0)
        var worst: (Int, Double)?
        for k in index.query(point.bounds.expanded(by: reach)) {
            let d = try point.distance(to: geometries[k])
            if d < minimum(k), worst == nil || d < worst!.1 { worst = (k, d) }
        }
        return worst
    }
}
