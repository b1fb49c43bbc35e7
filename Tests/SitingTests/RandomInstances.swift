@testable import Siting

/// Small random instances with a fixed seed, and brute force over every p-subset.
struct Random {
    private var source: SeededRandom
    init(state: UInt64) { source = SeededRandom(seed: state) }
    mutating func next() -> UInt64 { source.next() }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Points in a 1000 × 1000 square; demand i is covered by candidate j within `radius`.
struct PlaneInstance {
    let demands: [(Double, Double)]
    let candidates: [(Double, Double)]
    let weights: [Double]
    let costs: [Double]

    init(n: Int, m: Int, seed: UInt64) {
        var r = Random(state: seed)
        demands = (0..<n).map { _ in (r.unit() * 1000, r.unit() * 1000) }
        candidates = (0..<m).map { _ in (r.unit() * 1000, r.unit() * 1000) }
        weights = (0..<n).map { _ in Double(1 + r.int(100)) }
        costs = (0..<m).map { _ in Double(1 + r.int(9)) }
    }

    func distance(_ i: Int, _ j: Int) -> Double {
        let (a, b) = (demands[i], candidates[j])
        return ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()
    }

    func sets(radius: Double) -> CoverageSets {
        CoverageSets(demandCount: demands.count, byCandidate: candidates.indices.map { j in
            demands.indices.filter { distance($0, j) <= radius }.map(Int32.init)
        })
    }
}

/// Every subset of 0..<m of size k (or all sizes up to k).
func subsets(_ m: Int, _ k: Int) -> [[Int]] {
    var out: [[Int]] = []
    var current: [Int] = []
    func go(_ start: Int) {
        if current.count == k { out.append(current); return }
        guard start < m else { return }
        for j in start..<m { current.append(j); go(j + 1); current.removeLast() }
    }
    go(0)
    return out
}

func allSubsets(_ m: Int, upTo k: Int) -> [[Int]] { (0...k).flatMap { subsets(m, $0) } }
