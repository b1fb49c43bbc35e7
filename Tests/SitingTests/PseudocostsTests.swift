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

    /// Strong branching's candidates: free fractional sites, best score first, ties to the lower index;
    /// a site counts as seen as often as its less seen direction.
    @Test func rankedListsTheBestScoresFirst() {
        var costs = Pseudocosts(sites: 5)
        #expect(costs.ranked([0.5, 0.2, 0.5, 1, 0.4], fixing: Fixing(candidates: 5), limit: 3) == [0, 2, 4])
        costs.record(.init(site: 4, up: true, moved: 0.6, parentValue: 10), value: -2)
        #expect(costs.observations(4) == 0)
        costs.record(.init(site: 4, up: false, moved: 0.4, parentValue: 10), value: 2)
        #expect(costs.observations(4) == 1)
        costs.record(.init(site: 1, up: true, moved: 0.8, parentValue: 10), value: 10)
        costs.record(.init(site: 1, up: false, moved: 0.2, parentValue: 10), value: 10)
        // Site 4 lost 20 per unit both ways, site 1 nothing, so the others take means of 10:
        // site 4 scores 8 × 12 = 96, sites 0 and 2 5 × 5 = 25, site 1 1e-12.
        #expect(costs.ranked([0.5, 0.2, 0.5, 1, 0.4], fixing: Fixing(candidates: 5), limit: 2) == [4, 0])
    }

    @Test func aBranchThatGainedRecordsNoNegativeLoss() {
        var costs = Pseudocosts(sites: 2)
        costs.record(.init(site: 0, up: true, moved: 0.5, parentValue: 10), value: 12)
        costs.record(.init(site: 0, up: false, moved: 0.5, parentValue: 10), value: 12)
        // Both directions of site 0 estimate 0 (clamped), so the untried site 1 (means 0) ties; lower index.
        #expect(costs.pick([0.5, 0.5], fixing: Fixing(candidates: 2)) == 0)
    }
}
