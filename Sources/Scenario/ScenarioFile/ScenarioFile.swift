import Foundation
import GeoKit
import Planning
import Yams

/// Report language.
public enum ReportLanguage: String, Sendable, CaseIterable { case zh, en }

/// A hazard layer: candidate sites closer than the minimum distance are left out (JGJ 39 siting rules).
public struct Exclusion: Sendable {
    public var layer: String
    /// Minimum distance in metres for every feature, unless `byType` names the feature's type.
    public var minDistanceM: Double
    public var typeField: String?
    public var byType: [String: Double] = [:]
    /// Words for the reason ("gas station"); the layer name when absent.
    public var label: String?
    /// The hazard layer's own id field, CRS and encoding.
    public var layerOptions: LayerOptions?
}

/// A scenario file, read and checked (schema: docs/scenarios.md). Paths are relative to the file.
public struct ScenarioFile {
    public let path: String
    public let name: String
    public let language: ReportLanguage
    public let site: SiteOptions
    /// Where `run` writes when --out is not given.
    public let outputFolder: String
    /// A land official's list to check (`priority_list:`).
    public let priorityList: PriorityCheckOptions?

    static let topKeys = ["name", "language", "inputs", "fields", "crs", "standard", "objective", "candidates",
                          "exclusions", "outputs", "priority_list"]

    public init(path: String) throws {
        let bytes: [UInt8]
        do { bytes = try InputFile.bytes(path) } catch let e as GeoError { throw InputError(e.message) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw InputError("\(path): not UTF-8 text (save the scenario as UTF-8)") }
        let node: Node
        do {
            guard let n = try Yams.compose(yaml: text) else { throw InputError("\(path): the scenario is empty") }
            node = n
        } catch let e as InputError { throw e } catch {
            throw InputError("\(path): not valid YAML (\(error))")
        }
        let r = YAMLReader(file: path)
        let base = (path as NSString).deletingLastPathComponent
        func resolve(_ p: String?) -> String? {
            guard let p else { return nil }
            return p.hasPrefix("/") ? p : normalised((base.isEmpty ? "." : base) + "/" + p)
        }
        let top = try r.mapping(node, "", known: Self.topKeys)
        self.path = path
        name = try r.string(top["name"], "name") ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        language = try r.choice(top["language"], "language", ReportLanguage.self) ?? .zh

        guard let inputsNode = top["inputs"] else { throw r.fail(node, "inputs", "missing; name at least inputs.communities and inputs.candidates") }
        let reader = ScenarioInputs(r: r, resolve: resolve)
        var (io, candidates, roads, roadsFilter, odMatrix) = try reader.read(inputsNode, top: node)
        let (kindField, costField) = try reader.fields(top["fields"], into: &io)
        try reader.crs(top["crs"], into: &io)
        var flag = FlagOptions(inputs: io, out: "")
        if let s = top["standard"] {
            let m = try r.mapping(s, "standard", known: ["places_per_1000", "radius_m", "new_since", "measure", "distance", "max_snap_m"])
            flag.distance = try r.choice(m["distance"], "standard.distance", DistanceMode.self) ?? .straight
            flag.maxSnapM = try r.number(m["max_snap_m"], "standard.max_snap_m", rule: OptionRules.maxSnap) ?? OptionDefaults.maxSnapM
            flag.standard.placesPer1000 = try r.number(m["places_per_1000"], "standard.places_per_1000", rule: PlanningStandard.placesRule)
                ?? flag.standard.placesPer1000
            flag.standard.radiusM = try r.number(m["radius_m"], "standard.radius_m", rule: Reach.radiusRule) ?? flag.standard.radiusM
            flag.inputs.newSince = try r.integer(m["new_since"], "standard.new_since", rule: OptionRules.newSince)
            flag.measure = try r.choice(m["measure"], "standard.measure", CoverageMeasure.self) ?? .point
            if flag.inputs.newSince != nil && flag.inputs.builtYearField == nil {
                throw r.fail(m["new_since"], "standard.new_since", "needs fields.built_year (the field with the year built)")
            }
        }
        flag.roads = roads
        flag.roadsFilter = roadsFilter
        if flag.distance == .network && flag.roads == nil {
            throw r.fail(top["standard"], "standard.distance", "network needs inputs.roads (a line layer)")
        }
        var site = SiteOptions(flag: flag, candidates: candidates)
        site.kindField = kindField
        site.costField = costField
        site.odMatrix = odMatrix
        guard let o = top["objective"] else { throw r.fail(node, "objective", "missing; e.g. objective: {type: coverage, p: 10}") }
        let om = try r.mapping(o, "objective", known: ["type", "p", "budget", "weight", "minimize", "curve",
                                                       "time_limit_s", "gap_tolerance_percent", "max_distance_m"])
        site.objective = try r.choice(om["type"], "objective.type", SiteObjective.self) ?? .coverage
        site.p = try r.integer(om["p"], "objective.p", rule: OptionRules.p)
        site.budget = try r.number(om["budget"], "objective.budget", rule: OptionRules.budget)
        site.weight = try r.choice(om["weight"], "objective.weight", SiteWeight.self) ?? .population
        site.minimise = try r.choice(om["minimize"], "objective.minimize", CoverAllMinimise.self) ?? .sites
        site.curve = try r.integer(om["curve"], "objective.curve", rule: OptionRules.curve)
        site.timeLimit = try r.number(om["time_limit_s"], "objective.time_limit_s", rule: OptionRules.timeLimit) ?? OptionDefaults.timeLimit
        site.gapTolerance = try r.number(om["gap_tolerance_percent"], "objective.gap_tolerance_percent", rule: OptionRules.gapTolerance)
            ?? OptionDefaults.gapTolerance
        site.maxDistance = try r.number(om["max_distance_m"], "objective.max_distance_m", rule: OptionRules.maxDistance)
        if let c = top["candidates"] {
            let m = try r.mapping(c, "candidates", known: ["kinds"])
            site.kinds = try r.strings(m["kinds"], "candidates.kinds")
        }
        if let e = top["exclusions"] {
            guard let list = e.sequence else { throw r.fail(e, "exclusions", "expected a list of hazard layers") }
            site.exclusions = try list.enumerated().map { k, item in
                let key = "exclusions[\(k + 1)]"
                let m = try r.mapping(item, key, known: ["layer", "min_distance_m", "type_field", "by_type", "label"]
                                      + ScenarioInputs.layerKeys.filter { $0 != "file" })
                guard let layer = resolve(try r.string(m["layer"], "\(key).layer")) else { throw r.fail(item, "\(key).layer", "missing") }
                var x = Exclusion(layer: layer, minDistanceM: try r.number(m["min_distance_m"], "\(key).min_distance_m",
                                                                           rule: OptionRules.hazardDistance) ?? 0)
                x.typeField = try r.string(m["type_field"], "\(key).type_field")
                x.label = try r.string(m["label"], "\(key).label")
                let own = try reader.layerOptions(m, key)
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
        }
        var folder = "out/\(name)"
        if let out = top["outputs"] {
            let m = try r.mapping(out, "outputs", known: ["folder", "format"])
            folder = resolve(try r.string(m["folder"], "outputs.folder")) ?? folder
            site.flag.format = try r.choice(m["format"], "outputs.format", OutputFormat.self) ?? .geojson
        }
        outputFolder = folder
        site.flag.out = folder
        do { try site.validate() } catch let e as InputError { throw InputError("\(path): \(e.message)") }
        self.site = site
        if let pl = top["priority_list"] {
            if pl.mapping != nil {
                let m = try r.mapping(pl, "priority_list", known: ["rank_field", "min_gain_percent"] + ScenarioInputs.layerKeys)
                guard let file = resolve(try r.string(m["file"], "priority_list.file")) else { throw r.fail(pl, "priority_list.file", "missing") }
                var listSite = site
                listSite.flag.inputs.layers[.list] = try reader.layerOptions(m, "priority_list")
                var o = PriorityCheckOptions(site: listSite, list: file)
                o.rankField = .pick(try r.string(m["rank_field"], "priority_list.rank_field"), default: "rank")
                o.minGainPercent = try r.number(m["min_gain_percent"], "priority_list.min_gain_percent", rule: OptionRules.minGain)
                    ?? OptionDefaults.minGainPercent
                priorityList = o
            } else {
                guard let file = resolve(try r.string(pl, "priority_list")) else { throw r.fail(pl, "priority_list", "expected a file") }
                priorityList = PriorityCheckOptions(site: site, list: file)
            }
        } else {
            priorityList = nil
        }
    }
}

/// "scenarios/../out/x" → "out/x": ".." and "." folded, relative paths kept relative.
func normalised(_ path: String) -> String {
    var parts: [Substring] = []
    for c in path.split(separator: "/", omittingEmptySubsequences: true) {
        if c == "." { continue }
        if c == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
        parts.append(c)
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
}
