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
            throw GeoError("\(name): cannot connect to \(connection.target)\(connection.reason())")
        }
        return ds
    }
}
