import Foundation

/// The database layers and connections of a run, by the name that stands for them everywhere else
/// (options, messages, summary.json, the report): the connection without its password, and the table,
/// e.g. "PG:host=db dbname=town user=planner, table communities". Only this holds the password, so
/// nothing that prints a name can print it.
public final class DatabaseSources: @unchecked Sendable {
    public static let shared = DatabaseSources()

    struct Entry {
        let connection: DatabaseConnection
        let table: String?
        /// SHA-256 of the rows as read (a database table has no file to hash).
        var sha256: String?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Registers a connection as the user gave it (and the table to read from it); returns its name.
    /// Anything that is not a connection (a file path, or a name already given) is returned as it is.
    public func name(_ text: String, table: String? = nil) throws -> String {
        guard DatabaseConnection.isConnection(text) else { return text }
        if let known = lock.withLock({ entries[text] }), table == nil || known.table == table { return text }
        let connection = try DatabaseConnection(text)
        let table = table ?? connection.value("tables").flatMap { $0.contains(",") ? nil : $0 }
        let name = connection.display + (table.map { ", table \($0)" } ?? "")
        lock.withLock { entries[name] = Entry(connection: connection, table: table, sha256: entries[name]?.sha256) }
        return name
    }

    /// Whether `name` stands for a database layer or connection (registered, or a connection itself).
    public func isDatabase(_ name: String) -> Bool {
        lock.withLock { entries[name] != nil } || DatabaseConnection.isConnection(name)
    }

    func entry(_ name: String) throws -> (name: String, entry: Entry)? {
        if let e = lock.withLock({ entries[name] }) { return (name, e) }
        guard DatabaseConnection.isConnection(name) else { return nil }
        let registered = try self.name(name)
        return lock.withLock { entries[registered] }.map { (registered, $0) }
    }

    func record(sha256: String, for name: String) {
        lock.withLock { entries[name]?.sha256 = sha256 }
    }

    /// Where the database layer `name` is: its database (`DatabaseConnection.server`), schema and table.
    public func location(of name: String) -> (database: String, schema: String, table: String)? {
        guard let e = lock.withLock({ entries[name] }) else { return nil }
        let c = e.connection
        let schemas = c.value("schemas")?.split(separator: ",").map(String.init) ?? []
        let active = c.value("active_schema") ?? (schemas.count == 1 ? schemas[0] : "public")
        guard let table = e.table else { return (c.server, active, "") }
        let parts = table.split(separator: ".", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (c.server, parts[0], parts[1]) : (c.server, active, table)
    }

    /// The SHA-256 of the rows read from the database layer `name`; nil when it has not been read.
    public func sha256(of name: String) -> String? { lock.withLock { entries[name]?.sha256 } }

    /// `text` with every registered password replaced: for text that quotes what the user wrote (the
    /// copy of a scenario file).
    public func scrub(_ text: String) -> String {
        let connections = lock.withLock { entries.values.map(\.connection) }
        return connections.reduce(text) { $1.scrub($0) }
    }
}
