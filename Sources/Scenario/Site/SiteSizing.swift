import GeoKit
import Planning

/// How big each new site should be, and what existing facilities should add: the unmet required places
/// of the communities each one serves (its assigned communities), in whole places, capped by a new
/// site's capacity, with the classes and floor area that makes (NurseryClasses, docs/policy.md).
struct SiteSizing {
    struct Size {
        /// Unmet required places of the communities it serves (capacitated: the places assigned).
        let needed: Double
        /// Whole places to build: `needed` rounded up, at most the site's capacity.
        let places: Double
        let capped: Bool
        let classes: NurseryClasses
        var floorAreaM2: Double { NurseryClasses.floorAreaM2(places: places) }
    }

    /// An existing facility whose assigned communities need more places than it has.
    struct Expansion {
        let facility: Int
        let demand: Double
        let toAdd: Double
        let classes: NurseryClasses
    }

    /// Per chosen site (candidate index).
    let sites: [Int: Size]
    /// Existing facilities short of places, in facility order.
    let expansions: [Expansion]

    /// `assigned`: per community, its facility (existing index, or facilities + candidate index);
    /// `flowPlaces`: with the capacitated objective, the places the flow gives each chosen site.
    init(communities before: [CommunityAssessment], facilities: [CareFacility], candidates: [CandidateSite], chosen: [Int],
         assigned: [(facility: Int, distance: Double)?], flowPlaces: [Int: Double]?) {
        var needed: [Int: Double] = [:]
        var demand = [Double](repeating: 0, count: facilities.count)
        for (i, a) in assigned.enumerated() {
            guard let a else { continue }
            if a.facility < facilities.count { demand[a.facility] += before[i].requiredPlaces } else {
                needed[a.facility - facilities.count, default: 0] += before[i].shortfallPlaces
            }
        }
        var sites: [Int: Size] = [:]
        for j in chosen {
            let need = flowPlaces.map { $0[j] ?? 0 } ?? needed[j] ?? 0
            let whole = Self.whole(need)
            let places = candidates[j].capacityPlaces.map { min(whole, $0) } ?? whole
            sites[j] = Size(needed: need, places: places, capped: places < whole, classes: Self.classes(places))
        }
        self.sites = sites
        expansions = facilities.indices.compactMap { f in
            let toAdd = Self.whole(demand[f] - facilities[f].capacityPlaces)
            guard toAdd > 0 else { return nil }
            return Expansion(facility: f, demand: demand[f], toAdd: toAdd, classes: Self.classes(toAdd))
        }
    }

    /// Places here are sums of validated populations and capacities: always within NurseryClasses' range.
    private static func classes(_ places: Double) -> NurseryClasses {
        guard let c = NurseryClasses(places: places) else { preconditionFailure("places out of range: \(places)") }
        return c
    }

    /// Whole places: rounded up past rounding noise, never below 0.
    static func whole(_ x: Double) -> Double { max(0, (x - 1e-9).rounded(.up)) }
}

extension SiteSizing {
    /// The columns a site's size adds to sites and priority tables.
    static let fields: [OutputLayer.Field] = [
        .init("places_needed", .real), .init("places_planned", .real), .init("capped_by_capacity", .boolean),
        .init("infant_classes", .integer), .init("toddler_classes", .integer), .init("older_classes", .integer),
        .init("floor_area_m2", .real),
    ]

    func values(_ site: Int) -> [JSONValue] {
        guard let s = sites[site] else { return Array(repeating: .null, count: Self.fields.count) }
        return [Rounded.number(s.needed, 2), Rounded.number(s.places, 0), .bool(s.capped), .integer(s.classes.infant),
                .integer(s.classes.toddler), .integer(s.classes.older), Rounded.number(s.floorAreaM2, 0)]
    }

    /// facilities_to_expand: the existing facilities short of places, with the places and classes to add.
    func expansionTable(_ run: SiteRun) -> OutputLayer {
        var layer = OutputLayer(name: "facilities_to_expand", fields: [
            .init("id", .string), .init("name", .string), .init("street", .string), .init("capacity", .real),
            .init("assigned_required_places", .real), .init("places_to_add", .real), .init("infant_classes", .integer),
            .init("toddler_classes", .integer), .init("older_classes", .integer), .init("floor_area_m2", .real),
        ], hasGeometry: false)
        for e in expansions {
            let f = run.before.inputs.facilities[e.facility]
            layer.append([.string(f.id), .string(f.name), .string(f.street), Rounded.number(f.capacityPlaces, 2),
                          Rounded.number(e.demand, 2), Rounded.number(e.toAdd, 0), .integer(e.classes.infant),
                          .integer(e.classes.toddler), .integer(e.classes.older),
                          Rounded.number(NurseryClasses.floorAreaM2(places: e.toAdd), 0)])
        }
        return layer
    }

    /// summary.json `sizing`: totals, and the assumptions they rest on.
    var json: JSONValue {
        let planned = sites.values.reduce(0) { $0 + $1.places }
        let classes = sites.values.reduce(NurseryClasses()) {
            NurseryClasses(infant: $0.infant + $1.classes.infant, toddler: $0.toddler + $1.classes.toddler, older: $0.older + $1.classes.older)
        }
        return .object([
            ("new_sites_places_planned", Rounded.number(planned, 0)),
            ("new_sites_capped_by_capacity", .integer(sites.values.filter(\.capped).count)),
            ("new_sites_classes", .object([("infant", .integer(classes.infant)), ("toddler", .integer(classes.toddler)),
                                           ("older", .integer(classes.older))])),
            ("new_sites_floor_area_m2", Rounded.number(NurseryClasses.floorAreaM2(places: planned), 0)),
            ("facilities_to_expand", .integer(expansions.count)),
            ("places_to_add_at_existing", Rounded.number(expansions.reduce(0) { $0 + $1.toAdd }, 0)),
            ("class_sizes", .object([("infant", .number(NurseryClasses.infantSize)), ("toddler", .number(NurseryClasses.toddlerSize)),
                                     ("older", .number(NurseryClasses.olderSize))])),
            ("age_shares", .object([("infant", .number(NurseryClasses.infantShare)), ("toddler", .number(NurseryClasses.toddlerShare)),
                                    ("older", .number(NurseryClasses.olderShare))])),
            ("floor_area_per_place_m2", .number(NurseryClasses.floorAreaPerPlaceM2)),
        ])
    }
}
