import CGDAL
import Foundation

extension VectorLayer {
    /// A table or view read through GDAL's PostgreSQL driver: rows in the order of their key (a table has
    /// no order of its own; the same table gives the same run), and a SHA-256 of what was read recorded
    /// for provenance.
    static func readDatabase(_ name: String, entry: DatabaseSources.Entry, options: LayerReadOptions,
                             context: GEOSContext) throws -> VectorLayer {
        guard let table = options.layer ?? entry.table else {
            let ds = try openDatabase(entry.connection, name: name, update: false)
            defer { GDALClose(ds) }
            let tables = layerNames(ds)
            throw GeoError("\(name): name the table to read (e.g. --communities-layer TABLE, or layer: in a scenario); "
                           + (tables.isEmpty ? "the database has no table with a geometry" : "tables there: \(tables.prefix(30).joined(separator: ", "))"))
        }
        let ds = try openDatabase(entry.connection, name: name, update: false)
        defer { GDALClose(ds) }
        let layer = try pick(ds, name: table, source: "\(name) (\(entry.connection.target))", kind: "table or view")
        var raw: RawLayer
        do {
            raw = try RawLayer(layer, path: name, attributesOnly: options.attributesOnly, context: context)
        } catch let e as GeoError {
            throw GeoError(entry.connection.scrub(e.message))
        }
        raw.sortByFID()
        DatabaseSources.shared.record(sha256: raw.digest(), for: name)
        // PostgreSQL hands GDAL its text as UTF-8 whatever the database's encoding.
        return try decode(raw, layer: layer, ds: ds, path: name, driver: "PostgreSQL", given: try TextEncoding("UTF-8"), declared: nil)
    }

    /// Opens the connection through GDAL; a failure says which server and database, never the password.
    /// `listAll`: tables without a geometry are layers too.
    static func openDatabase(_ connection: DatabaseConnection, name: String, update: Bool, listAll: Bool = false) throws -> GDALDatasetH {
        _ = GDALRuntime.ready
        CPLErrorReset()
        let flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY)
        let drivers = CStringList(["PostgreSQL"])
        let open = CStringList(listAll ? ["LIST_ALL_TABLES=YES"] : [])
        guard let ds = GDALOpenEx(connection.gdalName, UInt32(flags), drivers.constPointer, open.constPointer, nil) else {
            let why = connection.scrub(GDALRuntime.lastError()).replacingOccurrences(of: "\n", with: " ")
                .trimmingCharacters(in: .whitespaces)
            throw GeoError("\(name): cannot connect to \(connection.target)\(why.isEmpty ? "" : " (\(why))")")
        }
        return ds
    }
}

extension RawLayer {
    /// Rows in the order of their key, numbered again.
    mutating func sortByFID() {
        let sorted = features.enumerated().sorted { ($0.element.fid, $0.offset) < ($1.element.fid, $1.offset) }
        var renumbered: [Feature] = []
        renumbered.reserveCapacity(sorted.count)
        for (k, pair) in sorted.enumerated() {
            var f = pair.element
            f.index = k
            renumbered.append(f)
        }
        features = renumbered
    }

    /// SHA-256 of the field names and every row's values and geometry, in order.
    func digest() -> String {
        var state = SHA256.State()
        state.update(Data(names.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\u{1F}").utf8))
        for f in features {
            var row = Data()
            for v in f.values {
                switch v {
                case .null: row.append(0)
                case .integer(let i): row.append(1); row.append(Data("\(i)".utf8))
                case .real(let r): row.append(2); row.append(Data("\(r)".utf8))
                case .bytes(let b): row.append(3); row.append(contentsOf: b)
                }
                row.append(0x1F)
            }
            if let g = f.geometry { row.append(contentsOf: g.wkb()) }
            row.append(0x1E)
            state.update(row)
        }
        return state.finish()
    }
}
