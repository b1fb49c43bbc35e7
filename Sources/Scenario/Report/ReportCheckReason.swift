import GeoKit

/// The priority check's reasons in the report's language (the CSV keeps them in English, as data).
extension ReportLabels {
    func checkReason(_ r: PriorityCheck.Row, _ check: PriorityCheck) -> String {
        guard language == .zh else { return r.reason }
        let c = check.candidates
        let g = FlagSummary.grouped
        let swap = check.swaps.first { $0.out == r.site }
        let swapText = swap.map { "；换成 \(c[$0.into].id)（\(kind(c[$0.into].kind))）可多覆盖 \(g($0.gain))" } ?? ""
        if r.excluded != nil {
            let x = check.basis.excluded.first { $0.site.id == c[r.site].id }
            return "排除：" + (x.map(excludedReason) ?? r.reason)
        }
        if r.infeasible != nil {
            return c[r.site].capacityPlaces == 0 ? "不可行：托位容量为 0" : "不可行：累计成本超出预算"
        }
        let gain = "新增覆盖 \(g(r.marginal))"
        switch r.verdict {
        case .drop:
            return (r.marginal <= 0 ? "冗余：所覆盖的小区已由现有机构或排在前面的地块覆盖"
                : "冗余：新增覆盖仅 \(g(r.marginal))，不足前面地块覆盖的 \(JSONNumber.text(check.options.minGainPercent))%") + swapText
        case .replace:
            return "建议替换为 \(swap.map { c[$0.into].id } ?? "")：可多覆盖 \(swap.map { g($0.gain) } ?? "")"
        case .moveUp:
            return "\(gain)，多于排在前面的地块；建议排第 \(r.suggestedRank ?? r.rank) 位，使覆盖尽早见效"
        case .moveDown:
            return "\(gain)，少于排在后面的地块；建议排第 \(r.suggestedRank ?? r.rank) 位，使覆盖尽早见效"
        case .keep:
            return "\(gain)，排序合理"
        }
    }
}
