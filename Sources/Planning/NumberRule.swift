/// What a number the user gives must be: finite and within a range. NaN is refused by name, since it
/// passes no comparison and would slip past `<` and `>` tests.
public struct NumberRule: Sendable, Equatable {
    public let min: Double
    /// The minimum itself is not allowed (a radius must be more than 0).
    public let minExcluded: Bool
    public let max: Double
    public let unit: String

    public init(min: Double, excluded: Bool = false, max: Double, unit: String = "") {
        self.min = min; self.minExcluded = excluded; self.max = max; self.unit = unit
    }

    /// Nil when `v` is allowed; else why not, in words for a message ("must be more than 0 m …").
    public func problem(_ v: Double) -> String? {
        let range = "\(minExcluded ? "more than" : "at least") \(Self.text(min))\(unitText) and at most \(Self.text(max))\(unitText)"
        if v.isNaN { return "must be a number \(range), not NaN" }
        guard v.isFinite else { return "must be a finite number \(range)" }
        if v < min || (minExcluded && v == min) || v > max { return "must be \(range) (got \(Self.text(v)))" }
        return nil
    }

    public func problem(_ v: Int) -> String? { problem(Double(v)) }

    private var unitText: String { unit.isEmpty ? "" : " \(unit)" }

    /// Whole numbers without ".0"; others as Swift prints them.
    public static func text(_ v: Double) -> String {
        if let i = Int(exactly: v) { return String(i) }
        return "\(v)"
    }
}
