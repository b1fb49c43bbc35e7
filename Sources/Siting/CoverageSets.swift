/// Which demands each candidate covers, both ways round. Sparse: only the pairs within the radius.
public struct CoverageSets: Sendable {
    public let demandCount: Int
    public let candidateCount: Int
    /// Per candidate, the demands it covers (ascending).
    public let byCandidate: [[Int32]]
    /// Per demand, the candidates covering it (ascending).
    public let byDemand: [[Int32]]

    public init(demandCount: Int, byCandidate: [[Int32]]) {
        self.demandCount = demandCount
        candidateCount = byCandidate.count
        self.byCandidate = byCandidate.map { $0.sorted() }
        byDemand = Self.invert(byCandidate, count: demandCount) { Int($0) }
    }

    /// The inverse of `lists` (list i holds j ⇒ list j of the result holds i, ascending in i), by counting
    /// into one flat array: appending pair by pair to nested arrays spent most of a second on uniqueness
    /// checks at 16.9 M pairs. Every `index` must lie in 0..<count. Inlinable, so callers get it
    /// specialised for their element type.
    @inlinable public static func invert<List: Collection>(_ lists: [List], count: Int, index: (List.Element) -> Int) -> [[Int32]] {
        var start = [Int](repeating: 0, count: count + 1)
        for list in lists { for e in list { start[index(e) + 1] += 1 } }
        for j in 0..<count { start[j + 1] += start[j] }
        var flat = [Int32](repeating: 0, count: start[count])
        var next = start
        flat.withUnsafeMutableBufferPointer { out in
            for (i, list) in lists.enumerated() {
                for e in list {
                    let j = index(e)
                    out[next[j]] = Int32(i)
                    next[j] += 1
                }
            }
        }
        return (0..<count).map { Array(flat[start[$0]..<start[$0 + 1]]) }
    }

    public var pairCount: Int { byCandidate.reduce(0) { $0 + $1.count } }
}
