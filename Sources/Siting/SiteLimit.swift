import LinearProgramming

/// How many new sites may open: a number, or a total cost.
public enum SiteLimit: Sendable, Equatable {
    case count(Int)
    case budget(Double)
}

extension SiteLimit {
    /// The limit as a row over the site columns 0..<costs.count of `lp`.
    func addRow(to lp: inout LinearProgram, costs: [Double]) {
        switch self {
        case .count(let p): lp.addRow((0..<costs.count).map { ($0, 1.0) }, upper: Double(p))
        case .budget(let b): lp.addRow((0..<costs.count).map { ($0, costs[$0]) }, upper: b)
        }
    }
}
