import Foundation
import GeoKit
import Planning

/// Residential areas as read, before the metric CRS is known.
struct CommunityRecords {
    /// The layer as read: its features, ids, checked geometries and CRS.
    let read: CheckedLayer
    var layer: VectorLayer { read.layer }
    var crs: CRS { read.crs }
    var ids: [String] { read.ids }
    var geometries: FeatureGeometries { read.geometries }
    let populations: [Double]
    let statuses: [CommunityStatus]
    let streets: [String]
    let names: [String]
    /// Each community's own radius; nil: the standard's.
    let radii: [Double?]
    /// Ids of communities with no population (counted as 0).
    var missingPopulation: [String] = []

    init(options: InputOptions, log: RunLog, context: GEOSContext, proj: PROJContext) throws {
        let path = options.communities
        let read = try CheckedLayer(path, role: .area, options: options.layer(.communities),
                                    log: log, context: context, proj: proj)
        self.read = read
        let (layer, ids, geometries) = (read.layer, read.ids, read.geometries)
        let label = read.label

        // Population: from a joined table, or from a field of the layer.
        var pops: [Double?]
        if let table = options.populationTable {
            let join = try FieldChoice.given(options.joinField ?? options.idField.name)
                .index(in: layer, option: "--join-field")
                ?? { throw InputError("\(path): no id field to join the population table on; pass --join-field") }()
            let t = try PopulationTable(path: table, joinField: layer.fieldNames[join],
                                        valueField: options.populationField, encoding: options.encoding, log: log, context: context)
            let keys = layer.features.map { $0.values[join].text }
            pops = keys.map { t.values[$0] ?? nil }
            let unmatched = Set(t.values.keys).subtracting(keys)
            if !unmatched.isEmpty {
                log.warn("\(table): \(unmatched.count) row(s) match no community: \(listed(unmatched.sorted()))")
            }
        } else {
            let f = try options.populationField.required(in: layer, option: "--population-field",
                                                         why: "population (or give a table with --population FILE --join-field F)")
            let name = layer.fieldNames[f]
            pops = try layer.features.map {
                try nonNegativeNumber($0.values[f], file: path, feature: label($0.index), field: name, rule: OptionRules.population)
            }
        }
        for (i, p) in pops.enumerated() where p == nil && geometries.geometries[i] != nil {
            missingPopulation.append(ids[i])
        }
        if !missingPopulation.isEmpty {
            log.warn("\(path): \(missingPopulation.count) communit\(missingPopulation.count == 1 ? "y has" : "ies have") no population "
                     + "(counted as 0, listed in summary.json): \(listed(missingPopulation))")
        }
        populations = pops.map { $0 ?? 0 }
        statuses = try Self.statuses(layer, options: options, label: label)
        streets = try options.streetField.index(in: layer, option: "--street-field").map { i in
            layer.features.map { $0.values[i].text.trimmingCharacters(in: .whitespaces) }
        } ?? Array(repeating: "", count: layer.features.count)
        names = try read.names()
        radii = try CommunityRadius.read(layer, ids: ids, options: options, label: label, log: log)
    }

    private static func statuses(_ layer: VectorLayer, options: InputOptions,
                                 label: (Int) -> String) throws -> [CommunityStatus] {
        switch (options.builtYearField, options.newSince) {
        case let (field?, since?):
            let f = try FieldChoice.given(field).index(in: layer, option: "--built-year-field")!
            return try layer.features.map { feature in
                let value = feature.values[f]
                let notAYear = InputError("\(layer.path): \(label(feature.index)): field \"\(layer.fieldNames[f])\": \"\(value.text)\" is not a year "
                                          + "(a whole number from \(NumberRule.text(OptionRules.builtYear.min)) to \(NumberRule.text(OptionRules.builtYear.max)))")
                let number: Double?
                do {
                    number = try decimalNumber(value, what: "a year", file: layer.path, feature: label(feature.index), field: layer.fieldNames[f])
                } catch { throw notAYear }
                guard let number else { return .unknown }
                guard let year = Int(exactly: number), OptionRules.builtYear.problem(year) == nil else {
                    throw notAYear
                }
                return CommunityStatus(builtYear: year, newSince: since)
            }
        case (_?, nil): throw InputError("--built-year-field needs --new-since YEAR (built that year or later → new)")
        case (nil, _?): throw InputError("--new-since needs --built-year-field FIELD")
        case (nil, nil):
            guard let f = try options.statusField.index(in: layer, option: "--status-field") else {
                return Array(repeating: .unknown, count: layer.features.count)
            }
            return try layer.features.map { feature in
                let text = feature.values[f].text
                guard let s = CommunityStatus(text: text) else {
                    let words = CommunityStatus.vocabulary.keys.sorted().joined(separator: ", ")
                    throw InputError("\(layer.path): \(label(feature.index)): field \"\(layer.fieldNames[f])\": "
                                     + "\"\(text)\" is not a status; use one of: \(words)")
                }
                return s
            }
        }
    }

    /// The communities, in the metric frame, skipping features without geometry.
    func communities(frame: MetricFrame, streets: StreetLayer?) throws -> [Community] {
        var out: [Community] = []
        out.reserveCapacity(ids.count)
        for (i, g) in geometries.geometries.enumerated() {
            guard let g else { continue }
            let metric = try read.metric(i, g, frame: frame)
            let point = metric.kind == .point ? metric : try metric.pointOnSurface()
            let street = streets?.street(of: point) ?? self.streets[i]
            var c = Community(id: ids[i], name: names[i], outputGeometry: try frame.lonLat(g, from: crs),
                              geometry: metric, point: point, population: populations[i], status: statuses[i], street: street)
            c.radius = radii[i]
            out.append(c)
        }
        return out
    }
}
