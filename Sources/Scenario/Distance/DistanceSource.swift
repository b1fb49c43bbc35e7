import GeoKit
import Planning

/// Where distances come from: straight lines in the metric CRS, walks along a road layer, or an OD
/// matrix. `flag` and `site` both measure through it, so that "within reach" means the same in both.
struct DistanceSource {
    enum Kind {
        case straight
        case network(NetworkDistances)
        case matrix(ODMatrix)
    }

    let kind: Kind
    let inputs: Inputs
    let measure: CoverageMeasure

    /// `candidateIds`: the candidate sites an OD matrix may name (none for `flag`).
    init(_ options: FlagOptions, odMatrix: String?, inputs: Inputs, candidateIds: [String] = []) throws {
        self.inputs = inputs
        measure = options.measure
        if let path = odMatrix {
            kind = .matrix(try ODMatrix(path: path, options: inputs.options.od,
                                        ids: (inputs.communities.map(\.id), candidateIds, inputs.facilities.map(\.id)),
                                        encoding: inputs.options.encoding, log: inputs.log, context: inputs.context))
        } else if options.distance == .network {
            kind = .network(NetworkDistances(network: try loadRoads(options, inputs: inputs), inputs: inputs,
                                             maxSnap: options.maxSnapM))
        } else {
            kind = .straight
        }
    }

    /// "m", or the OD matrix's unit.
    var unit: String { if case .matrix(let od) = kind { od.unit.rawValue } else { "m" } }
    var alongRoads: Bool { if case .network = kind { true } else { false } }

    /// Per community, (site, distance) for every site within `limit`. `facilities`: the existing ones,
    /// else the candidates (an OD matrix lists both).
    func rows(facilities: Bool, points: [Geometry], ids: [String], limit: Double) throws -> [[(Int, Double)]] {
        switch kind {
        case .matrix(let od): return facilities ? od.toFacilities : od.toCandidates
        case .network(let net):
            return net.rows(sites: points, ids: ids, what: facilities ? "facilities" : "candidate sites", limit: limit, log: inputs.log)
        case .straight:
            let near = try Coverage.compute(communities: inputs.communities, sites: points, reach: Reach(radius: limit),
                                            measure: .point, context: inputs.context)
            return near.within.map { $0.map { ($0.site, $0.distanceM) } }
        }
    }

    /// Who reaches whom within `reach` (and the nearest, searched up to `reach.searchLimit`).
    func coverage(facilities: Bool, points: [Geometry], ids: [String], reach: Reach) throws -> Coverage {
        if case .straight = kind {
            return try Coverage.compute(communities: inputs.communities, sites: points, reach: reach, measure: measure,
                                        context: inputs.context)
        }
        return .fromRows(try rows(facilities: facilities, points: points, ids: ids, limit: reach.searchLimit), reach: reach)
    }
}
