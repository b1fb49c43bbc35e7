import GeoKit
import Planning

/// `caresite flag`: which communities lack care, and where each street stands against the targets.
public struct FlagRun {
    public let options: FlagOptions
    public let inputs: Inputs
    public let assessment: Assessment
    public let streets: [StreetSummary]

    /// Loads and assesses (no files written).
    public init(_ options: FlagOptions, log: RunLog = RunLog()) throws {
        guard options.standard.radiusM > 0, options.standard.radiusM.isFinite else {
            throw InputError("--radius must be a positive number of metres (got \(options.standard.radiusM))")
        }
        guard options.standard.placesPer1000 >= 0, options.standard.placesPer1000.isFinite else {
            throw InputError("--places-per-1000 must be zero or more (got \(options.standard.placesPer1000))")
        }
        self.options = options
        inputs = try Inputs(options.inputs, log: log)
        assessment = try Assessment(communities: inputs.communities, facilities: inputs.facilities,
                                    standard: options.standard, measure: options.measure, context: inputs.context)
        streets = StreetRollup.make(communities: inputs.communities, assessment: assessment, facilities: inputs.facilities)
    }

    /// From inputs already loaded and coverage measured elsewhere (an OD matrix).
    init(options: FlagOptions, inputs: Inputs, coverage: Coverage) {
        self.options = options
        self.inputs = inputs
        assessment = Assessment(communities: inputs.communities, facilities: inputs.facilities,
                                standard: options.standard, coverage: coverage)
        streets = StreetRollup.make(communities: inputs.communities, assessment: assessment, facilities: inputs.facilities)
    }

    /// Writes the outputs into `options.out`; returns the summary.
    @discardableResult
    public func write() throws -> FlagSummary {
        var folder = try OutputFolder(options.out, inputs: inputs.files.map(\.path))
        let communities = CommunityTable.layer(inputs, assessment)
        let streetLayer = StreetTable.layer(streets, standard: options.standard)
        switch options.format {
        case .geojson:
            try folder.writeGeoJSON(communities, to: "communities.geojson")
            try folder.write(StreetTable.csv(streetLayer), to: "streets.csv")
        case .gpkg:
            try folder.writeGeoPackage([communities, streetLayer], to: "caresite.gpkg")
        }
        let outputs = folder.written.map { ($0 as String) } + [folder.file("summary.json")]
        let summary = try FlagSummary(self, outputs: outputs)
        try folder.write(summary.json.pretty, to: "summary.json")
        return summary
    }
}
