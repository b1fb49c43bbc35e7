/// A table to write, optionally with one geometry per row (in the CRS the writer is told).
public struct OutputLayer {
    public enum FieldType: Sendable { case string, integer, real, boolean }

    public struct Field: Sendable {
        public let name: String
        public let type: FieldType
        public init(_ name: String, _ type: FieldType) { self.name = name; self.type = type }
    }

    public let name: String
    public let fields: [Field]
    public private(set) var rows: [[JSONValue]] = []
    /// Nil for a table without geometry.
    public private(set) var geometries: [Geometry?]?

    public init(name: String, fields: [Field], hasGeometry: Bool) {
        self.name = name
        self.fields = fields
        self.geometries = hasGeometry ? [] : nil
    }

    /// `values` in field order: .string, .integer, .number, .bool or .null.
    public mutating func append(_ values: [JSONValue], geometry: Geometry? = nil) {
        precondition(values.count == fields.count, "row has \(values.count) values for \(fields.count) fields")
        rows.append(values)
        geometries?.append(geometry)
    }
}

extension OutputLayer {
    /// The same table with fields renamed by `rename` (values and geometries unchanged).
    public func renamingFields(_ rename: (String) -> String) -> OutputLayer {
        var out = OutputLayer(name: name, fields: fields.map { Field(rename($0.name), $0.type) }, hasGeometry: geometries != nil)
        for (k, row) in rows.enumerated() { out.append(row, geometry: geometries?[k]) }
        return out
    }
}
