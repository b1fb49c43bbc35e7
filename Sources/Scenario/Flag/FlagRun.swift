import GeoKit
import Planning

/// `caresite flag`: which communities lack care, and where each street stands against the targets.
public struct FlagRun {
    public let options: FlagOptions
    public let inputs: Inputs
    public let assessment: Assessment
    public let streets: [StreetSummary]

    /// When coverage is measured along roads: the straight-line distance to the facility nearest along
    /// the roads (the tables then give both for that one facility); nil otherwise.
    public let straightNearest: [Double?]?
    /// Some communities have a radius of their own: the communities table then gives each one's.
    let hasOwnRadius: Bool
    /// The network distances as an OD matrix, for `--od-matrix-out` (written with the outputs).
    var odMatrixOut: String?

    /// Loads and assesses (no files written).
    public init(_ options: FlagOptions, log: RunLog = RunLog()) throws {
        var options = options
        try options.nameDatabases()
        try options.validate()
        let inputs = try Inputs(options.inputs, log: log)
        let source = try DistanceSource(options, odMatrix: nil, inputs: inputs)
        let (points, ids) = (inputs.facilities.map(\.point), inputs.facilities.map(\.id))
        let reach = options.standard.reach(for: inputs.communities)
        guard source.alongRoads else {
            self.init(options: options, inputs: inputs, coverage: try source.coverage(facilities: true, points: points, ids: ids, reach: reach))
            return
        }
        let rows = try source.rows(facilities: true, points: points, ids: ids, limit: reach.searchLimit)
        self.init(options: options, inputs: inputs, alongRoads: true, coverage: .fromRows(rows, reach: reach))
        if options.odMatrixOut != nil {
            odMatrixOut = odMatrixText(communities: inputs.communities.map(\.id), destinations: [(ids, rows)])
        }
    }

    /// From inputs already loaded and coverage measured elsewhere (along roads, or an OD matrix).
    init(options: FlagOptions, inputs: Inputs, alongRoads: Bool = false, coverage: Coverage) {
        self.options = options
        self.inputs = inputs
        hasOwnRadius = inputs.communities.contains { $0.radius != nil }
        let assessment = Assessment(communities: inputs.communities, facilities: inputs.facilities,
                                    standard: options.standard, coverage: coverage)
        self.assessment = assessment
        straightNearest = !alongRoads ? nil : zip(inputs.communities, assessment.communities).map { c, a in
            a.nearestFacility.flatMap { c.straightDistance(to: inputs.facilities[$0].point, measure: options.measure) }
        }
        streets = StreetRollup.make(communities: inputs.communities, assessment: assessment, facilities: inputs.facilities)
    }

    /// Writes the outputs into `options.out`; returns the summary.
    @discardableResult
    public func write() throws -> FlagSummary {
        let folder = try OutputFolder(options.out, inputs: options.inputPaths, database: options.database)
        let communities = CommunityTable.layer(self)
        let streetLayer = StreetTable.layer(streets, standard: options.standard)
        let layered = options.format == .gpkg || options.database != nil
        let all = layered ? [communities, GeoPackageLayers.streets(streetLayer, outlines: try StreetOutlines(inputs, dissolve: true)),
                             GeoPackageLayers.facilities(inputs)] : []
        folder.stageDatabase(all, crs: inputs.outputCRS)
        switch options.format {
        case .geojson:
            try folder.writeGeoJSON(communities, to: "communities.geojson")
            try folder.write(StreetTable.csv(streetLayer), to: "streets.csv")
            try folder.writeSpreadsheet(streetLayer, to: "streets.xlsx")
        case .gpkg:
            try folder.writeGeoPackage(GeoPackageLayers.styled(all, flagField: "flag", language: .en), to: "caresite.gpkg", crs: inputs.outputCRS)
        }
        let summary = try FlagSummary(self, outputs: folder.outputs())
        if let path = options.odMatrixOut, let text = odMatrixOut { try folder.writeElsewhere(text, to: path) }
        try folder.write(summary.json.pretty, to: "summary.json")
        try folder.commit(command: "flag", summary: summary.json)
        return summary
    }
}
