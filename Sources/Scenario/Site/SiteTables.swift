import GeoKit
import Planning
import Siting

/// The layers `site` writes.
extension SiteRun {
    var facilityCount: Int { before.inputs.facilities.count }

    func facilityId(_ f: Int) -> String {
        f < facilityCount ? before.inputs.facilities[f].id : candidates[f - facilityCount].id
    }

    /// Per chosen site (by candidate index): rank, population reached, newly reached, lacking served.
    struct SiteStats { var rank = 0; var covered = 0.0; var newly = 0.0; var lacking = 0 }

    func siteStats() -> [Int: SiteStats] {
        let communities = before.inputs.communities
        var reached = before.assessment.communities.map(\.served)
        var stats: [Int: SiteStats] = [:]
        for (rank, step) in priority.enumerated() {
            var s = SiteStats(rank: rank + 1)
            for k in reachedBy[step.site] {
                let i = Int(k)
                s.covered += communities[i].population
                if !reached[i] { s.newly += communities[i].population; reached[i] = true }
                if before.assessment.communities[i].flag.isLacking { s.lacking += 1 }
            }
            stats[step.site] = s
        }
        return stats
    }

    func sitesLayer() -> OutputLayer {
        var layer = OutputLayer(name: "sites", fields: [
            .init("id", .string), .init("name", .string), .init("kind", .string), .init("rank", .integer),
            .init("marginal_gain", .real), .init("covered_population", .real), .init("newly_covered_population", .real),
            .init("lacking_communities_served", .integer), .init("capacity", .real), .init("cost", .real),
            .init("assigned_required_places", .real),
        ] + SiteSizing.fields, hasGeometry: true)
        let stats = siteStats()
        for step in priority {
            let c = candidates[step.site], s = stats[step.site]!
            layer.append([
                .string(c.id), .string(c.name), .string(c.kind), .integer(s.rank), Rounded.number(step.marginal, 2),
                Rounded.number(s.covered, 2), Rounded.number(s.newly, 2), .integer(s.lacking),
                c.capacityPlaces.map { Rounded.number($0, 2) } ?? .null, Rounded.number(c.cost, 2),
                Rounded.number(assignedPlaces[step.site] ?? 0, 2),
            ] + sizing.values(step.site), geometry: c.outputPoint)
        }
        return candidates.first?.attributes.appended(to: layer) { candidates[priority[$0].site].feature } ?? layer
    }

    func facilityPoint(_ f: Int) -> Geometry {
        f < facilityCount ? before.inputs.facilities[f].point : candidates[f - facilityCount].point
    }

    /// Along roads: the straight line to the assigned facility (the assigned distance is the walk).
    func straightToAssigned(_ i: Int) -> JSONValue {
        guard let a = assigned[i] else { return .null }
        return before.inputs.communities[i].straightDistance(to: facilityPoint(a.facility), measure: options.flag.measure)
            .map { Rounded.number($0, 1) } ?? .null
    }

    func communitiesLayer() -> OutputLayer {
        let alongRoads = coverage.alongRoads
        var fields = CommunityTable.fields(before)
        fields += [.init("served_after", .boolean), .init("assigned_site", .string), .init("assigned_distance_m", .real)]
        if alongRoads { fields.append(.init("assigned_network_distance_m", .real)) }
        fields.append(.init("flag_after", .string))
        if assignedToCommunity != nil { fields.append(.init("assigned_places", .real)) }
        var layer = OutputLayer(name: "communities", fields: fields, hasGeometry: true)
        for (i, c) in before.inputs.communities.enumerated() {
            var row = CommunityTable.values(before, i)
            let a = after.communities[i]
            let walk = assigned[i].map { Rounded.number($0.distance, 1) } ?? .null
            row += [.bool(a.served), assigned[i].map { .string(facilityId($0.facility)) } ?? .null]
            row += alongRoads ? [straightToAssigned(i), walk] : [walk]
            row.append(.string(a.flag.rawValue))
            if let places = assignedToCommunity { row.append(Rounded.number(places[i], 2)) }
            layer.append(row, geometry: c.outputGeometry)
        }
        return CommunityTable.withInputAttributes(layer, before.inputs)
    }

    func assignmentsLayer() throws -> OutputLayer {
        let alongRoads = coverage.alongRoads
        var layer = OutputLayer(name: "assignments", fields: [
            .init("community_id", .string), .init("facility_id", .string), .init("facility_type", .string),
            .init("distance_m", .real),
        ] + (alongRoads ? [.init("network_distance_m", .real)] : []), hasGeometry: true)
        let inputs = before.inputs
        for (i, a) in assigned.enumerated() {
            guard let a, let from = try inputs.outputPoint(ofCommunity: i).xy else { continue }
            let to = a.facility < facilityCount ? inputs.facilities[a.facility].outputPoint.xy : candidates[a.facility - facilityCount].outputPoint.xy
            guard let to else { continue }
            let walk = Rounded.number(a.distance, 1)
            layer.append([.string(inputs.communities[i].id), .string(facilityId(a.facility)),
                          .string(a.facility < facilityCount ? "existing" : "new")] + (alongRoads ? [straightToAssigned(i), walk] : [walk]),
                         geometry: .line(from: from, to: to, context: inputs.context))
        }
        return layer
    }

    func uncoverableLayer() -> OutputLayer {
        var layer = OutputLayer(name: "uncoverable", fields: CommunityTable.fields(before), hasGeometry: true)
        for i in uncoverable {
            layer.append(CommunityTable.values(before, i), geometry: before.inputs.communities[i].outputGeometry)
        }
        return layer
    }

    var totalWeight: Double { weights.reduce(0, +) }

    /// The weight of the communities `a` finds served.
    func coveredWeight(_ a: Assessment) -> Double { zip(weights, a.communities).reduce(0) { $0 + ($1.1.served ? $1.0 : 0) } }

    /// The allocation priority list.
    func priorityTable() -> OutputLayer {
        let years = yearOfSite
        var layer = OutputLayer(name: "priority", fields: [.init("rank", .integer)] + (years.isEmpty ? [] : [.init("year", .integer)]) + [
            .init("id", .string), .init("name", .string), .init("kind", .string),
            .init("cost", .real), .init("cumulative_cost", .real), .init("capacity", .real),
            .init("marginal_gain", .real), .init("objective_after", .real), .init("covered_weight", .real),
            .init("covered_percent", .real), .init("newly_covered_population", .real),
            .init("lacking_communities_served", .integer),
        ] + SiteSizing.fields, hasGeometry: false)
        var reached = before.assessment.communities.map(\.served)
        var covered = zip(weights, reached).reduce(0) { $0 + ($1.1 ? $1.0 : 0) }
        let stats = siteStats()
        var cost = 0.0
        for step in priority {
            let c = candidates[step.site], s = stats[step.site]!
            for k in reachedBy[step.site] where !reached[Int(k)] { reached[Int(k)] = true; covered += weights[Int(k)] }
            cost += c.cost
            let year: [JSONValue] = years.isEmpty ? [] : [years[step.site].map { JSONValue.integer($0) } ?? .null]
            let row: [JSONValue] = [
                .string(c.id), .string(c.name), .string(c.kind), Rounded.number(c.cost, 2),
                Rounded.number(cost, 2), c.capacityPlaces.map { Rounded.number($0, 2) } ?? .null,
                Rounded.number(step.marginal, 2), Rounded.number(step.cumulative, 2), Rounded.number(covered, 2),
                Rounded.number(totalWeight > 0 ? covered / totalWeight * 100 : 0, 2), Rounded.number(s.newly, 2),
                .integer(s.lacking),
            ]
            layer.append([.integer(s.rank)] + year + row + sizing.values(step.site))
        }
        return layer
    }

    func curveTable() -> OutputLayer {
        var layer = OutputLayer(name: "coverage_curve", fields: [
            .init("p", .integer), .init("covered_weight", .real), .init("covered_percent", .real),
            .init("bound", .real), .init("gap_percent", .real), .init("proven", .boolean), .init("sites", .string),
        ], hasGeometry: false)
        for (p, s) in curve {
            layer.append([.integer(p), Rounded.number(s.objective, 2),
                          Rounded.number(totalWeight > 0 ? s.objective / totalWeight * 100 : 0, 2),
                          Rounded.number(s.bound, 2), Rounded.number(s.gapPercent, 3), .bool(s.proven),
                          .string(s.chosen.sorted().map { candidates[$0].id }.joined(separator: " "))])
        }
        return layer
    }
}

extension SiteRun {
    var streetsAfterByName: [String: StreetSummary] { Dictionary(uniqueKeysWithValues: streetsAfter.map { ($0.street, $0) }) }

    /// Per street, before and after the new sites.
    func streetsTable() -> OutputLayer {
        let std = options.flag.standard
        let after = streetsAfterByName
        var layer = OutputLayer(name: "streets", fields: [
            .init("street", .string), .init("communities", .integer), .init("population", .real),
            .init("required_places", .real), .init("facilities_before", .integer), .init("places_before", .real),
            .init("places_per_1000_before", .real), .init("facilities_after", .integer), .init("places_after", .real),
            .init("places_per_1000_after", .real), .init("meets_target_after", .boolean), .init("has_facility_after", .boolean),
            .init("lacking_before", .integer), .init("lacking_after", .integer),
        ], hasGeometry: false)
        for s in before.streets {
            let a = after[s.street] ?? s
            layer.append([
                .string(s.street.isEmpty ? StreetTable.unknownStreet : s.street), .integer(s.communities),
                Rounded.number(s.population, 2), Rounded.number(s.requiredPlaces, 2), .integer(s.facilities),
                Rounded.number(s.places, 2), s.placesPer1000.map { Rounded.number($0, 2) } ?? .null,
                .integer(a.facilities), Rounded.number(a.places, 2), a.placesPer1000.map { Rounded.number($0, 2) } ?? .null,
                .bool(a.meetsTarget(std)), .bool(a.hasFacility), .integer(s.lackingCommunities), .integer(a.lackingCommunities),
            ])
        }
        return layer
    }
}
