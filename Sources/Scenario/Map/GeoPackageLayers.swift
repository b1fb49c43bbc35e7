import GeoKit
import Planning

/// What a GeoPackage holds besides the run's own tables: the existing facilities, the streets as
/// polygons with their roll-up, and the QGIS styles (one file a GIS user opens styled).
enum GeoPackageLayers {
    /// Existing facilities with the tool's fields and the user's own attributes.
    static func facilities(_ inputs: Inputs) -> OutputLayer {
        var layer = OutputLayer(name: "facilities", fields: [
            .init("id", .string), .init("name", .string), .init("street", .string), .init("capacity", .real),
        ], hasGeometry: true)
        for f in inputs.facilities {
            layer.append([.string(f.id), .string(f.name), .string(f.street), Rounded.number(f.capacityPlaces, 2)], geometry: f.outputPoint)
        }
        return inputs.facilityAttributes.appended(to: layer) { inputs.facilityFeature[$0] }
    }

    /// A street table (a row per street, named in its "street" field) with each street's outline.
    static func streets(_ table: OutputLayer, outlines: StreetOutlines) -> OutputLayer {
        guard let column = table.fields.firstIndex(where: { $0.name == "street" }) else { return table }
        var layer = OutputLayer(name: table.name, fields: table.fields, hasGeometry: true)
        for row in table.rows {
            guard case .string(let name) = row[column] else { layer.append(row); continue }
            layer.append(row, geometry: outlines.shapes[name])
        }
        return layer
    }

    /// `layers` with the styles table after them.
    static func styled(_ layers: [OutputLayer], flagField: String, language: ReportLanguage) -> [OutputLayer] {
        let labels = ReportLabels(language: language)
        return layers + [QGISStyle.table(for: layers, flagField: flagField, labels: labels.flag)]
    }
}
