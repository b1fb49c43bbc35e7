import CGDAL
import Foundation

/// One transaction on a PostgreSQL/PostGIS database through GDAL's driver, on the tables of one schema:
/// tables replaced, SQL run, and then committed whole or rolled back. Never left to GDAL's close, which
/// would commit whatever was done.
public final class PostGISTransaction {
    /// The connection's name (without its password), for messages.
    public let name: String
    public let schema: String
    private let connection: DatabaseConnection
    private let ds: GDALDatasetH
    private var active = false

    /// Connects (`name` from `DatabaseSources`) and begins; every table of `schema` is known to GDAL, so
    /// that any of them can be replaced.
    public init(_ name: String, schema: String) throws {
        guard let (registered, entry) = try DatabaseSources.shared.entry(name) else {
            throw GeoError("\(name): not a database connection (PG:… or postgresql://…)")
        }
        self.name = registered
        self.schema = schema
        connection = entry.connection
        let scoped = try DatabaseConnection(connection.gdalName + " schemas=\(ConnectionText.quoted(schema))")
        ds = try VectorLayer.openDatabase(scoped, name: registered, update: true, listAll: true)
        CPLErrorReset()
        // Thrown with every property set, so deinit closes the dataset (closing it here too would free it twice).
        guard GDALDatasetStartTransaction(ds, 1) == OGRERR_NONE else { throw failure("cannot begin a transaction") }
        active = true
    }

    deinit {
        if active { _ = GDALDatasetRollbackTransaction(ds) }
        GDALClose(ds)
    }

    /// "results"."communities": a name quoted for SQL.
    public static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A text quoted for SQL.
    public static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// Runs `sql`; its rows as text (nil for NULL) when it returns any.
    @discardableResult
    public func execute(_ sql: String) throws -> [[String?]] {
        CPLErrorReset()
        let result = GDALDatasetExecuteSQL(ds, sql, nil, nil)
        defer { if let result { GDALDatasetReleaseResultSet(ds, result) } }
        if CPLGetLastErrorType() == CE_Failure { throw failure("cannot run \(sql.prefix(60))…") }
        guard let result else { return [] }
        var rows: [[String?]] = []
        let count = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(result))
        while let f = OGR_L_GetNextFeature(result) {
            defer { OGR_F_Destroy(f) }
            rows.append((0..<count).map { OGR_F_IsFieldSetAndNotNull(f, $0) != 0 ? String(cString: OGR_F_GetFieldAsString(f, $0)) : nil })
        }
        return rows
    }

    /// Replaces the table `layer.name` of the schema (dropped with what depends on it, then created)
    /// with `layer`'s rows; geometries in `crs`.
    public func replace(_ layer: OutputLayer, crs: String?) throws {
        let srs = try OGRWriter.spatialReference(crs)
        defer { if let srs { OSRDestroySpatialReference(srs) } }
        let options = CStringList(["OVERWRITE=YES", "SCHEMA=\(schema)", "GEOMETRY_NAME=geom", "FID=fid",
                                   "LAUNDER=NO", "PRECISION=NO", "SPATIAL_INDEX=GIST"])
        CPLErrorReset()
        do {
            try OGRWriter.writeLayer(layer, ds: ds, srs: srs, options: options, path: "\(name), schema \(schema)",
                                     layerTransaction: false)
        } catch let e as GeoError {
            throw GeoError(connection.scrub(e.message))
        }
        if CPLGetLastErrorType() == CE_Failure { throw failure("cannot write table \(schema).\(layer.name)") }
    }

    /// Drops the table `table` of the schema when it is there.
    public func drop(_ table: String) throws {
        let qualified = "\(Self.identifier(schema)).\(Self.identifier(table))"
        if let index = VectorLayer.layerNames(ds).firstIndex(where: { $0 == table || $0 == "\(schema).\(table)" }) {
            guard GDALDatasetDeleteLayer(ds, Int32(index)) == OGRERR_NONE else { throw failure("cannot drop \(qualified)") }
            return
        }
        try execute("DROP TABLE IF EXISTS \(qualified) CASCADE")
    }

    /// Makes everything done visible at once.
    public func commit() throws {
        CPLErrorReset()
        active = false
        guard GDALDatasetCommitTransaction(ds) == OGRERR_NONE, CPLGetLastErrorType() != CE_Failure else {
            _ = GDALDatasetRollbackTransaction(ds)
            throw failure("cannot commit; nothing was changed")
        }
    }

    private func failure(_ what: String) -> GeoError {
        GeoError("\(name) (\(connection.target)): \(what)\(connection.reason())")
    }
}
