import Planning

public enum OutputFormat: String, Sendable, CaseIterable {
    /// communities.geojson + streets.csv + summary.json
    case geojson
    /// caresite.gpkg (all layers) + summary.json
    case gpkg
}

/// How distances are measured.
public enum DistanceMode: String, Sendable, CaseIterable {
    case straight
    /// Walking along a road layer (`roads`).
    case network
}

public struct FlagOptions: Sendable {
    public var inputs: InputOptions
    public var standard = PlanningStandard.national2025
    public var measure = CoverageMeasure.point
    public var distance = DistanceMode.straight
    /// Road lines for network distance.
    public var roads: String?
    /// "FIELD=VALUE" keeps only those roads, "FIELD!=VALUE" leaves those out.
    public var roadsFilter: String?
    /// Points farther from every road are unreachable.
    public var maxSnapM = OptionDefaults.maxSnapM
    /// Writes the computed network distances as an OD matrix (origin_id,destination_id,cost).
    public var odMatrixOut: String?
    public var out: String
    public var format = OutputFormat.geojson
    /// Also write the tables into a PostGIS schema.
    public var database: DatabaseOutput?

    public init(inputs: InputOptions, out: String) {
        self.inputs = inputs
        self.out = out
    }
}
