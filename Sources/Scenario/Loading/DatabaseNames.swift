import GeoKit

/// Layers given as database connections are named (see `DatabaseSources`) as soon as the options are
/// read: from then on only the name, which holds no password, is passed around and printed.
extension FlagOptions {
    public mutating func nameDatabases() throws {
        let layers = inputs.layers
        func name(_ text: String?, _ role: LayerRole?, _ what: String) throws -> String? {
            guard let text else { return nil }
            do { return try DatabaseSources.shared.name(text, table: role.flatMap { layers[$0]?.layer }) } catch let e as GeoError {
                throw InputError("\(what): \(e.message)")
            }
        }
        inputs.communities = try name(inputs.communities, .communities, "communities") ?? inputs.communities
        inputs.facilities = try name(inputs.facilities, .facilities, "facilities")
        inputs.streets = try name(inputs.streets, .streets, "streets")
        inputs.populationTable = try name(inputs.populationTable, nil, "population")
        roads = try name(roads, .roads, "roads")
        if var db = database {
            db.connection = try name(db.connection, nil, "--out-db") ?? db.connection
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
        do {
            candidates = try DatabaseSources.shared.name(candidates, table: flag.inputs.layers[.candidates]?.layer)
            odMatrix = try odMatrix.map { try DatabaseSources.shared.name($0) }
            for k in exclusions.indices {
                exclusions[k].layer = try DatabaseSources.shared.name(exclusions[k].layer, table: exclusions[k].layerOptions?.layer)
            }
        } catch let e as GeoError {
            throw InputError("candidates, OD matrix or exclusions: \(e.message)")
        }
    }
}

extension PriorityCheckOptions {
    public mutating func nameDatabases() throws {
        try site.nameDatabases()
        do { list = try DatabaseSources.shared.name(list, table: site.flag.inputs.layers[.list]?.layer) } catch let e as GeoError {
            throw InputError("--list: \(e.message)")
        }
    }
}
