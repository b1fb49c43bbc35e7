import Foundation
import GeoKit
import Planning

/// Two static SVG maps (before, after): the report's maps where Leaflet is not installed.
extension ReportHTML {
    // MARK: map

    private struct Frame {
        let minX: Double, maxY: Double, scale: Double, cosLat: Double, width: Double, height: Double
        func x(_ lon: Double) -> Double { (lon - minX) * cosLat * scale }
        func y(_ lat: Double) -> Double { (maxY - lat) * scale }
        /// Pixels for metres (110,574 m per degree of latitude).
        func px(_ metres: Double) -> Double { metres / 110_574 * scale }
    }

    private func frame() -> Frame? {
        var b: Bounds?
        for c in run.before.inputs.communities { let g = c.outputGeometry.bounds; b = b.map { $0.union(g) } ?? g }
        guard let box = b else { return nil }
        let cosLat = cos(box.centre.y * .pi / 180)
        let w = max(1e-9, (box.maxX - box.minX) * cosLat), hgt = max(1e-9, box.maxY - box.minY)
        let width = 580.0
        let scale = width / w
        return Frame(minX: box.minX, maxY: box.maxY, scale: scale, cosLat: cosLat, width: width, height: hgt * scale)
    }

    private func path(_ g: Geometry, _ f: Frame) -> String {
        g.coordinateLists().map { ring in
            "M" + ring.map { String(format: "%.1f,%.1f", f.x($0.x), f.y($0.y)) }.joined(separator: "L") + "Z"
        }.joined()
    }

    private func openPath(_ g: Geometry, _ f: Frame) -> String {
        g.coordinateLists().map { line in
            "M" + line.map { String(format: "%.1f,%.1f", f.x($0.x), f.y($0.y)) }.joined(separator: "L")
        }.joined()
    }

    private func svgMap(flags: [CommunityFlag], withSites: Bool, frame f: Frame, roads: [Geometry]) -> String {
        var s = String(format: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"-10 -10 %.0f %.0f\" style=\"background:#fafafa;border:1px solid #ccc\">",
                       f.width + 20, f.height + 20, f.width + 20, f.height + 20)
        
        var byFlag: [String: String] = [:]
        for (c, flag) in zip(run.before.inputs.communities, flags) { byFlag[flag.rawValue, default: ""] += path(c.outputGeometry, f) }
        for (name, d) in byFlag.sorted(by: { $0.key < $1.key }) {
            s += "<path d=\"\(d)\" fill=\"\(MapStyle.colour(of: CommunityFlag(rawValue: name) ?? .ok))\" stroke=\"#777\" stroke-width=\"0.3\"/>"
        }
        if !roads.isEmpty {
            s += "<path d=\"\(roads.map { openPath($0, f) }.joined())\" fill=\"none\" stroke=\"#3a3a3a\" stroke-width=\"1\" stroke-opacity=\"0.75\" stroke-linecap=\"round\"/>"
        }
        if let streets = run.before.inputs.streetLayer {
            for shape in streets.outputShapes {
                s += "<path d=\"\(path(shape, f))\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.2\" stroke-dasharray=\"6 3\"/>"
            }
        }
        for fac in run.before.inputs.facilities {
            guard let p = fac.outputPoint.xy else { continue }
            s += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"\(MapStyle.facility)\" stroke=\"#fff\"/>", f.x(p.x) - 3.5, f.y(p.y) - 3.5)
        }
        if withSites {
            let r = f.px(run.options.flag.standard.radiusM)
            for (rank, step) in run.priority.enumerated() {
                guard let p = run.candidates[step.site].outputPoint.xy else { continue }
                let x = f.x(p.x), y = f.y(p.y)
                s += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"\(MapStyle.site)\" fill-opacity=\"0.12\" stroke=\"\(MapStyle.site)\" stroke-dasharray=\"3 2\"/>", x, y, r)
                s += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"\(MapStyle.site)\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"8\" fill=\"#fff\" text-anchor=\"middle\">%d</text>", x, y, x, y + 3, rank + 1)
            }
        }
        return s + "</svg>"
    }

    func staticMapSection() -> String {
        guard let f = frame() else { return "" }
        let roads = roadLinesLonLat(run.before.inputs)
        var h = "<h2>\(labels.map)</h2><div class=\"maps\">"
        h += "<figure><figcaption>\(labels.before)</figcaption>\(svgMap(flags: run.before.assessment.communities.map(\.flag), withSites: false, frame: f, roads: roads))</figure>"
        h += "<figure><figcaption>\(labels.after)</figcaption>\(svgMap(flags: run.after.communities.map(\.flag), withSites: true, frame: f, roads: roads))</figure></div>"
        h += "<p class=\"legend\">"
        for (flag, colour) in MapStyle.flagColours { h += "<span><i class=\"sw\" style=\"background:\(colour)\"></i>\(labels.flag(flag.rawValue))</span>" }
        h += "<span><i class=\"sw\" style=\"background:\(MapStyle.facility)\"></i>\(labels.existing)</span>"
        h += "<span><i class=\"sw\" style=\"background:\(MapStyle.site);border-radius:6px\"></i>\(labels.proposed)</span>"
        h += "<span><i class=\"sw\" style=\"background:none;border:1px dashed \(MapStyle.site);border-radius:6px\"></i>\(labels.radius) \(JSONNumber.text(run.options.flag.standard.radiusM)) m\(roads.isEmpty ? "" : labels.circleIsStraight)</span>"
        if run.before.inputs.streetLayer != nil { h += "<span><i class=\"sw\" style=\"background:none;border:1px dashed #333\"></i>\(labels.streetBoundary)</span>" }
        if !roads.isEmpty { h += "<span><i class=\"sw\" style=\"background:none;border:0;border-top:2px solid #3a3a3a;height:0;margin-top:7px\"></i>\(labels.roads)</span>" }
        return h + "</p>\n"
    }
}
