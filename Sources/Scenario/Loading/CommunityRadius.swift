import Foundation
import GeoKit
import Planning

/// A radius by area type (e.g. urban 300 m, rural 1,000 m): the field holding the type, and the radius
/// of each type as the field writes it (case aside).
public struct AreaRadii: Sendable, Equatable {
    public var field: String
    public var radii: [String: Double]

    public init(field: String, radii: [String: Double]) {
        self.field = field
        self.radii = radii
    }

    func radius(of type: String) -> Double? {
        radii.first { $0.key.compare(type, options: .caseInsensitive) == .orderedSame }?.value
    }

    /// "area_type: rural 1000, urban 300" for summaries.
    public var text: String {
        "\(field): " + radii.sorted { $0.key < $1.key }.map { "\($0.key) \(JSONNumber.text($0.value))" }.joined(separator: ", ")
    }
}

/// Each community's own radius, from `--radius-field` or the area-type rule; nil where it takes the
/// standard's (an empty value, said in one warning).
enum CommunityRadius {
    static func read(_ layer: VectorLayer, ids: [String], options: InputOptions, label: (Int) -> String,
                     log: RunLog) throws -> [Double?] {
        let radii: [Double?]
        switch (options.radiusField, options.areaRadii) {
        case (_?, _?):
            throw InputError("--radius-field and standard.radius_by_area both give communities a radius; keep one")
        case (let field?, nil):
            let f = try FieldChoice.given(field).required(in: layer, option: "--radius-field", why: "the radius of each community")
            radii = try layer.features.map {
                try nonNegativeNumber($0.values[f], file: layer.path, feature: label($0.index), field: layer.fieldNames[f],
                                      rule: Reach.radiusRule)
            }
        case (nil, let rule?):
            radii = try byArea(layer, rule: rule, label: label)
        case (nil, nil):
            return Array(repeating: nil, count: layer.features.count)
        }
        let missing = zip(ids, radii).filter { $1 == nil }.map(\.0)
        if !missing.isEmpty {
            log.warn("\(layer.path): \(missing.count) communit\(missing.count == 1 ? "y has" : "ies have") no radius of "
                     + "\(missing.count == 1 ? "its" : "their") own (the standard's radius applies): \(listed(missing))")
        }
        return radii
    }

    private static func byArea(_ layer: VectorLayer, rule: AreaRadii, label: (Int) -> String) throws -> [Double?] {
        let f = try FieldChoice.given(rule.field).required(in: layer, option: "standard.radius_by_area.field", why: "the area type")
        return try layer.features.map { feature in
            let type = feature.values[f].text.trimmingCharacters(in: .whitespaces)
            if type.isEmpty { return nil }
            guard let r = rule.radius(of: type) else {
                throw InputError("\(layer.path): \(label(feature.index)): field \"\(layer.fieldNames[f])\": \"\(type)\" has no radius "
                                 + "in standard.radius_by_area (the types given: \(rule.radii.keys.sorted().joined(separator: ", ")))")
            }
            return r
        }
    }
}

extension InputOptions {
    /// How communities get their own radius, for summary.json (null: the standard's for all).
    var ownRadiusJSON: JSONValue {
        if let f = radiusField { return .object([("field", .string(f))]) }
        guard let a = areaRadii else { return .null }
        return .object([("area_field", .string(a.field)),
                        ("radii", .object(a.radii.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) }))])
    }

    /// " (own radius: …)" after the standard's radius in the terminal text; empty without.
    var ownRadiusText: String {
        if let f = radiusField { return " (communities' own radius: field \(f))" }
        return areaRadii.map { " (by area type, \($0.text))" } ?? ""
    }
}
