import Planning

/// Where the inputs are and how to read them; shared by `flag`, `site` and scenarios.
public struct InputOptions: Sendable {
    public var communities: String
    public var facilities: String?
    /// A CSV of population by community id, joined on `joinField`.
    public var populationTable: String?
    public var joinField: String?
    /// A polygon layer of streets (街道).
    public var streets: String?
    public var streetNameField = FieldChoice.standard("name")
    public var idField = FieldChoice.standard("id")
    public var nameField = FieldChoice.standard("name")
    public var populationField = FieldChoice.standard("population")
    public var statusField = FieldChoice.standard("status")
    public var streetField = FieldChoice.standard("street")
    public var capacityField = FieldChoice.standard("capacity")
    /// Each community's own radius: a field (in the run's unit), or a radius by area type.
    public var radiusField: String?
    public var areaRadii: AreaRadii?
    /// Status from the year built: year ≥ `newSince` → new.
    public var builtYearField: String?
    public var newSince: Int?
    /// CRS for files that declare none.
    public var crs: String?
    public var metricCRS: String?
    /// Encoding of every text input whose own encoding is not given (e.g. GBK); nil to detect.
    public var encoding: String?
    /// Per-layer ids, names, CRS, encoding and point columns.
    public var layers: [LayerRole: LayerOptions] = [:]
    /// OD matrix columns and unit.
    public var od = ODOptions()

    public init(communities: String) { self.communities = communities }
}
