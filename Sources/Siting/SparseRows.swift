/// Lists of indices (a 0/1 sparse matrix by rows) laid out flat, for products that run over every
/// entry many times (first-order LP methods).
struct SparseRows {
    private let start: [Int]
    private let index: [Int32]

    init(_ rows: [[Int32]]) {
        var start = [0]
        start.reserveCapacity(rows.count + 1)
        for r in rows { start.append(start[start.count - 1] + r.count) }
        self.start = start
        index = rows.flatMap { $0 }
    }

    var count: Int { start.count - 1 }

    func length(_ i: Int) -> Int { start[i + 1] - start[i] }

    /// Per row, the sum of `v` over its indices.
    func products(_ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: count)
        index.withUnsafeBufferPointer { idx in
            v.withUnsafeBufferPointer { v in
                for i in 0..<count {
                    var s = 0.0
                    for t in start[i]..<start[i + 1] { s += v[Int(idx[t])] }
                    out[i] = s
                }
            }
        }
        return out
    }
}
