import Foundation
import GeoKit
import Planning
import Siting

/// report.html: one self-contained file (inline script, CSS and data, no network) for a planning meeting.
struct ReportHTML {
    let run: SiteRun
    let summary: JSONValue
    let labels: ReportLabels
    let title: String
    var check: PriorityCheck?
    /// Leaflet to inline; nil: static SVG maps.
    var leaflet: LeafletAssets?
    var outlines: StreetOutlines

    func html() throws -> String {
        var h = """
        <!DOCTYPE html>
        <html lang="\(labels.language.rawValue)"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title))</title>
        \(leaflet == nil ? "" : ReportMapScript.errorCatcher)
        <style>
        body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;max-width:1220px}
        h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}
        th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
        tr.fail td{background:#fdecea}td.fail{color:#b2182b;font-weight:bold}
        .maps{display:flex;gap:16px;flex-wrap:wrap}.maps figure{margin:0}figcaption{font-weight:bold;margin-bottom:4px}
        .legend span{display:inline-block;margin-right:14px;font-size:13px}.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle;border:1px solid #888}
        .kv td{text-align:left}.big{font-size:15px}.note{font-size:12px;color:#555}
        \(leaflet.map { $0.css + "\n" + ReportMapScript.css } ?? "")
        </style></head><body>
        <h1>\(esc(title))</h1>

        """
        h += summarySection()
        h += try leaflet.map(interactiveMapSection) ?? staticMapSection()
        h += curveSection()
        h += streetSection()
        h += constraintsSection()
        h += phaseSection()
        h += prioritySection()
        h += checkSection()
        h += excludedSection()
        h += parameterSection()
        h += "</body></html>\n"
        return h
    }

    /// The Leaflet map: its data as JSON in the page ("</" escaped so no text can end the script early).
    private func interactiveMapSection(_ leaflet: LeafletAssets) throws -> String {
        let data = try ReportMap(run: run, labels: labels, outlines: outlines).data().compact
            .replacingOccurrences(of: "</", with: "<\\/")
        var h = "<h2>\(labels.map)</h2><div id=\"map\"></div>"
        h += "<p class=\"note\">\(labels.mapHelp)\(run.coverage.alongRoads ? labels.circleIsStraight : "")</p>\n"
        h += "<div id=\"map-status\" hidden data-leaflet=\"\(leaflet.version)\"></div>\n"
        h += "<script type=\"application/json\" id=\"map-data\">\(data)</script>\n"
        return h + "<script>\(leaflet.script)</script>\n<script>\(ReportMapScript.script)</script>\n"
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
        let proof = s.proven ? labels.proven : String(format: "%@ %.3f%%", labels.gapTo, s.gapPercent)
        let objective = labels.objective(run.options.objective)
        // With weight "lacking" every such community is unserved before: "0 % → x %" says nothing; the share covered does.
        let share = run.options.weight == .lacking
            ? "\(labels.covered(run.options.weight)) \(pct("covered_after_percent"))%"
            : "\(labels.covered(run.options.weight)) \(pct("covered_before_percent"))% → \(pct("covered_after_percent"))%"
        var h = "<h2>\(labels.summary)</h2><p class=\"big\">"
        if labels.language == .zh {
            h += "新增 \(run.priority.count) 处托育设施（目标：\(objective)，\(proof)）。"
            h += "\(share)；缺少托育服务的小区 \(before) → \(after) 个。"
        } else {
            h += "\(run.priority.count) new sites (objective \(objective), \(proof)). "
            h += "\(share); communities lacking care \(before) → \(after)."
        }
        return h + "</p>\n"
    }

    // MARK: curve

    private func curveSection() -> String {
        guard !run.curve.isEmpty, run.totalWeight > 0 else { return "" }
        let w = 560.0, hgt = 240.0, left = 44.0, bottom = 30.0
        // p = 0 is the existing facilities alone: the curve shows what each new site adds to them.
        let start = (0.0, run.coveredWeight(run.before.assessment) / run.totalWeight * 100)
        let pts = [start] + run.curve.map { (Double($0.p), $0.solution.objective / run.totalWeight * 100) }
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
        return "<h2>\(labels.curve)</h2>\(s)<p class=\"note\">\(labels.curveNote(labels.covered(run.options.weight)))</p>\n"
    }

    // MARK: tables

    /// Failing streets first (not meeting the target after the plan, the lowest places per 1,000 first), marked.
    private func streetSection() -> String {
        let after = run.streetsAfterByName
        let std = run.options.flag.standard
        let rows = run.before.streets.map { ($0, after[$0.street] ?? $0) }.sorted { x, y in
            let (fx, fy) = (!x.1.meetsTarget(std), !y.1.meetsTarget(std))
            if fx != fy { return fx }
            let (rx, ry) = (x.1.placesPer1000 ?? -1, y.1.placesPer1000 ?? -1)
            return rx != ry ? rx < ry : x.0.street < y.0.street
        }
        var h = "<h2>\(labels.streets)</h2><p class=\"note\">\(labels.streetOrder)</p><table><tr><th>\(labels.street)</th><th>\(labels.population)</th>"
        h += "<th>\(labels.places) (\(labels.before))</th><th>\(labels.per1000) (\(labels.before))</th>"
        h += "<th>\(labels.places) (\(labels.after))</th><th>\(labels.per1000) (\(labels.after))</th>"
        h += "<th>\(labels.target) (\(JSONNumber.text(std.placesPer1000)))</th><th>\(labels.facility)</th></tr>"
        for (s, a) in rows {
            func rate(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "-" }
            let meets = a.meetsTarget(std)
            h += "<tr\(meets ? "" : " class=\"fail\"")><td>\(esc(s.street.isEmpty ? StreetTable.unknownStreet : s.street))</td><td>\(FlagSummary.grouped(s.population))</td>"
            h += "<td>\(FlagSummary.grouped(s.places))</td><td>\(rate(s.placesPer1000))</td>"
            h += "<td>\(FlagSummary.grouped(a.places))</td><td>\(rate(a.placesPer1000))</td>"
            h += meets ? "<td>\(labels.yes)</td>" : "<td class=\"fail\">✗ \(labels.no)</td>"
            h += "<td\(a.hasFacility ? "" : " class=\"fail\"")>\(a.hasFacility ? labels.yes : "✗ " + labels.no)</td></tr>"
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
            h += "<td><b>\(esc(labels.verdict(r.verdict.rawValue)))</b></td><td style=\"text-align:left\">\(esc(labels.checkReason(r, check)))</td></tr>"
        }
        return h + "</table>\n"
    }

    private func excludedSection() -> String {
        guard !run.excluded.isEmpty else { return "" }
        var h = "<h2>\(labels.excluded) (\(run.excluded.count))</h2><table><tr><th>\(labels.site)</th><th>\(labels.kind)</th><th>\(labels.reason)</th></tr>"
        for x in run.excluded { h += "<tr><td>\(esc(x.site.id))</td><td>\(esc(labels.kind(x.site.kind)))</td><td style=\"text-align:left\">\(esc(labels.excludedReason(x)))</td></tr>" }
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
            return pairs.map { "<tr><td>\(esc(labels.parameterName($0.0)))</td><td>\(esc(labels.parameterValue($0.0, plain($0.1))))</td></tr>" }.joined()
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
