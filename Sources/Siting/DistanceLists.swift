/// Distances from each demand to the candidates it can reach, nearest first. Dense (every pair) for
/// small instances and OR-Library; sparse for large ones and OD matrices (a missing pair is unreachable).
public struct DistanceLists: Sendable {
    public let candidateCount: Int
    /// Per demand: candidate indices, ascending by distance (ties by index).
    public let sites: [[Int32]]
    /// Per demand: the matching distances.
    public let distances: [[Double]]

    /// `rows[i]`: (candidate, distance) pairs in any order; non-finite distances are dropped.
    public init(candidateCount: Int, rows: [[(Int, Double)]]) {
        self.candidateCount = candidateCount
        var sites: [[Int32]] = []
        var distances: [[Double]] = []
        sites.reserveCapacity(rows.count)
        distances.reserveCapacity(rows.count)
        for row in rows {
            let sorted = row.filter { $0.1.isFinite }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            sites.append(sorted.map { Int32($0.0) })
            distances.append(sorted.map(\.1))
        }
        self.sites = sites
        self.distances = distances
    }

    /// Every pair, from a distance function.
    public static func dense(demands: Int, candidates: Int, _ d: (Int, Int) -> Double) -> DistanceLists {
        DistanceLists(candidateCount: candidates, rows: (0..<demands).map { i in (0..<candidates).map { ($0, d(i, $0)) } })
    }

    public var demandCount: Int { sites.count }
    public var pairCount: Int { sites.reduce(0) { $0 + $1.count } }

    /// Distance from demand i to candidate j; +∞ when unreachable.
    public func distance(_ i: Int, _ j: Int) -> Double {
        guard let k = sites[i].firstIndex(of: Int32(j)) else { return .infinity }
        return distances[i][k]
    }
}
