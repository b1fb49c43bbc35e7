/// The words of the report in Chinese and English.
struct ReportLabels {
    let language: ReportLanguage
    func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    var title: String { t("托育设施布局规划报告", "Childcare facility siting report") }
    var before: String { t("现状", "Before") }
    var after: String { t("规划后", "After") }
    var map: String { t("覆盖地图", "Coverage map") }
    var existing: String { t("现有托育机构", "Existing facility") }
    var proposed: String { t("建议选址（按优先序号）", "Proposed site (by rank)") }
    var radius: String { t("服务半径", "Service radius") }
    var street: String { t("街道", "Street") }
    var streetBoundary: String { t("街道边界", "Street boundary") }
    var roads: String { t("步行路网", "Walking network") }
    /// Under network distance the drawn circle is only a straight-line scale: coverage follows the roads.
    var circleIsStraight: String { t("（圆为直线距离参考，覆盖按路网计）", " (circle: straight line for scale; coverage follows the roads)") }
    var curve: String { t("覆盖曲线：新增站点数与覆盖率", "Coverage curve: new sites and coverage") }
    var sites: String { t("新增站点数", "new sites") }
    var covered: String { t("覆盖率", "covered") }
    var streets: String { t("分街道千人托位对照", "Places per 1,000 by street") }
    var priority: String { t("用地安排优先序", "Allocation priority list") }
    var parameters: String { t("参数", "Parameters") }
    var provenance: String { t("数据来源与可追溯信息", "Provenance") }
    var summary: String { t("结论摘要", "Summary") }
    var excluded: String { t("因安全距离排除的候选点", "Candidates excluded for hazard distance") }
    var population: String { t("人口", "Population") }
    var places: String { t("托位", "Places") }
    var per1000: String { t("千人托位", "Places per 1,000") }
    var target: String { t("达标", "Meets target") }
    var facility: String { t("有机构", "Has facility") }
    var yes: String { t("是", "yes") }
    var no: String { t("否", "no") }
    var rank: String { t("序号", "Rank") }
    var site: String { t("地块", "Site") }
    var kind: String { t("类型", "Kind") }
    var cost: String { t("成本", "Cost") }
    var gain: String { t("新增覆盖", "Marginal gain") }
    var cumulative: String { t("累计覆盖率", "Cumulative covered") }
    var phases: String { t("分期建设计划", "Plan by year") }
    var year: String { t("年份", "Year") }
    var newSites: String { t("本期新增站点", "New sites") }
    var sitesSoFar: String { t("累计新增", "Sites so far") }
    var certificate: String { t("最优性", "Optimality") }
    var proven: String { t("已证明最优", "proven optimal") }
    var gapTo: String { t("与上界差距", "gap to the bound") }
    var streetsWithFacility: String { t("有机构街道", "Streets with a facility") }
    var streetsMeeting: String { t("千人托位达标街道", "Streets meeting the target") }
    var lackingCommunities: String { t("缺配小区", "Communities lacking care") }
    var streetsByPhase: String { t("分期街道对照：千人托位（有机构）", "Streets by year: places per 1,000 (has a facility)") }
    var placesPlanned: String { t("规划托位", "Places planned") }
    var classes: String { t("班数（乳儿班/托小班/托大班）", "Classes (infant / toddler / older)") }
    var floorArea: String { t("建筑面积（平方米，估算）", "Floor area (m², estimate)") }
    var reason: String { t("原因", "Reason") }
    var file: String { t("文件", "File") }
    var check: String { t("用地优先序清单审查", "Priority list check") }
    var verdict: String { t("结论", "Verdict") }

    func verdict(_ v: String) -> String {
        guard language == .zh else { return v }
        return ["keep": "保留", "move up": "前移", "move down": "后移", "replace": "替换", "drop": "删除"][v] ?? v
    }

    /// Candidate kinds the tool knows; others as given.
    func kind(_ k: String) -> String {
        guard language == .zh else { return k.replacingOccurrences(of: "_", with: " ") }
        return ["kindergarten": "幼儿园托班", "idle_land": "闲置用地", "vacant_building": "闲置楼宇", "reserved": "预留用地"][k] ?? k
    }

    func flag(_ f: String) -> String {
        switch f {
        case "new_lacking": t("新建小区缺配", "New area lacking")
        case "old_lacking": t("老旧小区缺配", "Old area lacking")
        case "lacking": t("缺配（状态未知）", "Lacking (status unknown)")
        case "under_capacity": t("覆盖但托位不足", "Served, too few places")
        default: t("已满足", "OK")
        }
    }
}
