import Foundation
import GeoKit
import Planning

/// Candidate sites: where a nursery could open (idle land, vacant buildings, kindergartens, reserved plots).
public struct CandidateSite {
    public let id: String
    public let name: String
    /// e.g. idle_land, vacant_building, kindergarten, reserved; empty when the layer has no kind field.
    public let kind: String
    /// Places; nil when the layer has no capacity field.
    public let capacityPlaces: Double?
    public let cost: Double
    public let point: Geometry
    public let outputPoint: Geometry
    /// The user's own attributes of the candidate, in the order of `attributes.fields`.
    let attributes: InputAttributes
    let feature: Int
}

extension SiteRecords {
    static func candidates(path: String, options: SiteOptions, inputs: Inputs) throws -> [CandidateSite] {
        let needCapacity = options.objective == .capacitatedCoverage
        let records = try SiteRecords(path: path, role: .candidates, options: options.flag.inputs, capacityRequired: needCapacity,
                                      log: inputs.log, context: inputs.context, proj: inputs.proj)
        let layer = records.layer
        let label = { (i: Int) in featureLabel(index: i, id: records.ids[i]) }
        let kindIndex = try options.kindField.index(in: layer, option: "--kind-field")
        let needCost = options.budget != nil || options.minimise == .cost
        let costIndex = needCost
            ? try options.costField.required(in: layer, option: "--cost-field",
                                             why: options.budget != nil ? "the cost (--budget)" : "the cost (--minimize cost)")
            : try options.costField.index(in: layer, option: "--cost-field")
        var noCost: [String] = []
        let costs: [Double] = try layer.features.map { f in
            guard let c = costIndex else { return 1 }
            guard let v = try nonNegativeNumber(f.values[c], file: path, feature: label(f.index), field: layer.fieldNames[c],
                                                 rule: OptionRules.cost) else {
                noCost.append(records.ids[f.index])
                return 0
            }
            return v
        }
        if !noCost.isEmpty { inputs.log.warn("\(path): \(noCost.count) candidate(s) have no cost (counted as 0): \(listed(noCost))") }
        if costIndex == nil { inputs.log.note("\(path): no field \"\(options.costField.name)\"; every candidate costs 1") }
        let attributes = InputAttributes(layer)
        let sites = try records.points(frame: inputs.frame).map { i, metric, output in
            CandidateSite(id: records.ids[i], name: records.names[i],
                          kind: kindIndex.map { layer.features[i].values[$0].text } ?? "",
                          capacityPlaces: records.hasCapacity ? records.capacities[i] : nil,
                          cost: costs[i], point: metric, outputPoint: output, attributes: attributes, feature: i)
        }
        inputs.warnIfApart(sites.map(\.point), path: path, what: "candidate sites")
        return sites
    }
}
