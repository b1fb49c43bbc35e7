import ArgumentParser
import Scenario

/// Names one layer for its option group.
protocol LayerName { static var role: LayerRole { get } }
enum CommunitiesLayer: LayerName { static let role = LayerRole.communities }
enum FacilitiesLayer: LayerName { static let role = LayerRole.facilities }
enum CandidatesLayer: LayerName { static let role = LayerRole.candidates }
enum StreetsLayer: LayerName { static let role = LayerRole.streets }
enum RoadsLayer: LayerName { static let role = LayerRole.roads }
enum ListLayer: LayerName { static let role = LayerRole.list }

/// The same options for every layer: `--<layer>-id-field`, `-name-field`, `-crs`, `-encoding` and, for
/// point layers, `-x-field`/`-y-field`. Unset, the run-wide options (--id-field, --crs, …) apply.
struct LayerArguments<L: LayerName>: ParsableArguments {
    @Option(name: .customLong("\(L.role.rawValue)-id-field"),
            help: ArgumentHelp("Id field of the \(L.role.rawValue) layer.", valueName: "field"))
    var idField: String?

    @Option(name: .customLong("\(L.role.rawValue)-name-field"),
            help: ArgumentHelp("Name field of the \(L.role.rawValue) layer.", valueName: "field"))
    var nameField: String?

    @Option(name: .customLong("\(L.role.rawValue)-crs"),
            help: ArgumentHelp("CRS of the \(L.role.rawValue) layer (overrides the file's): EPSG:…, gcj02, bd09, local:m.", valueName: "crs"))
    var crs: String?

    @Option(name: .customLong("\(L.role.rawValue)-encoding"),
            help: ArgumentHelp("Text encoding of the \(L.role.rawValue) layer, e.g. GBK.", valueName: "name"))
    var encoding: String?

    @Option(name: .customLong("\(L.role.rawValue)-x-field"),
            help: ArgumentHelp("Longitude / x column of a \(L.role.rawValue) table (CSV, XLSX).", valueName: "column",
                               visibility: L.role.mayBePointTable ? .default : .private))
    var xField: String?

    @Option(name: .customLong("\(L.role.rawValue)-y-field"),
            help: ArgumentHelp("Latitude / y column of a \(L.role.rawValue) table (CSV, XLSX).", valueName: "column",
                               visibility: L.role.mayBePointTable ? .default : .private))
    var yField: String?

    @Option(name: .customLong("\(L.role.rawValue)-layer"),
            help: ArgumentHelp("Layer of a file holding several (GeoPackage), or table or view of a PostGIS database given as PG:… or postgresql://….", valueName: "name"))
    var layer: String?

    func validate() throws {
        if !L.role.mayBePointTable, xField != nil || yField != nil {
            throw ValidationError("--\(L.role.rawValue)-x-field/-y-field: the \(L.role.rawValue) layer is not a point table")
        }
    }

    func apply(to options: inout InputOptions) {
        var o = LayerOptions()
        o.idField = idField
        o.nameField = nameField
        o.crs = crs
        o.encoding = encoding
        o.xField = xField
        o.yField = yField
        o.layer = layer
        if o != LayerOptions() { options.layers[L.role] = o }
    }
}

/// How to read `--od-matrix`.
struct ODArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Column of the OD matrix holding origin ids (default: origin_id, origin, from, …).", valueName: "column"))
    var odOriginField: String?

    @Option(help: ArgumentHelp("Column holding destination ids (default: destination_id, destination, to, …).", valueName: "column"))
    var odDestinationField: String?

    @Option(help: ArgumentHelp("Column holding the cost (default: cost, distance, total_length, time, …).", valueName: "column"))
    var odCostField: String?

    @Option(help: ArgumentHelp("Unit of the costs: m (metres) or min (minutes); the radius is in it. Default: min when the cost column says time, else m.", valueName: "unit"))
    var odUnit: ODUnit?

    func apply(to options: inout InputOptions) {
        options.od.originField = odOriginField
        options.od.destinationField = odDestinationField
        options.od.costField = odCostField
        options.od.unit = odUnit
    }
}

extension ODUnit: ExpressibleByArgument {}

/// `--out-db` and `--out-schema`: the run's tables also go into a PostGIS schema.
struct DatabaseOutputArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Also write the tables into PostgreSQL/PostGIS: PG:host=… dbname=… user=… or postgresql://user@host/db (password from PGPASSWORD or ~/.pgpass; never printed).", valueName: "connection"))
    var outDb: String?

    @Option(help: ArgumentHelp("Schema for --out-db (created if needed); its tables are replaced in one transaction.", valueName: "name"))
    var outSchema: String?

    func validate() throws {
        if outDb != nil && outSchema == nil { throw ValidationError("--out-db needs --out-schema NAME (e.g. --out-schema caresite_results)") }
        if outSchema != nil && outDb == nil { throw ValidationError("--out-schema is used with --out-db CONNECTION") }
    }

    var output: DatabaseOutput? {
        guard let outDb, let outSchema else { return nil }
        return DatabaseOutput(connection: outDb, schema: outSchema)
    }
}
