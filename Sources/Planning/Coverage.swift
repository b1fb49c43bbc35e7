import GeoKit

/// Which sites lie within the radius of each community, and the nearest site, measured in the metric
/// CRS through a spatial index (never all pairs).
public struct Coverage {
    public struct Link: Sendable, Equatable {
        public let site: Int
        /// Metres, or the OD matrix's unit when coverage comes from one.
        public let distanceM: Double
        public init(site: Int, distanceM: Double) { self.site = site; self.distanceM = distanceM }
    }

    /// Per community, the sites within the radius, ascending by site index.
    public let within: [[Link]]
    /// Per community, the nearest site at any distance (nil when there are no sites).
    public let nearest: [Link?]

    public var servedCount: Int { within.filter { !$0.isEmpty }.count }

    public init(within: [[Link]], nearest: [Link?]) {
        self.within = within
        self.nearest = nearest
    }

    /// This coverage and `other` (whose sites are numbered after this one's `siteCount`) together.
    public func merged(with other: Coverage, siteCount: Int) -> Coverage {
        let shift = { (l: Link) in Link(site: l.site + siteCount, distanceM: l.distanceM) }
        return Coverage(
            within: zip(within, other.within).map { $0 + $1.map(shift) },
            nearest: zip(nearest, other.nearest).map { a, b in
                guard let b else { return a }
                guard let a else { return shift(b) }
                return b.distanceM < a.distanceM ? shift(b) : a
            })
    }

    /// Coverage from per-community (site, distance) rows (along roads, or an OD matrix): the sites
    /// within reach, and the nearest listed.
    public static func fromRows(_ rows: [[(Int, Double)]], reach: Reach) -> Coverage {
        Coverage(within: rows.enumerated().map { i, row in
                     row.filter { reach.covers($0.1, community: i) }.sorted { $0.0 < $1.0 }.map { Link(site: $0.0, distanceM: $0.1) }
                 },
                 nearest: rows.map { row in
                     row.min { ($0.1, $0.0) < ($1.1, $1.0) }.map { Link(site: $0.0, distanceM: $0.1) }
                 })
    }

    /// `sites`: points in the metric CRS; straight-line distances to each community's point or polygon.
    public static func compute(communities: [Community], sites: [Geometry], reach: Reach,
                               measure: CoverageMeasure, context: GEOSContext) throws -> Coverage {
        let index = SpatialIndex(sites, context: context)
        let siteXY = sites.map { $0.xy ?? (.nan, .nan) }
        var within: [[Link]] = []
        var nearest: [Link?] = []
        within.reserveCapacity(communities.count)
        nearest.reserveCapacity(communities.count)
        for (i, community) in communities.enumerated() {
            let target = measure == .point ? community.point : community.geometry
            let distance: (Int) throws -> Double
            if measure == .point, let p = community.point.xy {
                distance = { j in ((siteXY[j].x - p.x) * (siteXY[j].x - p.x) + (siteXY[j].y - p.y) * (siteXY[j].y - p.y)).squareRoot() }
            } else {
                distance = { j in try target.distance(to: sites[j]) }
            }
            var links: [Link] = []
            for j in index.query(target.bounds.expanded(by: reach.radius(of: i))) {
                let d = try distance(j)
                if reach.covers(d, community: i) { links.append(Link(site: j, distanceM: d)) }
            }
            within.append(links)
            if let best = links.min(by: { ($0.distanceM, $0.site) < ($1.distanceM, $1.site) }) {
                nearest.append(best)
            } else if let j = index.nearest(to: target, distance: { (try? distance($0)) ?? .infinity }) {
                nearest.append(Link(site: j, distanceM: try distance(j)))
            } else {
                nearest.append(nil)
            }
        }
        return Coverage(within: within, nearest: nearest)
    }
}
