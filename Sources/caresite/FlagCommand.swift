import ArgumentParser
import Scenario

struct FlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag",
        abstract: "Flag communities that lack care and roll the numbers up per street.",
        discussion: """
        A facility serves a community when it lies within --radius metres of the community's \
        point-on-surface (or of its polygon with --measure boundary). Places available per place \
        required come from a two-step floating catchment (2SFCA). Writes communities.geojson, \
        streets.csv and summary.json into --out (or caresite.gpkg with --format gpkg).

        Example:
          caresite flag --communities geodata/sample/communities.geojson \\
                        --facilities geodata/sample/facilities.geojson \\
                        --streets geodata/sample/streets.geojson --out out/flag

        Walking along the roads (the demo town's river has two bridges):
          caresite flag --communities geodata/town/communities.geojson \\
                        --facilities geodata/town/nurseries.geojson \\
                        --distance network --roads geodata/town/roads.geojson \\
                        --roads-filter 'highway!=motorway' --out out/flag-walk

        Data as bureaus have it (docs/guide.md, "Data from Chinese sources"): nurseries copied from \
        AMap as a GBK CSV with 经度/纬度 columns, communities in a shapefile without .cpg:
          caresite flag --communities 小区.shp --facilities 托育机构.csv \\
                        --facilities-crs gcj02 --facilities-id-field 编号 --out out/flag

        Layers in PostGIS, results into a schema too (docs/guide.md, "PostGIS"; the password \
        from PGPASSWORD or ~/.pgpass):
          caresite flag --communities "PG:host=db.bureau dbname=county user=planner" \\
                        --communities-layer plan.communities \\
                        --facilities "PG:host=db.bureau dbname=county user=planner" \\
                        --facilities-layer plan.nurseries --out out/flag \\
                        --out-db "PG:host=db.bureau dbname=county user=planner" --out-schema flag_2025
        """)

    @OptionGroup var input: InputArguments
    @OptionGroup var distanceOptions: DistanceArguments
    @OptionGroup var standard: StandardArguments

    @Option(help: ArgumentHelp("Output folder (created if needed).", valueName: "dir"))
    var out: String

    @Option(help: "Output format: geojson (communities.geojson + streets.csv) or gpkg (caresite.gpkg).")
    var format: OutputFormat = .geojson

    @Flag(help: "Print summary.json to stdout instead of the readable summary.")
    var json = false

    @OptionGroup(title: "PostGIS output") var database: DatabaseOutputArguments

    func options() throws -> FlagOptions {
        var options = FlagOptions(inputs: input.options, out: out)
        options.standard = standard.standard
        options.format = format
        options.database = database.output
        try distanceOptions.apply(to: &options)
        try validated { try options.nameDatabases() }
        return options
    }

    func validate() throws { try validated { try options().validate() } }

    func run() throws {
        let options = try options()
        do {
            let summary = try FlagRun(options).write()
            printWarnings(summary.json)
            print(json ? summary.json.pretty : summary.text, terminator: "")
        } catch {
            throw fail(error)
        }
    }
}
