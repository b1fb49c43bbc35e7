import Planning

public enum OutputFormat: String, Sendable, CaseIterable {
    /// communities.geojson + streets.csv + summary.json
    case geojson
    /// caresite.gpkg (all layers) + summary.json
    case gpkg
}

public struct FlagOptions: Sendable {
    public var inputs: InputOptions
    public var standard = PlanningStandard.national2025
    public var measure = CoverageMeasure.point
    public var out: String
    public var format = OutputFormat.geojson

    public init(inputs: InputOptions, out: String) {
        self.inputs = inputs
        self.out = out
    }
}
