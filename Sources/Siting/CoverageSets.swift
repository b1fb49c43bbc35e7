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
        var byDemand = [[Int32]](repeating: [], count: demandCount)
        for (j, list) in byCandidate.enumerated() { for i in list { byDemand[Int(i)].append(Int32(j)) } }
        self.byCandidate = byCandidate.map { $0.sorted() }
        self.byDemand = byDemand
    }

    public var pairCount: Int { byCandidate.reduce(0) { $0 + $1.count } }
}
