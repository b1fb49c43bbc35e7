import Foundation
import GeoKit

extension PriorityCheck {
    func layer() -> OutputLayer {
        var layer = OutputLayer(name: "priority_check", fields: [
            .init("rank", .integer), .init("id", .string), .init("name", .string), .init("kind", .string),
            .init("cost", .real), .init("capacity", .real), .init("newly_covered_population", .real),
            .init("newly_covered_required_places", .real), .init("marginal_weight", .real),
            .init("lacking_new_served", .integer), .init("lacking_old_served", .integer),
            .init("cumulative_weight", .real), .init("cumulative_percent", .real), .init("redundant", .boolean),
            .init("excluded", .string), .init("infeasible", .string), .init("suggested_rank", .integer),
            .init("verdict", .string), .init("reason", .string),
        ], hasGeometry: true)
        for r in rows {
            let c = candidates[r.site]
            layer.append([
                .integer(r.rank), .string(c.id), .string(c.name), .string(c.kind), Rounded.number(c.cost, 2),
                c.capacityPlaces.map { Rounded.number($0, 2) } ?? .null, Rounded.number(r.newlyPopulation, 2),
                Rounded.number(r.newlyRequired, 2), Rounded.number(r.marginal, 2), .integer(r.lackingNew), .integer(r.lackingOld),
                Rounded.number(r.cumulative, 2), Rounded.number(r.cumulativePercent, 2), .bool(r.redundant),
                r.excluded.map { .string($0) } ?? .null, r.infeasible.map { .string($0) } ?? .null,
                r.suggestedRank.map { .integer($0) } ?? .null, .string(r.verdict.rawValue), .string(r.reason),
            ], geometry: c.outputPoint)
        }
        return layer
    }

    public var json: JSONValue {
        let ids = { (xs: [Int]) in JSONValue.array(xs.map { .string(self.candidates[$0].id) }) }
        return .object([
            ("list", .string(options.list)),
            ("weight", .string(options.site.weight.rawValue)),
            ("parcels", .integer(rows.count)),
            ("list_covered_weight", Rounded.number(listWeight, 2)),
            ("best_covered_weight", Rounded.number(best.objective, 2)),
            ("best_bound", Rounded.number(best.bound, 2)),
            ("best_proven", .bool(best.proven)),
            ("short_of_best_percent", Rounded.number(shortPercent, 3)),
            ("best_more_percent", bestMorePercent.map { Rounded.number($0, 3) } ?? .null),
            ("budget", options.site.budget.map { JSONValue.number($0) } ?? .null),
            ("best_sites", ids(best.chosen.sorted())),
            ("verdicts", .object([Verdict.keep, .moveUp, .moveDown, .replace, .drop].map { v in
                (v.rawValue, .integer(rows.filter { $0.verdict == v }.count)) })),
            ("swaps", .array(swaps.map { .object([("out", .string(candidates[$0.out].id)), ("in", .string(candidates[$0.into].id)),
                                                  ("gain", Rounded.number($0.gain, 2))]) })),
            ("suggested_order", ids(reorder)),
            ("notes", .array(basis.inputs.log.notes.map { JSONValue.string($0) })),
            ("warnings", .array(basis.inputs.log.warnings.map { JSONValue.string($0) })),
        ])
    }

    /// "the best 7 parcels", or "the best parcels within the budget of 1,500".
    var bestWhat: String {
        if let b = options.site.budget { return "the best parcels within the budget of \(FlagSummary.grouped(b))" }
        return "the best \(max(1, reorder.count)) parcels"
    }

    /// Both ways of saying the difference, each computed on its own base.
    var comparison: String {
        guard let more = bestMorePercent, shortPercent > 0 else { return "the list is as good as the best" }
        return String(format: "the list is %.2f %% short of the best (the best is %.2f %% more)", shortPercent, more)
    }

    public var text: String {
        let g = FlagSummary.grouped
        var t = "caresite priority check: \(rows.count) parcels from \(options.list); weight \(options.site.weight.rawValue)\n"
        t += "  the list covers \(g(listWeight)); \(bestWhat) could cover \(g(best.objective))"
        t += best.proven ? " (proven)" : " (bound \(g(best.bound)))"
        t += "; \(comparison)\n"
        for r in rows {
            let c = candidates[r.site]
            t += "  \(String(r.rank).leftPad(3)). \(c.id.padding(toLength: 10, withPad: " ", startingAt: 0)) \(r.verdict.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(r.reason)\n"
        }
        if !swaps.isEmpty {
            t += "  swaps that gain: " + swaps.prefix(5).map { "\(candidates[$0.out].id) → \(candidates[$0.into].id) (+\(g($0.gain)))" }.joined(separator: ", ") + "\n"
        }
        t += "  order that front-loads coverage: " + reorder.map { candidates[$0].id }.joined(separator: " ") + "\n"
        return t
    }

    /// priority_check.csv and priority_check.geojson (or priority_check.gpkg; with `run`, a layer of its caresite.gpkg).
    func write(into folder: OutputFolder, format: OutputFormat, layerWritten: Bool = false) throws {
        let layer = self.layer()
        try folder.write(StreetTable.csv(layer), to: "priority_check.csv")
        switch format {
        case .geojson: try folder.writeGeoJSON(layer, to: "priority_check.geojson")
        case .gpkg: if !layerWritten { try folder.writeGeoPackage([layer], to: "priority_check.gpkg", crs: basis.inputs.outputCRS) }
        }
    }

    /// For `caresite priority check`: its own folder, with the summary.
    public func write() throws -> [String] {
        let folder = try OutputFolder(options.site.flag.out, inputs: options.site.inputPaths + basis.inputs.files.map(\.path) + [options.list],
                                      database: options.site.flag.database)
        folder.stageDatabase([layer()], crs: basis.inputs.outputCRS)
        try write(into: folder, format: options.site.flag.format)
        try folder.write(json.pretty, to: "priority_check_summary.json")
        try folder.commit(command: "priority check", summary: json)
        return folder.outputs(summary: false)
    }
}
