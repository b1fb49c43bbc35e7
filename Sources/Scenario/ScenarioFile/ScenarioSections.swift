import Foundation
import GeoKit
import Planning
import Yams

/// The sections of a scenario file after `inputs:`, each read and checked on its own.
struct ScenarioSections {
    let r: YAMLReader
    /// A path as written in the file → a path from the working folder.
    let resolve: (String?) -> String?

    var inputs: ScenarioInputs { ScenarioInputs(r: r, resolve: resolve) }

    /// The file's YAML document: a regular file, UTF-8, valid YAML, not empty.
    static func document(_ path: String) throws -> Node {
        let bytes: [UInt8]
        do { bytes = try InputFile.bytes(path) } catch let e as GeoError { throw InputError(e.message) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw InputError("\(path): not UTF-8 text (save the scenario as UTF-8)") }
        do {
            guard let n = try Yams.compose(yaml: text) else { throw InputError("\(path): the scenario is empty") }
            return n
        } catch let e as InputError { throw e } catch {
            throw InputError("\(path): not valid YAML (\(error))")
        }
    }

    func standard(_ node: Node?, into flag: inout FlagOptions) throws {
        guard let node else { return }
        let m = try r.mapping(node, "standard", known: ["places_per_1000", "radius_m", "new_since", "measure", "distance", "max_snap_m",
                                                                  "radius_field", "radius_by_area"])
        flag.distance = try r.choice(m["distance"], "standard.distance", DistanceMode.self) ?? .straight
        flag.maxSnapM = try r.number(m["max_snap_m"], "standard.max_snap_m", rule: OptionRules.maxSnap) ?? OptionDefaults.maxSnapM
        flag.standard.placesPer1000 = try r.number(m["places_per_1000"], "standard.places_per_1000", rule: PlanningStandard.placesRule)
            ?? flag.standard.placesPer1000
        flag.standard.radiusM = try r.number(m["radius_m"], "standard.radius_m", rule: Reach.radiusRule) ?? flag.standard.radiusM
        flag.inputs.newSince = try r.integer(m["new_since"], "standard.new_since", rule: OptionRules.newSince)
        flag.inputs.radiusField = try r.string(m["radius_field"], "standard.radius_field")
        flag.inputs.areaRadii = try areaRadii(m["radius_by_area"])
        flag.measure = try r.choice(m["measure"], "standard.measure", CoverageMeasure.self) ?? .point
        if flag.inputs.newSince != nil && flag.inputs.builtYearField == nil {
            throw r.fail(m["new_since"], "standard.new_since", "needs fields.built_year (the field with the year built)")
        }
    }

    /// `radius_by_area: {field: area_type, radii_m: {urban: 300, rural: 1000}}`.
    private func areaRadii(_ node: Node?) throws -> AreaRadii? {
        guard let node else { return nil }
        let m = try r.mapping(node, "standard.radius_by_area", known: ["field", "radii_m"])
        guard let field = try r.string(m["field"], "standard.radius_by_area.field") else {
            throw r.fail(node, "standard.radius_by_area.field", "missing (the communities' field holding the area type)")
        }
        guard let list = m["radii_m"]?.mapping, !list.isEmpty else {
            throw r.fail(m["radii_m"] ?? node, "standard.radius_by_area.radii_m", "expected type: metres pairs, e.g. {urban: 300, rural: 1000}")
        }
        var radii: [String: Double] = [:]
        for (k, v) in list {
            let type = k.string ?? ""
            radii[type] = try r.number(v, "standard.radius_by_area.radii_m.\(type)", rule: Reach.radiusRule)
                ?? { throw r.fail(v, "standard.radius_by_area.radii_m.\(type)", "missing") }()
        }
        return AreaRadii(field: field, radii: radii)
    }

    func objective(_ node: Node, into site: inout SiteOptions) throws {
        let m = try r.mapping(node, "objective", known: ["type", "p", "budget", "weight", "minimize", "curve",
                                                         "time_limit_s", "gap_tolerance_percent", "max_distance_m"])
        site.objective = try r.choice(m["type"], "objective.type", SiteObjective.self) ?? .coverage
        site.p = try r.integer(m["p"], "objective.p", rule: OptionRules.p)
        site.budget = try r.number(m["budget"], "objective.budget", rule: OptionRules.budget)
        site.weight = try r.choice(m["weight"], "objective.weight", SiteWeight.self) ?? .population
        site.minimise = try r.choice(m["minimize"], "objective.minimize", CoverAllMinimise.self) ?? .sites
        site.curve = try r.integer(m["curve"], "objective.curve", rule: OptionRules.curve)
        site.timeLimit = try r.number(m["time_limit_s"], "objective.time_limit_s", rule: OptionRules.timeLimit) ?? OptionDefaults.timeLimit
        site.gapTolerance = try r.number(m["gap_tolerance_percent"], "objective.gap_tolerance_percent", rule: OptionRules.gapTolerance)
            ?? OptionDefaults.gapTolerance
        site.maxDistance = try r.number(m["max_distance_m"], "objective.max_distance_m", rule: OptionRules.maxDistance)
    }

    func exclusions(_ node: Node?) throws -> [Exclusion] {
        guard let node else { return [] }
        guard let list = node.sequence else { throw r.fail(node, "exclusions", "expected a list of hazard layers") }
        return try list.enumerated().map { k, item in try exclusion(item, key: "exclusions[\(k + 1)]") }
    }

    private func exclusion(_ item: Node, key: String) throws -> Exclusion {
        let m = try r.mapping(item, key, known: ["layer", "min_distance_m", "type_field", "by_type", "label"]
                              + ScenarioInputs.layerKeys.filter { $0 != "file" })
        guard let layer = resolve(try r.string(m["layer"], "\(key).layer")) else { throw r.fail(item, "\(key).layer", "missing") }
        var x = Exclusion(layer: layer, minDistanceM: try r.number(m["min_distance_m"], "\(key).min_distance_m",
                                                                   rule: OptionRules.hazardDistance) ?? 0)
        x.typeField = try r.string(m["type_field"], "\(key).type_field")
        x.label = try r.string(m["label"], "\(key).label")
        let own = try inputs.layerOptions(m, key, layerKey: false)
        if own != LayerOptions() { x.layerOptions = own }
        if let bt = m["by_type"] {
            guard let map = bt.mapping else { throw r.fail(bt, "\(key).by_type", "expected type: metres pairs") }
            for (k2, v) in map {
                let t = k2.string ?? ""
                x.byType[t] = try r.number(v, "\(key).by_type.\(t)", rule: OptionRules.hazardDistance) ?? 0
            }
            if x.typeField == nil { throw r.fail(bt, "\(key).by_type", "needs type_field (the field holding the type)") }
        }
        return x
    }

    func outputs(_ node: Node?, name: String) throws -> (folder: String, format: OutputFormat, database: DatabaseOutput?) {
        guard let node else { return ("out/\(name)", .geojson, nil) }
        let m = try r.mapping(node, "outputs", known: ["folder", "format", "postgis"])
        return (resolve(try r.string(m["folder"], "outputs.folder")) ?? "out/\(name)",
                try r.choice(m["format"], "outputs.format", OutputFormat.self) ?? .geojson, try postgis(m["postgis"]))
    }

    /// `outputs.postgis: {connection: PG:… or postgresql://…, schema: NAME}`.
    private func postgis(_ node: Node?) throws -> DatabaseOutput? {
        guard let node else { return nil }
        let m = try r.mapping(node, "outputs.postgis", known: ["connection", "schema"])
        guard let connection = try r.string(m["connection"], "outputs.postgis.connection") else {
            throw r.fail(node, "outputs.postgis.connection", "missing; e.g. postgresql://planner@db.bureau/county")
        }
        guard let schema = try r.string(m["schema"], "outputs.postgis.schema") else {
            throw r.fail(node, "outputs.postgis.schema", "missing; the schema the tables go into, e.g. plan_2025")
        }
        return DatabaseOutput(connection: connection, schema: schema)
    }

    /// `priority_list: FILE` or a mapping with the list's own options.
    func priorityList(_ node: Node?, site: SiteOptions) throws -> PriorityCheckOptions? {
        guard let node else { return nil }
        guard node.mapping != nil else {
            guard let file = resolve(try r.string(node, "priority_list")) else { throw r.fail(node, "priority_list", "expected a file") }
            return PriorityCheckOptions(site: site, list: file)
        }
        let m = try r.mapping(node, "priority_list", known: ["rank_field", "min_gain_percent"] + ScenarioInputs.layerKeys)
        guard let file = resolve(try r.string(m["file"], "priority_list.file")) else { throw r.fail(node, "priority_list.file", "missing") }
        var listSite = site
        listSite.flag.inputs.layers[.list] = try inputs.layerOptions(m, "priority_list")
        var o = PriorityCheckOptions(site: listSite, list: file)
        o.rankField = .pick(try r.string(m["rank_field"], "priority_list.rank_field"), default: "rank")
        o.minGainPercent = try r.number(m["min_gain_percent"], "priority_list.min_gain_percent", rule: OptionRules.minGain)
            ?? OptionDefaults.minGainPercent
        return o
    }
}
