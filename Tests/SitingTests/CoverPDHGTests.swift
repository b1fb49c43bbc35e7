import Testing
import LinearProgramming
@testable import Siting

/// The first-order LP method for coverage against CLP's simplex on the same reduced model, and the
/// iterated local search against its starting answer.
@Suite struct CoverPDHGTests {
    /// CLP's LP optimum (covered weight, existing facilities left out as in the reduced model).
    private func simplexValue(_ model: GainModel, _ limit: SiteLimit) -> Double {
        let solver = LPSolver(CoverLP(model, limit: limit).program)!
        #expect(solver.solve(seconds: 30) == .optimal)
        return -solver.objective
    }

    /// Every bound it reports is at least the LP's optimum (valid), every primal value at most it, and
    /// a long enough run meets the LP within 0.01 %: count and budget limits, existing facilities.
    @Test(arguments: 0..<6)
    func boundIsValidAndReachesTheLP(seed: Int) {
        let inst = PlaneInstance(n: 300, m: 40, seed: UInt64(900 + seed))
        let limit: SiteLimit = seed % 2 == 0 ? .count(4 + seed) : .budget(Double(12 + 3 * seed))
        let problem = MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 150),
                                             alreadyCovered: (0..<300).map { $0 % 11 == 0 }, costs: inst.costs, limit: limit)
        let model = GainModel(problem)
        let lp = simplexValue(model, limit)
        let clock = Clock(SolverOptions(timeLimit: 600))
        for steps in [64, 640, 20_000] {
            let r = CoverPDHG(model, limit: limit).run(from: model.weights.map { $0 / 2 }, tolerance: 1e-7, deadline: 600,
                                                     maxSteps: steps, clock: clock, done: { _ in false }, primalPoint: { _ in })
            #expect(r.bound >= lp - 1e-7 * lp, "steps \(steps)")
            #expect(r.primal <= lp + 1e-7 * lp, "steps \(steps)")
            #expect(CoverBound(model: model, limit: limit).evaluate(r.lambda, fixing: nil).bound == r.bound)
            if steps == 20_000 { #expect(r.bound <= lp * (1 + 1e-4), "bound \(r.bound), LP \(lp)") }
        }
    }

    /// The projection onto {0 ≤ x ≤ 1, Σ c x ≤ B} in the steps' metric: feasible, tight when clipping
    /// alone is not, and of the form clip(y − μ metric c) with one μ.
    @Test(arguments: 0..<4)
    func projectionIsTheNearestPointInTheStepsMetric(seed: Int) {
        var r = Random(state: UInt64(40 + seed))
        let inst = PlaneInstance(n: 60, m: 25, seed: UInt64(seed))
        let budget = seed % 2 == 1
        let limit: SiteLimit = budget ? .budget(20) : .count(5)
        let model = GainModel(MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 400),
                                                     costs: inst.costs, limit: limit))
        let m = model.byCandidate.count
        let y = (0..<m).map { _ in r.unit() * 3 - 0.5 }
        let metric = (0..<m).map { _ in 0.1 + r.unit() }
        let x = CoverPDHG(model, limit: limit).project(y, metric: metric)
        let cost = { (j: Int) in budget ? model.costs[j] : 1 }
        let used = (0..<m).reduce(0) { $0 + cost($1) * x[$1] }
        let room = budget ? 20.0 : 5.0
        #expect(used <= room + 1e-9)
        #expect(abs(used - room) < 1e-6)
        let mus = (0..<m).filter { x[$0] > 1e-9 && x[$0] < 1 - 1e-9 }.map { (y[$0] - x[$0]) / (metric[$0] * cost($0)) }
        #expect(!mus.isEmpty)
        for mu in mus { #expect(abs(mu - mus[0]) < 1e-6) }
    }

    /// The iterated local search keeps a feasible answer, never a worse one, and repeats itself.
    @Test(arguments: [SiteLimit.count(8), .budget(30)])
    func perturbationNeverWorsensAndRepeats(limit: SiteLimit) {
        let inst = PlaneInstance(n: 500, m: 70, seed: 11)
        let problem = MaximalCoveringProblem(weights: inst.weights, sets: inst.sets(radius: 110), costs: inst.costs, limit: limit)
        let model = GainModel(problem)
        let start = CoverSearch.greedy(model, limit: limit)
        let clock = Clock(SolverOptions(timeLimit: 600))
        var answers: [CoverState] = []
        for _ in 0..<2 {
            var s = start
            var search = CoverPerturbation(patience: 300, limit: limit)
            search.search(&s, deadline: 600, done: { _ in false }, clock: clock)
            answers.append(s)
        }
        #expect(answers[0].value >= start.value)
        #expect(answers[0].sites == answers[1].sites)
        let chosen = answers[0].sites.map { model.original[$0] }
        #expect(problem.coveredWeight(chosen) == answers[0].value + model.baseline)
        switch limit {
        case .count(let p): #expect(chosen.count <= p)
        case .budget(let b): #expect(chosen.reduce(0) { $0 + inst.costs[$1] } <= b + 1e-9)
        }
    }
}
