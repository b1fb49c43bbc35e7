import Foundation
import GeoKit
import Planning
import Siting

/// report.html: one self-contained file (inline SVG and CSS, no network) for a planning meeting.
struct ReportHTML {
    let run: SiteRun
    let summary: JSONValue
    let labels: ReportLabels
    let title: String
    var check: PriorityCheck?

    static let flagColours: [(String, String)] = [
        ("new_lacking", "#d7301f"), ("old_lacking", "#fc8d59"), ("lacking", "#fdcc8a"),
        ("under_capacity", "#fee08b"), ("ok", "#66bd63"),
    ]

    func html() throws -> String {
        var h = """
        <!DOCTYPE html>
        <html lang="\(labels.language.rawValue)"><head><meta charset="utf-8">
        <title>\(esc(title))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;max-width:1220px}
        h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}
        th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
        .maps{display:flex;gap:16px;flex-wrap:wrap}.maps figure{margin:0}figcaption{font-weight:bold;margin-bottom:4px}
        .legend span{display:inline-block;margin-right:14px;font-size:13px}.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle;border:1px solid #888}
        .kv td{text-align:left}.big{font-size:15px}
        </style></head><body>
        <h1>\(esc(title))</h1>

        """
        h += summarySection()
        h += try mapSection()
        h += curveSection()
        h += streetSection()
        h += phaseSection()
        h += prioritySection()
        h += checkSection()
        h += excludedSection()
        h += parameterSection()
        h += "</body></html>\n"
        return h
    }

    func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private func summarySection() -> String {
        let s = run.solution
        let before = run.before.assessment.communities.filter(\.flag.isLacking).count
        let after = run.after.communities.filter(\.flag.isLacking).count
        let cov = summary["coverage"]
        func pct(_ k: String) -> String { cov?[k].map { $0.compact } ?? "-" }
        let proof = s.proven ? (labels.language == .zh ? "已证明最优" : "proven optimal")
            : String(format: labels.language == .zh ? "与上界差距 %.3f%%" : "within %.3f %% of the bound", s.gapPercent)
        var h = "<h2>\(labels.summary)</h2><p class=\"big\">"
        if labels.language == .zh {
            h += "新增 \(run.priority.count) 处托育设施（目标：\(run.options.objective.rawValue)，\(proof)）。"
            h += "覆盖率 \(pct("covered_before_percent"))% → \(pct("covered_after_percent"))%；缺少托育服务的小区 \(before) → \(after) 个。"
        } else {
            h += "\(run.priority.count) new sites (objective \(run.options.objective.rawValue), \(proof)). "
            h += "Covered \(pct("covered_before_percent")) % → \(pct("covered_after_percent")) %; communities lacking care \(before) → \(after)."
        }
        return h + "</p>\n"
    }

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
        let colour = Dictionary(uniqueKeysWithValues: Self.flagColours)
        var byFlag: [String: String] = [:]
        for (c, flag) in zip(run.before.inputs.communities, flags) { byFlag[flag.rawValue, default: ""] += path(c.outputGeometry, f) }
        for (name, d) in byFlag.sorted(by: { $0.key < $1.key }) {
            s += "<path d=\"\(d)\" fill=\"\(colour[name] ?? "#ccc")\" stroke=\"#777\" stroke-width=\"0.3\"/>"
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
            s += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"#2166ac\" stroke=\"#fff\"/>", f.x(p.x) - 3.5, f.y(p.y) - 3.5)
        }
        if withSites {
            let r = f.px(run.options.flag.standard.radiusM)
            for (rank, step) in run.priority.enumerated() {
                guard let p = run.candidates[step.site].outputPoint.xy else { continue }
                let x = f.x(p.x), y = f.y(p.y)
                s += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#762a83\" fill-opacity=\"0.12\" stroke=\"#762a83\" stroke-dasharray=\"3 2\"/>", x, y, r)
                s += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"#762a83\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"8\" fill=\"#fff\" text-anchor=\"middle\">%d</text>", x, y, x, y + 3, rank + 1)
            }
        }
        return s + "</svg>"
    }

    private func mapSection() throws -> String {
        guard let f = frame() else { return "" }
        let roads = roadLinesLonLat(run.before.inputs)
        var h = "<h2>\(labels.map)</h2><div class=\"maps\">"
        h += "<figure><figcaption>\(labels.before)</figcaption>\(svgMap(flags: run.before.assessment.communities.map(\.flag), withSites: false, frame: f, roads: roads))</figure>"
        h += "<figure><figcaption>\(labels.after)</figcaption>\(svgMap(flags: run.after.communities.map(\.flag), withSites: true, frame: f, roads: roads))</figure></div>"
        h += "<p class=\"legend\">"
        for (name, colour) in Self.flagColours { h += "<span><i class=\"sw\" style=\"background:\(colour)\"></i>\(labels.flag(name))</span>" }
        h += "<span><i class=\"sw\" style=\"background:#2166ac\"></i>\(labels.existing)</span>"
        h += "<span><i class=\"sw\" style=\"background:#762a83;border-radius:6px\"></i>\(labels.proposed)</span>"
        h += "<span><i class=\"sw\" style=\"background:none;border:1px dashed #762a83;border-radius:6px\"></i>\(labels.radius) \(JSONNumber.text(run.options.flag.standard.radiusM)) m\(roads.isEmpty ? "" : labels.circleIsStraight)</span>"
        if run.before.inputs.streetLayer != nil { h += "<span><i class=\"sw\" style=\"background:none;border:1px dashed #333\"></i>\(labels.streetBoundary)</span>" }
        if !roads.isEmpty { h += "<span><i class=\"sw\" style=\"background:none;border:0;border-top:2px solid #3a3a3a;height:0;margin-top:7px\"></i>\(labels.roads)</span>" }
        return h + "</p>\n"
    }

    // MARK: curve

    private func curveSection() -> String {
        guard !run.curve.isEmpty, run.totalWeight > 0 else { return "" }
        let w = 560.0, hgt = 240.0, left = 44.0, bottom = 30.0
        let pts = run.curve.map { (Double($0.p), $0.solution.objective / run.totalWeight * 100) }
        let maxP = pts.map(\.0).max() ?? 1
        func x(_ p: Double) -> Double { left + p / maxP * (w - left - 10) }
        func y(_ v: Double) -> Double { (hgt - bottom) - v / 100 * (hgt - bottom - 10) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(hgt))\" style=\"border:1px solid #ccc;background:#fff\">"
        for v in stride(from: 0.0, through: 100, by: 20) {
            s += String(format: "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"4\" y=\"%.1f\" font-size=\"10\">%.0f%%</text>", left, y(v), w - 10, y(v), y(v) + 3, v)
        }
        s += "<polyline fill=\"none\" stroke=\"#762a83\" stroke-width=\"2\" points=\"" + pts.map { String(format: "%.1f,%.1f", x($0.0), y($0.1)) }.joined(separator: " ") + "\"/>"
        for (p, v) in pts {
            s += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#762a83\"><title>p=%.0f: %.1f%%</title></circle>", x(p), y(v), p, v)
            s += String(format: "<text x=\"%.1f\" y=\"%.0f\" font-size=\"10\" text-anchor=\"middle\">%.0f</text>", x(p), hgt - 12, p)
        }
        s += "<text x=\"\(Int(w / 2))\" y=\"\(Int(hgt - 1))\" font-size=\"11\" text-anchor=\"middle\">\(labels.sites)</text></svg>"
        return "<h2>\(labels.curve)</h2>\(s)\n"
    }

    // MARK: tables

    private func streetSection() -> String {
        let before = StreetRollup.make(communities: run.before.inputs.communities, assessment: run.before.assessment,
                                       facilities: run.before.inputs.facilities)
        let after = Dictionary(uniqueKeysWithValues: StreetRollup.make(
            communities: run.before.inputs.communities, assessment: run.after,
            facilities: run.before.inputs.facilities + run.newFacilities).map { ($0.street, $0) })
        let std = run.options.flag.standard
        var h = "<h2>\(labels.streets)</h2><table><tr><th>\(labels.street)</th><th>\(labels.population)</th>"
        h += "<th>\(labels.places) (\(labels.before))</th><th>\(labels.per1000) (\(labels.before))</th>"
        h += "<th>\(labels.places) (\(labels.after))</th><th>\(labels.per1000) (\(labels.after))</th>"
        h += "<th>\(labels.target) (\(JSONNumber.text(std.placesPer1000)))</th><th>\(labels.facility)</th></tr>"
        for s in before {
            let a = after[s.street]
            func rate(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "-" }
            h += "<tr><td>\(esc(s.street.isEmpty ? StreetTable.unknownStreet : s.street))</td><td>\(FlagSummary.grouped(s.population))</td>"
            h += "<td>\(FlagSummary.grouped(s.places))</td><td>\(rate(s.placesPer1000))</td>"
            h += "<td>\(FlagSummary.grouped(a?.places ?? s.places))</td><td>\(rate(a?.placesPer1000))</td>"
            h += "<td>\(a?.meetsTarget(std) == true ? labels.yes : labels.no)</td><td>\(a?.hasFacility == true ? labels.yes : labels.no)</td></tr>"
        }
        return h + "</table>\n"
    }

    private func prioritySection() -> String {
        let table = run.priorityTable()
        let phased = !run.phases.isEmpty
        var h = "<h2>\(labels.priority)</h2><table><tr><th>\(labels.rank)</th>\(phased ? "<th>\(labels.year)</th>" : "")<th>\(labels.site)</th><th>\(labels.kind)</th>"
        h += "<th>\(labels.cost)</th><th>\(labels.places)</th><th>\(labels.gain)</th><th>\(labels.cumulative)</th>"
        h += "<th>\(labels.placesPlanned)</th><th>\(labels.classes)</th><th>\(labels.floorArea)</th></tr>"
        let f = Dictionary(uniqueKeysWithValues: table.fields.enumerated().map { ($1.name, $0) })
        for row in table.rows {
            func v(_ k: String) -> String {
                switch row[f[k]!] { case .string(let s): return esc(s); case .null: return "-"; default: return row[f[k]!].compact }
            }
            h += "<tr><td>\(v("rank"))</td>\(phased ? "<td>\(v("year"))</td>" : "")<td>\(v("id")) \(v("name"))</td><td>\(esc(labels.kind(v("kind"))))</td><td>\(v("cost"))</td>"
            h += "<td>\(v("capacity"))</td><td>\(v("marginal_gain"))</td><td>\(v("covered_percent")) %</td>"
            h += "<td>\(v("places_planned"))</td><td>\(v("infant_classes")) / \(v("toddler_classes")) / \(v("older_classes"))</td>"
            h += "<td>\(v("floor_area_m2"))</td></tr>"
        }
        return h + "</table>\n"
    }

    private func checkSection() -> String {
        guard let check else { return "" }
        let g = FlagSummary.grouped
        var h = "<h2>\(labels.check)</h2><p>"
        h += labels.language == .zh
            ? "清单覆盖 \(g(check.listWeight))，\(check.options.site.budget == nil ? "同等数量地块" : "预算内地块")最优可覆盖 \(g(check.best.objective))："
              + String(format: "清单比最优少 %.2f%%（最优比清单多 %.2f%%）。", check.shortPercent, check.bestMorePercent ?? 0)
            : "The list covers \(g(check.listWeight)); \(check.bestWhat) could cover \(g(check.best.objective)): \(check.comparison)."
        h += "</p><table><tr><th>\(labels.rank)</th><th>\(labels.site)</th><th>\(labels.kind)</th><th>\(labels.gain)</th>"
        h += "<th>\(labels.cumulative)</th><th>\(labels.verdict)</th><th>\(labels.reason)</th></tr>"
        for r in check.rows {
            let c = check.candidates[r.site]
            h += "<tr><td>\(r.rank)</td><td>\(esc(c.id)) \(esc(c.name))</td><td>\(esc(labels.kind(c.kind)))</td>"
            h += "<td>\(FlagSummary.grouped(r.marginal))</td><td>\(String(format: "%.2f", r.cumulativePercent)) %</td>"
            h += "<td><b>\(esc(labels.verdict(r.verdict.rawValue)))</b></td><td style=\"text-align:left\">\(esc(r.reason))</td></tr>"
        }
        return h + "</table>\n"
    }

    private func excludedSection() -> String {
        guard !run.excluded.isEmpty else { return "" }
        var h = "<h2>\(labels.excluded) (\(run.excluded.count))</h2><table><tr><th>\(labels.site)</th><th>\(labels.kind)</th><th>\(labels.reason)</th></tr>"
        for x in run.excluded { h += "<tr><td>\(esc(x.site.id))</td><td>\(esc(labels.kind(x.site.kind)))</td><td>\(esc(x.reason))</td></tr>" }
        return h + "</table>\n"
    }

    private func parameterSection() -> String {
        func plain(_ v: JSONValue?) -> String {
            switch v {
            case .string(let s)?: return s
            case .null?, nil: return "-"
            case let x?: return x.compact
            }
        }
        func rows(_ v: JSONValue?) -> String {
            guard case .object(let pairs)? = v else { return "" }
            return pairs.map { "<tr><td>\(esc($0.0))</td><td>\(esc(plain($0.1)))</td></tr>" }.joined()
        }
        var h = "<h2>\(labels.parameters)</h2><table class=\"kv\">\(rows(summary["parameters"]))\(rows(summary["solution"]))</table>"
        h += "<h2>\(labels.provenance)</h2><table class=\"kv\"><tr><th>\(labels.file)</th><th>SHA-256</th></tr>"
        if case .array(let items)? = summary["inputs"] {
            for i in items { h += "<tr><td>\(esc(plain(i["path"])))</td><td>\(esc(plain(i["sha256"])))</td></tr>" }
        }
        h += "</table><p>caresite \(CareSiteVersion.current)</p>\n"
        return h
    }
}
