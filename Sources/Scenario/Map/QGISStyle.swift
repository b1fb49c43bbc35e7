import GeoKit
import Planning

/// QGIS styles for the GeoPackage (its `layer_styles` table, which QGIS reads when a layer is opened):
/// the report's colours (MapStyle), communities by flag, streets outlined and labelled, sites numbered.
enum QGISStyle {
    enum Shape: Int { case point = 0, line = 1, polygon = 2 }

    /// The `layer_styles` table for `layers` (those with a style of their own); `flagField` colours the communities.
    static func table(for layers: [OutputLayer], flagField: String, labels: (String) -> String) -> OutputLayer {
        var table = OutputLayer(name: "layer_styles", fields: [
            .init("f_table_catalog", .string), .init("f_table_schema", .string), .init("f_table_name", .string),
            .init("f_geometry_column", .string), .init("styleName", .string), .init("styleQML", .string),
            .init("styleSLD", .string), .init("useAsDefault", .boolean), .init("description", .string),
            .init("owner", .string), .init("ui", .string), .init("update_time", .string),
        ], hasGeometry: false)
        for layer in layers {
            guard let shape = shape(of: layer), let qml = qml(layer.name, shape: shape, flagField: flagField, labels: labels) else { continue }
            table.append([.string(""), .string(""), .string(layer.name), .string("geom"), .string("caresite"), .string(qml),
                          .string(""), .bool(true), .string("caresite: the colours of report.html"), .string(""), .null,
                          .string("2000-01-01T00:00:00Z")])
        }
        return table
    }

    static func shape(of layer: OutputLayer) -> Shape? {
        guard let g = layer.geometries?.lazy.compactMap({ $0 }).first else { return nil }
        return g.isPolygonal ? .polygon : g.isLineal ? .line : .point
    }

    private static func qml(_ name: String, shape: Shape, flagField: String, labels: (String) -> String) -> String? {
        let body: String
        switch (name, shape) {
        case ("communities", _): body = categorized(flagField, shape: shape, labels: labels)
        case ("uncoverable", _): body = single(symbol(shape, fill: "#bbbbbb", outline: MapStyle.outline))
        case ("streets", .polygon): body = single(symbol(.polygon, fill: nil, outline: MapStyle.street, width: 0.6, dash: true)) + label("street", size: 10, colour: "#222222", buffer: true)
        case ("facilities", _): body = single(symbol(.point, fill: MapStyle.facility, outline: "#ffffff", size: 2.8))
        case ("sites", _): body = single(symbol(.point, fill: MapStyle.site, outline: "#ffffff", size: 4.2)) + label("rank", size: 7, colour: "#ffffff", buffer: false)
        case ("assignments", _): body = single(symbol(.line, fill: nil, outline: MapStyle.assignment, width: 0.2))
        case ("excluded_candidates", _): body = single(symbol(.point, fill: "#ffffff", outline: MapStyle.excluded, size: 2.8, dash: true))
        default: return nil
        }
        return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.0\" styleCategories=\"Symbology|Labeling\">\n"
            + body + "<layerGeometryType>\(shape.rawValue)</layerGeometryType>\n</qgis>\n"
    }

    private static func categorized(_ field: String, shape: Shape, labels: (String) -> String) -> String {
        var h = "<renderer-v2 type=\"categorizedSymbol\" attr=\"\(field)\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n<categories>\n"
        for (k, f) in MapStyle.flagColours.enumerated() {
            h += "<category render=\"true\" value=\"\(f.flag.rawValue)\" symbol=\"\(k)\" label=\"\(xml(labels(f.flag.rawValue)))\"/>\n"
        }
        h += "</categories>\n<symbols>\n"
        for (k, f) in MapStyle.flagColours.enumerated() { h += symbol(shape, fill: f.colour, outline: MapStyle.outline, name: String(k)) }
        return h + "</symbols>\n</renderer-v2>\n"
    }

    private static func single(_ symbol: String) -> String {
        "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">\n<symbols>\n\(symbol)</symbols>\n</renderer-v2>\n"
    }

    /// One symbol; properties written both as QGIS ≥ 3.26 reads them (Option) and as older ones do (prop).
    private static func symbol(_ shape: Shape, fill: String?, outline: String, name: String = "0", width: Double = 0.2,
                               size: Double = 2, dash: Bool = false) -> String {
        let props: [(String, String)]
        let (type, cls): (String, String)
        switch shape {
        case .polygon:
            (type, cls) = ("fill", "SimpleFill")
            props = [("color", rgba(fill ?? "#ffffff", alpha: fill == nil ? 0 : 200)), ("style", fill == nil ? "no" : "solid"),
                     ("outline_color", rgba(outline)), ("outline_width", "\(width)"), ("outline_width_unit", "MM"),
                     ("outline_style", dash ? "dash" : "solid")]
        case .line:
            (type, cls) = ("line", "SimpleLine")
            props = [("line_color", rgba(outline, alpha: 180)), ("line_width", "\(width)"), ("line_width_unit", "MM"),
                     ("line_style", dash ? "dash" : "solid")]
        case .point:
            (type, cls) = ("marker", "SimpleMarker")
            props = [("name", "circle"), ("color", rgba(fill ?? "#ffffff")), ("outline_color", rgba(outline)),
                     ("outline_width", "0.4"), ("outline_style", dash ? "dash" : "solid"), ("size", "\(size)"), ("size_unit", "MM")]
        }
        var h = "<symbol type=\"\(type)\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
        h += "<layer class=\"\(cls)\" enabled=\"1\" pass=\"0\" locked=\"0\">\n<Option type=\"Map\">\n"
        for (k, v) in props { h += "<Option type=\"QString\" name=\"\(k)\" value=\"\(v)\"/>\n" }
        h += "</Option>\n"
        for (k, v) in props { h += "<prop k=\"\(k)\" v=\"\(v)\"/>\n" }
        return h + "</layer>\n</symbol>\n"
    }

    private static func label(_ field: String, size: Double, colour: String, buffer: Bool) -> String {
        "<labeling type=\"simple\">\n<settings calloutType=\"simple\">\n"
            + "<text-style fieldName=\"\(field)\" isExpression=\"0\" fontSize=\"\(size)\" fontSizeUnit=\"Point\" fontWeight=\"75\" textColor=\"\(rgba(colour))\" textOpacity=\"1\"/>\n"
            + "<text-buffer bufferDraw=\"\(buffer ? 1 : 0)\" bufferSize=\"1\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"0.8\"/>\n"
            + "<placement placement=\"1\" offsetType=\"0\" dist=\"0\"/>\n<rendering obstacle=\"1\" displayAll=\"1\"/>\n</settings>\n</labeling>\n"
    }

    /// "#d55e00" → "213,94,0,255".
    static func rgba(_ hex: String, alpha: Int = 255) -> String {
        let digits = hex.dropFirst()
        guard digits.count == 6, let v = Int(digits, radix: 16) else { return "0,0,0,\(alpha)" }
        return "\((v >> 16) & 255),\((v >> 8) & 255),\(v & 255),\(alpha)"
    }

    private static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
