import CGDAL
import Foundation

/// One layer read through GDAL/OGR into memory: attributes by field, geometry as GEOS.
public struct VectorLayer {
    public enum AttributeType: Sendable { case integer, real, string }

    public struct Feature {
        /// Position in the file, 0-based (messages show it 1-based as "feature #n").
        public let index: Int
        public let values: [AttributeValue]
        /// Nil when the feature has no geometry (or the layer was read without geometry).
        public let geometry: Geometry?

        public init(index: Int, values: [AttributeValue], geometry: Geometry?) {
            self.index = index; self.values = values; self.geometry = geometry
        }
    }

    public let path: String
    public let layerName: String
    public let driver: String
    public let fieldNames: [String]
    /// The layer's CRS as WKT2, nil when the file declares none.
    public let crsWKT: String?
    public let features: [Feature]
    /// Other layers in the file, which were not read.
    public let otherLayers: [String]
    /// How each field is stored (string for fields of a type we read as text).
    public let fieldTypes: [AttributeType]
    /// How the file's text was decoded.
    public let text: TextReading

    public init(path: String, layerName: String, driver: String, fieldNames: [String], crsWKT: String?,
                features: [Feature], otherLayers: [String], fieldTypes: [AttributeType]? = nil,
                text: TextReading = .plain) {
        self.path = path; self.layerName = layerName; self.driver = driver; self.fieldNames = fieldNames
        self.crsWKT = crsWKT; self.features = features; self.otherLayers = otherLayers
        self.fieldTypes = fieldTypes ?? Array(repeating: .string, count: fieldNames.count)
        self.text = text
    }

    public func fieldIndex(_ name: String) -> Int? {
        fieldNames.firstIndex(of: name) ?? fieldNames.firstIndex { $0.lowercased() == name.lowercased() }
    }
}

