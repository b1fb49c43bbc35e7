import Testing
@testable import Siting

/// Branching choice of the LP tree: most fractional until losses are known, then the site whose
/// children are expected to lose most.
@Suite struct PseudocostsTests {
    @Test func withoutHistoryTheMostFractionalSiteIsTaken() {
        let costs = Pseudocosts(sites: 4)
        #expect(costs.pick([0.9, 0.3, 0.5, 0.5], fixing: Fixing(candidates: 4)) == 2)
    }

    @Test func learntLossesOutweighFractionality() {
        var costs = Pseudocosts(sites: 4)
        costs.record(.init(site: 0, up: false, moved: 0.5, parentValue: 100), value: 60)
        costs.record(.init(site: 0, up: true, moved: 0.5, parentValue: 100), value: 90)
        costs.record(.init(site: 1, up: false, moved: 0.5, parentValue: 100), value: 99.5)
        costs.record(.init(site: 1, up: true, moved: 0.5, parentValue: 100), value: 99.5)
        // Site 0 lost 80 and 20 per unit, site 1 one per unit; site 2 takes their means (40.5, 10.5).
        #expect(costs.pick([0.05, 0.5, 0.5, 0], fixing: Fixing(candidates: 4)) == 2)
        #expect(costs.pick([0.05, 0.5, 1, 0], fixing: Fixing(candidates: 4)) == 0)
    }

    @Test func integralOrFixedSitesAreNotBranchedOn() {
        let costs = Pseudocosts(sites: 3)
        let fixing = Fixing(candidates: 3).with(1, open: true, cost: 1)
        #expect(costs.pick([1, 0.5, 0], fixing: fixing) == nil)
        #expect(costs.pick([1, 0.5, 0.25], fixing: fixing) == 2)
    }

    @Test func aBranchThatGainedRecordsNoNegativeLoss() {
        var costs = Pseudocosts(sites: 2)
        costs.record(.init(site: 0, up: true, moved: 0.5, parentValue: 10), value: 12)
        costs.record(.init(site: 0, up: false, moved: 0.5, parentValue: 10), value: 12)
        // Both directions of site 0 estimate 0 (clamped), so the untried site 1 (means 0) ties; lower index.
        #expect(costs.pick([0.5, 0.5], fixing: Fixing(candidates: 2)) == 0)
    }
}
