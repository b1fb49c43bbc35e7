import ArgumentParser
import Foundation
import Scenario

struct PriorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priority",
        abstract: "Work with allocation priority lists of parcels for care facilities.",
        subcommands: [PriorityCheckCommand.self])
}

struct PriorityCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a list of parcels in priority order: gain, redundancy, exclusions, and better choices.",
        discussion: """
        For each parcel in the list's order: the population and required places it newly covers, the \
        lacking communities it serves, its cumulative coverage, and a verdict (keep, move up, move down, \
        replace, drop) with the reason. Then the list against the best choice of as many parcels, the swaps \
        that gain, and an order that front-loads coverage. Writes priority_check.csv, \
        priority_check.geojson and priority_check_summary.json into --out.

        Example:
          caresite priority check --list parcels-2026.csv \\
                   --communities geodata/town/communities.geojson \\
                   --facilities geodata/town/nurseries.geojson \\
                   --candidates geodata/town/candidates.geojson --out out/check
        """)

    @OptionGroup var input: InputArguments
    @OptionGroup var distanceOptions: DistanceArguments
    @OptionGroup var standard: StandardArguments

    @Option(help: ArgumentHelp("The list: CSV with id (and rank), or a layer with a rank field.", valueName: "file"))
    var list: String

    @Option(help: ArgumentHelp("Rank field of the list (default: rank; file order when absent).", valueName: "field"))
    var rankField: String?

    @Option(help: ArgumentHelp("Candidate sites the list's ids refer to.", valueName: "file"))
    var candidates: String

    @OptionGroup(title: "Candidates layer") var candidatesLayer: LayerArguments<CandidatesLayer>
    @OptionGroup(title: "List") var listLayer: LayerArguments<ListLayer>
    @OptionGroup(title: "OD matrix") var od: ODArguments

    @Option(help: ArgumentHelp("Kind field of the candidates (default: kind).", valueName: "field"))
    var kindField: String?

    @Option(help: ArgumentHelp("Cost field of the candidates (default: cost).", valueName: "field"))
    var costField: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("A parcel adding less than this % of the gain of those above it is redundant.", valueName: "%"))
    var minGain: Double = OptionDefaults.minGainPercent

    @Option(parsing: .unconditional, help: ArgumentHelp("Parcels past this cumulative cost are infeasible.", valueName: "amount"))
    var budget: Double?

    @Option(help: "What covering a community is worth: population | required_places | lacking")
    var weight: SiteWeight = .population

    @Option(help: ArgumentHelp("Travel costs (CSV origin_id,destination_id,cost) replacing straight lines; the radius is then in its unit.", valueName: "csv"))
    var odMatrix: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds for finding the best choice to compare with.", valueName: "s"))
    var timeLimit: Double = OptionDefaults.timeLimit

    @Option(help: ArgumentHelp("Output folder (created if needed).", valueName: "dir"))
    var out: String

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @OptionGroup(title: "PostGIS output") var database: DatabaseOutputArguments

    func options() throws -> PriorityCheckOptions {
        var inputs = input.options
        candidatesLayer.apply(to: &inputs)
        listLayer.apply(to: &inputs)
        od.apply(to: &inputs)
        var flag = FlagOptions(inputs: inputs, out: out)
        flag.standard = standard.standard
        try distanceOptions.apply(to: &flag)
        var site = SiteOptions(flag: flag, candidates: candidates)
        site.kindField = .pick(kindField, default: "kind")
        site.costField = .pick(costField, default: "cost")
        site.budget = budget
        site.weight = weight
        site.odMatrix = odMatrix
        site.timeLimit = timeLimit
        var options = PriorityCheckOptions(site: site, list: list)
        options.rankField = .pick(rankField, default: "rank")
        options.minGainPercent = minGain
        options.site.flag.database = database.output
        try validated { try options.nameDatabases() }
        return options
    }

    func validate() throws { try validated { try options().validate() } }

    func run() throws {
        let options = try options()
        do {
            let check = try PriorityCheck(options)
            printWarnings(check.json)
            let written = try check.write()
            print(json ? check.json.pretty : check.text + "wrote \(written.joined(separator: ", "))\n", terminator: "")
        } catch {
            throw fail(error)
        }
    }
}
