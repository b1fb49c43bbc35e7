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

    /// With `straightNearest` (network distance): nearest_facility_m is the straight line and
    /// network_distance_m the walk along the roads to the nearest facility.
    static func layer(_ inputs: Inputs, _ assessment: Assessment, straightNearest: [Double?]? = nil) -> OutputLayer {
        let nearestColumn = fields.firstIndex { $0.name == "nearest_facility_m" }!
        var layer = OutputLayer(name: "communities", fields: fields + (straightNearest == nil ? [] : [.init("network_distance_m", .real)]),
                                hasGeometry: true)
        for (i, (c, a)) in zip(inputs.communities, assessment.communities).enumerated() {
            var row = values(c, a, facilities: inputs.facilities)
            if let straight = straightNearest {
                row[nearestColumn] = straight[i].map { Rounded.number($0, 1) } ?? .null
                row.append(a.nearestFacilityM.map { Rounded.number($0, 1) } ?? .null)
            }
            layer.append(row, geometry: c.outputGeometry)
        }
        return layer
    }
}
