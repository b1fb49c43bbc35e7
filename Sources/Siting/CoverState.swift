/// An open set of sites with, per demand, how many open sites reach it: gains and losses of single
/// moves in time proportional to the sites' coverage lists.
struct CoverState {
    let model: GainModel
    private(set) var open: [Bool]
    private(set) var count: [Int32]
    /// Sum of the open sites reaching each demand: the site itself when count is 1.
    private(set) var openSum: [Int]
    private(set) var value = 0.0
    private(set) var cost = 0.0
    private(set) var sites: [Int] = []
    /// Per open site: the weight it alone reaches, kept as sites open and close (the swap search asks
    /// for every open site's after each move: recounting them took 42 % of polycentric 100,000 ×
    /// 10,000's run).
    private var lost: [Double]

    init(_ model: GainModel) {
        self.model = model
        open = [Bool](repeating: false, count: model.byCandidate.count)
        lost = [Double](repeating: 0, count: model.byCandidate.count)
        count = [Int32](repeating: 0, count: model.weights.count)
        openSum = [Int](repeating: 0, count: model.weights.count)
    }

    func gain(_ j: Int) -> Double {
        var g = 0.0
        for i in model.byCandidate[j] where count[Int(i)] == 0 { g += model.weights[Int(i)] }
        return g
    }

    /// What closing open site `j` loses: the weight of the demands only it reaches.
    func loss(_ j: Int) -> Double { lost[j] }

    mutating func add(_ j: Int) {
        precondition(!open[j])
        open[j] = true
        sites.append(j)
        cost += model.costs[j]
        for i32 in model.byCandidate[j] {
            let i = Int(i32)
            switch count[i] {
            case 0: value += model.weights[i]; lost[j] += model.weights[i]
            case 1: lost[openSum[i]] -= model.weights[i]
            default: break
            }
            count[i] += 1
            openSum[i] += j
        }
    }

    mutating func remove(_ j: Int) {
        precondition(open[j])
        open[j] = false
        sites.removeAll { $0 == j }
        cost -= model.costs[j]
        for i32 in model.byCandidate[j] {
            let i = Int(i32)
            count[i] -= 1
            openSum[i] -= j
            switch count[i] {
            case 0: value -= model.weights[i]
            case 1: lost[openSum[i]] += model.weights[i]
            default: break
            }
        }
        lost[j] = 0
    }
}
