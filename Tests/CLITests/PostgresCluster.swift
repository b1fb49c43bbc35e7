import Foundation

/// A throwaway PostgreSQL server with PostGIS, for the database tests: initdb in a temporary folder, a
/// free port on 127.0.0.1 (password logins) and a socket in the folder (trusted, for setting up), the
/// demo town loaded by ogr2ogr. Stopped and removed when released.
final class PostgresCluster {
    static let bin: String? = {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root))?.sorted { Int($0) ?? 0 > Int($1) ?? 0 } ?? []
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: "\($0)/initdb") }
    }()
    static let postgisInstalled = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/postgresql")) ?? [])
        .contains { FileManager.default.fileExists(atPath: "/usr/share/postgresql/\($0)/extension/postgis.control") }
    static let ogr2ogr = ["/usr/bin/ogr2ogr", "/usr/local/bin/ogr2ogr"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { bin != nil && postgisInstalled && ogr2ogr != nil }

    /// Passwords of the roles made for the tests: what must never be printed.
    static let plannerPassword = "Pl4nner-S3cret"
    static let readerPassword = "R3ader-S3cret"

    /// A port nobody listens on, for a refused connection.
    static let closedPort: Int = (try? freePort()) ?? 1

    let dir: String
    let port: Int
    private let asPostgres = getuid() == 0

    init() throws {
        dir = "/tmp/cs-pg-\(UUID().uuidString.prefix(8))"
        port = try Self.freePort()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        if asPostgres { try run("/bin/chown", ["postgres:postgres", dir]) }
        try server("initdb", ["-D", "\(dir)/data", "-U", "caresite", "--auth-local=trust", "--auth-host=scram-sha-256",
                              "-E", "UTF8", "--locale=C"])
        try server("pg_ctl", ["-D", "\(dir)/data", "-l", "\(dir)/log", "-w", "-t", "60", "start",
                              "-o", "-p \(port) -k \(dir) -c listen_addresses=127.0.0.1 -c fsync=off"])
        try sql("postgres", "CREATE DATABASE town")
        try sql("town", """
            CREATE EXTENSION postgis;
            CREATE ROLE planner LOGIN PASSWORD '\(Self.plannerPassword)';
            CREATE ROLE reader LOGIN PASSWORD '\(Self.readerPassword)';
            GRANT CREATE ON DATABASE town TO planner;
            """)
        for layer in ["communities", "nurseries", "candidates", "streets", "hazards"] {
            try run(Self.ogr2ogr!, ["-f", "PostgreSQL", "PG:\(socketConnection) dbname=town", "geodata/town/\(layer).geojson",
                                    "-nln", layer, "-lco", "GEOMETRY_NAME=geom"])
        }
        try sql("town", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO planner, reader")
    }

    deinit {
        _ = try? server("pg_ctl", ["-D", "\(dir)/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// The trusted socket, for setting up and checking (as the superuser `caresite`).
    var socketConnection: String { "host=\(dir) port=\(port) user=caresite" }

    /// A connection over TCP as `user`, without its password (it comes from PGPASSWORD or the string).
    func tcp(user: String = "planner", db: String = "town") -> String { "PG:host=127.0.0.1 port=\(port) dbname=\(db) user=\(user)" }

    /// Runs SQL as the superuser; returns psql's unaligned output.
    @discardableResult
    func sql(_ db: String, _ text: String) throws -> String {
        try run("\(Self.bin!)/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", "\(socketConnection) dbname=\(db)", "-c", text])
    }

    private func server(_ tool: String, _ args: [String]) throws {
        let path = "\(Self.bin!)/\(tool)"
        if asPostgres { try run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + args) } else { try run(path, args) }
    }

    @discardableResult
    private func run(_ path: String, _ args: [String]) throws -> String {
        let r = try runProgram(path, args, timeout: 120)
        guard r.status == 0 else {
            let log = (try? String(contentsOfFile: "\(dir)/log", encoding: .utf8)) ?? ""
            throw ClusterError(message: "\((path as NSString).lastPathComponent) \(args.prefix(3).joined(separator: " ")): \(r.stderr) \(log.suffix(1500))")
        }
        return r.stdout
    }

    /// A port on 127.0.0.1 nobody listens on (the kernel's pick for a socket bound to port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw ClusterError(message: "no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

struct ClusterError: Error, CustomStringConvertible { let message: String; var description: String { message } }
