/// Zero-half cuts (Chvátal–Gomory cuts with multipliers ½; Caprara & Fischetti 1996) for covering
/// rows Σ_{j ∈ S_r} y_j ≥ 1. Half the sum of a set R of rows, of lower bounds y_j ≥ 0 (j ∈ L) and
/// of upper bounds −y_j ≥ −1 (j ∈ U), each site j held an even number of times, rounded up gives
///     Σ_j k_j y_j ≥ ⌈(|R| − |U|) / 2⌉,   k_j = (c_j + [j ∈ L] − [j ∈ U]) / 2   (c_j: rows of R holding j),
/// valid for every 0/1 cover and violated at an LP point x, when |R| − |U| is odd, by
/// (1 − Σ_{r∈R} s_r − Σ_{j∈L} x_j − Σ_{j∈U} (1 − x_j)) / 2, s_r the rows' slacks. A site odd in R takes
/// the bound that costs less, as long as |R| − |U| stays odd (`evenOut`): sites at 0 and at 1 cost
/// nothing (three demands each reached by two of three half-open sites: y_1 + y_2 + y_3 ≥ 2).
/// Separation is the heuristic of Koster, Zymolka & Kutschka (2009): Gaussian elimination mod 2 over the
/// fractional sites, dearest first, each combination tested as its sites cancel. A row may carry an
/// even term, Σ_{j ∈ S_r} y_j + 2 t_r ≥ 1 with t_r ≥ 0 (coverage: t = 1 − z, the row z ≤ Σ y with z's
/// bound): it vanishes mod 2, halves to Σ_{r∈R} t_r in the cut, and its value 2 t_r (`extra`) counts in
/// the row's slack.
struct ZeroHalfSeparator {
    /// The covering rows (site lists) cuts are made from.
    let rows: [[Int32]]
    let sites: Int
    /// Rows a pivot may sum: larger sums mix so many sites that their weight passes 1 anyway.
    let maxRows: Int
    /// The tightest rows taken into the elimination: its row sums take rows² bits.
    var maxCandidates = Int.max

    struct Cut: Equatable {
        var sites: [Int32]
        var coefficients: [Double]
        var rhs: Double
        var violation: Double
        /// The rows summed (increasing): their even terms t_r join the cut's left-hand side.
        var rows: [Int]
    }

    /// Up to `limit` cuts violated by more than `minViolation` at `x` (and the rows' even terms `extra`,
    /// 2 t_r, none if nil), deepest first (ties: found first).
    func separate(_ x: [Double], extra: [Double]? = nil, limit: Int, minViolation: Double) -> [Cut] {
        var slack = [Double](repeating: 0, count: rows.count)
        for (r, row) in rows.enumerated() { slack[r] = row.reduce(extra?[r] ?? 0) { $0 + x[Int($1)] } - 1 }
        // A cut's violation is (1 − the slack it sums) / 2: a row, or a sum, this heavy gives none.
        let heavy = 1 - 2 * minViolation
        // A pivot is the first row of those summing fewest: tightest first, since the pivot adds its slack
        // to every row it changes (polycentric 5,000 × 1,000: 51 cuts in the first round in row order, 200).
        let candidates = Array(rows.indices.filter { slack[$0] < heavy }
            .sorted { (slack[$0], rows[$0].count, $0) < (slack[$1], rows[$1].count, $1) }.prefix(maxCandidates))
        let cost = { (j: Int) in min(x[j], 1 - x[j]) }
        var present = [Bool](repeating: false, count: sites)
        for r in candidates { for j in rows[r] { present[Int(j)] = true } }
        // Fractional sites are eliminated; sites at 1 only count the upper bounds they take.
        let fractional = (0..<sites).filter { present[$0] && cost($0) > 1e-9 }
            .sorted { (cost($0), -$0) > (cost($1), -$1) }
        let atOne = (0..<sites).filter { present[$0] && x[$0] >= 1 - 1e-9 }
        let weights = candidates.map { slack[$0] }
        var found: [Cut] = []
        var seen = Set<[Int]>()
        // Two orders of elimination find different sums: dearest sites first, then cheapest first.
        for pivots in [fractional, fractional.reversed()] {
            let columns = pivots + atOne
            var matrix = ParityMatrix(rows: candidates.map { rows[$0] }, columns: columns, sites: sites)
            matrix.eliminate(pivots: pivots.count, maxRows: maxRows, weights: weights, below: heavy,
                             columnCosts: columns.map(cost)) { columnsHeld, rowsHeld, weight in
                guard let evened = Self.evenOut(columnsHeld.map { x[columns[$0]] }, rows: rowsHeld.count),
                      weight + evened.weight < heavy, seen.insert(rowsHeld).inserted,
                      let cut = cut(rowsHeld.map { candidates[$0] }.sorted(), x: x, extra: extra),
                      cut.violation > minViolation else { return }
                found.append(cut)
            }
        }
        let order = found.indices.sorted { (found[$0].violation, -$0) > (found[$1].violation, -$1) }
        return order.prefix(limit).map { found[$0] }
    }

    /// Sites held an odd number of times (their values `x`) even out with their lower bound y ≥ 0, costing
    /// x, or their upper bound −y ≥ −1, costing 1 − x and taking one from the sum of `rows` rows; each
    /// takes the cheaper, but the sum must stay odd: where it comes out even, the site whose switch costs
    /// least (|1 − 2x|, first of equals) switches. The choice's weight and the positions taking their upper
    /// bound; nil when the sum cannot be made odd and positive.
    static func evenOut(_ x: [Double], rows: Int) -> (weight: Double, upper: [Int])? {
        var upper = x.map { $0 >= 0.5 }
        var weight = 0.0
        var switching = -1, switchCost = Double.infinity
        for (k, v) in x.enumerated() {
            weight += upper[k] ? 1 - v : v
            if abs(1 - 2 * v) < switchCost { switching = k; switchCost = abs(1 - 2 * v) }
        }
        if (rows - upper.count(where: { $0 })) % 2 == 0 {
            guard switching >= 0 else { return nil }
            upper[switching].toggle()
            weight += switchCost
        }
        guard rows - upper.count(where: { $0 }) > 0 else { return nil }
        return (weight, upper.indices.filter { upper[$0] })
    }

    /// The cut from row set `members` (odd sites even out by `evenOut` at `x`), with its violation at `x`
    /// and the rows' even terms `extra`; nil when the sum cannot be made odd.
    func cut(_ members: [Int], x: [Double], extra: [Double]? = nil) -> Cut? {
        var count = [Int32](repeating: 0, count: sites)
        var held: [Int32] = []
        for r in members {
            for j in rows[r] {
                if count[Int(j)] == 0 { held.append(j) }
                count[Int(j)] += 1
            }
        }
        held.sort()
        let odd = held.filter { count[Int($0)] % 2 == 1 }
        guard let evened = Self.evenOut(odd.map { x[Int($0)] }, rows: members.count) else { return nil }
        for k in evened.upper { count[Int(odd[k])] -= 1 }
        var kept: [Int32] = [], coefficients: [Double] = []
        for j in held {
            let c = Int(count[Int(j)] + count[Int(j)] % 2)
            if c > 0 { kept.append(j); coefficients.append(Double(c / 2)) }
        }
        let sum = members.count - evened.upper.count
        let rhs = Double((sum + 1) / 2)
        var lhs = 0.0
        for (k, j) in kept.enumerated() { lhs += coefficients[k] * x[Int(j)] }
        if let extra { for r in members { lhs += extra[r] / 2 } }
        return Cut(sites: kept, coefficients: coefficients, rhs: rhs, violation: rhs - lhs, rows: members)
    }
}

/// Rows of a 0/1 matrix mod 2 over chosen columns, each with the set of original rows it sums.
struct ParityMatrix {
    private let columnWords: Int
    private let rowWords: Int
    private var bits: [UInt64]
    private var combination: [UInt64]
    private let count: Int
    private let width: Int

    init(rows: [[Int32]], columns: [Int], sites: Int) {
        var position = [Int](repeating: -1, count: sites)
        for (k, j) in columns.enumerated() { position[j] = k }
        count = rows.count
        width = columns.count
        columnWords = (columns.count + 63) / 64
        rowWords = (rows.count + 63) / 64
        bits = [UInt64](repeating: 0, count: rows.count * columnWords)
        combination = [UInt64](repeating: 0, count: rows.count * rowWords)
        for (r, row) in rows.enumerated() {
            for j in row where position[Int(j)] >= 0 {
                let k = position[Int(j)]
                bits[r * columnWords + k / 64] |= 1 << UInt64(k % 64)
            }
            combination[r * rowWords + r / 64] |= 1 << UInt64(r % 64)
        }
    }

    /// Column by column over the first `pivots` columns, a row holding the column (fewest original rows,
    /// at most `maxRows`, then lowest; a column no such row holds stays) is added to every other row
    /// holding it and retired. Each row changed whose original rows' `weights` sum below `limit` goes to
    /// `visit` with the columns it holds, the original rows it sums (increasing) and that sum; the lists
    /// of the others, most rows, are never built (with the pivot search that counts no bits: cover-all
    /// polycentric 5,000 × 1,000's 100 rounds 5.2 → 4.4 s, the same cuts). With `columnCosts`, a row
    /// goes to `visit` only if its weight plus the costs of the columns it holds (summed in column order)
    /// stays below `limit` too: no odd site can even out for less than its cost, and in that run 98 % of
    /// the rows visited failed on it after their lists were built.
    mutating func eliminate(pivots: Int, maxRows: Int, weights: [Double], below limit: Double,
                            columnCosts: [Double]? = nil,
                            visit: (_ columns: [Int], _ rows: [Int], _ weight: Double) -> Void) {
        var alive = [Bool](repeating: true, count: count)
        // Original rows summed per row (counted at least to maxRows + 1, enough to rule a row out as pivot).
        var size = [Int](repeating: 1, count: count)
        // Summing stops once a row is past both limits, which no later weight can undo if none is negative.
        let canStop = weights.allSatisfy { $0 >= 0 }
        var holders: [Int] = []
        let (count, cw, rw, columns) = (count, columnWords, rowWords, min(pivots, width))
        // Raw buffers: these loops are most of the separation, and without the arrays' checks its rounds took
        // 10 ms instead of 12 (polycentric 5,000 × 1,000 cover-all).
        bits.withUnsafeMutableBufferPointer { bits in
            combination.withUnsafeMutableBufferPointer { combination in
                for c in 0..<columns {
                    let word = c / 64, bit = UInt64(1) << UInt64(c % 64)
                    var pivot = -1, fewest = maxRows + 1
                    holders.removeAll(keepingCapacity: true)
                    for r in 0..<count where alive[r] && bits[r * cw + word] & bit != 0 {
                        holders.append(r)
                        if size[r] < fewest { pivot = r; fewest = size[r] }
                    }
                    guard pivot >= 0 else { continue }
                    alive[pivot] = false
                    for r in holders where r != pivot {
                        for w in 0..<cw { bits[r * cw + w] ^= bits[pivot * cw + w] }
                        var held = 0, weight = 0.0
                        for w in 0..<rw {
                            var b = combination[r * rw + w] ^ combination[pivot * rw + w]
                            combination[r * rw + w] = b
                            while b != 0, !(canStop && held > maxRows && weight >= limit) {
                                held += 1
                                weight += weights[w * 64 + b.trailingZeroBitCount]
                                b &= b - 1
                            }
                        }
                        size[r] = held
                        guard weight < limit else { continue }
                        if let columnCosts, weight + Self.heldCost(bits, row: r, words: cw, columnCosts) >= limit { continue }
                        visit(Self.members(bits, row: r, words: cw), Self.members(combination, row: r, words: rw), weight)
                    }
                }
            }
        }
    }

    /// The costs of the columns row `r` holds, summed from 0 in column order (as `evenOut` sums them).
    private static func heldCost(_ bits: UnsafeMutableBufferPointer<UInt64>, row r: Int, words n: Int,
                                 _ costs: [Double]) -> Double {
        var sum = 0.0
        forEachSet(bits, row: r, words: n) { sum += costs[$0] }
        return sum
    }

    private static func members(_ words: UnsafeMutableBufferPointer<UInt64>, row r: Int, words n: Int) -> [Int] {
        var out: [Int] = []
        forEachSet(words, row: r, words: n) { out.append($0) }
        return out
    }

    /// Each position set in row `r` (its `n` words), increasing.
    private static func forEachSet(_ words: UnsafeMutableBufferPointer<UInt64>, row r: Int, words n: Int,
                                   _ body: (Int) -> Void) {
        for w in 0..<n {
            var b = words[r * n + w]
            while b != 0 {
                body(w * 64 + b.trailingZeroBitCount)
                b &= b - 1
            }
        }
    }
}
