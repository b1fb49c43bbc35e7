import GeoKit
import Planning

/// The street roll-up as a table (streets.csv, or a layer of the GeoPackage).
enum StreetTable {
    static let unknownStreet = "(unknown)"

    static func layer(_ streets: [StreetSummary], standard: PlanningStandard) -> OutputLayer {
        var fields: [OutputLayer.Field] = [
            .init("street", .string), .init("communities", .integer), .init("population", .real),
            .init("required_places", .real), .init("facilities", .integer), .init("places", .real),
            .init("places_per_1000", .real), .init("meets_target", .boolean), .init("has_facility", .boolean),
        ]
        fields += CommunityFlag.allCases.map { .init($0.rawValue, .integer) }
        var layer = OutputLayer(name: "streets", fields: fields, hasGeometry: false)
        for s in streets {
            var row: [JSONValue] = [
                .string(s.street.isEmpty ? unknownStreet : s.street), .integer(s.communities),
                Rounded.number(s.population, 2), Rounded.number(s.requiredPlaces, 2), .integer(s.facilities),
                Rounded.number(s.places, 2), s.placesPer1000.map { Rounded.number($0, 2) } ?? .null,
                .bool(s.meetsTarget(standard)), .bool(s.hasFacility),
            ]
            row += CommunityFlag.allCases.map { .integer(s.flags[$0] ?? 0) }
            layer.append(row)
        }
        return layer
    }

    /// CSV text of a table layer (true/false for booleans, empty for null).
    static func csv(_ layer: OutputLayer) -> String {
        CSVText.make(header: layer.fields.map(\.name), rows: layer.rows.map { row in
            row.map { v in
                switch v {
                case .null: ""
                case .string(let s): s
                default: v.compact
                }
            }
        })
    }
}
