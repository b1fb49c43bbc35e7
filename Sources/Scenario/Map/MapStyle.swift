import GeoKit
import Planning

/// The colours of every map the tool draws — report.html and the QGIS styles of the GeoPackage — in one
/// place, so a layer looks the same in both. Okabe–Ito colours: told apart by colour-blind readers.
enum MapStyle {
    /// Fill per community flag, worst first.
    static let flagColours: [(flag: CommunityFlag, colour: String)] = [
        (.newLacking, "#d55e00"), (.oldLacking, "#e69f00"), (.lacking, "#cc79a7"),
        (.underCapacity, "#f0e442"), (.ok, "#009e73"),
    ]
    static let facility = "#0072b2"
    static let site = "#1a1a1a"
    static let circle = "#1a1a1a"
    static let street = "#333333"
    static let assignment = "#555555"
    static let excluded = "#56b4e9"
    static let outline = "#777777"

    /// Coordinates in the report's map are kept to this step (lon/lat: 1e-5° ≈ 1.1 m; local grids: 1 m):
    /// finer than any planning decision, coarse enough to keep a 100k-community map small.
    static let displayStepDegrees = 1e-5
    static let displayStepM = 1.0
    /// Polygons drawn in the report are simplified to within this many steps (≈ 2 m).
    static let displaySimplifySteps = 2.0

    /// The colours for the report's script.
    static var json: JSONValue {
        .object([("facility", .string(facility)), ("site", .string(site)), ("circle", .string(circle)), ("street", .string(street)),
                 ("assignment", .string(assignment)), ("excluded", .string(excluded)), ("outline", .string(outline))])
    }

    static func colour(of flag: CommunityFlag) -> String {
        flagColours.first { $0.flag == flag }?.colour ?? outline
    }
}
