import ArgumentParser
import Planning
import Scenario

/// How distances are measured, shared by flag, site and priority check.
struct DistanceArguments: ParsableArguments {
    @Option(help: "Measure to the community's point (point) or to its polygon (boundary).")
    var measure: CoverageMeasure = .point

    @Option(help: "straight (line in the metric CRS) or network (walking along --roads).")
    var distance: DistanceMode = .straight

    @Option(help: ArgumentHelp("Road or path lines (GeoJSON, GeoPackage, Shapefile) for --distance network.", valueName: "file"))
    var roads: String?

    @Option(help: ArgumentHelp("Keep roads with FIELD=VALUE, or leave out FIELD!=VALUE (e.g. highway!=motorway).", valueName: "filter"))
    var roadsFilter: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Points farther than this from any road are unreachable (metres).", valueName: "m"))
    var maxSnapM: Double = OptionDefaults.maxSnapM

    @Option(help: ArgumentHelp("Write the network distances computed as an OD matrix CSV for reuse.", valueName: "csv"))
    var odMatrixOut: String?

    func apply(to flag: inout FlagOptions) throws {
        if distance == .network && roads == nil { throw ValidationError("--distance network needs --roads FILE") }
        if roads != nil && distance == .straight { throw ValidationError("--roads is used with --distance network") }
        flag.measure = measure
        flag.distance = distance
        flag.roads = roads
        flag.roadsFilter = roadsFilter
        flag.maxSnapM = maxSnapM
        flag.odMatrixOut = odMatrixOut
    }
}

extension DistanceMode: ExpressibleByArgument {}
extension CoverageMeasure: ExpressibleByArgument {}

/// The planning standard: radius and places per 1,000, shared by flag, site and priority check.
struct StandardArguments: ParsableArguments {
    @Option(name: [.customLong("radius"), .customLong("radius-m")], parsing: .unconditional,
            help: ArgumentHelp("Service radius in metres.", valueName: "m"))
    var radius: Double = PlanningStandard.national2025.radiusM

    @Option(name: .customLong("places-per-1000"), parsing: .unconditional, help: ArgumentHelp("Target places per 1,000 residents.", valueName: "n"))
    var placesPer1000: Double = PlanningStandard.national2025.placesPer1000

    var standard: PlanningStandard { PlanningStandard(placesPer1000: placesPer1000, radiusM: radius) }
}
