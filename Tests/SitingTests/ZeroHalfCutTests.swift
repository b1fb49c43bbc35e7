import Testing
import LinearProgramming
@testable import Siting

@Suite struct ZeroHalfCutTests {
    /// Three demands each reached by two of three half-open sites: y_0 + y_1 + y_2 ≥ 2, violated by ½.
    @Test func oddCycleGivesTheTriangleCut() throws {
        let separator = ZeroHalfSeparator(rows: [[0, 1], [1, 2], [0, 2]], sites: 3, maxRows: 8)
        let cut = try #require(separator.separate([0.5, 0.5, 0.5], limit: 10, minViolation: 0.001).first)
        #expect(cut.sites == [0, 1, 2] && cut.coefficients == [1, 1, 1] && cut.rhs == 2)
        #expect(abs(cut.violation - 0.5) < 1e-12)
        // At a cover nothing is violated.
        #expect(separator.separate([1, 1, 0], limit: 10, minViolation: 0.001).isEmpty)
    }

    /// A site at 1 takes its upper bound: rows {0,1,3}, {1,2}, {0,2}, {3,4} are four (even), but y_4 = 1
    /// is held once and its bound −y_4 ≥ −1 makes the sum odd: y_0 + y_1 + y_2 + y_3 ≥ 2, violated by ½.
    @Test func aSiteAtOneTakesItsUpperBound() throws {
        let separator = ZeroHalfSeparator(rows: [[0, 1, 3], [1, 2], [0, 2], [3, 4]], sites: 5, maxRows: 8)
        let x = [0.5, 0.5, 0.5, 0, 1]
        let cut = try #require(separator.cut([0, 1, 2, 3], x: x))
        #expect(cut.sites == [0, 1, 2, 3] && cut.coefficients == [1, 1, 1, 1] && cut.rhs == 2)
        #expect(abs(cut.violation - 0.5) < 1e-12)
        // Rows {0,1,3} and {1,2} are two: site 0 keeps its lower bound to make the sum odd, which leaves
        // y_0 + y_1 + y_3 ≥ 1, valid and not violated.
        #expect(separator.cut([0, 1], x: x).map { $0.rhs == 1 && $0.violation <= 1e-12 } == true)
        #expect(separator.separate(x, limit: 10, minViolation: 0.001).contains { $0.violation > 0.49 })
    }

    /// The sum of three rows is odd, but site 3 (at 0.8) would make it even with its upper bound: it
    /// keeps its lower bound (0.6 dearer), and y_0 + y_1 + y_2 + y_3 ≥ 2 is violated by 0.1.
    @Test func aSiteSwitchesBoundToKeepTheSumOdd() throws {
        let separator = ZeroHalfSeparator(rows: [[0, 1], [1, 2], [0, 2, 3]], sites: 4, maxRows: 8)
        let x = [0.1, 0.9, 0.1, 0.8]
        let evened = try #require(ZeroHalfSeparator.evenOut([0.8], rows: 3))
        #expect(evened.upper.isEmpty && abs(evened.weight - 0.8) < 1e-12)
        #expect(ZeroHalfSeparator.evenOut([0.8, 0.3], rows: 2).map { $0.upper == [0] && abs($0.weight - 0.5) < 1e-12 } == true)
        #expect(ZeroHalfSeparator.evenOut([], rows: 2) == nil)
        let cut = try #require(separator.separate(x, limit: 10, minViolation: 0.001).first)
        #expect(cut.sites == [0, 1, 2, 3] && cut.coefficients == [1, 1, 1, 1] && cut.rhs == 2)
        #expect(abs(cut.violation - 0.1) < 1e-12)
    }

    /// 14 rows of 2–4 of `m` sites, and an LP point of 0s, ½s, 1s and other fractions.
    static func randomRows(_ r: inout Random, sites m: Int) -> (rows: [[Int32]], x: [Double]) {
        let rows: [[Int32]] = (0..<14).map { _ in
            Array(Set((0..<(2 + r.int(3))).map { _ in Int32(r.int(m)) })).sorted()
        }
        return (rows, (0..<m).map { _ in [0, 0.5, 0.5, 1, r.unit()][r.int(5)] })
    }

    /// On random covering rows, every cut found holds for every 0/1 cover (brute force over 2^10).
    @Test(arguments: 0..<8)
    func cutsHoldForEveryCover(seed: Int) {
        var r = Random(state: UInt64(900 + seed))
        let m = 10
        let (rows, x) = Self.randomRows(&r, sites: m)
        let separator = ZeroHalfSeparator(rows: rows, sites: m, maxRows: 8)
        let cuts = separator.separate(x, limit: 100, minViolation: 1e-6)
        for cut in cuts {
            var lhs = 0.0
            for (j, a) in zip(cut.sites, cut.coefficients) { lhs += a * x[Int(j)] }
            #expect(abs(cut.rhs - lhs - cut.violation) < 1e-9)
        }
        for mask in 0..<(1 << m) {
            let open = (0..<m).map { mask >> $0 & 1 == 1 }
            guard rows.allSatisfy({ $0.contains { open[Int($0)] } }) else { continue }
            for cut in cuts {
                let lhs = zip(cut.sites, cut.coefficients).reduce(0.0) { $0 + (open[Int($1.0)] ? $1.1 : 0) }
                #expect(lhs >= cut.rhs, "seed \(seed), cover \(mask)")
            }
        }
    }

    /// The elimination visits exactly the changed rows light enough for a cut that a plain elimination
    /// (every changed row written out, the pivot's size counted from its bits) gives, with their sums.
    @Test(arguments: 0..<8)
    func eliminationVisitsTheLightRowsOfAPlainOne(seed: Int) {
        var r = Random(state: UInt64(980 + seed))
        let m = 40
        let (rows, weights) = Self.parityRows(&r, sites: m)
        let columns = Array((0..<m).reversed())
        var fast: [[Int]] = []
        var matrix = ParityMatrix(rows: rows, columns: columns, sites: m)
        matrix.eliminate(pivots: m, maxRows: 8, weights: weights, below: 0.99) { held, summed, weight in
            fast.append(held + [-1] + summed)
            #expect(abs(weight - summed.reduce(0.0) { $0 + weights[$1] }) < 1e-12)
        }
        #expect(fast == Self.plainElimination(rows, columns: columns, maxRows: 8, weights: weights, below: 0.99))
        #expect(!fast.isEmpty)
    }

    /// With column costs, the elimination visits exactly those rows of the plain one whose weight plus the
    /// costs of the columns they hold stays below the limit (the least an odd site can cost to even out).
    @Test(arguments: 0..<8)
    func columnCostsLeaveOutTheRowsTheyMakeHeavy(seed: Int) {
        var r = Random(state: UInt64(990 + seed))
        let m = 40
        let (rows, weights) = Self.parityRows(&r, sites: m)
        let costs = (0..<m).map { _ in r.int(3) == 0 ? 0 : r.unit() * 0.3 }
        var visited: [[Int]] = []
        var matrix = ParityMatrix(rows: rows, columns: Array(0..<m), sites: m)
        matrix.eliminate(pivots: m, maxRows: 8, weights: weights, below: 0.99, columnCosts: costs) { held, summed, _ in
            visited.append(held + [-1] + summed)
        }
        let plain = Self.plainElimination(rows, columns: Array(0..<m), maxRows: 8, weights: weights, below: 0.99)
        let light = plain.filter { entry in
            let split = entry.firstIndex(of: -1)!
            let weight = entry[(split + 1)...].reduce(0.0) { $0 + weights[$1] }
            return weight + entry[..<split].reduce(0.0) { $0 + costs[$1] } < 0.99
        }
        #expect(visited == light)
        #expect(!light.isEmpty && light.count < plain.count)
    }

    /// 150 rows of 1–6 sites among `sites`, and row weights in [0, 0.6), a quarter of them 0.
    static func parityRows(_ r: inout Random, sites m: Int) -> (rows: [[Int32]], weights: [Double]) {
        let rows: [[Int32]] = (0..<150).map { _ in
            Array(Set((0..<(2 + r.int(5))).map { _ in Int32(r.int(m)) })).sorted()
        }
        return (rows, rows.map { _ in r.int(4) == 0 ? 0 : r.unit() * 0.6 })
    }

    /// The elimination as first written: rows as sets, each changed row's sum weighed after the fact.
    static func plainElimination(_ rows: [[Int32]], columns: [Int], maxRows: Int, weights: [Double],
                                 below limit: Double) -> [[Int]] {
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        var held = rows.map { Set($0.compactMap { position[Int($0)] }) }
        var summed = rows.indices.map { Set([$0]) }
        var alive = [Bool](repeating: true, count: rows.count)
        var out: [[Int]] = []
        for c in columns.indices {
            guard let pivot = rows.indices.filter({ alive[$0] && held[$0].contains(c) && summed[$0].count <= maxRows })
                .min(by: { (summed[$0].count, $0) < (summed[$1].count, $1) }) else { continue }
            alive[pivot] = false
            for q in rows.indices where alive[q] && held[q].contains(c) {
                held[q] = held[q].symmetricDifference(held[pivot])
                summed[q] = summed[q].symmetricDifference(summed[pivot])
                let list = summed[q].sorted()
                if list.reduce(0.0, { $0 + weights[$1] }) < limit { out.append(held[q].sorted() + [-1] + list) }
            }
        }
        return out
    }

    /// Coverage's rows z_r ≤ Σ y carry the even term 2 (1 − z_r): on random rows and LP points, every cut
    /// Σ a_j y_j + Σ_{r ∈ R} (1 − z_r) ≥ rhs holds for every choice of sites with z_r = 1 where row r is
    /// reached (z_r = 0 only loosens it), and its violation is the one reported.
    @Test(arguments: 0..<8)
    func coverageCutsHoldForEveryChoice(seed: Int) {
        var r = Random(state: UInt64(950 + seed))
        let m = 10
        let (rows, x) = Self.randomRows(&r, sites: m)
        let z = rows.map { row in min(1, row.reduce(0.0) { $0 + x[Int($1)] }) * [1, 1, 0.8][r.int(3)] }
        let extra = z.map { 2 * (1 - $0) }
        let cuts = ZeroHalfSeparator(rows: rows, sites: m, maxRows: 8).separate(x, extra: extra, limit: 100, minViolation: 1e-6)
        for cut in cuts {
            var lhs = cut.rows.reduce(0.0) { $0 + 1 - z[$1] }
            for (j, a) in zip(cut.sites, cut.coefficients) { lhs += a * x[Int(j)] }
            #expect(abs(cut.rhs - lhs - cut.violation) < 1e-9)
        }
        for mask in 0..<(1 << m) {
            let open = (0..<m).map { mask >> $0 & 1 == 1 }
            for cut in cuts {
                var lhs = cut.rows.reduce(0.0) { $0 + (rows[$1].contains { open[Int($0)] } ? 0 : 1) }
                for (j, a) in zip(cut.sites, cut.coefficients) where open[Int(j)] { lhs += a }
                #expect(lhs >= cut.rhs, "seed \(seed), sites \(mask)")
            }
        }
    }

    /// Three demands each reached by two of three sites, a budget of 1.5 unit-cost sites: the LP opens
    /// every site by half and reaches all three; the cut z₁ + z₂ + z₃ ≤ y₁ + y₂ + y₃ + 1 brings its bound
    /// to 2.5, which the integral weights round to the optimum 2 at the root. Without cuts the tree branches.
    @Test func theTriangleCutProvesCoverageAtTheRoot() {
        let problem = MaximalCoveringProblem(weights: [1, 1, 1],
                                             sets: CoverageSets(demandCount: 3, byCandidate: [[0, 2], [0, 1], [1, 2]]),
                                             limit: .budget(1.5))
        let withCuts = problem.solve()
        #expect(withCuts.proven && withCuts.objective == 2 && withCuts.nodes == 0)
        var options = SolverOptions()
        options.zeroHalfRounds = 0
        let without = problem.solve(options)
        #expect(without.proven && without.objective == 2 && without.nodes > 0)
    }

    /// An odd cycle with fractional costs (no rounding up): the LP is 1.65, the triangle cut makes the
    /// root's bound the optimum 2.2, so no node is needed; without cuts the tree branches.
    @Test func theTriangleCutProvesTheCycleAtTheRoot() {
        let problem = SetCoveringProblem(sets: CoverageSets(demandCount: 3, byCandidate: [[0, 1], [1, 2], [0, 2]]),
                                         costs: [1.1, 1.1, 1.1])
        let withCuts = problem.solve()
        #expect(withCuts.proven && abs(withCuts.objective - 2.2) < 1e-9 && withCuts.nodes == 0)
        var options = SolverOptions()
        options.zeroHalfRounds = 0
        let without = problem.solve(options)
        #expect(without.proven && abs(without.objective - 2.2) < 1e-9 && without.nodes > 0)
    }
}
