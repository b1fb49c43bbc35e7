import GeoKit

/// `--out-db CONNECTION --out-schema NAME` (or `outputs.postgis` in a scenario): the run's tables are
/// also written into this schema, all replaced in one transaction.
public struct DatabaseOutput: Sendable, Equatable {
    /// The connection's name (without its password; see `DatabaseSources`).
    public var connection: String
    public var schema: String

    public init(connection: String, schema: String) {
        self.connection = connection
        self.schema = schema
    }

    /// A schema PostgreSQL can create and that is not its own.
    func validate() throws {
        guard !schema.isEmpty, schema.utf8.count <= 63 else {
            throw InputError("--out-schema \"\(schema)\": a schema name has 1 to 63 bytes")
        }
        let lower = schema.lowercased()
        guard !lower.hasPrefix("pg_"), lower != "information_schema" else {
            throw InputError("--out-schema \(schema): is PostgreSQL's own schema; choose another (e.g. caresite_results)")
        }
        guard !schema.contains("\0"), !schema.contains(".") else {
            throw InputError("--out-schema \(schema): a schema name has no dot (give the schema alone, e.g. results)")
        }
    }
}
