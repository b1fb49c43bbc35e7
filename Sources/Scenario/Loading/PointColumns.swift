import Foundation
import GeoKit

/// Points of a table (CSV, XLSX) from an x and a y column.
enum PointColumns {
    /// Column names read as x (longitude) and y (latitude), compared without case.
    static let xNames = ["lon", "lng", "long", "longitude", "x", "经度", "lon_gcj02", "lng_gcj02", "point_x"]
    static let yNames = ["lat", "latitude", "y", "纬度", "lat_gcj02", "point_y"]

    /// Whether the layer's points come from columns: a table none of whose features has a geometry.
    static func apply(to layer: VectorLayer, options: ResolvedLayer) -> Bool {
        guard options.xField == nil && options.yField == nil else { return true }
        return ["CSV", "XLSX", "ODS"].contains(layer.driver) && layer.features.allSatisfy { $0.geometry == nil }
    }

    static func points(_ layer: VectorLayer, options: ResolvedLayer, labels: (Int) -> String,
                       context: GEOSContext) throws -> [Geometry?] {
        let x = try column(layer, given: options.xField, names: xNames, option: options.option("x-field"), what: "x (longitude)")
        let y = try column(layer, given: options.yField, names: yNames, option: options.option("y-field"), what: "y (latitude)")
        return try layer.features.map { f in
            let vx = try coordinate(f.values[x], layer: layer, feature: labels(f.index), field: layer.fieldNames[x])
            let vy = try coordinate(f.values[y], layer: layer, feature: labels(f.index), field: layer.fieldNames[y])
            guard let vx, let vy else { return nil }
            return Geometry.point(x: vx, y: vy, context: context)
        }
    }

    private static func column(_ layer: VectorLayer, given: String?, names: [String], option: String,
                               what: String) throws -> Int {
        if let given {
            guard let i = layer.fieldIndex(given) else {
                throw InputError("\(layer.path): no column \"\(given)\" (\(option)); the columns are: \(fieldList(layer))")
            }
            return i
        }
        let lower = layer.fieldNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let i = names.lazy.compactMap({ lower.firstIndex(of: $0) }).first else {
            throw InputError("\(layer.path): no geometry and no \(what) column; tried \(names.joined(separator: ", ")) "
                             + "(any case). Name the column with \(option); the columns are: \(fieldList(layer))")
        }
        return i
    }

    /// Nil for an empty cell (the feature is skipped like one without geometry).
    private static func coordinate(_ v: AttributeValue, layer: VectorLayer, feature: String, field: String) throws -> Double? {
        guard let number = try decimalNumber(v, what: "a coordinate", file: layer.path, feature: feature, field: field) else { return nil }
        guard number.isFinite else {
            throw InputError("\(layer.path): \(feature): field \"\(field)\": \"\(v.text)\" is not a coordinate")
        }
        return number
    }
}
