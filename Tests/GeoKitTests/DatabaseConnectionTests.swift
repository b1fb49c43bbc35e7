import Testing
@testable import GeoKit

/// Connections parsed the way libpq reads them, and shown without their password.
@Suite struct DatabaseConnectionTests {
    @Test func keyValuePairsWithQuotesAndSpaces() throws {
        let c = try DatabaseConnection("PG:host=db.bureau port = 5433 dbname='county plan' user=planner password='it\\'s s3cret'")
        #expect(c.value("dbname") == "county plan")
        #expect(c.value("port") == "5433")
        #expect(c.value("password") == "it's s3cret")
        #expect(c.display == "PG:host=db.bureau port=5433 dbname='county plan' user=planner")
        #expect(c.target == "host db.bureau, port 5433, database county plan, user planner")
        #expect(c.gdalName.contains("password='it\\'s s3cret'") && c.gdalName.hasSuffix("application_name=caresite"))
        #expect(c.scrub("failed for it's s3cret") == "failed for ********")
    }

    @Test func urlsWithPasswordPortAndParameters() throws {
        let c = try DatabaseConnection("postgresql://planner:p%40ss@[::1]:6543/town?sslmode=require&password=other")
        #expect(c.value("user") == "planner")
        #expect(c.value("host") == "::1")
        #expect(c.value("port") == "6543")
        #expect(c.value("dbname") == "town")
        #expect(c.value("sslmode") == "require")
        #expect(c.display == "postgresql://planner@[::1]:6543/town?sslmode=require")
        #expect(!c.display.contains("p%40ss") && !c.display.contains("other"))
        let bare = try DatabaseConnection("postgres://localhost")
        #expect(bare.display == "postgres://localhost" && bare.value("host") == "localhost" && bare.value("dbname") == nil)
    }

    @Test func malformedConnectionsSayWhyWithoutTheirText() throws {
        let cases = ["PG:host=db password=abc def", "PG:host='unclosed", "postgresql://u:secret/db", "postgresql://u:%zz@h/db"]
        for text in cases {
            #expect(throws: GeoError.self) { try DatabaseConnection(text) }
            do { _ = try DatabaseConnection(text) } catch let e as GeoError {
                for secret in ["def", "secret", "%zz"] where text.contains(secret) {
                    #expect(!e.message.contains(secret), "\(text): \(e.message)")
                }
            }
        }
        #expect(DatabaseConnection.isConnection("pg:dbname=x") && DatabaseConnection.isConnection("POSTGRESQL://h/db"))
        #expect(!DatabaseConnection.isConnection("geodata/pg.geojson"))
    }

    @Test func namesHoldTheTableAndNoPassword() throws {
        let sources = DatabaseSources()
        let name = try sources.name("postgresql://planner:Sup3r@h/town", table: "public.communities")
        #expect(name == "postgresql://planner@h/town, table public.communities")
        #expect(try sources.name(name, table: "public.communities") == name)
        #expect(sources.isDatabase(name) && !sources.isDatabase("a.geojson"))
        #expect(sources.location(of: name)?.schema == "public" && sources.location(of: name)?.table == "communities")
        #expect(sources.scrub("password Sup3r") == "password ********")
        #expect(try sources.name("PG:dbname=town tables=streets") == "PG:dbname=town tables=streets, table streets")
        #expect(try sources.name("data/x.shp") == "data/x.shp")
    }
}
