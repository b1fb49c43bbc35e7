import Yams

/// The `inputs:` and `fields:`/`crs:` sections of a scenario: where the layers are and how to read each.
/// A layer is a path (or a database connection), or a mapping with `file:` and its own `id_field`,
/// `name_field`, `crs`, `encoding`, `x_field`, `y_field`, and `layer:` (or `table:`): the layer of a
/// GeoPackage, or the table of a database.
struct ScenarioInputs {
    static let layerKeys = ["file", "id_field", "name_field", "crs", "encoding", "x_field", "y_field", "layer", "table"]
    static let inputKeys = ["communities", "facilities", "candidates", "streets", "population", "join_field",
                            "od_matrix", "roads", "roads_filter"]

    let r: YAMLReader
    let resolve: (String?) -> String?

    /// A layer's path and, when it is a mapping, its own options (stored in `io`).
    func layer(_ node: Node?, _ key: String, role: LayerRole?, into io: inout InputOptions) throws -> String? {
        guard let node else { return nil }
        guard node.mapping != nil else { return resolve(try r.string(node, key)) }
        let m = try r.mapping(node, key, known: Self.layerKeys)
        guard let file = resolve(try r.string(m["file"], "\(key).file")) else { throw r.fail(node, "\(key).file", "missing") }
        let own = try layerOptions(m, key)
        if let role { io.layers[role] = own }
        return file
    }

    /// `layerKey`: `layer:` names the table (not so in an exclusion, where it is the hazard layer itself).
    func layerOptions(_ m: [String: Node], _ key: String, layerKey: Bool = true) throws -> LayerOptions {
        var o = LayerOptions()
        let table = try r.string(m["table"], "\(key).table")
        let layer = layerKey ? try r.string(m["layer"], "\(key).layer") : nil
        if table != nil, layer != nil { throw r.fail(m["table"], "\(key).table", "give layer or table, not both") }
        o.layer = layer ?? table
        o.idField = try r.string(m["id_field"], "\(key).id_field")
        o.nameField = try r.string(m["name_field"], "\(key).name_field")
        o.crs = try r.string(m["crs"], "\(key).crs")
        o.encoding = try r.string(m["encoding"], "\(key).encoding")
        o.xField = try r.string(m["x_field"], "\(key).x_field")
        o.yField = try r.string(m["y_field"], "\(key).y_field")
        return o
    }

    /// The OD matrix: a path, or `{file, origin_field, destination_field, cost_field, unit}`.
    func odMatrix(_ node: Node?, into io: inout InputOptions) throws -> String? {
        guard let node else { return nil }
        guard node.mapping != nil else { return resolve(try r.string(node, "inputs.od_matrix")) }
        let m = try r.mapping(node, "inputs.od_matrix", known: ["file", "origin_field", "destination_field", "cost_field", "unit"])
        guard let file = resolve(try r.string(m["file"], "inputs.od_matrix.file")) else {
            throw r.fail(node, "inputs.od_matrix.file", "missing")
        }
        io.od.originField = try r.string(m["origin_field"], "inputs.od_matrix.origin_field")
        io.od.destinationField = try r.string(m["destination_field"], "inputs.od_matrix.destination_field")
        io.od.costField = try r.string(m["cost_field"], "inputs.od_matrix.cost_field")
        io.od.unit = try r.choice(m["unit"], "inputs.od_matrix.unit", ODUnit.self)
        return file
    }

    /// `inputs:` → the input options, the candidates' path, and (via `site`) the roads and OD matrix.
    func read(_ node: Node) throws -> (io: InputOptions, candidates: String, roads: String?, filter: String?, od: String?) {
        let inputs = try r.mapping(node, "inputs", known: Self.inputKeys)
        var io = InputOptions(communities: "")
        guard let communities = try layer(inputs["communities"], "inputs.communities", role: .communities, into: &io) else {
            throw r.fail(node, "inputs.communities", "missing")
        }
        guard let candidates = try layer(inputs["candidates"], "inputs.candidates", role: .candidates, into: &io) else {
            throw r.fail(node, "inputs.candidates", "missing")
        }
        io.communities = communities
        io.facilities = try layer(inputs["facilities"], "inputs.facilities", role: .facilities, into: &io)
        io.streets = try layer(inputs["streets"], "inputs.streets", role: .streets, into: &io)
        io.populationTable = resolve(try r.string(inputs["population"], "inputs.population"))
        io.joinField = try r.string(inputs["join_field"], "inputs.join_field")
        let roads = try layer(inputs["roads"], "inputs.roads", role: .roads, into: &io)
        let filter = try r.string(inputs["roads_filter"], "inputs.roads_filter")
        let od = try odMatrix(inputs["od_matrix"], into: &io)
        return (io, candidates, roads, filter, od)
    }

    /// `fields:` (run-wide field names) into `io`; returns the candidates' kind and cost fields.
    func fields(_ node: Node?, into io: inout InputOptions) throws -> (kind: FieldChoice, cost: FieldChoice) {
        guard let node else { return (.standard("kind"), .standard("cost")) }
        let m = try r.mapping(node, "fields", known: ["id", "name", "population", "status", "built_year", "street",
                                                      "capacity", "kind", "cost", "street_name"])
        func pick(_ k: String, _ d: String) throws -> FieldChoice { .pick(try r.string(m[k], "fields.\(k)"), default: d) }
        io.idField = try pick("id", "id")
        io.nameField = try pick("name", "name")
        io.populationField = try pick("population", "population")
        io.statusField = try pick("status", "status")
        io.streetField = try pick("street", "street")
        io.capacityField = try pick("capacity", "capacity")
        io.streetNameField = try pick("street_name", "name")
        io.builtYearField = try r.string(m["built_year"], "fields.built_year")
        return (try pick("kind", "kind"), try pick("cost", "cost"))
    }

    /// `crs:` (run-wide CRS, metric CRS, encoding) into `io`.
    func crs(_ node: Node?, into io: inout InputOptions) throws {
        guard let node else { return }
        let m = try r.mapping(node, "crs", known: ["input", "metric", "encoding"])
        io.crs = try r.string(m["input"], "crs.input")
        io.metricCRS = try r.string(m["metric"], "crs.metric")
        io.encoding = try r.string(m["encoding"], "crs.encoding")
    }
}
