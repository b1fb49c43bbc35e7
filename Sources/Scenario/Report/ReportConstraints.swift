import GeoKit

/// The plan's constraints in report.html: what was asked and what the sites achieve (summary.json's
/// "constraints", in words).
extension ReportHTML {
    func constraintsSection() -> String {
        guard let c = summary["constraints"], c != .null else { return "" }
        let zh = labels.language == .zh
        func int(_ k: String) -> Int? { if case .integer(let v)? = c[k] { return v }; return nil }
        var rows: [(String, String)] = []
        if let n = int("min_per_street") {
            let short: [String] = { if case .array(let a)? = c["streets_short"] { return a.map { if case .string(let s) = $0 { s } else { $0.compact } } }; return [] }()
            rows.append((zh ? "每个街道至少 \(n) 处" : "At least \(n) per street",
                         (zh ? "需新增的街道 \(int("streets_needing_sites") ?? 0) 个，已满足 \(int("streets_met") ?? 0) 个"
                             : "\(int("streets_met") ?? 0) of \(int("streets_needing_sites") ?? 0) streets needing sites met")
                         + (short.isEmpty ? "" : (zh ? "；无候选点可满足：" : "; no candidate can serve: ") + short.joined(separator: "、"))))
        }
        if case .object(let kinds)? = c["kinds"] {
            for (k, v) in kinds {
                let minV = v["min"].flatMap { if case .integer(let i) = $0 { i } else { nil } }
                let maxV = v["max"].flatMap { if case .integer(let i) = $0 { i } else { nil } }
                let asked = [minV.map { "≥ \($0)" }, maxV.map { "≤ \($0)" }].compactMap { $0 }.joined(separator: ", ")
                let got = v["new_sites"]?.compact ?? "0"
                rows.append(("\(labels.kind(k)) \(asked)", zh ? "新增 \(got) 处" : "\(got) new sites"))
            }
        }
        if case .string(let rule)? = c["must_serve_rule"] {
            rows.append(((zh ? "必须覆盖：" : "Must serve: ") + rule,
                         zh ? "\(int("must_serve_communities") ?? 0) 个小区，已覆盖 \(int("must_serve_reached") ?? 0) 个"
                            : "\(int("must_serve_reached") ?? 0) of \(int("must_serve_communities") ?? 0) communities reached"))
        }
        guard !rows.isEmpty else { return "" }
        var h = "<h2>\(labels.constraints)</h2><table class=\"kv\"><tr><th>\(labels.constraintName)</th><th>\(labels.outcome)</th></tr>"
        for (k, v) in rows { h += "<tr><td>\(esc(k))</td><td>\(esc(v))</td></tr>" }
        return h + "</table>\n"
    }
}
