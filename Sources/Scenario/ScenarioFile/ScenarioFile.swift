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
                          "exclusions", "constraints", "phases", "outputs", "priority_list"]

    public init(path: String) throws {
        let node = try ScenarioSections.document(path)
        let r = YAMLReader(file: path)
        let base = (path as NSString).deletingLastPathComponent
        let sections = ScenarioSections(r: r, resolve: { p in
            p.map { $0.hasPrefix("/") || DatabaseConnection.isConnection($0) ? $0 : normalised((base.isEmpty ? "." : base) + "/" + $0) }
        })
        let top = try r.mapping(node, "", known: Self.topKeys)
        self.path = path
        name = try r.string(top["name"], "name") ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        language = try r.choice(top["language"], "language", ReportLanguage.self) ?? .zh

        guard let inputsNode = top["inputs"] else { throw r.fail(node, "inputs", "missing; name at least inputs.communities and inputs.candidates") }
        let reader = sections.inputs
        var (io, candidates, roads, roadsFilter, odMatrix) = try reader.read(inputsNode)
        let (kindField, costField) = try reader.fields(top["fields"], into: &io)
        try reader.crs(top["crs"], into: &io)
        var flag = FlagOptions(inputs: io, out: "")
        try sections.standard(top["standard"], into: &flag)
        (flag.roads, flag.roadsFilter) = (roads, roadsFilter)
        if flag.distance == .network && flag.roads == nil {
            throw r.fail(top["standard"], "standard.distance", "network needs inputs.roads (a line layer)")
        }
        var site = SiteOptions(flag: flag, candidates: candidates)
        (site.kindField, site.costField, site.odMatrix) = (kindField, costField, odMatrix)
        guard let o = top["objective"] else { throw r.fail(node, "objective", "missing; e.g. objective: {type: coverage, p: 10}") }
        try sections.objective(o, into: &site)
        if let c = top["candidates"] {
            site.kinds = try r.strings(try r.mapping(c, "candidates", known: ["kinds"])["kinds"], "candidates.kinds")
        }
        site.exclusions = try sections.exclusions(top["exclusions"])
        site.constraints = try sections.constraints(top["constraints"])
        site.phases = try sections.phases(top["phases"])
        let (folder, format, database) = try sections.outputs(top["outputs"], name: name)
        (outputFolder, site.flag.out, site.flag.format, site.flag.database) = (folder, folder, format, database)
        do {
            try site.nameDatabases()
            try site.validate()
        } catch let e as InputError { throw InputError("\(path): \(e.message)") }
        self.site = site
        var list = try sections.priorityList(top["priority_list"], site: site)
        do { try list?.nameDatabases() } catch let e as InputError { throw InputError("\(path): \(e.message)") }
        priorityList = list
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
