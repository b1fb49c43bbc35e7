import GeoKit

/// A residential area (小区/社区): where the families live.
public struct Community {
    public let id: String
    public let name: String
    /// As it will be written out, in WGS 84 lon/lat.
    public let outputGeometry: Geometry
    /// In the metric CRS: polygon(s) or point.
    public let geometry: Geometry
    /// In the metric CRS: point-on-surface of a polygon, the point itself for a point.
    public let point: Geometry
    public let population: Double
    public let status: CommunityStatus
    /// Empty when unknown.
    public var street: String
    /// Its own service radius (a field of the layer, or a rule by area type); nil: the standard's.
    public var radius: Double? = nil

    public init(id: String, name: String, outputGeometry: Geometry, geometry: Geometry, point: Geometry,
                population: Double, status: CommunityStatus, street: String) {
        self.id = id; self.name = name; self.outputGeometry = outputGeometry; self.geometry = geometry
        self.point = point; self.population = population; self.status = status; self.street = street
    }
}
