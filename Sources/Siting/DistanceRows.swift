/// Lists of (index, distance), each nearest first, laid out flat: p-median's rows (per demand) and
/// columns (per candidate). Its subgradient and swap loops read every entry thousands of times, and
/// nested arrays cost a retain and a release per list read (30 % of a dense 5,000 × 1,000 run).
struct DistanceRows: Sendable {
    /// List i is `start[i]..<start[i + 1]`.
    let start: [Int]
    let index: [Int32]
    let distance: [Double]

    init(_ lists: [[Int32]], _ distances: [[Double]]) {
        var start = [0]
        start.reserveCapacity(lists.count + 1)
        for l in lists { start.append(start[start.count - 1] + l.count) }
        self.start = start
        index = lists.flatMap { $0 }
        distance = distances.flatMap { $0 }
    }

    /// The columns of `rows`: per candidate, the (row, distance) entries for which `keep` holds,
    /// nearest first (ties by row), counted into place rather than appended.
    init(transposing rows: DistanceRows, columns: Int, keep: (_ row: Int, _ distance: Double) -> Bool) {
        var count = [Int](repeating: 0, count: columns + 1)
        for i in 0..<rows.count { for t in rows.range(i) where keep(i, rows.distance[t]) { count[Int(rows.index[t]) + 1] += 1 } }
        for j in 0..<columns { count[j + 1] += count[j] }
        start = count
        var fill = Array(count.dropLast())
        var index = [Int32](repeating: 0, count: count[columns])
        var distance = [Double](repeating: 0, count: count[columns])
        for i in 0..<rows.count {
            for t in rows.range(i) where keep(i, rows.distance[t]) {
                let j = Int(rows.index[t])
                index[fill[j]] = Int32(i); distance[fill[j]] = rows.distance[t]; fill[j] += 1
            }
        }
        // Nearest first, ties by row.
        for j in 0..<columns where count[j + 1] - count[j] > 1 {
            let r = count[j]..<count[j + 1]
            let order = r.sorted { (distance[$0], index[$0]) < (distance[$1], index[$1]) }
            let (ix, ds) = (order.map { index[$0] }, order.map { distance[$0] })
            index.replaceSubrange(r, with: ix); distance.replaceSubrange(r, with: ds)
        }
        self.index = index
        self.distance = distance
    }

    var count: Int { start.count - 1 }
    var entries: Int { index.count }
    func range(_ i: Int) -> Range<Int> { start[i]..<start[i + 1] }
    func length(_ i: Int) -> Int { start[i + 1] - start[i] }
}
