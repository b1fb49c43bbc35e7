import ArgumentParser
import Foundation
import Scenario

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario file: flag, site and the report in one go.",
        discussion: """
        The scenario (YAML, docs/scenarios.md) names the layers, the standard, the objective, hazard \
        exclusions and the output folder; paths are relative to the file. Writes everything `site` \
        writes plus streets.csv, report.html and a copy of the scenario.

        Example:
          caresite run scenarios/baseline-2025.yaml
          caresite run scenarios/budget.yaml --out out/budget-v2
          caresite run scenarios/baseline-2025.yaml --out out/baseline-gpkg --format gpkg
          caresite run scenarios/baseline-2025.yaml --out-db "postgresql://planner@db.bureau/county" --out-schema plan_2025
        """)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: ArgumentHelp("Output folder instead of the scenario's outputs.folder.", valueName: "dir"))
    var out: String?

    @Option(help: "Output format instead of the scenario's outputs.format: geojson (a file per layer) or gpkg (one caresite.gpkg, styled for QGIS).")
    var format: OutputFormat?

    @OptionGroup(title: "PostGIS output (instead of the scenario's outputs.postgis)") var database: DatabaseOutputArguments

    @Flag(help: "Print summary.json to stdout instead of the readable summary.")
    var json = false

    @Flag(help: "No progress lines on stderr.")
    var quiet = false

    func run() throws {
        var progress: (@Sendable (String) -> Void)?
        if !quiet { progress = { line in FileHandle.standardError.write(Data("caresite: \(line)\n".utf8)) } }
        do {
            let result = try ScenarioRun.run(path: scenario, out: out, format: format, database: database.output, progress: progress)
            printWarnings(result.json)
            print(json ? result.json.pretty : result.text, terminator: "")
        } catch {
            throw fail(error)
        }
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two output folders of `site` or `run` side by side.",
        discussion: """
        Example:
          caresite compare out/baseline-2025 out/target-2030
        """)

    @Argument(help: "First output folder.") var a: String
    @Argument(help: "Second output folder.") var b: String

    @Flag(help: "Print the comparison as JSON.")
    var json = false

    func run() throws {
        do {
            let c = try Comparison(a, b)
            print(json ? c.json.pretty : c.text, terminator: "")
        } catch {
            throw fail(error)
        }
    }
}
