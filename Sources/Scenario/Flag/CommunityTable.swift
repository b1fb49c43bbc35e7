import GeoKit
import Planning

/// The communities layer as `flag` writes it (site adds columns to it).
enum CommunityTable {
    static let fields: [OutputLayer.Field] = [
        .init("id", .string), .init("name", .string), .init("population", .real), .init("status", .string),
        .init("street", .string), .init("required_places", .real), .init("served", .boolean),
        .init("nearest_facility_id", .string), .init("nearest_facility_m", .real),
        .init("facilities_within", .integer), .init("access_ratio", .real), .init("shortfall_places", .real),
        .init("flag", .string),
    ]

    static func values(_ c: Community, _ a: CommunityAssessment, facilities: [CareFacility]) -> [JSONValue] {
        [
            .string(c.id), .string(c.name), Rounded.number(c.population, 2), .string(c.status.rawValue),
            .string(c.street), Rounded.number(a.requiredPlaces, 2), .bool(a.served),
            a.nearestFacility.map { .string(facilities[$0].id) } ?? .null,
            a.nearestFacilityM.map { Rounded.number($0, 1) } ?? .null,
            .integer(a.facilitiesWithin), Rounded.number(a.accessRatio, 3), Rounded.number(a.shortfallPlaces, 2),
            .string(a.flag.rawValue),
        ]
    }

    static func layer(_ inputs: Inputs, _ assessment: Assessment) -> OutputLayer {
        var layer = OutputLayer(name: "communities", fields: fields, hasGeometry: true)
        for (c, a) in zip(inputs.communities, assessment.communities) {
            layer.append(values(c, a, facilities: inputs.facilities), geometry: c.outputGeometry)
        }
        return layer
    }
}
