/// Greedy + fast interchange for the answer; Lagrangian relaxation of the assignment constraints for
/// the bound (with its relaxed solutions as new starting points); branch and bound to close the gap.
///     LB(λ) = Σ_i min(λ_i, w_i f_i) + Σ_{p sites with the smallest ρ_j} ρ_j,
///     ρ_j = Σ_i min(0, w_i d_ij − λ_i),   f_i = the demand's fallback distance.
struct PMedianSolver {
    let problem: PMedianProblem
    let options: SolverOptions
    let model: MedianModel

    init(_ problem: PMedianProblem, _ options: SolverOptions) {
        self.problem = problem
        self.options = options
        model = MedianModel(problem)
    }

    /// No answer better than `value` (beyond the gap tolerance, unless `exact`) lies above bound `lb`.
    func closes(_ lb: Double, _ value: Double, exact: Bool = false) -> Bool {
        let slack = options.slack(value, exact: exact)
        return (model.integral ? (lb - 1e-6).rounded(.up) : lb) >= value - slack
    }

    struct Relaxation { var bound: Double; var chosen: [Int]; var rho: [Double] }

    func relax(_ lambda: [Double], fixing: Fixing?) -> Relaxation {
        var rho = [Double](repeating: 0, count: model.m)
        var bound = 0.0
        let rows = model.rows
        rows.index.withUnsafeBufferPointer { site in
            rows.distance.withUnsafeBufferPointer { dist in
                for i in 0..<model.n {
                    let l = lambda[i], w = model.weights[i]
                    bound += min(l, w * model.fallback[i])
                    for t in rows.start[i]..<rows.start[i + 1] {
                        let c = w * dist[t] - l
                        if c >= 0 { break }
                        rho[Int(site[t])] += c
                    }
                }
            }
        }
        var chosen: [Int] = []
        var free: [Int] = []
        for j in 0..<model.m {
            switch fixing?.state[j] ?? 0 {
            case 1: chosen.append(j); bound += rho[j]
            case 0: free.append(j)
            default: break
            }
        }
        let k = max(0, min(model.p, model.m) - chosen.count)
        free.sort { (rho[$0], $0) < (rho[$1], $1) }
        for j in free.prefix(k) { chosen.append(j); bound += rho[j] }
        return Relaxation(bound: bound, chosen: chosen, rho: rho)
    }

    func tighten(_ lambda: inout [Double], fixing: Fixing?, iterations: Int, exact: Bool = true, patience: Int = 10, incumbent: () -> Double,
                 found: ([Int]) -> Void, clock: Clock) -> (bound: Double, last: Relaxation, share: [Double]) {
        var best = -Double.infinity
        // How often each site is open in the relaxations visited: near the multipliers' optimum this
        // average approaches the LP's y (an ergodic primal, Sherali & Choi 1996), whose fractional
        // sites are the ones worth branching on.
        var share = [Double](repeating: 0, count: model.m)
        var visited = 0
        var bestLambda = lambda
        var theta = 1.0, stall = 0
        var last = relax(lambda, fixing: fixing)
        // Deflected subgradient (Camerini, Fratta & Maffioli 1975): half the last direction is kept,
        // which damps the zigzag of plain steps (+0.03 % bound on a dense 5,000 × 1,000 instance).
        var direction = [Double](repeating: 0, count: model.n)
        var open = [Bool](repeating: false, count: model.m)
        for it in 0..<iterations {
            if last.bound > best + 1e-9 { best = last.bound; bestLambda = lambda; stall = 0 } else {
                stall += 1
                if stall >= patience { theta /= 2; stall = 0 }
            }
            if closes(best, incumbent(), exact: exact) || theta < 1e-6 || clock.expired { break }
            if it % 10 == 0 { found(last.chosen) }
            visited += 1
            for j in last.chosen { open[j] = true; share[j] += 1 }
            let g = subgradient(lambda, open: open)
            for j in last.chosen { open[j] = false }
            var norm = 0.0
            for i in 0..<model.n { direction[i] = g[i] + 0.5 * direction[i]; norm += direction[i] * direction[i] }
            guard norm > 0 else { break }
            let step = theta * max(incumbent() - best, 1e-6 * max(1, abs(best))) / norm
            for i in 0..<model.n {
                // Beyond w·f the multiplier buys nothing: keep it there.
                lambda[i] = min(max(0, lambda[i] + step * direction[i]), model.weights[i] * model.fallback[i])
            }
            last = relax(lambda, fixing: fixing)
        }
        if last.bound > best { best = last.bound; bestLambda = lambda }
        lambda = bestLambda
        if visited > 0 { for j in 0..<model.m { share[j] /= Double(visited) } }
        return (best, last, share)
    }

    /// g_i = 1 − Σ_j x_ij at the relaxation's assignment (x_ij = 1 where site j is open and
    /// w_i d_ij < λ_i; the fallback counts as a site).
    private func subgradient(_ lambda: [Double], open: [Bool]) -> [Double] {
        var g = [Double](repeating: 1, count: model.n)
        let rows = model.rows
        rows.index.withUnsafeBufferPointer { site in
            rows.distance.withUnsafeBufferPointer { dist in
                for i in 0..<model.n {
                    let l = lambda[i], w = model.weights[i]
                    if w * model.fallback[i] < l { g[i] -= 1 }
                    for t in rows.start[i]..<rows.start[i + 1] {
                        if w * dist[t] - l >= 0 { break }
                        if open[Int(site[t])] { g[i] -= 1 }
                    }
                }
            }
        }
        return g
    }

    /// The free site whose share of the relaxations is nearest one half (ties: the lower index); −1 when
    /// every free site was open in all or none of them (the relaxation is settled there).
    private func mostFractional(_ share: [Double], fixing: Fixing) -> Int {
        var pick = -1, most = options.medianBranchShare
        for j in 0..<model.m where fixing.state[j] == 0 {
            let f = min(share[j], 1 - share[j])
            if f > most { pick = j; most = f }
        }
        return pick
    }

    /// Sites whose opening (closing) alone would lift the bound past the incumbent are closed (opened)
    /// for good: the standard reduced-cost test on the relaxation at `lambda`.
    func fixByReducedCost(_ lambda: [Double], incumbent: Double) -> Fixing {
        var fixing = Fixing(candidates: model.m)
        let r = relax(lambda, fixing: nil)
        let k = r.chosen.count
        guard k > 0, k < model.m else { return fixing }
        let chosen = Set(r.chosen)
        let lastIn = r.chosen.map { r.rho[$0] }.max()!
        let firstOut = (0..<model.m).filter { !chosen.contains($0) }.map { r.rho[$0] }.min()!
        for j in 0..<model.m {
            if chosen.contains(j) {
                if closes(r.bound - r.rho[j] + firstOut, incumbent, exact: true) { fixing = fixing.with(j, open: true, cost: 1) }
            } else if closes(r.bound + r.rho[j] - lastIn, incumbent, exact: true) {
                fixing = fixing.with(j, open: false, cost: 1)
            }
        }
        return fixing
    }

    func solve() -> SitingSolution {
        let clock = Clock(options)
        var incumbent = MedianState(model, sites: MedianSearch.greedy(model))
        clock.phase("greedy")
        MedianSearch.improve(&incumbent, clock: clock)
        clock.phase("local search")
        var seen = Set<[Int]>()
        // Start from each demand's share of the current answer: λ_i = w_i d_i(S).
        var lambda = (0..<model.n).map { model.weights[$0] * incumbent.d1[$0] }
        let patience = min(options.medianPerturbationPatience, options.medianPatiencePerSite * max(1, model.p))
        var perturbation = MedianPerturbation(patience: patience, shake: options.medianShake)
        let (rootBound, deadline) = root(&lambda, &incumbent, &seen, &perturbation, clock: clock)
        clock.report("p-median: best \(incumbent.cost), bound \(rootBound)")
        var search = SearchOutcome(bound: rootBound)
        if !closes(rootBound, incumbent.cost, exact: true), !clock.expired {
            // A short Lagrangian tree first: where the root nearly decides it (OR-Library's p = 5–10)
            // it proves in a few dozen nodes what the LP and the restarts would take seconds over.
            let probeNodes = options.medianProbeWork / max(1, model.rows.entries)
            let probe = probeNodes == 0 ? nil : lagrangianSearch(&incumbent, lambda: lambda, rootBound: rootBound,
                                                                 seen: &seen, maxNodes: probeNodes, clock: clock)
            if let probe, probe.finished || clock.expired {
                search = probe.outcome
            } else if let lp = lpSearch(&incumbent, lambda: lambda, rootBound: rootBound, seen: &seen, clock: clock) {
                search = lp
            } else {
                // Restarts only where no LP tree follows: that tree rounds an answer at every node and
                // would find what they find, while they spent up to half the time on answers already optimal.
                if !closes(rootBound, incumbent.cost) {
                    perturbation.restart(&incumbent, restarts: options.medianRestarts, deadline: deadline,
                                         done: { closes(rootBound, $0) }, clock: clock)
                    clock.phase("perturbation restarts")
                }
                search = lagrangianSearch(&incumbent, lambda: lambda, rootBound: rootBound, seen: &seen, clock: clock).outcome
            }
            if let probe, !probe.finished { search.nodes += probe.outcome.nodes }
        }
        let proven = closes(search.bound, incumbent.cost, exact: true)
        let objective = incumbent.cost
        let bound = proven ? objective : min(objective, search.bound)
        var solution = SitingSolution(chosen: incumbent.sites, objective: objective, bound: bound, sense: .minimise,
                                      proven: proven, phases: clock.phases, nodes: search.nodes)
        solution.stop = .of(proven: proven, timedOut: search.stoppedByTime || clock.expired, searched: true)
        solution.timedPhases = clock.timedAtEnd
        return solution
    }

    /// A first bound from the greedy answer; a perturbation trajectory from that answer; the bound
    /// again from the better one (Polyak steps aim at the incumbent: a far one drives the first
    /// iterations fast, a near one the last ones true). Returns the bound and when the perturbation
    /// search (this trajectory and any restarts) must end.
    private func root(_ lambda: inout [Double], _ incumbent: inout MedianState, _ seen: inout Set<[Int]>,
                      _ search: inout MedianPerturbation, clock: Clock) -> (bound: Double, deadline: Double) {
        var bound = -Double.infinity
        func tightenRoot(_ iterations: Int) {
            bound = max(bound, tighten(&lambda, fixing: nil, iterations: iterations, patience: 100, incumbent: { incumbent.cost },
                                       found: { offer($0, to: &incumbent, seen: &seen, clock: clock) }, clock: clock).bound)
        }
        tightenRoot(1000)
        clock.phase("bound")
        let deadline = clock.deadline(share: options.medianPerturbationShare)
        guard !closes(bound, incumbent.cost), !clock.expired else { return (bound, deadline) }
        let start = incumbent
        let done = search.descend(from: start, best: &incumbent, deadline: deadline, done: { closes(bound, $0) }, clock: clock)
        clock.phase("perturbation")
        guard !done else { return (bound, deadline) }
        tightenRoot(2000)
        clock.phase("bound again")
        return (bound, deadline)
    }

    /// Improves `sites` by local search if it starts within `polishWithin` of `best`; keeps it if it beats `best`.
    func offer(_ sites: [Int], to best: inout MedianState, seen: inout Set<[Int]>, clock: Clock) {
        guard seen.insert(sites.sorted()).inserted else { return }
        var s = MedianState(model, sites: sites)
        guard s.cost < best.cost * (1 + options.polishWithin) else { return }
        MedianSearch.improve(&s, clock: clock)
        if s.cost < best.cost - 1e-9 { best = s }
    }

    /// Branch and bound with a warm-started Lagrangian at each node (when no LP can be had), over at most
    /// `maxNodes` nodes; `finished`: the tree was exhausted or closed within the tolerance.
    func lagrangianSearch(_ incumbent: inout MedianState, lambda: [Double], rootBound: Double, seen: inout Set<[Int]>,
                          maxNodes: Int = .max, clock: Clock) -> (outcome: SearchOutcome, finished: Bool) {
        var best = incumbent, found = seen
        defer { incumbent = best; seen = found }
        var search = SearchOutcome(bound: rootBound)
        var pruned = Double.infinity
        var evaluated = 0
        let exactNodes = options.exactNodes(pairs: model.rows.entries)
        let evaluate: (Fixing, inout [Double]) -> NodeOutcome = { fixing, lambda in
            evaluated += 1
            let exact = evaluated <= exactNodes
            if fixing.openCount > model.p { return .pruned }
            let (lb, last, share) = tighten(&lambda, fixing: fixing, iterations: 150, exact: exact, incumbent: { best.cost },
                                     found: { offer($0, to: &best, seen: &found, clock: clock) }, clock: clock)
            clock.report("p-median branch and bound: best \(best.cost)")
            if closes(lb, best.cost, exact: exact) { pruned = min(pruned, lb); return .pruned }
            let pick = mostFractional(share, fixing: fixing)
            if pick >= 0 { return .branch(pick, bound: lb) }
            var low = Double.infinity, chosen = -1
            for j in last.chosen where fixing.state[j] == 0 && last.rho[j] < low { chosen = j; low = last.rho[j] }
            return chosen < 0 ? .pruned : .branch(chosen, bound: lb)
        }
        let root = fixByReducedCost(lambda, incumbent: best.cost), costs = [Double](repeating: 1, count: model.m)
        // A waiting node keeps its multipliers (8 bytes a demand) and its fixing (a byte a site).
        let left = BranchAndBound<[Double]>.runBestFirst(
            root: root, rootState: lambda, rootBound: rootBound, maximise: false, costs: costs, clock: clock,
            maxNodes: maxNodes, maxWaiting: options.waitingBasisBytes / max(1, 8 * model.n + model.m),
            evaluate: evaluate, nodes: &search.nodes)
        clock.phase(maxNodes == .max ? "branch and bound" : "Lagrangian probe")
        search.bound = max(rootBound, min(pruned, left ?? best.cost))
        search.stoppedByTime = left != nil && clock.expired
        return (search, left == nil || closes(search.bound, best.cost))
    }
}
