import GeoKit

/// Layers given as database connections are named (see `DatabaseSources`) as soon as the options are
/// read: from then on only the name, which holds no password, is passed around and printed.
/// `what` names the option in a message about a connection that cannot be read.
func databaseName(_ text: String?, table: String?, what: String) throws -> String? {
    guard let text else { return nil }
    do { return try DatabaseSources.shared.name(text, table: table) } catch let e as GeoError {
        throw InputError("\(what): \(e.message)")
    }
}

extension FlagOptions {
    public mutating func nameDatabases() throws {
        let layers = inputs.layers
        let table = { (role: LayerRole) in layers[role]?.layer }
        inputs.communities = try databaseName(inputs.communities, table: table(.communities), what: "communities") ?? inputs.communities
        inputs.facilities = try databaseName(inputs.facilities, table: table(.facilities), what: "facilities")
        inputs.streets = try databaseName(inputs.streets, table: table(.streets), what: "streets")
        inputs.populationTable = try databaseName(inputs.populationTable, table: nil, what: "population")
        roads = try databaseName(roads, table: table(.roads), what: "roads")
        if var db = database {
            db.connection = try databaseName(db.connection, table: nil, what: "--out-db") ?? db.connection
            guard DatabaseSources.shared.isDatabase(db.connection) else {
                throw InputError("--out-db \(db.connection): not a database connection; give PG:host=… dbname=… or postgresql://user@host/db")
            }
            database = db
        }
    }
}

extension SiteOptions {
    public mutating func nameDatabases() throws {
        try flag.nameDatabases()
        candidates = try databaseName(candidates, table: flag.inputs.layers[.candidates]?.layer, what: "candidates") ?? candidates
        odMatrix = try databaseName(odMatrix, table: nil, what: "OD matrix")
        for k in exclusions.indices {
            exclusions[k].layer = try databaseName(exclusions[k].layer, table: exclusions[k].layerOptions?.layer,
                                                   what: "exclusions[\(k + 1)]") ?? exclusions[k].layer
        }
    }
}

extension PriorityCheckOptions {
    public mutating func nameDatabases() throws {
        try site.nameDatabases()
        list = try databaseName(list, table: site.flag.inputs.layers[.list]?.layer, what: "--list") ?? list
    }
}
