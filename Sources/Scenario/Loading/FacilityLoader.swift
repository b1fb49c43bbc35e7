import Foundation
import GeoKit
import Planning

/// Sites with a capacity (existing facilities now; candidate sites in `site`) as read.
struct SiteRecords {
    /// The layer as read: its features, ids, checked geometries and CRS.
    let read: CheckedLayer
    var layer: VectorLayer { read.layer }
    var ids: [String] { read.ids }
    var geometries: FeatureGeometries { read.geometries }
    let names: [String]
    let capacities: [Double]
    let streets: [String?]
    /// False when the capacity field is absent and was not required.
    var hasCapacity = true

    /// `capacityRequired`: when false, an absent default capacity field leaves capacities unknown (0).
    init(path: String, role: LayerRole, options: InputOptions, capacityRequired: Bool = true, log: RunLog,
         context: GEOSContext, proj: PROJContext) throws {
        let read = try CheckedLayer(path, role: .site, options: options.layer(role), log: log, context: context, proj: proj)
        self.read = read
        let (layer, ids) = (read.layer, read.ids)
        let label = read.label
        guard let cap = capacityRequired
            ? try options.capacityField.required(in: layer, option: "--capacity-field", why: "capacity (places)")
            : try options.capacityField.index(in: layer, option: "--capacity-field") else {
            capacities = [Double](repeating: 0, count: layer.features.count)
            hasCapacity = false
            names = try read.names()
            streets = [String?](repeating: nil, count: layer.features.count)
            return
        }
        let capName = layer.fieldNames[cap]
        var missing: [String] = []
        capacities = try layer.features.map { f in
            guard let v = try nonNegativeNumber(f.values[cap], file: path, feature: label(f.index), field: capName,
                                                 rule: OptionRules.capacity) else {
                missing.append(ids[f.index])
                return 0
            }
            return v
        }
        if !missing.isEmpty {
            log.warn("\(path): \(missing.count) feature(s) have no capacity (counted as 0 places): \(listed(missing))")
        }
        names = try read.names()
        let streetIndex = layer.fieldIndex(options.streetField.name)
        streets = layer.features.map { f in
            streetIndex.map { f.values[$0].text.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// Metric point and output point of each kept feature, with its position in the file.
    func points(frame: MetricFrame) throws -> [(index: Int, metric: Geometry, output: Geometry)] {
        try read.points(frame: frame)
    }
}

extension SiteRecords {
    /// Existing facilities. Street: the street polygon holding it, else its own street field, else the
    /// street of the nearest community.
    func facilities(frame: MetricFrame, streets: StreetLayer?, communities: [Community],
                    context: GEOSContext) throws -> [CareFacility] {
        let nearest = NearestStreet(communities, context: context)
        return try points(frame: frame).map { i, metric, output in
            let street = streets?.street(of: metric) ?? self.streets[i] ?? nearest.street(near: metric)
            return CareFacility(id: ids[i], name: names[i], point: metric, outputPoint: output,
                                capacityPlaces: capacities[i], street: street ?? "")
        }
    }
}

/// The street of the community nearest a point: where a site lies when neither a street polygon nor
/// its own street field says.
struct NearestStreet {
    let communities: [Community]
    let index: SpatialIndex

    init(_ communities: [Community], context: GEOSContext) {
        self.communities = communities
        index = SpatialIndex(communities.map(\.point), context: context)
    }

    func street(near point: Geometry) -> String? {
        guard let p = point.xy, let j = index.nearest(to: point, distance: { k in
            guard let q = communities[k].point.xy else { return .infinity }
            return ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
        }) else { return nil }
        return communities[j].street
    }
}
