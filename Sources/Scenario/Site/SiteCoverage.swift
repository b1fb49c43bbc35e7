import GeoKit
import Planning
import Siting

/// Who reaches whom, from geometry in the metric CRS or from an OD matrix.
struct SiteCoverage {
    /// Communities → existing facilities within the radius (and the nearest one).
    let existing: Coverage
    /// Communities → candidates within the radius.
    let candidates: Coverage
    /// For p-median: distances to candidates, and to the nearest existing facility.
    var distances: DistanceLists?
    var existingDistance: [Double]?
    let unit: String
    /// Distances are walks along the roads (tables then also give the straight line).
    var alongRoads = false

    init(options: SiteOptions, inputs: Inputs, candidates: [CandidateSite]) throws {
        let radius = options.flag.standard.radiusM
        let communities = inputs.communities
        let pMedian = options.objective == .distance
        if let path = options.odMatrix {
            let od = try ODMatrix(path: path, options: inputs.options.od,
                                  ids: (communities.map(\.id), candidates.map(\.id), inputs.facilities.map(\.id)),
                                  encoding: inputs.options.encoding, log: inputs.log, context: inputs.context)
            existing = .fromRows(od.toFacilities, radius: radius)
            self.candidates = .fromRows(od.toCandidates, radius: radius)
            if pMedian {
                distances = DistanceLists(candidateCount: candidates.count, rows: od.toCandidates)
                existingDistance = od.toFacilities.map { $0.map(\.1).min() ?? .infinity }
            }
            unit = od.unit.rawValue
            return
        }
        if options.flag.distance == .network {
            let net = NetworkDistances(network: try loadRoads(options.flag, inputs: inputs), inputs: inputs,
                                       maxSnap: options.flag.maxSnapM)
            let reach = pMedian ? (options.maxDistance ?? max(5000, 10 * radius)) : radius
            let facilityRows = net.rows(sites: inputs.facilities.map(\.point), ids: inputs.facilities.map(\.id),
                                        what: "facilities", limit: max(reach, 5000, 10 * radius), log: inputs.log)
            let candidateRows = net.rows(sites: candidates.map(\.point), ids: candidates.map(\.id), what: "candidate sites",
                                         limit: reach, log: inputs.log)
            if let path = options.flag.odMatrixOut {
                try writeODMatrix(path, communities: communities.map(\.id),
                                  destinations: [(candidates.map(\.id), candidateRows), (inputs.facilities.map(\.id), facilityRows)])
            }
            existing = .fromRows(facilityRows, radius: radius)
            self.candidates = .fromRows(candidateRows, radius: radius)
            if pMedian {
                distances = DistanceLists(candidateCount: candidates.count, rows: candidateRows)
                existingDistance = facilityRows.map { $0.map(\.1).min() ?? .infinity }
            }
            unit = "m"
            alongRoads = true
            return
        }
        let measure = options.flag.measure
        existing = try Coverage.compute(communities: communities, sites: inputs.facilities.map(\.point), radiusM: radius,
                                        measure: measure, context: inputs.context)
        self.candidates = try Coverage.compute(communities: communities, sites: candidates.map(\.point), radiusM: radius,
                                               measure: measure, context: inputs.context)
        unit = "m"
        guard pMedian else { return }
        // p-median measures from each community's point: every pair when that is affordable, else the
        // pairs within --max-distance.
        let xy = communities.map { $0.point.xy ?? (.nan, .nan) }
        let cxy = candidates.map { $0.point.xy ?? (.nan, .nan) }
        func d(_ i: Int, _ j: Int) -> Double {
            let dx = xy[i].x - cxy[j].x, dy = xy[i].y - cxy[j].y
            return (dx * dx + dy * dy).squareRoot()
        }
        if let cutoff = options.maxDistance ?? (communities.count * candidates.count > 25_000_000 ? max(5000, 10 * radius) : nil) {
            let near = try Coverage.compute(communities: communities, sites: candidates.map(\.point), radiusM: cutoff,
                                            measure: .point, context: inputs.context)
            distances = DistanceLists(candidateCount: candidates.count,
                                      rows: near.within.map { $0.map { ($0.site, $0.distanceM) } })
            inputs.log.note("p-median considers candidates within \(Int(cutoff)) m of each community (--max-distance)")
        } else {
            distances = .dense(demands: communities.count, candidates: candidates.count, d)
        }
        let pointCoverage = measure == .point ? existing
            : try Coverage.compute(communities: communities, sites: inputs.facilities.map(\.point), radiusM: radius,
                                   measure: .point, context: inputs.context)
        existingDistance = pointCoverage.nearest.map { $0?.distanceM ?? .infinity }
    }

    /// Candidate coverage as the solver's sets.
    func sets(candidateCount: Int) -> CoverageSets {
        var byCandidate = [[Int32]](repeating: [], count: candidateCount)
        for (i, links) in candidates.within.enumerated() { for l in links { byCandidate[l.site].append(Int32(i)) } }
        return CoverageSets(demandCount: candidates.within.count, byCandidate: byCandidate)
    }

    func existingSets(facilityCount: Int) -> CoverageSets {
        var byFacility = [[Int32]](repeating: [], count: facilityCount)
        for (i, links) in existing.within.enumerated() { for l in links { byFacility[l.site].append(Int32(i)) } }
        return CoverageSets(demandCount: existing.within.count, byCandidate: byFacility)
    }
}
