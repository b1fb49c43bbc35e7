import Planning

/// The plan by year in report.html: a row per phase, then each street's places per 1,000 after each phase.
extension ReportHTML {
    func phaseSection() -> String {
        guard !run.phases.isEmpty else { return "" }
        let named = { (o: PhaseOutcome) in o.streets.filter { !$0.street.isEmpty } }
        var h = "<h2>\(labels.phases)</h2><table><tr><th>\(labels.year)</th><th>\(labels.newSites)</th><th>\(labels.sitesSoFar)</th>"
        h += "<th>\(labels.covered)</th><th>\(labels.lackingCommunities)</th><th>\(labels.streetsWithFacility)</th>"
        h += "<th>\(labels.streetsMeeting)</th><th>\(labels.certificate)</th></tr>"
        var soFar = 0
        for o in run.phases {
            soFar += o.sites.count
            let covered = run.coveredWeight(o.after)
            let share = run.totalWeight > 0 ? String(format: "%.1f %%", covered / run.totalWeight * 100) : "-"
            let ids = o.sites.map { run.candidates[$0].id }.joined(separator: " ")
            let status = o.solution.proven ? labels.proven : String(format: "%@ %.3f %%", labels.gapTo, o.solution.gapPercent)
            h += "<tr><td>\(o.phase.year)</td><td>\(o.sites.count)：\(esc(ids))</td><td>\(soFar)</td><td>\(share)</td>"
            h += "<td>\(o.after.communities.filter(\.flag.isLacking).count)</td>"
            h += "<td>\(named(o).filter(\.hasFacility).count) / \(named(o).count)</td>"
            h += "<td>\(named(o).filter { $0.meetsTarget(run.options.flag.standard) }.count) / \(named(o).count)</td><td>\(status)</td></tr>"
        }
        return h + "</table>\n" + phaseStreetSection()
    }

    private func phaseStreetSection() -> String {
        var h = "<h3>\(labels.streetsByPhase)</h3><table><tr><th>\(labels.street)</th>"
        h += run.phases.map { "<th>\($0.phase.year)</th>" }.joined() + "</tr>"
        let byPhase = run.phases.map { o in Dictionary(uniqueKeysWithValues: o.streets.map { ($0.street, $0) }) }
        for s in run.phases[0].streets {
            h += "<tr><td>\(esc(s.street.isEmpty ? StreetTable.unknownStreet : s.street))</td>"
            for streets in byPhase {
                let x = streets[s.street]
                let rate = x?.placesPer1000.map { String(format: "%.2f", $0) } ?? "-"
                h += "<td>\(rate)（\(x?.hasFacility == true ? labels.yes : labels.no)）</td>"
            }
            h += "</tr>"
        }
        return h + "</table>\n"
    }
}
