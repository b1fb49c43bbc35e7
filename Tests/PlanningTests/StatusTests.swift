import Testing
@testable import Planning

@Suite struct StatusTests {
    @Test func vocabulary() {
        for word in ["new", "NEW", "新建", "新"] { #expect(CommunityStatus(text: word) == .new) }
        for word in ["old", "老旧", "老", "既有", "已建成"] { #expect(CommunityStatus(text: word) == .old) }
        #expect(CommunityStatus(text: "") == .unknown)
        #expect(CommunityStatus(text: "mixed") == nil)
    }

    @Test func builtYear() {
        #expect(CommunityStatus(builtYear: 2018, newSince: 2018) == .new)
        #expect(CommunityStatus(builtYear: 2017, newSince: 2018) == .old)
    }

    @Test func requiredPlaces() {
        #expect(PlanningStandard.national2025.requiredPlaces(population: 2000) == 9)
        #expect(PlanningStandard(placesPer1000: 2, radiusM: 500).requiredPlaces(population: 2000) == 4)
    }
}
