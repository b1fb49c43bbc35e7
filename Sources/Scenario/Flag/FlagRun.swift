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

    /// Loads and assesses (no files written).
    public init(_ options: FlagOptions, log: RunLog = RunLog()) throws {
        guard options.standard.radiusM > 0, options.standard.radiusM.isFinite else {
            throw InputError("--radius must be a positive number of metres (got \(options.standard.radiusM))")
        }
        guard options.standard.placesPer1000 >= 0, options.standard.placesPer1000.isFinite else {
            throw InputError("--places-per-1000 must be zero or more (got \(options.standard.placesPer1000))")
        }
        let inputs = try Inputs(options.inputs, log: log)
        guard options.distance == .network else {
            self.init(options: options, inputs: inputs,
                      coverage: try Coverage.compute(communities: inputs.communities, sites: inputs.facilities.map(\.point),
                                                     radiusM: options.standard.radiusM, measure: options.measure, context: inputs.context))
            return
        }
        let net = NetworkDistances(network: try loadRoads(options, inputs: inputs), inputs: inputs, maxSnap: options.maxSnapM)
        let rows = net.rows(sites: inputs.facilities.map(\.point), ids: inputs.facilities.map(\.id), what: "facilities",
                            limit: max(5000, 10 * options.standard.radiusM), log: log)
        if let path = options.odMatrixOut {
            try writeODMatrix(path, communities: inputs.communities.map(\.id), destinations: [(inputs.facilities.map(\.id), rows)])
        }
        self.init(options: options, inputs: inputs, coverage: .fromRows(rows, radius: options.standard.radiusM), alongRoads: true)
    }

    /// From inputs already loaded and coverage measured elsewhere (along roads, or an OD matrix).
    init(options: FlagOptions, inputs: Inputs, coverage: Coverage, alongRoads: Bool = false) {
        self.options = options
        self.inputs = inputs
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
        var folder = try OutputFolder(options.out, inputs: inputs.files.map(\.path))
        let communities = CommunityTable.layer(self)
        let streetLayer = StreetTable.layer(streets, standard: options.standard)
        switch options.format {
        case .geojson:
            try folder.writeGeoJSON(communities, to: "communities.geojson")
            try folder.write(StreetTable.csv(streetLayer), to: "streets.csv")
            try folder.writeSpreadsheet(streetLayer, to: "streets.xlsx")
        case .gpkg:
            try folder.writeGeoPackage([communities, streetLayer], to: "caresite.gpkg", crs: inputs.outputCRS)
        }
        let outputs = folder.written.map { ($0 as String) } + [folder.file("summary.json")]
        let summary = try FlagSummary(self, outputs: outputs)
        try folder.write(summary.json.pretty, to: "summary.json")
        return summary
    }
}
