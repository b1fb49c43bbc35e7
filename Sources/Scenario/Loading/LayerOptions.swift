/// The layers a run reads; each may have its own id and name fields, CRS and encoding.
public enum LayerRole: String, Sendable, CaseIterable {
    case communities, facilities, candidates, streets, hazards, roads
    /// A land official's parcel list (`priority check --list`).
    case list

    /// Point layers may come as tables with x/y columns.
    public var mayBePointTable: Bool { [.communities, .facilities, .candidates, .hazards].contains(self) }
}

/// Options for one layer; nil where the run-wide option (or our default) applies.
public struct LayerOptions: Sendable, Equatable {
    public var idField: String?
    public var nameField: String?
    /// EPSG:4326, WKT, gcj02, bd09, local:m, local:km (docs/guide.md).
    public var crs: String?
    public var encoding: String?
    /// Columns holding x (longitude) and y (latitude) of a point table (CSV, XLSX).
    public var xField: String?
    public var yField: String?
    /// The layer of a file that holds several (GeoPackage), or the table or view of a database.
    public var layer: String?
    public init() {}
}

extension InputOptions {
    /// The options of `role` with the run-wide ones filled in. A field the user named for this layer
    /// must exist in it; a run-wide field is used where the layer has it, else our default name.
    func layer(_ role: LayerRole) -> ResolvedLayer {
        let own = layers[role] ?? LayerOptions()
        func field(_ mine: String?, _ global: FieldChoice, _ standard: String) -> FieldChoice {
            if let mine { return .given(mine) }
            if role == .communities { return global }
            return global.isExplicit ? FieldChoice(name: global.name, isExplicit: false, fallback: standard) : .standard(standard)
        }
        let name = role == .streets ? field(own.nameField, streetNameField, "name") : field(own.nameField, nameField, "name")
        return ResolvedLayer(role: role, idField: field(own.idField, idField, "id"), idIsOwn: own.idField != nil, nameField: name,
                             crs: own.crs ?? crs, crsIsOwn: own.crs != nil, encoding: own.encoding ?? encoding,
                             encodingIsOwn: own.encoding != nil,
                             xField: own.xField, yField: own.yField, layer: own.layer)
    }
}

/// One layer's options as they apply.
struct ResolvedLayer {
    let role: LayerRole
    let idField: FieldChoice
    let idIsOwn: Bool
    let nameField: FieldChoice
    let crs: String?
    /// The CRS was given for this layer (it then overrides what the file declares).
    let crsIsOwn: Bool
    let encoding: String?
    let encodingIsOwn: Bool
    let xField: String?
    let yField: String?
    let layer: String?

    /// The option that sets `what` for this layer, for messages: "--facilities-id-field".
    func option(_ what: String) -> String { "--\(role.rawValue)-\(what)" }

    /// The option the id field came from (or the one to name it with).
    var idOption: String { role == .communities && !idIsOwn ? "--id-field" : option("id-field") }

    /// The option the encoding came from: this layer's, or the run-wide one.
    var encodingOption: String { encodingIsOwn ? option("encoding") : "--encoding" }
}
