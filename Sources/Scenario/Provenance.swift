import GeoKit

/// What was read, with SHA-256s, so a result can be traced to its inputs: a file's bytes, or the rows
/// read from a database table.
enum Provenance {
    static func inputs(_ files: [(role: String, path: String)]) throws -> JSONValue {
        .array(try files.map { f in
            guard DatabaseSources.shared.isDatabase(f.path) else {
                return .object([("role", .string(f.role)), ("path", .string(f.path)),
                                ("sha256", .string(try SHA256.hex(ofFile: f.path)))])
            }
            let digest = DatabaseSources.shared.sha256(of: f.path)
            return .object([("role", .string(f.role)), ("path", .string(f.path)), ("source", .string("postgresql")),
                            ("sha256", digest.map { JSONValue.string($0) } ?? .null), ("sha256_of", .string("rows as read"))])
        })
    }
}
