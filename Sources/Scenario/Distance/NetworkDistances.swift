import GeoKit
import Planning

/// Network distances from each site to the communities within `limit`, as rows per community.
struct NetworkDistances {
    let network: RoadNetwork
    let communityAttachments: [RoadNetwork.Attachment?]
    private let onEdge: [Int32: [Int32]]
    let maxSnap: Double

    init(network: RoadNetwork, inputs: Inputs, maxSnap: Double) {
        self.network = network
        self.maxSnap = maxSnap
        communityAttachments = inputs.communities.map { network.attach($0.point, maxSnap: maxSnap) }
        var onEdge: [Int32: [Int32]] = [:]
        for (i, a) in communityAttachments.enumerated() { if let a { onEdge[Int32(a.edge), default: []].append(Int32(i)) } }
        self.onEdge = onEdge
        let far = zip(inputs.communities, communityAttachments).filter { $0.1 == nil }.map(\.0.id)
        if !far.isEmpty {
            inputs.log.warn("\(far.count) communit\(far.count == 1 ? "y is" : "ies are") farther than \(JSONNumber.text(maxSnap)) m from any road: unreachable (\(listed(far)))")
        }
    }

    /// rows[i] = (site, distance) for every site reaching community i within `limit`.
    func rows(sites: [Geometry], ids: [String], what: String, limit: Double, log: RunLog) -> [[(Int, Double)]] {
        var rows = [[(Int, Double)]](repeating: [], count: communityAttachments.count)
        let targets = communityAttachments.map { $0 ?? RoadNetwork.Attachment(edge: -1, offset: 0, access: .infinity) }
        var far: [String] = []
        for (j, p) in sites.enumerated() {
            guard let a = network.attach(p, maxSnap: maxSnap) else { far.append(ids[j]); continue }
            for (i, d) in network.distances(from: a, targets: targets, targetsOnEdge: onEdge, limit: limit) {
                rows[i].append((j, d))
            }
        }
        if !far.isEmpty {
            log.warn("\(far.count) \(what) farther than \(JSONNumber.text(maxSnap)) m from any road: unreachable (\(listed(far)))")
        }
        return rows
    }
}

