import GeoKit

/// The report's words for the interactive map, objectives, weights and reasons.
extension ReportLabels {
    var id: String { t("编号", "Id") }
    var name: String { t("名称", "Name") }
    var requiredPlaces: String { t("需求托位", "Required places") }
    var assignedTo: String { t("规划后分配至", "Assigned to (after)") }
    func nearestM(_ unit: String) -> String { unit == "min" ? t("最近机构（分钟）", "Nearest facility (min)") : t("最近机构距离（米）", "Nearest facility (m)") }

    /// Names and words the map's script shows.
    var mapText: JSONValue {
        .object([
            ("communities", .string(t("小区（按缺配类型着色）", "Communities (by flag)"))), ("streets", .string(t("街道边界与名称", "Streets"))),
            ("facilities", .string(existing)), ("sites", .string(proposed)), ("circles", .string(radius)),
            ("links", .string(t("分配连线（至新站点）", "Assignments to new sites"))),
            ("excluded", .string(t("排除的候选点", "Excluded candidates"))), ("roads", .string(roads)),
            ("before", .string(before)), ("after", .string(after)), ("north", .string(t("北", "N"))),
            ("legend", .string(t("图例", "Legend"))), ("view", .string(t("显示", "Show"))),
            ("flagBefore", .string(t("现状类型", "Flag before"))), ("flagAfter", .string(t("规划后类型", "Flag after"))),
        ])
    }

    func objective(_ o: SiteObjective) -> String {
        switch o {
        case .coverage: t("最大覆盖", "coverage")
        case .coverAll: t("全覆盖（最少站点）", "cover-all")
        case .distance: t("加权距离最小（p-中位）", "distance (p-median)")
        case .capacitatedCoverage: t("考虑托位容量的最大覆盖", "capacitated coverage")
        }
    }

    /// What the weight counts, named honestly: with `lacking`, "covered" is share of the lacking population.
    func covered(_ w: SiteWeight) -> String {
        switch w {
        case .population: t("人口覆盖率", "Population covered")
        case .requiredPlaces: t("需求托位覆盖率", "Required places covered")
        case .lacking: t("缺配小区人口中获覆盖的比例", "Share of the lacking population now covered")
        }
    }

    func hazard(_ h: String) -> String {
        guard language == .zh else { return h.replacingOccurrences(of: "_", with: " ") }
        return ["gas_station": "加油加气站", "dangerous_goods": "危险品场所", "high_voltage_line": "高压线",
                "main_road": "城市主干道", "pollution": "污染源", "hazard": "危险源"][h] ?? h
    }

    func excludedReason(_ x: ExcludedSite) -> String {
        guard language == .zh else { return x.reason }
        guard let d = x.distanceM, let min = x.minimumM else { return "类型“\(kind(x.site.kind))”不在方案选定的类型内" }
        return "距\(hazard(x.hazard ?? "hazard")) \(x.hazardId ?? "") \(JSONNumber.text(d.rounded())) 米（至少 \(JSONNumber.text(min)) 米）"
    }
}

extension ReportLabels {
    var mapHelp: String {
        t("拖动平移、滚轮缩放；点击小区、街道或站点查看属性；左上角切换现状/规划后，右上角选择图层。",
          "Drag to pan, scroll to zoom; click a community, street or site for its attributes; switch before/after at the top left, layers at the top right.")
    }
    func curveNote(_ what: String) -> String {
        t("纵轴为\(what)；0 为仅现有机构时的水平。", "Vertical axis: \(what.lowercased()); 0 new sites is the existing facilities alone.")
    }
    var streetOrder: String {
        t("未达标街道排在前面（✗），按规划后千人托位由低到高排列。", "Streets failing the target first (✗), lowest places per 1,000 after the plan first.")
    }
    var constraints: String { t("规划约束", "Constraints") }
    var constraintName: String { t("约束", "Constraint") }
    var outcome: String { t("结果", "Outcome") }

    /// summary.json's parameter and solution keys in the report's language; unknown keys as they are.
    func parameterName(_ key: String) -> String {
        guard language == .zh else { return key }
        let names = [
            "objective": "优化目标", "p": "新增站点数", "budget": "预算", "weight": "权重", "minimize": "最小化",
            "radius": "服务半径", "radius_unit": "半径单位", "own_radius": "小区自有半径", "places_per_1000": "千人托位标准",
            "measure": "距离起点", "distance": "距离计算", "roads": "路网", "metric_crs": "量测坐标系", "time_limit_s": "求解时限（秒）",
            "gap_tolerance_percent": "允许差距（%）", "curve": "覆盖曲线最大站点数", "objective_unit": "目标单位", "sense": "方向",
            "bound": "上（下）界", "gap_percent": "差距（%）", "proven_optimal": "已证明最优", "branch_and_bound_nodes": "分支定界节点数",
            "stop_reason": "停止原因", "sites_chosen": "选定站点数", "total_cost": "总成本",
            "weighted_mean_distance_m": "加权平均距离（米）", "weighted_mean_distance_min": "加权平均时间（分钟）",
            "unreached_communities": "未达小区数",
        ]
        return names[key] ?? key
    }

    /// Values of summary.json shown in the parameter table, in the report's language.
    func parameterValue(_ key: String, _ text: String) -> String {
        guard language == .zh else { return text }
        switch (key, text) {
        case ("objective", _): return SiteObjective(rawValue: text).map(objective) ?? text
        case ("weight", _): return ["population": "人口", "required_places": "需求托位", "lacking": "缺配小区人口"][text] ?? text
        case (_, "true"): return "是"
        case (_, "false"): return "否"
        case ("distance", _): return ["straight_line": "直线距离", "network": "路网距离", "od_matrix": "OD 矩阵"][text] ?? text
        case ("stop_reason", _):
            return ["proven": "已证明", "gap_tolerance": "达到允许差距", "time_limit": "达到时限", "size_limit": "规模限制"][text] ?? text
        case ("sense", _): return ["maximise": "最大化", "minimise": "最小化"][text] ?? text
        case ("measure", _): return ["point": "小区代表点", "boundary": "小区边界"][text] ?? text
        default: return text
        }
    }
}
