/// Greedy construction and Whitaker's fast interchange for p-median.
enum MedianSearch {
    /// Adds, p times, the site that lowers the cost most. Starts from `start`, skips `closed`.
    static func greedy(_ model: MedianModel, start: [Int] = [], closed: [Int8]? = nil) -> [Int] {
        var d1 = model.fallback
        var open = [Bool](repeating: false, count: model.m)
        var sites: [Int] = []
        func take(_ j: Int) {
            open[j] = true; sites.append(j)
            for t in model.cols.range(j) { let i = Int(model.cols.index[t]); d1[i] = min(d1[i], model.cols.distance[t]) }
        }
        for j in start { take(j) }
        while sites.count < min(model.p, model.m) {
            var best = -1, bestGain = -1.0
            for j in 0..<model.m where !open[j] && closed?[j] != -1 {
                var g = 0.0
                let cols = model.cols
                for t in cols.range(j) {
                    let i = Int(cols.index[t]), d = cols.distance[t]
                    if d < d1[i] { g += model.weights[i] * (d1[i] - d) }
                }
                if g > bestGain { best = j; bestGain = g }
            }
            guard best >= 0 else { break }
            take(best)
        }
        return sites
    }

    /// Swaps while one lowers the cost; forced-open sites stay, forced-closed never enter.
    static func improve(_ s: inout MedianState, fixed: [Int8]? = nil, clock: Clock) {
        let model = s.model
        var adj = [Double](repeating: 0, count: model.m)
        var improved = true
        while improved && !clock.expired {
            improved = false
            var loss = s.losses()
            // No demand gains from a site farther than its second-nearest open one.
            var farthest = s.d2.max() ?? 0
            var order = s.sites.filter { fixed?[$0] != 1 }.sorted { (loss[$0], $0) < (loss[$1], $1) }
            guard !order.isEmpty else { return }
            for j in 0..<model.m where !s.open[j] && fixed?[j] != -1 {
                var gain = 0.0
                var touched: [Int] = []
                let cols = model.cols
                for t in cols.range(j) {
                    let i = Int(cols.index[t]), d = cols.distance[t]
                    if d >= farthest { break }
                    let r = Int(s.near[i])
                    if d < s.d1[i] {
                        gain += model.weights[i] * (s.d1[i] - d)
                        if r >= 0 { if adj[r] == 0 { touched.append(r) }; adj[r] += model.weights[i] * (s.d2[i] - s.d1[i]) }
                    } else if d < s.d2[i], r >= 0 {
                        if adj[r] == 0 { touched.append(r) }
                        adj[r] += model.weights[i] * (s.d2[i] - d)
                    }
                }
                var bestOut = order[0]
                var best = -loss[bestOut] + adj[bestOut]
                for r in touched where fixed?[r] != 1 && s.open[r] && adj[r] - loss[r] > best { best = adj[r] - loss[r]; bestOut = r }
                for r in touched { adj[r] = 0 }
                if gain + best > 1e-9 * max(1, s.cost) {
                    s.swap(out: bestOut, in: j)
                    improved = true
                    loss = s.losses()
                    farthest = s.d2.max() ?? 0
                    order = s.sites.filter { fixed?[$0] != 1 }.sorted { (loss[$0], $0) < (loss[$1], $1) }
                }
            }
            clock.report("p-median local search: \(s.cost)")
        }
    }
}
