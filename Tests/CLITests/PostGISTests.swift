import Foundation
import Testing

/// Reading from and writing into PostGIS, against a real server made for each test (`PostgresCluster`).
@Suite(.serialized) struct PostGISTests {
    let pw = PostgresCluster.plannerPassword

    func temp(_ what: String) -> String { NSTemporaryDirectory() + "caresite-tests/pg-\(what)-\(UUID().uuidString)" }

    /// The demo scenario with every layer in the database and the results into `schema`.
    func scenario(_ db: PostgresCluster, schema: String, p: Int = 10, out: String) throws -> String {
        let url = "postgresql://planner@127.0.0.1:\(db.port)/town"
        let yaml = """
            name: 基准方案 2025（数据库）
            language: zh
            inputs:
              communities: {file: "\(db.tcp())", layer: communities}
              facilities: {file: "\(url)", layer: nurseries}
              candidates: {file: "\(url)", table: candidates}
              streets: {file: "\(db.tcp())", layer: streets}
            fields: {built_year: built_year}
            standard: {places_per_1000: 4.5, radius_m: 300, new_since: 2016}
            objective: {type: coverage, p: \(p), weight: population, curve: 20, time_limit_s: 60}
            exclusions:
              - layer: "\(db.tcp())"
                table: hazards
                type_field: type
                min_distance_m: 50
                by_type: {gas_station: 50, dangerous_goods: 100, high_voltage_line: 50, main_road: 20, pollution: 100}
            priority_list: {file: \(CLITests.root.path)/scenarios/parcels-2026.csv, min_gain_percent: 1}
            outputs:
              folder: \(out)
              postgis: {connection: "postgresql://planner:\(pw)@127.0.0.1:\(db.port)/town", schema: \(schema)}
            """
        let dir = temp("scenario")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try yaml.write(toFile: dir + "/db.yaml", atomically: true, encoding: .utf8)
        return dir + "/db.yaml"
    }

    func run(_ args: [String], password: String? = PostgresCluster.plannerPassword) throws -> CLIResult {
        try runProgram(CLITests.binary, args, timeout: 600, environment: password.map { ["PGPASSWORD": $0] } ?? [:])
    }

    func lines(_ path: String) throws -> [String] {
        // The CSVs end their lines with CR LF (for Excel): one Character in Swift.
        try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map(String.init)
    }

    @Test(.enabled(if: PostgresCluster.available, "skipped: PostgreSQL, PostGIS or ogr2ogr is not installed here (make test installs postgresql, postgis and gdal-bin)"))
    func aScenarioRunsFromPostGISIntoASchemaWithTheNumbersOfTheFileRun() throws {
        let db = try PostgresCluster()
        let fileOut = temp("file"), dbOut = temp("db")
        let f = try run(["run", "scenarios/baseline-2025.yaml", "--out", fileOut, "--quiet"], password: nil)
        try #require(f.status == 0, "\(f.stderr)")
        let r = try run(["run", try scenario(db, schema: "results", out: dbOut), "--quiet"])
        try #require(r.status == 0, "\(r.stderr)")

        for file in ["communities.geojson", "sites.geojson", "assignments.geojson", "priority.csv", "streets.csv",
                     "priority_check.csv", "coverage_curve.csv", "facilities_to_expand.csv"] {
            #expect(FileManager.default.contents(atPath: "\(fileOut)/\(file)") == FileManager.default.contents(atPath: "\(dbOut)/\(file)"),
                    "\(file) differs between the file run and the database run")
        }
        let ranked = try lines("\(fileOut)/priority.csv").map { String($0.split(separator: ",")[1]) }
        #expect(try db.sql("town", "SELECT string_agg(id, ',' ORDER BY rank) FROM results.priority") == ranked.joined(separator: ",") + "\n")
        #expect(try db.sql("town", "SELECT count(*) FROM results.sites") == "\(ranked.count)\n")
        #expect(try db.sql("town", "SELECT count(*) FROM results.streets") == "\(try lines("\(fileOut)/streets.csv").count)\n")
        let flags = try db.sql("town", "SELECT count(*) FILTER (WHERE flag_after LIKE 'lacking%'), count(*) FROM results.communities")
        let summary = try String(contentsOfFile: "\(fileOut)/summary.json", encoding: .utf8)
        #expect(flags.hasSuffix("|1034\n") && summary.contains("\"communities\": 1034"))
        let record = try db.sql("town", "SELECT command, scenario, array_length(tables, 1), jsonb_array_length(inputs), "
                                + "(SELECT count(*) FROM jsonb_array_elements(inputs) e WHERE e->>'sha256' IS NULL) FROM results.runs")
        #expect(record == "run|基准方案 2025（数据库）|10|6|0\n")

        // The password was in the output connection: it is nowhere in what the run printed or wrote.
        var everything = r.stdout + r.stderr + (try db.sql("town", "SELECT summary::text || parameters::text || output_folder FROM results.runs"))
        for name in try FileManager.default.contentsOfDirectory(atPath: dbOut) {
            everything += String(decoding: FileManager.default.contents(atPath: "\(dbOut)/\(name)") ?? Data(), as: UTF8.self)
        }
        #expect(!everything.contains(pw), "the password was printed or written")
        #expect(everything.contains("postgresql://planner@127.0.0.1:\(db.port)/town: schema results"))

        // A flag run into the same schema replaces the set: the site tables are dropped with it.
        let flag = try run(["flag", "--communities", db.tcp(), "--communities-layer", "communities", "--facilities", db.tcp(),
                            "--facilities-layer", "nurseries", "--out", temp("flag"), "--out-db", db.tcp(), "--out-schema", "results"])
        try #require(flag.status == 0, "\(flag.stderr)")
        #expect(try db.sql("town", "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'results'")
                == "communities,facilities,runs,streets\n")
        #expect(try db.sql("town", "SELECT string_agg(command, ',' ORDER BY run_id) FROM results.runs") == "run,flag\n")

        // priority check writes its table into a schema of its own.
        let check = try run(["priority", "check", "--list", "scenarios/parcels-2026.csv", "--communities", db.tcp(),
                             "--communities-layer", "communities", "--candidates", db.tcp(), "--candidates-layer", "candidates",
                             "--out", temp("check"), "--out-db", db.tcp(), "--out-schema", "checks"])
        try #require(check.status == 0, "\(check.stderr)")
        #expect(try db.sql("town", "SELECT count(*) FROM checks.priority_check") == "8\n")
        #expect(check.stdout.contains("schema checks (priority_check)"))
    }

    @Test(.enabled(if: PostgresCluster.available, "skipped: PostgreSQL, PostGIS or ogr2ogr is not installed here (make test installs postgresql, postgis and gdal-bin)"))
    func aRunKilledMidWriteLeavesThePreviousSet() throws {
        let db = try PostgresCluster()
        let out = temp("killed")
        let first = try run(["run", try scenario(db, schema: "results", p: 10, out: out), "--quiet"])
        try #require(first.status == 0, "\(first.stderr)")
        let tables = "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'results'"
        let before = try db.sql("town", tables)

        // A colleague reading the priority table holds the second run midway: it has replaced the
        // tables before it and waits to replace this one; then it is killed.
        let reader = try Session(db, "BEGIN; SELECT count(*) FROM results.priority;")
        defer { reader.end() }
        try waitFor(db, "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'priority' AND l.granted")
        let second = try Spawned(CLITests.binary, ["run", try scenario(db, schema: "results", p: 5, out: out), "--quiet"],
                                 environment: ["PGPASSWORD": pw])
        try waitFor(db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'caresite' AND wait_event_type = 'Lock'")
        kill(second.pid, SIGKILL)
        second.wait(timeout: 60)
        #expect(second.exit?.signalled == true)
        reader.end()

        #expect(try db.sql("town", tables) == before)
        #expect(try db.sql("town", "SELECT count(*) FROM results.sites") == "10\n")
        #expect(try db.sql("town", "SELECT count(*) FROM results.priority") == "10\n")
        #expect(try db.sql("town", "SELECT count(*) FROM results.runs") == "1\n")
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("\"sites_chosen\": 10"), "the output folder keeps the previous set too")

        let third = try run(["run", try scenario(db, schema: "results", p: 5, out: out), "--quiet"])
        try #require(third.status == 0, "\(third.stderr)")
        #expect(try db.sql("town", "SELECT count(*) FROM results.sites") == "5\n")
        #expect(try db.sql("town", "SELECT count(*) FROM results.runs") == "2\n")
    }

    @Test(.enabled(if: PostgresCluster.available, "skipped: PostgreSQL, PostGIS or ogr2ogr is not installed here (make test installs postgresql, postgis and gdal-bin)"))
    func failuresNameTheServerDatabaseAndTableAndWriteNothing() throws {
        let db = try PostgresCluster()
        let flag = { (communities: String, layer: String?, extra: [String]) in
            ["flag", "--communities", communities] + (layer.map { ["--communities-layer", $0] } ?? []) + extra
        }
        let schemaCount = "SELECT count(*) FROM pg_namespace WHERE nspname = 'results'"
        try db.sql("town", "CREATE SCHEMA other AUTHORIZATION planner; CREATE TABLE other.keep (x int); ALTER TABLE other.keep OWNER TO planner")
        let cases: [(args: [String], password: String?, says: [String])] = [
            (flag(db.tcp(), "no_such_table", []), pw, ["127.0.0.1", "port \(db.port)", "database town", "no_such_table", "nurseries"]),
            (flag(db.tcp(), nil, []), pw, ["name the table", "communities"]),
            (flag("PG:host=127.0.0.1 port=\(PostgresCluster.closedPort) dbname=town user=planner", "communities", []), pw,
             ["cannot connect", "port \(PostgresCluster.closedPort)", "database town"]),
            (flag("postgresql://planner:Wr0ng-Guess-77@127.0.0.1:\(db.port)/town", "communities", []), nil,
             ["cannot connect", "database town", "password authentication failed"]),
            (flag(db.tcp(user: "reader"), "communities", ["--out-db", db.tcp(user: "reader"), "--out-schema", "results"]), PostgresCluster.readerPassword,
             ["user reader", "permission denied"]),
            (flag(db.tcp(), "communities", ["--out-db", db.tcp(), "--out-schema", "public"]), pw, ["holds the input", "never overwritten"]),
            (flag(db.tcp(), "communities", ["--out-db", db.tcp(), "--out-schema", "other"]), pw, ["did not write (keep)", "nothing was written"]),
        ]
        for c in cases {
            let out = temp("fail")
            let r = try run(c.args + ["--out", out] + (c.args.contains("--out-db") ? [] : ["--out-db", db.tcp(), "--out-schema", "results"]),
                            password: c.password)
            #expect(r.status == 1, "\(c.args): \(r.stderr)")
            for word in c.says { #expect(r.stderr.contains(word), "\(c.args): stderr lacks \"\(word)\": \(r.stderr)") }
            #expect(!r.stderr.contains("Wr0ng-Guess-77") && !r.stderr.contains(pw) && !r.stderr.contains(PostgresCluster.readerPassword))
            #expect(!FileManager.default.fileExists(atPath: out + "/summary.json"), "\(c.args): files were written")
            #expect(try db.sql("town", schemaCount) == "0\n", "\(c.args): the schema was written")
        }
        #expect(try db.sql("town", "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'other'") == "keep\n")
    }
}

/// A psql session kept open (a transaction that holds its locks until `end`).
final class Session {
    private let psql: Spawned

    init(_ db: PostgresCluster, _ sql: String) throws {
        psql = try Spawned("\(PostgresCluster.bin!)/psql", ["-X", "-q", "-d", "\(db.socketConnection) dbname=town"], stdin: true)
        psql.write(sql + "\n")
    }

    func end() {
        guard psql.exit == nil else { return }
        psql.write("ROLLBACK;\n\\q\n")
        psql.closeInput()
        psql.wait(timeout: 30)
    }
}

/// Waits (up to 2 minutes) until the query returns a count above 0.
func waitFor(_ db: PostgresCluster, _ query: String) throws {
    let end = Date().addingTimeInterval(120)
    while Date() < end {
        if let n = Int(try db.sql("town", query).trimmingCharacters(in: .whitespacesAndNewlines)), n > 0 { return }
        usleep(100_000)
    }
    throw ClusterError(message: "timed out waiting for: \(query)")
}
