import ArgumentParser
import Planning
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
        """)

    @OptionGroup var input: InputArguments
    @OptionGroup var distanceOptions: DistanceArguments

    @Option(name: [.customLong("radius"), .customLong("radius-m")],
            help: ArgumentHelp("Service radius in metres.", valueName: "m"))
    var radius: Double = PlanningStandard.national2025.radiusM

    @Option(name: .customLong("places-per-1000"), help: ArgumentHelp("Target places per 1,000 residents.", valueName: "n"))
    var placesPer1000: Double = PlanningStandard.national2025.placesPer1000

    @Option(help: "Measure to the community's point (point) or to its polygon (boundary).")
    var measure: CoverageMeasure = .point

    @Option(help: ArgumentHelp("Output folder (created if needed).", valueName: "dir"))
    var out: String

    @Option(help: "Output format: geojson (communities.geojson + streets.csv) or gpkg (caresite.gpkg).")
    var format: OutputFormat = .geojson

    @Flag(help: "Print summary.json to stdout instead of the readable summary.")
    var json = false

    func run() throws {
        var options = FlagOptions(inputs: input.options, out: out)
        options.standard = PlanningStandard(placesPer1000: placesPer1000, radiusM: radius)
        options.measure = measure
        options.format = format
        try distanceOptions.apply(to: &options)
        do {
            let summary = try FlagRun(options).write()
            print(json ? summary.json.pretty : summary.text, terminator: "")
        } catch {
            throw fail(error)
        }
    }
}

extension CoverageMeasure: ExpressibleByArgument {}
