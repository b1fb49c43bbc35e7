import CCLP

/// One CLP simplex model, alive while a search uses it: loaded once, then re-solved by the dual simplex
/// from the last basis after bounds change (branch and bound). Output is silenced.
public final class LPSolver {
    /// `passedLimit`: only from `solve(seconds:objectiveLimit:)`.
    public enum Status: Sendable { case optimal, infeasible, stopped, passedLimit }
    /// The simplex of the first solve (after presolve); every later solve is the dual from the last basis.
    public enum FirstSolve: Sendable { case dual, primal }

    /// CLP's `Clp_Simplex` is `void` in its C header, hence a raw pointer rather than an OpaquePointer.
    private let model: UnsafeMutableRawPointer
    public let columnCount: Int
    public private(set) var rowCount: Int
    private var solvedOnce = false
    private let first: FirstSolve

    /// Nil when the program is too large for CLP's 32-bit indices.
    public init?(_ lp: LinearProgram, first: FirstSolve = .dual) {
        guard lp.fitsSolver, let model = Clp_newModel() else { return nil }
        self.model = model
        self.first = first
        columnCount = lp.columnCount
        rowCount = lp.rowCount
        Clp_setLogLevel(model, 0)
        let m = lp.byColumns()
        Clp_loadProblem(model, Int32(truncatingIfNeeded: lp.columnCount), Int32(truncatingIfNeeded: lp.rowCount),
                        m.start, m.index, m.value, lp.columnLower, lp.columnUpper, lp.cost, lp.rowLower, lp.rowUpper)
    }

    deinit { Clp_deleteModel(model) }

    /// Solves within `seconds`: the first time from scratch (`first`), then by the dual simplex from the
    /// previous basis.
    public func solve(seconds: Double) -> Status {
        Clp_setMaximumSeconds(model, max(0.01, seconds))
        if solvedOnce {
            Clp_dual(model, 0)
        } else {
            switch first {
            case .dual: Clp_initialDualSolve(model)
            case .primal: Clp_initialPrimalSolve(model)
            }
            solvedOnce = true
        }
        if Clp_isProvenOptimal(model) != 0 { return .optimal }
        if Clp_isProvenPrimalInfeasible(model) != 0 { return .infeasible }
        return .stopped
    }

    /// `solve`, but the dual simplex stops once its objective passes `limit` (`passedLimit`): it keeps
    /// the duals feasible, so that objective and the row duals still bound the LP's optimum from below,
    /// without its solution. Branch and bound closes such a node without the steps to its optimum.
    public func solve(seconds: Double, objectiveLimit limit: Double) -> Status {
        Clp_setDualObjectiveLimit(model, limit)
        defer { Clp_setDualObjectiveLimit(model, Self.noLimit) }
        let status = solve(seconds: seconds)
        // CLP reports a passed limit as primal infeasibility with secondary status 1.
        if status == .infeasible, Clp_secondaryStatus(model) == 1 { return .passedLimit }
        return status
    }

    /// CLP's value for "no dual objective limit" (any value above 1e30).
    private static let noLimit = Double.greatestFiniteMagnitude

    /// At most `iterations` dual simplex steps from the current basis (strong branching's look-ahead).
    /// The objective after a stop at the limit is the dual simplex's value so far: a lower bound on the
    /// LP's optimum (minimisation) in exact arithmetic, used only as an estimate.
    public func probe(iterations: Int, seconds: Double) -> Status {
        let previous = maximumIterations(model)
        Clp_setNumberIterations(model, 0)
        Clp_setMaximumIterations(model, Int32(clamping: max(1, iterations)))
        defer { Clp_setMaximumIterations(model, previous) }
        return solve(seconds: seconds)
    }

    /// The basis: CLP's status of every column, then of every row.
    public var basis: [UInt8] {
        Array(UnsafeBufferPointer(start: Clp_statusArray(model), count: columnCount + rowCount))
    }

    /// Starts the next solve from `basis` (one taken from this model); rows added since it was taken
    /// start with their slacks basic, as `addRows` leaves them.
    public func restore(basis: [UInt8]) {
        precondition(basis.count >= columnCount && basis.count <= columnCount + rowCount)
        Clp_copyinStatus(model, basis + [UInt8](repeating: Self.basic, count: columnCount + rowCount - basis.count))
    }

    /// CLP's status of a basic variable (`ClpSimplex::basic`).
    private static let basic: UInt8 = 1

    /// Replaces every column's bounds (both arrays have one entry per column).
    public func setColumnBounds(lower: [Double], upper: [Double]) {
        precondition(lower.count == columnCount && upper.count == columnCount)
        Clp_chgColumnLower(model, lower)
        Clp_chgColumnUpper(model, upper)
    }

    /// Appends rows `lower ≤ a·x ≤ upper` (cuts); their slacks enter the basis, so the next solve
    /// (dual simplex) starts from the last optimum.
    public func addRows(_ rows: [[(column: Int, value: Double)]], lower: [Double], upper: [Double]) {
        precondition(rows.count == lower.count && rows.count == upper.count)
        guard !rows.isEmpty else { return }
        var start: [Int32] = [0], index: [Int32] = [], value: [Double] = []
        for row in rows {
            for (c, v) in row {
                precondition(c >= 0 && c < columnCount, "row names a column the model does not have")
                index.append(Int32(truncatingIfNeeded: c)); value.append(v)
            }
            start.append(Int32(truncatingIfNeeded: index.count))
        }
        Clp_addRows(model, Int32(truncatingIfNeeded: rows.count), lower, upper, start, index, value)
        rowCount += rows.count
    }

    /// Removes rows (indices into the current rows); the others keep their order.
    public func deleteRows(_ which: [Int]) {
        guard !which.isEmpty else { return }
        precondition(which.allSatisfy { $0 >= 0 && $0 < rowCount } && Set(which).count == which.count)
        Clp_deleteRows(model, Int32(truncatingIfNeeded: which.count), which.map { Int32(truncatingIfNeeded: $0) })
        rowCount -= which.count
    }

    public var objective: Double { Clp_getObjValue(model) }
    public var iterations: Int { Int(Clp_getIterationCount(model)) }
    public var columnValues: [Double] { Array(UnsafeBufferPointer(start: Clp_getColSolution(model), count: columnCount)) }
    /// Row duals (shadow prices) in minimisation form.
    public var rowDuals: [Double] { Array(UnsafeBufferPointer(start: Clp_getRowPrice(model), count: rowCount)) }
    /// Row activities (A·x).
    public var rowActivities: [Double] { Array(UnsafeBufferPointer(start: Clp_getRowActivity(model), count: rowCount)) }
    public var reducedCosts: [Double] { Array(UnsafeBufferPointer(start: Clp_getReducedCost(model), count: columnCount)) }
}
