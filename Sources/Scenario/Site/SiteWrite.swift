import Foundation
import GeoKit
import Planning
import Siting

extension SiteRun {
    /// Writes every output into `options.flag.out`; returns summary.json and the text for the terminal.
    /// With a scenario: also report.html, a copy of the scenario as run, and its provenance.
    @discardableResult
    public func write(scenario: ScenarioFile? = nil, check: PriorityCheck? = nil, started: Date = Date()) throws -> (json: JSONValue, text: String) {
        let start = Date()
        let files = self.files + (scenario.map { [("scenario", $0.path)] } ?? [])
        let folder = try OutputFolder(options.flag.out, inputs: options.inputPaths + files.map(\.path), database: options.flag.database)
        let layered = options.flag.format == .gpkg || options.flag.database != nil
        let outlines = layered || scenario != nil ? try StreetOutlines(before.inputs, dissolve: layered) : nil
        let leaflet = scenario == nil ? nil : LeafletAssets.loaded(log: before.inputs.log)
        try writeTables(into: folder, outlines: outlines, language: scenario?.language ?? .en, check: check)
        try check?.write(into: folder, format: options.flag.format, layerWritten: true)
        let outputs = folder.outputs(later: scenario == nil ? [] : [folder.file("scenario.yaml"), folder.file("report.html")])
        var json = try summary(outputs: outputs, files: files, writeSeconds: Date().timeIntervalSince(start))
        if let scenario, let outlines, case .object(var pairs) = json {
            pairs.insert(("scenario", .object([
                ("name", .string(scenario.name)), ("path", .string(scenario.path)),
                ("sha256", .string(try SHA256.hex(ofFile: scenario.path))), ("language", .string(scenario.language.rawValue)),
            ])), at: 3)
            pairs.append(("total_seconds", Rounded.number(Date().timeIntervalSince(started), 3)))
            if let check { pairs.insert(("priority_check", check.json), at: 4) }
            json = .object(pairs)
            // The copy never holds a password the scenario may give in a connection.
            try folder.write(DatabaseSources.shared.scrub(try String(contentsOfFile: scenario.path, encoding: .utf8)), to: "scenario.yaml")
            let report = ReportHTML(run: self, summary: json, labels: ReportLabels(language: scenario.language), title: scenario.name,
                                    check: check, leaflet: leaflet, outlines: outlines)
            try folder.write(try report.html(), to: "report.html")
        }
        if let path = options.flag.odMatrixOut, let text = coverage.odMatrixOut { try folder.writeElsewhere(text, to: path) }
        try folder.write(json.pretty, to: "summary.json")
        try folder.commit(command: scenario == nil ? "site" : "run", summary: json)
        return (json, text(outputs: outputs))
    }

    /// The layers (GeoJSON files, or one GeoPackage with every layer and table, styled) and the tables.
    private func writeTables(into folder: OutputFolder, outlines: StreetOutlines?, language: ReportLanguage, check: PriorityCheck?) throws {
        let priority = priorityTable(), streets = streetsTable(), expand = sizing.expansionTable(self)
        let byPhase = phases.isEmpty ? nil : phaseStreetsTable()
        let curveLayer = curve.isEmpty ? nil : curveTable()
        var layers = [sitesLayer(), inMatrixUnit(communitiesLayer()), inMatrixUnit(try assignmentsLayer())]
        if options.objective == .coverAll { layers.append(uncoverableLayer()) }
        if !options.exclusions.isEmpty || options.kinds != nil { layers.append(excludedLayer()) }
        let geo = layers + [GeoPackageLayers.facilities(before.inputs)] + (outlines.map { [GeoPackageLayers.streets(streets, outlines: $0)] } ?? [])
        let all = geo + [priority, expand] + [curveLayer, byPhase, check?.layer()].compactMap { $0 }
        folder.stageDatabase(all, crs: before.inputs.outputCRS)
        switch options.flag.format {
        case .geojson:
            for layer in layers { try folder.writeGeoJSON(layer, to: "\(layer.name).geojson") }
        case .gpkg:
            try folder.writeGeoPackage(GeoPackageLayers.styled(all, flagField: "flag_after", language: language),
                                       to: "caresite.gpkg", crs: before.inputs.outputCRS)
        }
        try folder.write(StreetTable.csv(priority), to: "priority.csv")
        try folder.writeSpreadsheet(priority, to: "priority.xlsx")
        try folder.write(StreetTable.csv(streets), to: "streets.csv")
        try folder.writeSpreadsheet(streets, to: "streets.xlsx")
        try folder.write(StreetTable.csv(expand), to: "facilities_to_expand.csv")
        try folder.writeSpreadsheet(expand, to: "facilities_to_expand.xlsx")
        if let byPhase {
            try folder.write(StreetTable.csv(byPhase), to: "streets_by_phase.csv")
            try folder.writeSpreadsheet(byPhase, to: "streets_by_phase.xlsx")
        }
        if let curveLayer { try folder.write(StreetTable.csv(curveLayer), to: "coverage_curve.csv") }
    }

    /// With an OD matrix in minutes, the travel columns say so: no `_m` field holds minutes.
    func inMatrixUnit(_ layer: OutputLayer) -> OutputLayer {
        guard coverage.unit == ODUnit.min.rawValue else { return layer }
        let travel: Set = ["nearest_facility_m", "assigned_distance_m", "distance_m"]
        return layer.renamingFields { travel.contains($0) ? String($0.dropLast(2)) + "_min" : $0 }
    }

    var objectiveUnit: String {
        switch options.objective {
        case .coverage: "covered \(options.weight.rawValue)"
        case .coverAll: options.minimise == .cost ? "total cost" : "sites"
        case .distance: "\(options.weight.rawValue) × \(coverage.unit)"
        case .capacitatedCoverage: "required places assigned"
        }
    }

    func flagCounts(_ a: Assessment) -> JSONValue {
        .object(CommunityFlag.allCases.map { f in (f.rawValue, .integer(a.communities.filter { $0.flag == f }.count)) })
    }

    func summary(outputs: [String], files: [(role: String, path: String)], writeSeconds: Double) throws -> JSONValue {
        let s = options.flag.standard
        let coveredBefore = coveredWeight(before.assessment)
        let coveredAfter = coveredWeight(after)
        let pct = { (x: Double) in Rounded.number(totalWeight > 0 ? x / totalWeight * 100 : 0, 2) }
        let parameters: JSONValue = .object([
            ("objective", .string(options.objective.rawValue)),
            ("p", options.p.map { JSONValue.integer($0) } ?? .null),
            ("budget", options.budget.map { JSONValue.number($0) } ?? .null),
            ("weight", .string(options.weight.rawValue)),
            ("minimize", options.objective == .coverAll ? .string(options.minimise.rawValue) : .null),
            ("radius", .number(s.radiusM)), ("radius_unit", .string(coverage.unit)),
            ("own_radius", options.flag.inputs.ownRadiusJSON),
            ("places_per_1000", .number(s.placesPer1000)), ("measure", .string(options.flag.measure.rawValue)),
            ("distance", .string(options.odMatrix != nil ? "od_matrix" : options.flag.distance == .network ? "network" : "straight_line")),
            ("roads", options.flag.roads.map { JSONValue.string($0) } ?? .null),
            ("metric_crs", .string(before.inputs.metricCRS)),
            ("time_limit_s", .number(options.timeLimit)),
            ("gap_tolerance_percent", .number(options.gapTolerance)),
            ("curve", options.curve.map { JSONValue.integer($0) } ?? .null),
        ])
        let totalCost = priority.reduce(0) { $0 + candidates[$1.site].cost }
        let solutionPart: JSONValue = .object([
            ("objective", Rounded.number(solution.objective, 4)), ("objective_unit", .string(objectiveUnit)),
            ("sense", .string(solution.sense.rawValue)), ("bound", Rounded.number(solution.bound, 4)),
            ("gap_percent", Rounded.number(solution.gapPercent, 4)), ("proven_optimal", .bool(solution.proven)),
            ("branch_and_bound_nodes", .integer(solution.nodes)), ("stop_reason", .string(solution.stop.rawValue)),
        ] + meanDistance() + [
            ("sites_chosen", .integer(priority.count)), ("total_cost", Rounded.number(totalCost, 2)),
        ])
        let coveragePart: JSONValue = .object([
            ("total_weight", Rounded.number(totalWeight, 2)),
            ("covered_before", Rounded.number(coveredBefore, 2)), ("covered_before_percent", pct(coveredBefore)),
            ("covered_after", Rounded.number(coveredAfter, 2)), ("covered_after_percent", pct(coveredAfter)),
            ("flags_before", flagCounts(before.assessment)), ("flags_after", flagCounts(after)),
            ("uncoverable_communities", .integer(uncoverable.count)),
        ])
        let counts: JSONValue = .object([
            ("communities", .integer(before.inputs.communities.count)),
            ("facilities", .integer(facilityCount)),
            ("candidates", .integer(candidates.count)),
            ("coverage_pairs", .integer(coverage.candidates.within.reduce(0) { $0 + $1.count })),
        ])
        let timingPart: JSONValue = .object((timings + [("write", writeSeconds)]).map { ($0.0, Rounded.number($0.1, 3)) })
        return .object([
            ("tool", .string("caresite")), ("version", .string(CareSiteVersion.current)), ("command", .string("site")),
            ("parameters", parameters),
            ("inputs", try Provenance.inputs(files)),
            ("solution", solutionPart), ("constraints", constraintsPart()), ("phases", phasesJSON()), ("sizing", sizing.json), ("coverage", coveragePart), ("counts", counts),
            ("outputs", .array(outputs.map { JSONValue.string($0) })),
            ("notes", .array(before.inputs.log.notes.map { JSONValue.string($0) })),
            ("warnings", .array(before.inputs.log.warnings.map { JSONValue.string($0) })),
            // The only part that changes from run to run.
            ("timings_s", timingPart),
        ])
    }

    /// p-median: the mean distance to the assigned facility weighted by demand, over the communities
    /// a facility reaches (what spopt and ArcGIS users look for), and how many none reaches.
    private func meanDistance() -> [(String, JSONValue)] {
        guard options.objective == .distance else { return [] }
        var sum = 0.0, weight = 0.0
        for (w, a) in zip(weights, assigned) { if let a { sum += w * a.distance; weight += w } }
        return [("weighted_mean_distance_\(coverage.unit)", weight > 0 ? Rounded.number(sum / weight, 2) : .null),
                ("unreached_communities", .integer(assigned.filter { $0 == nil }.count))]
    }

    func text(outputs: [String]) -> String {
        let g = FlagSummary.grouped
        var t = "caresite site: \(options.objective.rawValue), \(candidates.count) candidates, \(before.inputs.communities.count) communities, "
        t += "\(facilityCount) existing facilities; radius \(g(options.flag.standard.radiusM)) \(coverage.unit)\(options.flag.inputs.ownRadiusText)\n"
        let status = solution.proven ? "proven optimal" : String(format: "gap %.3f %% to the bound %@", solution.gapPercent, g(solution.bound))
            + " (stopped: \(solution.stop.rawValue.replacingOccurrences(of: "_", with: " ")))"
        t += "  objective: \(g(solution.objective)) (\(objectiveUnit)); \(status)\n"
        t += constraintsText()
        t += phasesText()
        let coveredBefore = coveredWeight(before.assessment)
        let coveredAfter = coveredWeight(after)
        if totalWeight > 0 {
            t += String(format: "  covered %@: %.1f %% before → %.1f %% after\n", options.weight.rawValue,
                        coveredBefore / totalWeight * 100, coveredAfter / totalWeight * 100)
        }
        let lackingBefore = before.assessment.communities.filter(\.flag.isLacking).count
        let lackingAfter = after.communities.filter(\.flag.isLacking).count
        t += "  communities lacking care: \(lackingBefore) → \(lackingAfter)\n"
        t += "  sites in priority order:\n"
        for (rank, step) in priority.prefix(10).enumerated() {
            let c = candidates[step.site]
            t += "    \(String(rank + 1).leftPad(3)). \(c.id)\(c.kind.isEmpty ? "" : " (\(c.kind))")  +\(g(step.marginal))\n"
        }
        if priority.count > 10 { t += "    ... \(priority.count - 10) more in priority.csv\n" }
        if !uncoverable.isEmpty { t += "  \(uncoverable.count) communities no candidate can reach: uncoverable.geojson\n" }
        for n in before.inputs.log.notes { t += "note: \(n)\n" }
        t += "wrote \(outputs.joined(separator: ", "))\n"
        return t
    }
}
