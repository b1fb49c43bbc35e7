/// The answer of a solver with its certificate: the objective of the chosen sites, a bound no
/// solution can beat, the gap between them, and whether optimality is proven.
public struct SitingSolution: Sendable {
    public enum Sense: String, Sendable { case maximise, minimise }

    /// Candidate indices, in the order chosen (see `PriorityOrder` for the land-use order).
    public var chosen: [Int]
    public let objective: Double
    public let bound: Double
    public let sense: Sense
    public let proven: Bool
    /// Seconds per phase, in order.
    public let phases: [(String, Double)]
    /// Branch-and-bound nodes explored (0 when not needed).
    public let nodes: Int
    /// Why the search ended (a proof, the tolerance, the time limit or the size limit).
    public var stop: StopReason = .proven
    /// False when no answer meets the side constraints: proven so (`stop == .infeasible`) or none
    /// found before the search stopped; `chosen` is then empty.
    public var feasible = true
    /// Side constraints the answer meets with no room to spare (see `SiteConstraints.tight`).
    public var tight: [String] = []
    /// Phases that ended on their share of the time, not by their own rule (`Clock.timedPhases`): the
    /// answer holds as reported, but another machine may end them elsewhere and choose other sites.
    public var timedPhases: [String] = []

    /// No answer can meet the constraints.
    static func infeasible(sense: Sense, phases: [(String, Double)]) -> SitingSolution {
        notFound(sense: sense, phases: phases, stop: .infeasible)
    }

    /// No answer meeting the constraints was found before the search stopped for `stop`.
    static func notFound(sense: Sense, phases: [(String, Double)], stop: StopReason) -> SitingSolution {
        var s = SitingSolution(chosen: [], objective: .nan, bound: .nan, sense: sense, proven: stop == .infeasible,
                               phases: phases, nodes: 0)
        s.stop = stop
        s.feasible = false
        return s
    }

    /// |bound − objective| / |objective| in %; 0 when proven.
    public var gapPercent: Double {
        if proven { return 0 }
        let d = abs(bound - objective)
        guard d > 1e-9 * max(1, abs(objective)) else { return 0 }
        return objective == 0 ? 100 : d / abs(objective) * 100
    }
}
