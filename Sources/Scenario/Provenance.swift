import GeoKit

/// What was read, with SHA-256s, so a result can be traced to its inputs.
enum Provenance {
    static func inputs(_ files: [(role: String, path: String)]) throws -> JSONValue {
        .array(try files.map { f in
            .object([("role", .string(f.role)), ("path", .string(f.path)),
                     ("sha256", .string(try SHA256.hex(ofFile: f.path)))])
        })
    }
}
