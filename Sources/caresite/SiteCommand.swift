import ArgumentParser
import Foundation
import Scenario

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Propose new sites by coverage optimisation, with a bound on how far from optimal they are.",
        discussion: """
        Objectives: coverage (open --p sites or spend --budget to cover the most --weight), cover-all \
        (fewest sites, or least cost with --minimize cost, reaching every community a candidate can \
        reach), distance (p-median: least weight × distance), capacitated-coverage (most required places \
        assigned within capacities). Existing facilities stay open. Writes sites.geojson, \
        communities.geojson, assignments.geojson, priority.csv and summary.json into --out.

        Example:
          caresite site --communities geodata/sample/communities.geojson \\
                        --facilities geodata/sample/facilities.geojson \\
                        --candidates geodata/sample/candidates.geojson \\
                        --objective coverage --p 5 --curve 10 --out out/site
          (add --distance network --roads FILE to measure the walk along roads)

        Constraints (every objective; the bound stays valid with them):
          caresite site ... --objective coverage --p 40 --streets geodata/sample/streets.geojson \\
                        --min-per-street 1 --kind-min kindergarten=12 --must-serve-population 3000
        """)

    @OptionGroup var input: InputArguments
    @OptionGroup var distanceOptions: DistanceArguments
    @OptionGroup var standard: StandardArguments

    @Option(help: ArgumentHelp("Candidate sites: points or polygons with id, kind, capacity and cost.", valueName: "file"))
    var candidates: String

    @OptionGroup(title: "Candidates layer") var candidatesLayer: LayerArguments<CandidatesLayer>
    @OptionGroup(title: "OD matrix") var od: ODArguments

    @Option(help: ArgumentHelp("Kind field of the candidates (default: kind).", valueName: "field"))
    var kindField: String?

    @Option(help: ArgumentHelp("Cost field of the candidates (default: cost).", valueName: "field"))
    var costField: String?

    @Option(help: "coverage | cover-all | distance | capacitated-coverage")
    var objective: SiteObjective = .coverage

    @Option(parsing: .unconditional, help: ArgumentHelp("Number of new sites to open.", valueName: "n"))
    var p: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Total cost the new sites may take (coverage objectives).", valueName: "amount"))
    var budget: Double?

    @Option(help: "What covering a community is worth: population | required_places | lacking")
    var weight: SiteWeight = .population

    @Option(name: .customLong("minimize"), help: "cover-all: minimise the number of sites or their total cost (sites | cost)")
    var minimise: CoverAllMinimise = .sites

    @Option(help: ArgumentHelp("Travel costs (CSV origin_id,destination_id,cost) replacing straight lines; the radius is then in its unit.", valueName: "csv"))
    var odMatrix: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("distance objective on large instances: ignore pairs farther apart (metres).", valueName: "m"))
    var maxDistance: Double?

    @Option(parsing: .unconditional, help: ArgumentHelp("Also write coverage_curve.csv: best covered weight for p = 1...P.", valueName: "P"))
    var curve: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds the solver may take; it returns its best answer and bound when time runs out.", valueName: "s"))
    var timeLimit: Double = OptionDefaults.timeLimit

    @Option(parsing: .unconditional, help: ArgumentHelp("Stop once the answer is certified within this many percent of the bound; 0 insists on proving optimality.", valueName: "%"))
    var gapTolerance: Double = OptionDefaults.gapTolerance

    @OptionGroup(title: "Constraints") var constraints: ConstraintArguments

    @Option(help: ArgumentHelp("Output folder (created if needed).", valueName: "dir"))
    var out: String

    @Option(help: "Output format: geojson or gpkg (caresite.gpkg with every layer).")
    var format: OutputFormat = .geojson

    @Flag(help: "Print summary.json to stdout instead of the readable summary.")
    var json = false

    @Flag(help: "No progress lines on stderr.")
    var quiet = false

    @OptionGroup(title: "PostGIS output") var database: DatabaseOutputArguments

    func options() throws -> SiteOptions {
        var inputs = input.options
        candidatesLayer.apply(to: &inputs)
        od.apply(to: &inputs)
        var flag = FlagOptions(inputs: inputs, out: out)
        flag.standard = standard.standard
        flag.format = format
        try distanceOptions.apply(to: &flag)
        var options = SiteOptions(flag: flag, candidates: candidates)
        options.kindField = .pick(kindField, default: "kind")
        options.costField = .pick(costField, default: "cost")
        options.objective = objective
        options.p = p
        options.budget = budget
        options.weight = weight
        options.minimise = minimise
        options.odMatrix = odMatrix
        options.maxDistance = maxDistance
        options.curve = curve
        options.timeLimit = timeLimit
        options.gapTolerance = gapTolerance
        options.constraints = try constraints.constraints()
        options.flag.database = database.output
        try validated { try options.nameDatabases() }
        return options
    }

    func validate() throws { try validated { try options().validate() } }

    func run() throws {
        var options = try options()
        if !quiet { options.progress = { line in FileHandle.standardError.write(Data("caresite: \(line)\n".utf8)) } }
        do {
            let result = try SiteRun(options).write()
            printWarnings(result.json)
            print(json ? result.json.pretty : result.text, terminator: "")
        } catch {
            throw fail(error)
        }
    }
}

extension SiteObjective: ExpressibleByArgument {}
extension SiteWeight: ExpressibleByArgument {}
extension CoverAllMinimise: ExpressibleByArgument {}
