import GeoKit

/// Numbers as written to outputs: rounded so files are readable and stable.
enum Rounded {
    /// Null for a non-finite value.
    static func number(_ v: Double, _ decimals: Int) -> JSONValue {
        guard v.isFinite else { return .null }
        let f = (0..<decimals).reduce(1.0) { a, _ in a * 10 }
        return .number((v * f).rounded() / f)
    }

    /// Empty for a non-finite value (a blank CSV cell).
    static func text(_ v: Double, _ decimals: Int) -> String {
        guard v.isFinite else { return "" }
        return number(v, decimals).compact
    }
}
