import ArgumentParser
import Scenario

/// The input options `flag` and `site` share.
struct InputArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Residential areas: polygons or points (GeoJSON, GeoPackage, Shapefile, CSV).", valueName: "file"))
    var communities: String

    @Option(help: ArgumentHelp("Existing care facilities: points or polygons with a capacity in places.", valueName: "file"))
    var facilities: String?

    @Option(help: ArgumentHelp("Population table (CSV: id and population columns), joined on --join-field.", valueName: "csv"))
    var population: String?

    @Option(help: ArgumentHelp("Communities field that matches the table's id column (default: --id-field).", valueName: "field"))
    var joinField: String?

    @Option(help: ArgumentHelp("Street (街道) boundary polygons; a community's street is the one holding its point.", valueName: "file"))
    var streets: String?

    @Option(help: ArgumentHelp("Name field of the streets layer (default: name).", valueName: "field"))
    var streetNameField: String?

    @Option(help: ArgumentHelp("Id field of the communities, and of other layers that have it (default: id; feature numbers when absent).", valueName: "field"))
    var idField: String?

    @Option(help: ArgumentHelp("Name field of the communities, and of other layers that have it (default: name).", valueName: "field"))
    var nameField: String?

    @Option(help: ArgumentHelp("Population field of the communities, or column of the table (default: population).", valueName: "field"))
    var populationField: String?

    @Option(help: ArgumentHelp("Status field: new/old, 新建/新, 老旧/老/既有/已建成 (default: status; unknown when absent).", valueName: "field"))
    var statusField: String?

    @Option(help: ArgumentHelp("Year-built field; with --new-since, sets the status instead of --status-field.", valueName: "field"))
    var builtYearField: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Built in this year or later → new.", valueName: "year"))
    var newSince: Int?

    @Option(help: ArgumentHelp("Street field of the communities (and facilities) (default: street).", valueName: "field"))
    var streetField: String?

    @Option(help: ArgumentHelp("Capacity field of the facilities, in places (default: capacity).", valueName: "field"))
    var capacityField: String?

    @Option(help: ArgumentHelp("Communities field with each one's own service radius in metres (empty: --radius), e.g. 1000 for rural villages.", valueName: "field"))
    var radiusField: String?

    @Option(help: ArgumentHelp("CRS of files that declare none, and of GeoJSON: EPSG:4326, EPSG:4549, gcj02 (AMap, Tencent), bd09 (Baidu), local:m or local:km (a local grid).", valueName: "crs"))
    var crs: String?

    @Option(help: ArgumentHelp("CRS to measure distances in (metres). Default: the data's own if projected; in China the CGCS2000 Gauss-Kruger zone of its centre (EPSG:4534-4554); elsewhere its UTM zone.", valueName: "crs"))
    var metricCrs: String?

    @Option(help: ArgumentHelp("Text encoding of every input whose own is not given (e.g. GBK). Default: as the file declares, else UTF-8, else GBK with a warning.", valueName: "name"))
    var encoding: String?

    @OptionGroup(title: "Communities layer") var communitiesLayer: LayerArguments<CommunitiesLayer>
    @OptionGroup(title: "Facilities layer") var facilitiesLayer: LayerArguments<FacilitiesLayer>
    @OptionGroup(title: "Streets layer") var streetsLayer: LayerArguments<StreetsLayer>
    @OptionGroup(title: "Roads layer") var roadsLayer: LayerArguments<RoadsLayer>

    var options: InputOptions {
        var o = InputOptions(communities: communities)
        o.facilities = facilities
        o.populationTable = population
        o.joinField = joinField
        o.streets = streets
        o.streetNameField = .pick(streetNameField, default: "name")
        o.idField = .pick(idField, default: "id")
        o.nameField = .pick(nameField, default: "name")
        o.populationField = .pick(populationField, default: "population")
        o.statusField = .pick(statusField, default: "status")
        o.streetField = .pick(streetField, default: "street")
        o.capacityField = .pick(capacityField, default: "capacity")
        o.builtYearField = builtYearField
        o.radiusField = radiusField
        o.newSince = newSince
        o.crs = crs
        o.metricCRS = metricCrs
        o.encoding = encoding
        communitiesLayer.apply(to: &o)
        facilitiesLayer.apply(to: &o)
        streetsLayer.apply(to: &o)
        roadsLayer.apply(to: &o)
        return o
    }
}

extension OutputFormat: ExpressibleByArgument {}
