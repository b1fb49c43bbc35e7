import Planning

/// The range of every number a user gives (options, scenario keys, attributes) and the defaults, in one
/// place; docs/policy.md names each with its reason.
public enum OptionRules {
    public static let maxSnap = NumberRule(min: 0, max: 10_000, unit: "m")
    public static let maxDistance = NumberRule(min: 0, excluded: true, max: 1_000_000, unit: "m")
    public static let timeLimit = NumberRule(min: 0, max: 604_800, unit: "s")
    public static let gapTolerance = NumberRule(min: 0, max: 100, unit: "%")
    public static let budget = NumberRule(min: 0, excluded: true, max: 1e15)
    public static let p = NumberRule(min: 1, max: 1_000_000)
    public static let curve = NumberRule(min: 1, max: 1000)
    public static let minGain = NumberRule(min: 0, max: 100, unit: "%")
    public static let newSince = NumberRule(min: 1900, max: 2100)
    public static let hazardDistance = NumberRule(min: 0, max: 100_000, unit: "m")

    /// Attributes: one community's population (a street of a megacity holds under 10 million), a
    /// facility's places, a site's cost, a year built, an OD cost.
    static let population = NumberRule(min: 0, max: 10_000_000)
    static let capacity = NumberRule(min: 0, max: 1_000_000)
    static let cost = NumberRule(min: 0, max: 1e15)
    static let builtYear = NumberRule(min: 1000, max: 2200)
    static let odCost = NumberRule(min: 0, max: 1e12)
}

/// Defaults of the options, written once (the CLI and scenario files read them from here).
public enum OptionDefaults {
    public static let timeLimit = 60.0
    public static let gapTolerance = 0.1
    public static let maxSnapM = 200.0
    public static let minGainPercent = 1.0
}
