import GeoKit

/// The user's own attributes of an input layer (built year, district code, …), carried unchanged into
/// the outputs after the tool's own fields; a name the tool already uses gets the prefix `input_`.
final class InputAttributes {
    let fields: [OutputLayer.Field]
    /// By feature index in the file.
    private let rows: [[JSONValue]]

    init(_ layer: VectorLayer) {
        fields = zip(layer.fieldNames, layer.fieldTypes).map { name, type in
            OutputLayer.Field(name, type == .integer ? .integer : type == .real ? .real : .string)
        }
        rows = layer.features.map { f in
            f.values.map { v in
                switch v {
                case .null: .null
                case .integer(let i): .integer(Int(i))
                case .real(let d): d.isFinite ? .number(d) : .null
                case .string(let s): .string(s)
                }
            }
        }
    }

    /// An empty set, for layers read without attributes.
    init() { fields = []; rows = [] }

    func values(_ feature: Int) -> [JSONValue] { rows.indices.contains(feature) ? rows[feature] : fields.map { _ in .null } }

    /// `layer` with these attributes appended; `feature(row)` is the input feature of each row.
    func appended(to layer: OutputLayer, feature: (Int) -> Int) -> OutputLayer {
        guard !fields.isEmpty else { return layer }
        var taken = Set(layer.fields.map { $0.name.lowercased() })
        let renamed = fields.map { f -> OutputLayer.Field in
            var name = f.name
            while taken.contains(name.lowercased()) { name = "input_" + name }
            taken.insert(name.lowercased())
            return OutputLayer.Field(name, f.type)
        }
        var out = OutputLayer(name: layer.name, fields: layer.fields + renamed, hasGeometry: layer.geometries != nil)
        for (k, row) in layer.rows.enumerated() {
            out.append(row + values(feature(k)), geometry: layer.geometries?[k])
        }
        return out
    }
}
