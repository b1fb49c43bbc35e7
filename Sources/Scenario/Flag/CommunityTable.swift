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

    /// The columns of `run`: with distances along roads, nearest_facility_m is the straight line and
    /// network_distance_m the walk along the roads, both to the facility nearest along the roads.
    static func fields(_ run: FlagRun) -> [OutputLayer.Field] {
        fields + (run.straightNearest == nil ? [] : [.init("network_distance_m", .real)])
            + (run.hasOwnRadius ? [.init("radius_m", .real)] : [])
    }


    static func values(_ run: FlagRun, _ i: Int) -> [JSONValue] {
        let a = run.assessment.communities[i]
        var row = values(run.inputs.communities[i], a, facilities: run.inputs.facilities)
        if let straight = run.straightNearest {
            row[nearestColumn] = straight[i].map { Rounded.number($0, 1) } ?? .null
            row.append(a.nearestFacilityM.map { Rounded.number($0, 1) } ?? .null)
        }
        if run.hasOwnRadius { row.append(.number(run.inputs.communities[i].radius ?? run.options.standard.radiusM)) }
        return row
    }

    private static let nearestColumn = fields.firstIndex { $0.name == "nearest_facility_m" }!

    static func layer(_ run: FlagRun) -> OutputLayer {
        var layer = OutputLayer(name: "communities", fields: fields(run), hasGeometry: true)
        for (i, c) in run.inputs.communities.enumerated() { layer.append(values(run, i), geometry: c.outputGeometry) }
        return withInputAttributes(layer, run.inputs)
    }

    /// A layer with a row per community, with the communities' own attributes appended.
    static func withInputAttributes(_ layer: OutputLayer, _ inputs: Inputs) -> OutputLayer {
        inputs.communityAttributes.appended(to: layer) { inputs.communityFeature[$0] }
    }
}
