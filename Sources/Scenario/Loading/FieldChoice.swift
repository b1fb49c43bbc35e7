import GeoKit

/// A field name from an option: the user's own (must exist) or our default (may be absent).
public struct FieldChoice: Sendable, Equatable {
    public let name: String
    public let isExplicit: Bool
    /// Tried when `name` (not explicit) is absent: a run-wide field falls back to the default name.
    public var fallback: String? = nil
    public static func given(_ name: String) -> FieldChoice { FieldChoice(name: name, isExplicit: true) }
    public static func standard(_ name: String) -> FieldChoice { FieldChoice(name: name, isExplicit: false) }

    /// "\"name\"" or "\"name\" or \"fallback\"", for messages.
    var quoted: String { "\"\(name)\"" + (fallback.map { " or \"\($0)\"" } ?? "") }

    /// `given(name)` when the user named one, else our default.
    public static func pick(_ user: String?, default name: String) -> FieldChoice {
        user.map(given) ?? standard(name)
    }

    /// The field's position, nil when a default field is absent. A field the user named must exist.
    func index(in layer: VectorLayer, option: String) throws -> Int? {
        if let i = layer.fieldIndex(name) { return i }
        if let fallback, let i = layer.fieldIndex(fallback) { return i }
        guard isExplicit else { return nil }
        throw InputError("\(layer.path): no field \"\(name)\" (\(option)); the fields are: \(fieldList(layer))")
    }

    /// Like `index`, but a default field must exist too.
    func required(in layer: VectorLayer, option: String, why: String) throws -> Int {
        if let i = try index(in: layer, option: option) { return i }
        throw InputError("\(layer.path): no field \"\(name)\" for \(why); the fields are: \(fieldList(layer)). "
                         + "Name the right one with \(option)")
    }
}

func fieldList(_ layer: VectorLayer) -> String {
    layer.fieldNames.isEmpty ? "(none)" : layer.fieldNames.map { "\"\($0)\"" }.joined(separator: ", ")
}
