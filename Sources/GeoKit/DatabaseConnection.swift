import Foundation

/// A PostgreSQL connection as the user gave it — GDAL's `PG:key=value …` or a `postgresql://` URL —
/// parsed into libpq's key/value pairs. `display` is the same connection without its password: the only
/// form that may appear in a message, a log, summary.json or a report.
public struct DatabaseConnection: Sendable, Equatable {
    /// libpq keywords and values in the order given (password included), GDAL's own keys (tables=,
    /// schemas=, active_schema=) among them.
    public let pairs: [(key: String, value: String)]
    /// The connection with its password left out, in the form it was given.
    public let display: String
    /// The password given in the connection itself (nil when libpq takes it from PGPASSWORD or ~/.pgpass).
    let password: String?

    public static func == (a: Self, b: Self) -> Bool { a.display == b.display && a.password == b.password }

    /// Whether `text` names a database rather than a file.
    public static func isConnection(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("pg:") || lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    public init(_ text: String) throws {
        if text.lowercased().hasPrefix("pg:") {
            pairs = try ConnectionText.keyValues(String(text.dropFirst(3)))
            display = "PG:" + pairs.filter { $0.key != "password" }.map { "\($0.key)=\(ConnectionText.quoted($0.value))" }
                .joined(separator: " ")
        } else {
            let url = try ConnectionText.url(text)
            pairs = url.pairs
            display = url.display
        }
        password = pairs.last { $0.key == "password" }?.value
    }

    /// What GDAL opens: `PG:` and the pairs quoted, naming the program to the server (seen in
    /// pg_stat_activity by the database's administrators).
    var gdalName: String {
        var all = pairs
        if !all.contains(where: { $0.key == "application_name" }) { all.append(("application_name", "caresite")) }
        return "PG:" + all.map { "\($0.key)=\(ConnectionText.quoted($0.value))" }.joined(separator: " ")
    }

    public func value(_ key: String) -> String? { pairs.last { $0.key == key }?.value }

    /// "host 127.0.0.1, port 5433, database town, user planner" — what a failure names.
    public var target: String { server + (user.map { ", user \($0)" } ?? "") }

    private var user: String? { value("user") ?? ProcessInfo.processInfo.environment["PGUSER"] }

    /// "host 127.0.0.1, port 5433, database town": the database, whoever connects to it.
    public var server: String {
        let env = ProcessInfo.processInfo.environment
        let host = value("host") ?? value("hostaddr") ?? env["PGHOST"] ?? "the local socket"
        let port = value("port") ?? env["PGPORT"] ?? "5432"
        let db = value("dbname") ?? env["PGDATABASE"] ?? user ?? "(default)"
        return "host \(host), port \(port), database \(db)"
    }

    /// " (GDAL's last message)" on one line and without the password, or "" when GDAL said nothing.
    func reason() -> String {
        let why = scrub(GDALRuntime.lastError()).replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        return why.isEmpty ? "" : " (\(why))"
    }

    /// `text` with this connection's password replaced (GDAL and libpq messages never should hold it;
    /// this makes sure).
    public func scrub(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "********")
    }
}
