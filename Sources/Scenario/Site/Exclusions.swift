import GeoKit

/// A candidate left out before optimising.
public struct ExcludedSite {
    public let site: CandidateSite
    public let reason: String
    public let hazardId: String?
    public let distanceM: Double?
    /// What the hazard is ("gas_station", the layer's label) and the distance it requires; nil for a kind left out.
    public var hazard: String? = nil
    public var minimumM: Double? = nil
}

extension SiteRun {
    /// Candidates of the kinds asked for and not too close to a hazard (JGJ 39: away from dangerous
    /// goods, gas stations, high-voltage lines, heavy traffic and pollution).
    static func exclude(_ all: [CandidateSite], options: SiteOptions,
                        inputs: Inputs) throws -> ([CandidateSite], [ExcludedSite]) {
        let hazards = try options.exclusions.map { try HazardLayer($0, inputs: inputs) }
        var kept: [CandidateSite] = []
        var excluded: [ExcludedSite] = []
        for c in all {
            if let kinds = options.kinds, !kinds.contains(c.kind) {
                excluded.append(ExcludedSite(site: c, reason: "kind \"\(c.kind)\" is not among the scenario's kinds", hazardId: nil, distanceM: nil))
                continue
            }
            var why: ExcludedSite?
            for h in hazards {
                guard let (k, d) = try h.violation(at: c.point) else { continue }
                let what = h.types[k].isEmpty ? (h.exclusion.label ?? "hazard") : h.types[k]
                let text = "\(JSONNumber.text(d.rounded())) m from \(what) \(h.ids[k]) (minimum \(JSONNumber.text(h.minimum(k))) m)"
                if why == nil || d < why!.distanceM! {
                    why = ExcludedSite(site: c, reason: text, hazardId: h.ids[k], distanceM: d, hazard: what, minimumM: h.minimum(k))
                }
            }
            if let why { excluded.append(why) } else { kept.append(c) }
        }
        if !excluded.isEmpty {
            inputs.log.note("\(excluded.count) candidate site(s) left out before optimising (excluded_candidates.geojson)")
        }
        return (kept, excluded)
    }

    func excludedLayer() -> OutputLayer {
        var layer = OutputLayer(name: "excluded_candidates", fields: [
            .init("id", .string), .init("name", .string), .init("kind", .string), .init("reason", .string),
            .init("hazard_id", .string), .init("distance_m", .real),
        ], hasGeometry: true)
        for x in excluded {
            layer.append([.string(x.site.id), .string(x.site.name), .string(x.site.kind), .string(x.reason),
                          x.hazardId.map { .string($0) } ?? .null, x.distanceM.map { Rounded.number($0, 1) } ?? .null],
                         geometry: x.site.outputPoint)
        }
        return excluded.first?.site.attributes.appended(to: layer) { excluded[$0].site.feature } ?? layer
    }
}
