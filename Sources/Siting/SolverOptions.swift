import Foundation

/// How long to search and whom to tell. The search is deterministic: the same instance and options
/// give the same answer (the time limit aside, which can cut a search short).
public struct SolverOptions: Sendable {
    /// Seconds for the whole solve; the best answer and a valid bound are returned when it runs out.
    public var timeLimit: Double = 60
    /// Called now and then on long runs with a line for stderr.
    public var progress: (@Sendable (String) -> Void)?
    /// Branch and bound only when the instance is small enough to be worth it (coverage pairs).
    public var branchingLimit = 3_000_000
    /// Stop once the answer is certified within this many percent of the bound (0: prove optimality).
    /// The tolerance applies only after an exact phase of branch and bound, so that small instances
    /// are still proven optimal.
    public var gapTolerance = 0.0
    /// Size of the exact phase, in coverage pairs × nodes (deterministic, unlike a time).
    public var exactWork = 20_000_000
    /// Share of the time left that the root LP may take before the Lagrangian bound stands in.
    public var rootLPShare = 0.5
    /// The same for coverage, whose first-order LP (PDHG) reaches the LP's bound where CLP cannot:
    /// the simplex gets less, the fallback and its local search more.
    public var coverageRootLPShare = 0.4
    /// Coverage: the simplex LP is tried only up to this many nonzeros; beyond, the first-order method
    /// takes the root at once. Polycentric 100,000 × 10,000 (1.12 million) made 9,400 dual simplex steps
    /// in 12 s, 1.3 ms each, and was not solved in 150 s; uniform (250,000) is solved in 8 s.
    public var coverageLPNonZeros = 500_000
    /// Memory for the bases that waiting branch-and-bound nodes keep (a byte per column and row each).
    public var waitingBasisBytes = 256_000_000
    /// Bound coverage by its exact LP (CLP); off, the Lagrangian relaxation alone (for comparison).
    public var useLP = true
    /// Coverage without the simplex LP: share of the time left that the first-order LP method (PDHG)
    /// may take at the root (0: subgradient steps alone), and the relative distance between its bound
    /// and its primal LP value at which it stops.
    public var firstOrderShare = 0.4
    public var firstOrderTolerance = 2e-4
    /// Coverage: rounds in a row without a better answer that end the iterated local search, and the
    /// share of the time left it may take after the root bound (0: none): without the simplex LP, where
    /// it is the search, and before the LP tree (`coverageTree…`), whose roundings can be too slow to
    /// find a good answer; there only when the root with its cuts leaves more than
    /// `coverageTreePerturbationGap` open, and with less patience, since the tree's roundings follow.
    public var coveragePerturbationPatience = 20_000
    public var coveragePerturbationShare = 0.8
    public var coverageTreePerturbationPatience = 1_000
    public var coverageTreePerturbationShare = 0.2
    public var coverageTreePerturbationGap = 0.01
    /// Coverage without the simplex LP: the sub-problem of the sites the first-order LP point leaves
    /// between `subproblemShut` and `subproblemOpen` (those above stay open, those below shut), solved
    /// in this share of the time left (0: none) (`searchSubproblem`).
    public var subproblemShare = 0.3
    public var subproblemShut = 0.05
    public var subproblemOpen = 0.99
    /// p-median: perturbation rounds in a row without a better answer that end a trajectory: this many
    /// per site sought, at most `medianPerturbationPatience` (few sites, few distinct kicks).
    public var medianPerturbationPatience = 300
    public var medianPatiencePerSite = 20
    /// p-median: work (distance pairs × nodes) of the Lagrangian tree tried before the LP and the restarts;
    /// about a second on this machine.
    public var medianProbeWork = 30_000_000
    /// p-median: moves that shake the best answer before a restart, and restarts in a row without a
    /// better answer that end the perturbation search.
    public var medianShake = 5
    public var medianRestarts = 4
    /// p-median: share of the time left (after the first bound) that the perturbation search may take.
    public var medianPerturbationShare = 0.5
    /// Answers found by rounding or greedy are polished by swap (or replacement) search only when they
    /// start within this fraction of the best answer: most are far worse, and a search costs more than
    /// the node that produced them.
    public var polishWithin = 0.02
    /// Cover-all: perturbation rounds in a row without a cheaper cover that end the search, the share
    /// of the time left (after the root LP) it may take, and the root gap (relative) above which it runs.
    public var coverAllPerturbationPatience = 300
    public var coverAllPerturbationShare = 0.25
    public var coverAllPerturbationGap = 0.01
    /// Cover-all: zero-half rounds in a row that leave the whole-number bound where it is before the
    /// sites the LP uses are searched for a cover (`supportSearch`), and the share of the time left
    /// that search may take.
    public var coverAllSupportAfterRounds = 10
    public var coverAllSupportShare = 0.25
    /// Cover-all: LP rows (after dominated ones are dropped) from which the root LP is solved by the
    /// primal simplex rather than the dual, and the share of the time that LP may take (docs/policy.md).
    public var coverAllPrimalRows = 10_000
    public var coverAllPrimalLPShare = 0.7
    /// False inside a support search, which searches no support of its own.
    var searchesSupport = true
    /// Cover-all: a bound every cover is known to meet (inside a support search, the whole problem's),
    /// so that a cover found at it ends the search.
    var coverFloor = -Double.infinity
    /// Cover-all and coverage: the rows the root LP leaves slack leave it (`LazyCoverRows`) only where they
    /// are at least this share of its covering rows (cover-all's towns: 47–80 %; uniform coverage: 5 %,
    /// where rows coming back made its cut rounds 3.4 → 5.7 s).
    public var lazyRowsShare = 0.25
    /// Cover-all: subgradient steps for the first bound before the LP (the LP's duals do better at once),
    /// and in all, with those after the LP only where the LP cannot be had in its share of the time.
    public var coverAllStepsBeforeLP = 30
    public var coverAllLagrangianSteps = 400
    /// Cover-all and capacitated coverage trees: reliability branching's sites probed per node (best
    /// pseudocost scores first), dual simplex steps per probed child, and observations per direction
    /// after which a site's pseudocosts are trusted instead (`StrongBranching`).
    public var strongBranchCandidates = 4
    public var strongBranchIterations = 50
    public var strongBranchReliability = 1
    /// Cover-all and coverage: zero-half cut rounds at the root LP, cuts added per round, the least
    /// violation a cut must have, the most rows one may sum, the most rows (tightest first) one
    /// separation works on, and the share of the time left the rounds may take (cover-all).
    public var zeroHalfRounds = 100
    public var zeroHalfCutsPerRound = 200
    public var zeroHalfMinViolation = 0.001
    public var zeroHalfMaxRows = 8
    public var zeroHalfCandidateRows = 10_000
    public var zeroHalfShare = 0.2
    /// Coverage's share: where 0.2 cut its rounds short, finishing them halved the tree (county 100,000 ×
    /// 10,000); cover-all's tree lost at more (docs/policy.md).
    public var coverageZeroHalfShare = 0.5
    /// p-median's Lagrangian tree branches on the free site open in the share of its node's relaxations
    /// nearest one half, if that share (or its complement) exceeds this; else on the most attractive site.
    public var medianBranchShare = 0.05
    /// p-median LP: used only up to this many assignment columns (CLP needs minutes on a dense 5,000 ×
    /// 1,000 instance's 59,000; the Lagrangian search takes the others).
    public var medianLPColumns = 20_000
    /// p-median LP: sites listed per demand beyond those nearer than where the first answer and the
    /// Lagrangian send it (the cap that keeps a dense instance's LP small).
    public var medianExtraSites = 5
    /// p-median LP: times the caps are widened where the LP leans on them before the root is taken.
    public var medianCapRounds = 3
    /// Capacitated coverage: feasible site sets up to this many are all tried (then proven exactly).
    public var enumerationLimit = 100_000
    /// Capacitated coverage: the LP gets its strong linking rows (one per pair) up to this many pairs.
    public var strongCapacityPairs = 400_000
    /// Capacitated coverage: share of the time left that one swap search may take.
    public var swapShare = 0.2

    /// How far a bound may lie beyond `value` and still close the search: the gap tolerance, or only
    /// rounding noise when `exact`.
    func slack(_ value: Double, exact: Bool) -> Double {
        let floor = 1e-9 * max(1, abs(value))
        return exact ? floor : max(floor, gapTolerance / 100 * abs(value))
    }

    /// Nodes to explore exactly before the gap tolerance applies.
    func exactNodes(pairs: Int) -> Int { max(20, exactWork / max(1, pairs)) }

    public init(timeLimit: Double = 60, progress: (@Sendable (String) -> Void)? = nil) {
        self.timeLimit = timeLimit
        self.progress = progress
    }
}

/// Wall clock against the time limit, and a throttle for progress lines.
final class Clock {
    let start = Date()
    let limit: Double
    let progress: (@Sendable (String) -> Void)?
    private var lastReport = Date()
    private var phaseStart = Date()
    private(set) var phases: [(String, Double)] = []
    /// Phases that ended on their share of the time rather than by their own rule, once each, in order:
    /// a machine faster or slower may end them elsewhere and so choose other sites of equal merit.
    private(set) var timedPhases: [String] = []
    private var shareSpent = false

    init(_ options: SolverOptions) {
        limit = options.timeLimit
        progress = options.progress
    }

    var elapsed: Double { Date().timeIntervalSince(start) }
    var expired: Bool { elapsed >= limit }
    /// Seconds before the time limit.
    var left: Double { limit - elapsed }

    /// When `share` of the time left from now is spent: a phase's deadline for `before`.
    func deadline(share: Double) -> Double { elapsed + left * share }

    /// Ends the current phase under `name`; a phase met again adds to its first entry's time.
    func phase(_ name: String) {
        let now = Date()
        let seconds = now.timeIntervalSince(phaseStart)
        if let k = phases.firstIndex(where: { $0.0 == name }) { phases[k].1 += seconds } else { phases.append((name, seconds)) }
        phaseStart = now
        if shareSpent, !timedPhases.contains(name) { timedPhases.append(name) }
        shareSpent = false
    }

    /// Whether `deadline`, the current phase's share of the time, is still ahead; once it is not, the
    /// phase is recorded as ended by the clock (`timedPhases`).
    func before(_ deadline: Double) -> Bool {
        guard elapsed >= deadline else { return true }
        shareSpent = true
        return false
    }

    /// The current phase stopped on its share of the time in a way `before` does not see (an LP solve,
    /// a sub-problem solve).
    func shareRanOut() { shareSpent = true }

    /// `timedPhases`, with a phase still open at the end named "search".
    var timedAtEnd: [String] { timedPhases + (shareSpent && !timedPhases.contains("search") ? ["search"] : []) }

    /// Reports a milestone (a root bound), whenever it is reached.
    func announce(_ line: String) {
        progress?(String(format: "[%.1f s] ", elapsed) + line)
        lastReport = Date()
    }

    /// Reports at most every 2 seconds.
    func report(_ line: @autoclosure () -> String) {
        guard let progress, Date().timeIntervalSince(lastReport) >= 2 else { return }
        lastReport = Date()
        progress(String(format: "[%.1f s] ", elapsed) + line())
    }
}
