import Foundation
import Testing
import GeoKit
@testable import Scenario
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The GeoPackage of `run`, read back through GDAL: every layer with its geometry type, the tool's
/// fields typed, the user's attributes kept, and a QGIS style per map layer in `layer_styles`.
@Suite struct GeoPackageTests {
    static let town = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("geodata/town").path

    /// The fixture (its folder lives as long as it does) and the GeoPackage written into it.
    func runDemoTown() throws -> (Fixture, String) {
        let fx = try Fixture()
        let path = try fx.file("gpkg.yaml", """
        name: gpkg
        language: zh
        inputs:
          communities: \(Self.town)/communities.geojson
          facilities: \(Self.town)/nurseries.geojson
          candidates: \(Self.town)/candidates.geojson
          streets: \(Self.town)/streets.geojson
        objective: {type: coverage, p: 4, curve: 2, time_limit_s: 30}
        exclusions:
          - {layer: \(Self.town)/hazards.geojson, type_field: type, min_distance_m: 50}
        outputs: {folder: out, format: gpkg}

        """)
        let (_, _, folder) = try ScenarioRun.run(path: path, out: nil, progress: nil)
        return (fx, folder + "/caresite.gpkg")
    }

    func layer(_ gpkg: String, _ name: String) throws -> VectorLayer {
        try VectorLayer.read(gpkg, options: LayerReadOptions(layer: name), context: GEOSContext())
    }

    @Test func everyLayerIsThereTypedAndStyled() throws {
        let (fx, gpkg) = try runDemoTown()
        defer { withExtendedLifetime(fx) {} }
        let geometry: [(String, Geometry.Kind?)] = [
            ("communities", .multiPolygon), ("streets", .multiPolygon), ("facilities", .point), ("sites", .point),
            ("assignments", .lineString), ("excluded_candidates", .point), ("priority", nil), ("facilities_to_expand", nil),
            ("coverage_curve", nil), ("layer_styles", nil),
        ]
        for (name, kind) in geometry {
            let l = try layer(gpkg, name)
            #expect(l.features.first?.geometry?.kind == kind, "\(name)")
        }
        let communities = try layer(gpkg, "communities")
        let type = { (l: VectorLayer, f: String) in l.fieldIndex(f).map { l.fieldTypes[$0] } }
        #expect(type(communities, "population") == .real && type(communities, "flag_after") == .string)
        #expect(type(communities, "built_year") == .integer, "the user's own attribute is kept, typed")
        let streets = try layer(gpkg, "streets")
        #expect(streets.features.count == 5 && type(streets, "places_per_1000_after") == .real)
        #expect(streets.features.allSatisfy { $0.geometry?.isPolygonal == true }, "each street has its outline")
        #expect(type(try layer(gpkg, "priority"), "rank") == .integer)
        #expect(try layer(gpkg, "facilities").fieldIndex("input_capacity") != nil, "the facilities' own attributes are kept")
        try checkStyles(try layer(gpkg, "layer_styles"))
    }

    func checkStyles(_ styles: VectorLayer) throws {
        let name = try #require(styles.fieldIndex("f_table_name")), qml = try #require(styles.fieldIndex("styleQML"))
        let column = try #require(styles.fieldIndex("f_geometry_column")), useAsDefault = try #require(styles.fieldIndex("useAsDefault"))
        let byLayer = Dictionary(uniqueKeysWithValues: styles.features.map { ($0.values[name].text, $0) })
        #expect(Set(byLayer.keys) == ["communities", "streets", "facilities", "sites", "assignments", "excluded_candidates"])
        for (layer, f) in byLayer {
            #expect(f.values[column].text == "geom" && ["1", "true"].contains(f.values[useAsDefault].text), "\(layer)")
            let doc = try XMLDocument(xmlString: f.values[qml].text)
            #expect(doc.rootElement()?.name == "qgis", "\(layer): the style is QGIS XML")
        }
        let communities = try #require(byLayer["communities"]).values[qml].text
        #expect(communities.contains("attr=\"flag_after\""))
        for (flag, colour) in MapStyle.flagColours {
            #expect(communities.contains("value=\"\(flag.rawValue)\"") && communities.contains(String(QGISStyle.rgba(colour, alpha: 200))))
        }
        #expect(communities.contains("新建小区缺配"), "category labels in the scenario's language")
        #expect(try #require(byLayer["streets"]).values[qml].text.contains("fieldName=\"street\""), "streets are labelled")
    }
}
