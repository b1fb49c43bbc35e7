/// A linear program in minimisation form: min cost·x subject to rowLower ≤ A·x ≤ rowUpper and
/// columnLower ≤ x ≤ columnUpper. Built row by row (how models are written); the solver takes it by
/// columns. Infinite bounds are `.infinity` / `-.infinity`.
public struct LinearProgram: Sendable {
    public private(set) var cost: [Double] = []
    public var columnLower: [Double] = []
    public var columnUpper: [Double] = []
    public private(set) var rowLower: [Double] = []
    public private(set) var rowUpper: [Double] = []
    private(set) var rowStart: [Int] = [0]
    private(set) var rowIndex: [Int32] = []
    private(set) var rowValue: [Double] = []

    public init() {}

    public var columnCount: Int { cost.count }
    public var rowCount: Int { rowLower.count }
    public var nonZeros: Int { rowIndex.count }

    /// Adds a column and returns its index.
    @discardableResult
    public mutating func addColumn(cost c: Double, lower: Double = 0, upper: Double = .infinity) -> Int {
        cost.append(c)
        columnLower.append(lower)
        columnUpper.append(upper)
        return cost.count - 1
    }

    /// Changes a column's cost (e.g. a constant known only once the rows are written).
    public mutating func setCost(_ column: Int, _ c: Double) { cost[column] = c }

    /// Adds a row over existing columns and returns its index.
    @discardableResult
    public mutating func addRow(_ entries: [(column: Int, value: Double)], lower: Double = -.infinity,
                                upper: Double = .infinity) -> Int {
        for (column, value) in entries where value != 0 {
            precondition(column >= 0 && column < cost.count, "row names a column the program does not have")
            rowIndex.append(Int32(truncatingIfNeeded: column))
            rowValue.append(value)
        }
        rowStart.append(rowIndex.count)
        rowLower.append(lower)
        rowUpper.append(upper)
        return rowLower.count - 1
    }

    /// The matrix by columns (starts, row indices, values), as CLP loads it.
    func byColumns() -> (start: [Int32], index: [Int32], value: [Double]) {
        var count = [Int](repeating: 0, count: columnCount + 1)
        for c in rowIndex { count[Int(c) + 1] += 1 }
        for j in 0..<columnCount { count[j + 1] += count[j] }
        var next = count
        var index = [Int32](repeating: 0, count: rowIndex.count)
        var value = [Double](repeating: 0, count: rowIndex.count)
        for r in 0..<rowCount {
            for k in rowStart[r]..<rowStart[r + 1] {
                let c = Int(rowIndex[k])
                index[next[c]] = Int32(truncatingIfNeeded: r)
                value[next[c]] = rowValue[k]
                next[c] += 1
            }
        }
        return (count.map { Int32(truncatingIfNeeded: $0) }, index, value)
    }

    /// CLP indexes with 32-bit integers.
    var fitsSolver: Bool { nonZeros < Int(Int32.max) && rowCount < Int(Int32.max) && columnCount < Int(Int32.max) }
}
