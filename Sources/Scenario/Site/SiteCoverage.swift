import GeoKit
import Planning
import Siting

/// Who reaches whom, through the run's distance source.
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
    let alongRoads: Bool
    /// The network distances as an OD matrix, for `--od-matrix-out` (written with the outputs).
    var odMatrixOut: String?

    init(options: SiteOptions, inputs: Inputs, candidates: [CandidateSite]) throws {
        let source = try DistanceSource(options.flag, odMatrix: options.odMatrix, inputs: inputs, candidateIds: candidates.map(\.id))
        let reach = Reach(radius: options.flag.standard.radiusM, unit: source.unit, communities: inputs.communities)
        let facilityPoints = inputs.facilities.map(\.point), facilityIds = inputs.facilities.map(\.id)
        (unit, alongRoads) = (source.unit, source.alongRoads)
        guard case .straight = source.kind else {
            // Along roads or through a matrix: each pair measured once, within the farthest any use needs.
            let pMedianLimit = options.maxDistance ?? reach.searchLimit
            let facilityRows = try source.rows(facilities: true, points: facilityPoints, ids: facilityIds,
                                               limit: max(pMedianLimit, reach.searchLimit))
            let candidateRows = try source.rows(facilities: false, points: candidates.map(\.point), ids: candidates.map(\.id),
                                                limit: options.objective == .distance ? pMedianLimit : reach.largest)
            if options.flag.odMatrixOut != nil, source.alongRoads {
                odMatrixOut = odMatrixText(communities: inputs.communities.map(\.id),
                                           destinations: [(candidates.map(\.id), candidateRows), (facilityIds, facilityRows)])
            }
            existing = .fromRows(facilityRows, reach: reach)
            self.candidates = .fromRows(candidateRows, reach: reach)
            if options.objective == .distance {
                distances = DistanceLists(candidateCount: candidates.count, rows: candidateRows)
                existingDistance = facilityRows.map { $0.map(\.1).min() ?? .infinity }
            }
            return
        }
        existing = try source.coverage(facilities: true, points: facilityPoints, ids: facilityIds, reach: reach)
        self.candidates = try source.coverage(facilities: false, points: candidates.map(\.point), ids: candidates.map(\.id), reach: reach)
        guard options.objective == .distance else { return }
        (distances, existingDistance) = try Self.straightMedian(options, inputs: inputs, candidates: candidates, source: source,
                                                                existing: existing, reach: reach)
    }

    /// p-median in straight lines, from each community's point: every pair when that is affordable,
    /// else the pairs within --max-distance (default: the search limit).
    private static func straightMedian(_ options: SiteOptions, inputs: Inputs, candidates: [CandidateSite], source: DistanceSource,
                                       existing: Coverage, reach: Reach) throws -> (DistanceLists, [Double]) {
        let communities = inputs.communities
        let denseLimit = 25_000_000
        let distances: DistanceLists
        if let cutoff = options.maxDistance ?? (communities.count * candidates.count > denseLimit ? reach.searchLimit : nil) {
            let rows = try source.rows(facilities: false, points: candidates.map(\.point), ids: candidates.map(\.id), limit: cutoff)
            distances = DistanceLists(candidateCount: candidates.count, rows: rows)
            inputs.log.note("p-median considers candidates within \(JSONNumber.text(cutoff.rounded())) m of each community (--max-distance)")
        } else {
            let xy = communities.map { $0.point.xy ?? (.nan, .nan) }, cxy = candidates.map { $0.point.xy ?? (.nan, .nan) }
            distances = .dense(demands: communities.count, candidates: candidates.count) { i, j in
                let dx = xy[i].x - cxy[j].x, dy = xy[i].y - cxy[j].y
                return (dx * dx + dy * dy).squareRoot()
            }
        }
        let pointCoverage = options.flag.measure == .point ? existing
            : try Coverage.compute(communities: communities, sites: inputs.facilities.map(\.point), reach: reach,
                                   measure: .point, context: inputs.context)
        return (distances, pointCoverage.nearest.map { $0?.distanceM ?? .infinity })
    }

    /// Candidate coverage as the solver's sets.
    func sets(candidateCount: Int) -> CoverageSets {
        let byCandidate = CoverageSets.invert(candidates.within, count: candidateCount) { $0.site }
        return CoverageSets(demandCount: candidates.within.count, byCandidate: byCandidate)
    }

    func existingSets(facilityCount: Int) -> CoverageSets {
        let byFacility = CoverageSets.invert(existing.within, count: facilityCount) { $0.site }
        return CoverageSets(demandCount: existing.within.count, byCandidate: byFacility)
    }
}
