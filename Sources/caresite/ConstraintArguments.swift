import ArgumentParser
import Scenario

/// What the plan must do besides its objective: per-street minimum, kind quotas, must-serve communities.
struct ConstraintArguments: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("Every street ends with at least N facilities, existing plus new (streets from --streets or the street field).", valueName: "n"))
    var minPerStreet: Int?

    @Flag(help: "With --min-per-street: streets without enough candidate sites are listed instead of stopping the run.")
    var minPerStreetWhereFeasible = false

    @Option(help: ArgumentHelp("At least N new sites of this candidate kind (repeatable), e.g. kindergarten=20.", valueName: "kind=n"))
    var kindMin: [String] = []

    @Option(help: ArgumentHelp("At most N new sites of this candidate kind (repeatable).", valueName: "kind=n"))
    var kindMax: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Communities of at least this population must end within reach of a facility.", valueName: "people"))
    var mustServePopulation: Double?

    @Option(help: ArgumentHelp("Communities of this status must end within reach of a facility (repeatable): new | old.", valueName: "status"))
    var mustServeStatus: [String] = []

    func constraints() throws -> PlanConstraints {
        var c = PlanConstraints()
        c.minPerStreet = minPerStreet
        c.minPerStreetWhereFeasible = minPerStreetWhereFeasible
        if minPerStreetWhereFeasible && minPerStreet == nil {
            throw InputError("--min-per-street-where-feasible needs --min-per-street N")
        }
        for q in kindMin { let (k, n) = try PlanConstraints.quota(q, option: "--kind-min"); c.kindMin[k] = n }
        for q in kindMax { let (k, n) = try PlanConstraints.quota(q, option: "--kind-max"); c.kindMax[k] = n }
        c.mustServePopulation = mustServePopulation
        c.mustServeStatus = try mustServeStatus.map(PlanConstraints.status)
        return c
    }
}
