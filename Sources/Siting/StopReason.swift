/// Why a search ended: with a proof, or why not (summary.json `stop_reason`).
public enum StopReason: String, Sendable {
    /// The answer is proven optimal.
    case proven
    /// The answer is certified within `--gap-tolerance` of the bound.
    case gapTolerance = "gap_tolerance"
    /// `--time-limit` ran out first.
    case timeLimit = "time_limit"
    /// The instance was too large for the exact search within the limits set (docs/policy.md).
    case sizeLimit = "size_limit"
    /// The side constraints cannot all hold (proven by the LP or the exhausted search).
    case infeasible

    /// The reason, in order of precedence: a proof, the clock, then whether the exact search ran at all.
    static func of(proven: Bool, timedOut: Bool, searched: Bool) -> StopReason {
        proven ? .proven : timedOut ? .timeLimit : searched ? .gapTolerance : .sizeLimit
    }
}
