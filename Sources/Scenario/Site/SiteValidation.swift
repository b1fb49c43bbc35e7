extension SiteRun {
    /// Options that cannot work together, before anything is read.
    static func validate(_ o: SiteOptions) throws {
        if let p = o.p, p < 1 { throw InputError("--p must be at least 1 (got \(p))") }
        if let b = o.budget, !(b > 0) || !b.isFinite { throw InputError("--budget must be a positive amount (got \(b))") }
        if !(o.timeLimit >= 0) { throw InputError("--time-limit must be zero or more seconds") }
        if !(o.gapTolerance >= 0) { throw InputError("--gap-tolerance must be zero or more percent") }
        if let c = o.curve, c < 1 { throw InputError("--curve must be at least 1") }
        switch o.objective {
        case .coverage, .capacitatedCoverage:
            if o.p == nil && o.budget == nil { throw InputError("--objective \(o.objective.rawValue) needs --p N or --budget X") }
            if o.p != nil && o.budget != nil { throw InputError("give --p or --budget, not both") }
        case .distance:
            if o.budget != nil { throw InputError("--objective distance takes --p, not --budget") }
            if o.p == nil { throw InputError("--objective distance needs --p N") }
        case .coverAll:
            if o.p != nil || o.budget != nil {
                throw InputError("--objective cover-all finds the number of sites itself: drop --p/--budget (use --minimize cost to weigh costs)")
            }
        }
    }

    /// Options against the candidates read.
    static func validate(_ o: SiteOptions, candidates: [CandidateSite]) throws {
        if let p = o.p, p > candidates.count {
            throw InputError("--p \(p) is larger than the \(candidates.count) candidate sites in \(o.candidates)")
        }
        if let b = o.budget, let cheapest = candidates.map(\.cost).min(), b < cheapest {
            let c = JSONNumber.text(cheapest)
            throw InputError("--budget \(JSONNumber.text(b)) is below the cheapest candidate site (\(c)) in \(o.candidates)")
        }
        if o.objective == .capacitatedCoverage, candidates.allSatisfy({ ($0.capacityPlaces ?? 0) == 0 }) {
            throw InputError("\(o.candidates): every candidate has capacity 0; capacitated coverage needs --capacity-field")
        }
    }
}

import GeoKit
enum JSONNumber {
    static func text(_ v: Double) -> String { JSONValue.number(v).compact }
}
