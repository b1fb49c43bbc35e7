import Foundation
import GeoKit
import Planning

extension FlagOptions {
    /// Every number in range, before anything is read.
    public func validate() throws {
        if let p = standard.problem() { throw InputError(p) }
        try check(maxSnapM, OptionRules.maxSnap, "--max-snap-m")
        if let y = inputs.newSince { try check(y, OptionRules.newSince, "--new-since") }
        try checkOutputPath(odMatrixOut, option: "--od-matrix-out", inputs: inputPaths)
        try database?.validate()
    }

    /// Every file the run reads.
    public var inputPaths: [String] {
        [inputs.communities] + [inputs.facilities, inputs.populationTable, inputs.streets, roads].compactMap { $0 }
    }
}

/// An output file outside --out: not an input, in a folder that exists, refused before anything is read.
func checkOutputPath(_ path: String?, option: String, inputs: [String]) throws {
    guard let path else { return }
    let canonical = OutputFolder.canonical(path)
    if inputs.map(OutputFolder.canonical).contains(canonical) {
        throw InputError("\(option) \(path): is one of the inputs; choose another file (inputs are never overwritten)")
    }
    var isDirectory: ObjCBool = false
    let dir = (canonical as NSString).deletingLastPathComponent
    guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw InputError("\(option) \(path): the folder \(dir) does not exist")
    }
}

func check(_ v: Double, _ rule: NumberRule, _ option: String) throws {
    if let p = rule.problem(v) { throw InputError("\(option) \(p)") }
}

func check(_ v: Int, _ rule: NumberRule, _ option: String) throws {
    if let p = rule.problem(v) { throw InputError("\(option) \(p)") }
}

extension SiteOptions {
    /// Numbers in range and options that work together, before anything is read.
    public func validate() throws {
        try flag.validate()
        try checkOutputPath(flag.odMatrixOut, option: "--od-matrix-out", inputs: inputPaths)
        if let p { try check(p, OptionRules.p, "--p") }
        if let budget { try check(budget, OptionRules.budget, "--budget") }
        if let maxDistance { try check(maxDistance, OptionRules.maxDistance, "--max-distance") }
        if let curve { try check(curve, OptionRules.curve, "--curve") }
        try check(timeLimit, OptionRules.timeLimit, "--time-limit")
        try check(gapTolerance, OptionRules.gapTolerance, "--gap-tolerance")
        try constraints.validate()
        try validateObjective()
    }

    private func validateObjective() throws {
        guard phases.isEmpty else { return try validatePhases() }
        switch objective {
        case .coverage, .capacitatedCoverage:
            if p == nil && budget == nil { throw InputError("--objective \(objective.rawValue) needs --p N or --budget X") }
            if p != nil && budget != nil { throw InputError("give --p or --budget, not both") }
        case .distance:
            if budget != nil { throw InputError("--objective distance takes --p, not --budget") }
            if p == nil { throw InputError("--objective distance needs --p N") }
        case .coverAll:
            if p != nil || budget != nil {
                throw InputError("--objective cover-all finds the number of sites itself: drop --p/--budget (use --minimize cost to weigh costs)")
            }
        }
    }

    /// Phases give the counts and budgets: none at the top, and what the objective can take.
    private func validatePhases() throws {
        if objective == .coverAll { throw InputError("phases: cover-all finds the number of sites itself; use coverage with a p per phase") }
        if p != nil || budget != nil { throw InputError("objective.p/budget: with phases, each phase gives its own p or budget") }
        for (k, phase) in phases.enumerated() {
            try phase.validate("phases[\(k + 1)]", after: k > 0 ? phases[k - 1] : nil)
            if objective == .distance && (phase.budget != nil || phase.p == nil) {
                throw InputError("phases[\(k + 1)]: the distance objective takes p, not budget")
            }
        }
    }

    /// Every file the run reads.
    public var inputPaths: [String] {
        flag.inputPaths + [candidates] + [odMatrix].compactMap { $0 } + exclusions.map(\.layer)
    }

    /// Options against the candidates read.
    func validate(candidates: [CandidateSite]) throws {
        if let p, p > candidates.count {
            throw InputError("--p \(p) is larger than the \(candidates.count) candidate sites in \(self.candidates)")
        }
        if let b = budget, let cheapest = candidates.map(\.cost).min(), b < cheapest {
            let c = JSONNumber.text(cheapest)
            throw InputError("--budget \(JSONNumber.text(b)) is below the cheapest candidate site (\(c)) in \(self.candidates)")
        }
        if objective == .capacitatedCoverage, candidates.allSatisfy({ ($0.capacityPlaces ?? 0) == 0 }) {
            throw InputError("\(self.candidates): every candidate has capacity 0; capacitated coverage needs --capacity-field")
        }
    }
}

extension PriorityCheckOptions {
    public func validate() throws {
        try site.flag.validate()
        if let budget = site.budget { try check(budget, OptionRules.budget, "--budget") }
        try check(site.timeLimit, OptionRules.timeLimit, "--time-limit")
        try check(minGainPercent, OptionRules.minGain, "--min-gain")
    }
}

enum JSONNumber {
    static func text(_ v: Double) -> String { JSONValue.number(v).compact }
}
