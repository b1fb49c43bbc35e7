/// Construction and improvement for coverage: lazy greedy, then swap local search.
enum CoverSearch {
    /// Greedy by gain (count limit) or gain per cost (budget), with lazy re-evaluation, which is exact
    /// because coverage gains only shrink as sites open. Skips forced-closed sites, starts from forced-open.
    static func greedy(_ model: GainModel, limit: SiteLimit, start: [Int] = [], closed: [Bool]? = nil) -> CoverState {
        var state = CoverState(model)
        for j in start { state.add(j) }
        var heap = MaxHeap()
        let m = model.byCandidate.count
        func key(_ gain: Double, _ j: Int) -> Double {
            if case .budget = limit { return model.costs[j] > 0 ? gain / model.costs[j] : gain * 1e12 }
            return gain
        }
        for j in 0..<m where !state.open[j] && closed?[j] != true { heap.push(key(state.gain(j), j), j) }
        while let (stale, j) = heap.pop() {
            guard fits(state, adding: j, limit: limit) else { continue }
            let g = state.gain(j)
            guard g > 0 else { if stale <= 0 { break } else { continue } }
            let k = key(g, j)
            if let next = heap.top, k < next.key || (k == next.key && j > next.item) {
                heap.push(k, j)
                continue
            }
            state.add(j)
            if case .count(let p) = limit, state.sites.count >= p { break }
        }
        return state
    }

    static func fits(_ s: CoverState, adding j: Int, removing r: Int? = nil, limit: SiteLimit) -> Bool {
        switch limit {
        case .count(let p): return s.sites.count - (r == nil ? 0 : 1) + 1 <= p
        case .budget(let b): return s.cost - (r.map { s.model.costs[$0] } ?? 0) + s.model.costs[j] <= b + 1e-9
        }
    }

    /// Swaps an open site for a closed one while that gains weight (first improvement per closed site),
    /// then fills any room left. Forced sites (`fixed`) stay as they are.
    static func improve(_ state: inout CoverState, limit: SiteLimit, fixed: [Int8]? = nil, clock: Clock) {
        let m = state.model.byCandidate.count
        var extra = [Double](repeating: 0, count: m)
        var improved = true
        while improved && !clock.expired {
            improved = false
            var losses = LeastLosses(state, fixed: fixed)
            for j in 0..<m where !state.open[j] && fixed?[j] != -1 {
                guard move(&state, entering: j, losses: losses, extra: &extra, limit: limit, fixed: fixed) != nil else { continue }
                improved = true
                losses = LeastLosses(state, fixed: fixed)
            }
            clock.report("coverage local search: \(state.value)")
        }
    }

    /// The same moves, tried only for the candidates that share a demand with a site in `changed` and,
    /// as moves are made, with the sites they move: after a local change to a local optimum, the
    /// moves that gain lie near it (a round of iterated local search at 100,000 × 10,000 scanned
    /// every candidate: 92 ms).
    static func improve(_ state: inout CoverState, near changed: [Int], limit: SiteLimit, clock: Clock) {
        let model = state.model
        var extra = [Double](repeating: 0, count: model.byCandidate.count)
        var queued = [Bool](repeating: false, count: model.byCandidate.count)
        var queue: [Int] = []
        func enqueue(around site: Int) {
            for i in model.byCandidate[site] {
                for k in model.byDemand[Int(i)] where !queued[Int(k)] { queued[Int(k)] = true; queue.append(Int(k)) }
            }
        }
        changed.forEach { enqueue(around: $0) }
        var losses = LeastLosses(state, fixed: nil)
        var head = 0
        while head < queue.count, !clock.expired {
            let j = queue[head]
            head += 1
            queued[j] = false
            guard !state.open[j], let out = move(&state, entering: j, losses: losses, extra: &extra, limit: limit, fixed: nil) else { continue }
            enqueue(around: j)
            if out >= 0 { enqueue(around: out) }
            losses = LeastLosses(state, fixed: nil)
        }
    }

    /// The open sites that may close and lose least, by increasing loss (ties to the lower index): the
    /// first `leastLossesKept`, or all of them (`complete`). A move reads them in order only up to the
    /// first one its entering site shares no demand with; sorting all open sites after every move took
    /// 21 % of polycentric 100,000 × 10,000's run.
    struct LeastLosses {
        var entries: [(loss: Double, site: Int)] = []
        var complete = true

        init(_ state: CoverState, fixed: [Int8]?) {
            let kept = CoverSearch.leastLossesKept
            for o in state.sites where fixed?[o] != 1 {
                let e = (loss: state.loss(o), site: o)
                if entries.count == kept {
                    complete = false
                    guard (e.loss, e.site) < (entries[kept - 1].loss, entries[kept - 1].site) else { continue }
                    entries.removeLast()
                }
                var at = entries.count
                while at > 0, (e.loss, e.site) < (entries[at - 1].loss, entries[at - 1].site) { at -= 1 }
                entries.insert(e, at: at)
            }
        }

        /// Whether open site `o` comes after every kept entry.
        func isBeyond(_ o: Int, loss: Double) -> Bool {
            guard let last = entries.last else { return true }
            return (loss, o) > (last.loss, last.site)
        }
    }

    /// How many least-loss open sites a swap search keeps in order (an implementation limit, not policy:
    /// any value gives the same moves, exact ties between swap values aside).
    static let leastLossesKept = 32

    /// Opens closed candidate `j` if it fits and gains (returns -1), or swaps it for the open site whose
    /// closing gains most (returns that site); nil when neither gains. `extra` is all zeros on entry
    /// and on return.
    private static func move(_ state: inout CoverState, entering j: Int, losses: LeastLosses,
                             extra: inout [Double], limit: SiteLimit, fixed: [Int8]?) -> Int? {
        let model = state.model
        if fits(state, adding: j, limit: limit), state.gain(j) > 1e-9 {
            state.add(j)
            return -1
        }
        var g0 = 0.0
        var touched: [Int] = []
        for i32 in model.byCandidate[j] {
            let i = Int(i32)
            switch state.count[i] {
            case 0: g0 += model.weights[i]
            case 1:
                let o = state.openSum[i]
                if extra[o] == 0 { touched.append(o) }
                extra[o] += model.weights[i]
            default: break
            }
        }
        var best = 0.0, bestOut = -1
        var reachedUntouched = false
        for (loss, o) in losses.entries where fits(state, adding: j, removing: o, limit: limit) {
            let delta = g0 + extra[o] - loss
            if delta > best + 1e-9 { best = delta; bestOut = o }
            // Later sites lose more and gain nothing extra, unless touched (tried below).
            if extra[o] == 0 { reachedUntouched = true; break }
        }
        if !reachedUntouched, !losses.complete,
           let o = leastUntouched(state, beyond: losses, extra: extra, entering: j, limit: limit, fixed: fixed) {
            let delta = g0 - state.loss(o)
            if delta > best + 1e-9 { best = delta; bestOut = o }
        }
        for o in touched where extra[o] > 0 {
            let delta = g0 + extra[o] - state.loss(o)
            if fixed?[o] != 1, state.open[o], fits(state, adding: j, removing: o, limit: limit), delta > best + 1e-9 {
                best = delta; bestOut = o
            }
        }
        for o in touched { extra[o] = 0 }
        guard bestOut >= 0 else { return nil }
        state.remove(bestOut)
        state.add(j)
        return bestOut
    }

    /// The open site of least loss (ties to the lower index) past the kept ones that the entering site
    /// shares no demand with and that may close for it: where the kept ones run out.
    private static func leastUntouched(_ state: CoverState, beyond losses: LeastLosses, extra: [Double], entering j: Int,
                                       limit: SiteLimit, fixed: [Int8]?) -> Int? {
        var found: (loss: Double, site: Int)?
        for o in state.sites where fixed?[o] != 1 && extra[o] == 0 {
            let loss = state.loss(o)
            guard losses.isBeyond(o, loss: loss), fits(state, adding: j, removing: o, limit: limit) else { continue }
            if let f = found, (f.loss, f.site) <= (loss, o) { continue }
            found = (loss, o)
        }
        return found?.site
    }
}
