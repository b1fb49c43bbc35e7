import GeoKit

/// A run's tables in a PostGIS schema (`--out-db`, `--out-schema`). In one transaction: the tables are
/// replaced (named like the files: communities, sites, priority, …), the tables of the previous set that
/// this one lacks are dropped, and a row is added to `runs`. Either the new set or the old one is
/// there, never a mix; a run killed midway leaves the old one (the server rolls back).
final class ResultsSchema {
    let target: DatabaseOutput
    private(set) var layers: [OutputLayer] = []
    private var crs: String?
    /// Name of the table that records the runs; never one of a run's own tables.
    static let runsTable = "runs"

    /// Refuses a schema that holds one of the run's inputs (inputs are never overwritten), before
    /// anything is written.
    init(_ target: DatabaseOutput, inputs: [String]) throws {
        self.target = target
        let sources = DatabaseSources.shared
        guard let out = sources.location(of: target.connection) else { return }
        for input in inputs {
            guard let at = sources.location(of: input), at.database == out.database, at.schema == target.schema else { continue }
            throw InputError("--out-schema \(target.schema): holds the input \(input); write the results into another schema "
                             + "(inputs are never overwritten)")
        }
    }

    /// A local grid's engineering CRS has no EPSG code: its geometries go in with SRID 0 rather than as
    /// a new row of the server's spatial_ref_sys (which few users may write).
    func stage(_ layers: [OutputLayer], crs: String?) {
        self.layers = layers
        self.crs = crs?.hasPrefix("EPSG:") == true ? crs : nil
    }

    var tables: [String] { layers.map(\.name) }

    /// "PG:host=… dbname=town user=planner: schema results (communities, sites, …)": what a run wrote.
    var written: String { "\(target.connection): schema \(target.schema) (\(tables.joined(separator: ", ")))" }

    /// Writes the staged tables and the run's record; `summary` is the run's summary.json.
    func write(command: String, summary: JSONValue, folder: String) throws {
        let tx = try PostGISTransaction(target.connection, schema: target.schema)
        let schema = PostGISTransaction.identifier(target.schema)
        // One writer per schema at a time: a second run waits instead of mixing its tables in.
        try tx.execute("SELECT pg_advisory_xact_lock(hashtext(\(PostGISTransaction.literal("caresite:" + target.schema))))")
        try tx.execute("CREATE SCHEMA IF NOT EXISTS \(schema)")
        try checkOurs(tx)
        try tx.execute(Self.createRuns(schema))
        let previous = try tx.execute("SELECT array_to_string(tables, ',') FROM \(schema).\(Self.runsTable) ORDER BY run_id DESC LIMIT 1")
        for layer in layers { try tx.replace(layer, crs: crs) }
        let old = previous.first?.first??.split(separator: ",").map(String.init) ?? []
        for table in old where !tables.contains(table) && table != Self.runsTable { try tx.drop(table) }
        try tx.execute(record(schema: schema, command: command, summary: summary, folder: folder))
        try tx.commit()
    }

    /// A schema with tables but no `runs` was not written by caresite: its tables are someone's data,
    /// never replaced.
    private func checkOurs(_ tx: PostGISTransaction) throws {
        let name = PostGISTransaction.literal(target.schema)
        let tables = try tx.execute("SELECT tablename FROM pg_tables WHERE schemaname = \(name) ORDER BY tablename").compactMap { $0.first ?? nil }
        guard !tables.isEmpty, !tables.contains(Self.runsTable) else { return }
        throw InputError("\(target.connection): schema \(target.schema) holds tables caresite did not write "
                         + "(\(tables.prefix(10).joined(separator: ", "))\(tables.count > 10 ? ", …" : "")); nothing was written. "
                         + "Choose a new schema for the results (it is created)")
    }

    static func createRuns(_ schema: String) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(schema).\(runsTable) (
          run_id bigserial PRIMARY KEY, run_at timestamptz NOT NULL DEFAULT now(),
          tool_version text NOT NULL, command text NOT NULL, scenario text,
          parameters jsonb, inputs jsonb, tables text[] NOT NULL, output_folder text, summary jsonb)
        """
    }

    private func record(schema: String, command: String, summary: JSONValue, folder: String) -> String {
        let lit = PostGISTransaction.literal
        let json = { (v: JSONValue?) in v.map { lit($0.compact) + "::jsonb" } ?? "NULL" }
        let scenario: String = if case .string(let name)? = summary["scenario"]?["name"] { lit(name) } else { "NULL" }
        let array = "ARRAY[" + tables.map(lit).joined(separator: ",") + "]::text[]"
        return "INSERT INTO \(schema).\(Self.runsTable) (tool_version, command, scenario, parameters, inputs, tables, output_folder, summary) "
            + "VALUES (\(lit(CareSiteVersion.current)), \(lit(command)), \(scenario), \(json(summary["parameters"])), "
            + "\(json(summary["inputs"])), \(array), \(lit(folder)), \(json(summary)))"
    }
}
