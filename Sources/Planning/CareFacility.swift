import GeoKit

/// An existing nursery or care institution.
public struct CareFacility {
    public let id: String
    public let name: String
    /// In the metric CRS (point-on-surface when the input was a polygon).
    public let point: Geometry
    /// WGS 84, for output.
    public let outputPoint: Geometry
    public let capacityPlaces: Double
    /// Empty when unknown.
    public var street: String

    public init(id: String, name: String, point: Geometry, outputPoint: Geometry, capacityPlaces: Double, street: String) {
        self.id = id; self.name = name; self.point = point; self.outputPoint = outputPoint
        self.capacityPlaces = capacityPlaces; self.street = street
    }
}
