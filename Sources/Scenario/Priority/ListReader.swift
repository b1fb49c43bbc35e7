import Foundation
import GeoKit

extension PriorityCheck {
    /// Candidate indices in priority order: by the rank field when there is one, else file order.
    static func readList(_ options: PriorityCheckOptions, candidates: [CandidateSite], log: RunLog,
                         context: GEOSContext) throws -> [Int] {
        let path = options.list
        let layer = try listLayer(path, options: options.site.flag.inputs.layer(.list), log: log, context: context)
        guard !layer.features.isEmpty else { throw InputError("\(path): the list is empty") }
        let own = options.site.flag.inputs.layer(.list)
        let idField = own.idField.isExplicit ? own.idField : .standard("id")
        guard let idIndex = try idField.index(in: layer, option: own.option("id-field")) ?? (layer.fieldNames.count == 1 ? 0 : nil) else {
            throw InputError("\(path): no column \"id\"; the fields are: \(fieldList(layer)). Name it with \(own.option("id-field"))")
        }
        let rankIndex = try options.rankField.index(in: layer, option: "--rank-field")
        let byId = Dictionary(candidates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var entries: [(rank: Double, order: Int, site: Int)] = []
        var unknown: [String] = [], seen: [String: Int] = [:], rankRow: [Double: Int] = [:]
        for f in layer.features {
            let id = f.values[idIndex].text.trimmingCharacters(in: .whitespaces)
            let row = "row \(f.index + 2)"
            guard !id.isEmpty else { throw InputError("\(path): \(row): the id is empty") }
            if let first = seen[id] { throw InputError("\(path): \(row): id \"\(id)\" is listed twice (also row \(first + 2))") }
            seen[id] = f.index
            guard let j = byId[id] else { unknown.append(id); continue }
            var rank = Double(f.index)
            if let r = rankIndex {
                guard let v = try nonNegativeNumber(f.values[r], file: path, feature: "\(row) (id \"\(id)\")", field: layer.fieldNames[r]) else {
                    throw InputError("\(path): \(row) (id \"\(id)\"): field \"\(layer.fieldNames[r])\": the rank is empty")
                }
                if let other = rankRow[v] {
                    throw InputError("\(path): \(row) (id \"\(id)\"): field \"\(layer.fieldNames[r])\": rank \(JSONNumber.text(v)) "
                                     + "is also the rank of row \(other + 2); each parcel needs its own")
                }
                rankRow[v] = f.index
                rank = v
            }
            entries.append((rank, f.index, j))
        }
        if !unknown.isEmpty {
            throw InputError("\(path): \(unknown.count) id(s) are not candidate sites in \(options.site.candidates): \(listed(unknown, limit: 20))")
        }
        return entries.sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }.map(\.site)
    }
}

/// The list as a table: CSV read directly (GDAL refuses one-column CSV), any other format through GDAL.
func listLayer(_ path: String, options: ResolvedLayer, log: RunLog, context: GEOSContext) throws -> VectorLayer {
    guard path.lowercased().hasSuffix(".csv") else {
        return try readLayer(path, encoding: options.encoding, option: options.encodingOption, hint: options.option("encoding"), attributesOnly: true,
                             layer: options.layer, log: log, context: context)
    }
    let header: [String], rows: [[String]], reading: TextReading
    do { (header, rows, reading) = try CSVReader.read(path, encoding: options.encoding) } catch let e as GeoError {
        throw InputError(e.message.replacingOccurrences(of: "(--encoding)", with: "(\(options.option("encoding")))"))
    }
    if let w = reading.warning { log.warn(w.replacingOccurrences(of: "(--encoding)", with: "(\(options.option("encoding")))")) }
    let features = rows.enumerated().map { k, row in
        VectorLayer.Feature(index: k, values: row.prefix(header.count).map { AttributeValue.string($0) }, geometry: nil)
    }
    return VectorLayer(path: path, layerName: "list", driver: "CSV", fieldNames: header, crsWKT: nil, features: features, otherLayers: [])
}
