import Testing
@testable import Siting

@Suite struct CapacitatedCoverageTests {
    @Test func flowSplitsDemandAndRespectsCapacity() {
        // Demand 0 (10 places) is reached by both sites (6 and 6 places); demand 1 (3) only by site 1.
        let sets = CoverageSets(demandCount: 2, byCandidate: [[0], [0, 1]])
        let problem = CapacitatedCoverageProblem(demand: [10, 3], sets: sets, capacities: [6, 6], limit: .count(2))
        let a = problem.assign([0, 1])
        #expect(a.total == 12)
        #expect(a.flows.filter { $0.facility == 1 }.reduce(0) { $0 + $1.places } == 6)
        #expect(a.flows.filter { $0.demand == 1 }.reduce(0) { $0 + $1.places } == 3)
    }

    @Test(arguments: 0..<10)
    func matchesBruteForce(seed: Int) {
        let inst = PlaneInstance(n: 30, m: 9, seed: UInt64(400 + seed))
        let existing = CoverageSets(demandCount: 30, byCandidate: [Array(0..<30).filter { $0 % 5 == 0 }.map(Int32.init)])
        let problem = CapacitatedCoverageProblem(
            demand: inst.weights.map { $0 / 10 }, sets: inst.sets(radius: 300),
            capacities: inst.costs.map { $0 * 4 }, existing: existing, existingCapacities: [15],
            limit: .count(1 + seed % 3))
        let best = subsets(9, 1 + seed % 3).map { problem.assign($0).total }.max()!
        let s = problem.solve()
        #expect(abs(s.objective - best) < 1e-6)
        #expect(s.bound >= s.objective - 1e-9)
    }

    /// The same instances without enumeration: the LP relaxation and its branch and bound prove them.
    @Test(arguments: 0..<10)
    func lpBranchAndBoundMatchesBruteForce(seed: Int) {
        let inst = PlaneInstance(n: 40, m: 10, seed: UInt64(500 + seed))
        let problem = CapacitatedCoverageProblem(
            demand: inst.weights.map { $0 / 10 }, sets: inst.sets(radius: 300),
            capacities: inst.costs.map { $0 * 3 }, limit: .count(2 + seed % 3))
        let best = subsets(10, 2 + seed % 3).map { problem.assign($0).total }.max()!
        var options = SolverOptions(timeLimit: 30)
        options.enumerationLimit = 0
        let s = problem.solve(options)
        #expect(abs(s.objective - best) < 1e-6 * max(1, best))
        #expect(s.proven && s.stop == .proven)
        #expect(s.bound >= s.objective - 1e-9)
    }

    /// Stopped at once, the answer is still the greedy's, not an empty plan.
    @Test func noTimeStillGivesTheGreedyAnswer() {
        let inst = PlaneInstance(n: 40, m: 10, seed: 77)
        let problem = CapacitatedCoverageProblem(
            demand: inst.weights.map { $0 / 10 }, sets: inst.sets(radius: 300),
            capacities: inst.costs.map { $0 * 3 }, limit: .count(3))
        var options = SolverOptions(timeLimit: 0)
        options.enumerationLimit = 0
        let s = problem.solve(options)
        #expect(!s.chosen.isEmpty && s.objective > 0)
        #expect(s.bound >= s.objective - 1e-9)
    }

    @Test func boundHoldsOnLargerInstances() {
        let inst = PlaneInstance(n: 300, m: 60, seed: 9)
        let problem = CapacitatedCoverageProblem(demand: inst.weights, sets: inst.sets(radius: 150),
                                                 capacities: inst.costs.map { $0 * 40 }, limit: .count(8))
        let s = problem.solve(SolverOptions(timeLimit: 5))
        #expect(s.bound >= s.objective - 1e-9)
        #expect(abs(problem.assign(s.chosen).total - s.objective) < 1e-6)
        #expect(s.chosen.count <= 8)
    }

    /// Sites opened one at a time by augmenting from each new site give the maximum flow computed afresh,
    /// and a tried site leaves the network as it was (tight capacities, so flows must be rerouted).
    @Test(arguments: 0..<8)
    func incrementalFlowMatchesFreshFlow(seed: Int) {
        let inst = PlaneInstance(n: 60, m: 14, seed: UInt64(700 + seed))
        let existing = CoverageSets(demandCount: 60, byCandidate: [Array(0..<60).filter { $0 % 4 == 0 }.map(Int32.init),
                                                                   Array(0..<60).filter { $0 % 7 == 1 }.map(Int32.init)])
        let problem = CapacitatedCoverageProblem(
            demand: inst.weights.map { $0 / 20 }, sets: inst.sets(radius: 350),
            capacities: inst.costs.map { $0 * Double(1 + seed % 3) }, existing: existing,
            existingCapacities: [40, 25], limit: .count(14))
        var net = PlacesNetwork(problem)
        var rng = SeededRandom(seed: UInt64(seed))
        for j in (0..<14).shuffled(using: &rng) {
            let before = net.total
            let tried = net.gain(j)
            #expect(abs(net.total - before) < 1e-9)
            let tried2 = net.gain(j)
            #expect(abs(tried - tried2) < 1e-9)
            let added = net.open(j)
            #expect(abs(added - tried) < 1e-6)
            #expect(abs(net.total - problem.assign(net.sites).total) < 1e-6)
        }
        // Closing sites, tried and for real, and opening one again.
        for j in [3, 9, 0, 12] {
            let before = net.total
            let tried = net.trying { $0.close(j) }
            #expect(abs(net.total - before) < 1e-9)
            let lost = net.close(j)
            #expect(abs(lost - tried) < 1e-6)
            #expect(abs(net.total - problem.assign(net.sites).total) < 1e-6)
        }
        net.open(9)
        #expect(abs(net.total - problem.assign(net.sites).total) < 1e-6)
    }
}
