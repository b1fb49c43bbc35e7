/// The classes a number of nursery places makes, by the national setting standard for care
/// institutions (托育机构设置标准（试行）, 国卫人口发〔2019〕58号, art. 10): 乳儿班 (6–12 months) of at most
/// 10 children, 托小班 (12–24 months) at most 15, 托大班 (24–36 months) at most 20. docs/policy.md.
public struct NurseryClasses: Sendable, Equatable {
    /// 乳儿班, 托小班, 托大班.
    public var infant = 0, toddler = 0, older = 0

    public var total: Int { infant + toddler + older }

    /// Children per class at most.
    public static let infantSize = 10.0, toddlerSize = 15.0, olderSize = 20.0
    /// Places by age group: in proportion to the groups' age spans (6, 12 and 12 months), an
    /// assumption where local enrolment by age is not known.
    public static let infantShare = 0.2, toddlerShare = 0.4, olderShare = 0.4
    /// Building floor area per place (m²): a planning assumption (see docs/policy.md), not a national figure.
    public static let floorAreaPerPlaceM2 = 9.0

    public init(infant: Int = 0, toddler: Int = 0, older: Int = 0) {
        self.infant = infant; self.toddler = toddler; self.older = older
    }

    /// The classes `places` need (each age group rounded up to whole classes); nil for a number that is
    /// not finite or not in 0…1e15 (whole numbers of places stay exact).
    public init?(places: Double) {
        guard places.isFinite, places >= 0, places <= 1e15 else { return nil }
        func classes(_ share: Double, _ size: Double) -> Int { Int(exactly: (places * share / size - 1e-9).rounded(.up)) ?? 0 }
        self.init(infant: classes(Self.infantShare, Self.infantSize), toddler: classes(Self.toddlerShare, Self.toddlerSize),
                  older: classes(Self.olderShare, Self.olderSize))
    }

    public static func floorAreaM2(places: Double) -> Double { places * floorAreaPerPlaceM2 }
}
