import GeoKit
import Planning

/// The layers of report.html's interactive map, as one JSON object the page's script draws
/// (ReportMapScript): the run's own layers in the output CRS, geometry coded by MapCoder.
struct ReportMap {
    let run: SiteRun
    let labels: ReportLabels
    let outlines: StreetOutlines
    let coder: MapCoder

    init(run: SiteRun, labels: ReportLabels, outlines: StreetOutlines) {
        self.run = run
        self.labels = labels
        self.outlines = outlines
        coder = MapCoder(local: run.before.inputs.frame.localUnit)
    }

    private var flagIndex: [CommunityFlag: Int] {
        Dictionary(uniqueKeysWithValues: MapStyle.flagColours.enumerated().map { ($1.flag, $0) })
    }

    func data() throws -> JSONValue {
        let unit = run.before.inputs.frame.localUnit
        let flags = MapStyle.flagColours.map { JSONValue.array([.string($0.flag.rawValue), .string(labels.flag($0.flag.rawValue)), .string($0.colour)]) }
        return .object([
            ("crs", .string(unit == nil ? "lonlat" : "local")), ("q", .number(coder.quantum)),
            ("unit_m", .number(unit ?? 1)), ("text", labels.mapText), ("flags", .array(flags)),
            ("style", MapStyle.json),
            ("communities", communities()), ("streets", streets()), ("facilities", facilities()),
            ("sites", sites()), ("links", .array(try links())), ("excluded", excluded()),
            ("roads", .array(roadLinesLonLat(run.before.inputs).flatMap(coder.lines))),
        ])
    }

    private func layer(_ fields: [String], _ rows: [[JSONValue]], _ geometries: [JSONValue], extra: [(String, JSONValue)] = []) -> JSONValue {
        .object([("fields", .array(fields.map { .string($0) })), ("rows", .array(rows.map { .array($0) })),
                 ("g", .array(geometries))] + extra)
    }

    private func communities() -> JSONValue {
        let l = labels
        var rows: [[JSONValue]] = [], shapes: [JSONValue] = [], before: [JSONValue] = [], after: [JSONValue] = []
        let index = flagIndex
        for (i, c) in run.before.inputs.communities.enumerated() {
            guard let g = coder.shape(c.outputGeometry) else { continue }
            let a = run.before.assessment.communities[i]
            rows.append([.string(c.id), .string(c.name), .string(c.street), Rounded.number(c.population, 0),
                         Rounded.number(a.requiredPlaces, 1), a.nearestFacilityM.map { Rounded.number($0, 0) } ?? .null,
                         run.assigned[i].map { .string(run.facilityId($0.facility)) } ?? .null])
            shapes.append(g)
            before.append(.integer(index[a.flag] ?? 0))
            after.append(.integer(index[run.after.communities[i].flag] ?? 0))
        }
        let fields = [l.id, l.name, l.street, l.population, l.requiredPlaces, l.nearestM(run.coverage.unit), l.assignedTo]
        return layer(fields, rows, shapes, extra: [("before", .array(before)), ("after", .array(after))])
    }

    private func streets() -> JSONValue {
        let rate = { (v: Double?) in v.map { Rounded.number($0, 2) } ?? .null }
        let std = run.options.flag.standard
        var rows: [[JSONValue]] = [], shapes: [JSONValue] = [], points: [JSONValue] = []
        let before = Dictionary(uniqueKeysWithValues: run.before.streets.map { ($0.street, $0) })
        for s in run.streetsAfter where !s.street.isEmpty {
            let b = before[s.street]
            rows.append([.string(s.street), Rounded.number(s.population, 0), rate(b?.placesPer1000), rate(s.placesPer1000),
                         .string(s.meetsTarget(std) ? labels.yes : labels.no), .string(s.hasFacility ? labels.yes : labels.no)])
            shapes.append(outlines.fromLayer ? outlines.shapes[s.street].flatMap(coder.shape) ?? .null : .null)
            points.append(outlines.labels[s.street].flatMap(coder.point) ?? .null)
        }
        let fields = [labels.street, labels.population, "\(labels.per1000)（\(labels.before)）", "\(labels.per1000)（\(labels.after)）",
                      "\(labels.target)（\(JSONNumber.text(std.placesPer1000))）", labels.facility]
        return layer(fields, rows, shapes, extra: [("label", .array(points))])
    }

    private func facilities() -> JSONValue {
        var rows: [[JSONValue]] = [], points: [JSONValue] = []
        for f in run.before.inputs.facilities {
            guard let p = coder.point(f.outputPoint) else { continue }
            rows.append([.string(f.id), .string(f.name), .string(f.street), Rounded.number(f.capacityPlaces, 0)])
            points.append(p)
        }
        return layer([labels.id, labels.name, labels.street, labels.places], rows, points)
    }

    private func sites() -> JSONValue {
        let years = run.yearOfSite
        var rows: [[JSONValue]] = [], points: [JSONValue] = []
        // A radius in minutes (an OD matrix of times) has no circle to draw.
        let radius = run.coverage.unit == ODUnit.m.rawValue ? run.options.flag.standard.radiusM : 0
        for (rank, step) in run.priority.enumerated() {
            let c = run.candidates[step.site]
            guard let p = coder.point(c.outputPoint) else { continue }
            let size = run.sizing.values(step.site)
            rows.append([.integer(rank + 1), .string(c.id), .string(c.name), .string(labels.kind(c.kind)),
                         years[step.site].map { .integer($0) } ?? .null, Rounded.number(step.marginal, 0), size[1]])
            points.append(p)
        }
        let fields = [labels.rank, labels.id, labels.name, labels.kind, labels.year, labels.gain, labels.placesPlanned]
        return layer(fields, rows, points, extra: [("radius_m", .number(radius))])
    }

    /// Communities to the new site each is assigned to (existing assignments are not drawn: they do not change).
    private func links() throws -> [JSONValue] {
        let inputs = run.before.inputs
        var out: [JSONValue] = []
        for (i, a) in run.assigned.enumerated() {
            guard let a, a.facility >= run.facilityCount,
                  let from = try inputs.outputPoint(ofCommunity: i).xy,
                  let to = run.candidates[a.facility - run.facilityCount].outputPoint.xy,
                  let line = coder.link(from, to) else { continue }
            out.append(line)
        }
        return out
    }

    private func excluded() -> JSONValue {
        var rows: [[JSONValue]] = [], points: [JSONValue] = []
        for x in run.excluded {
            guard let p = coder.point(x.site.outputPoint) else { continue }
            rows.append([.string(x.site.id), .string(x.site.name), .string(labels.kind(x.site.kind)), .string(labels.excludedReason(x))])
            points.append(p)
        }
        return layer([labels.id, labels.name, labels.kind, labels.reason], rows, points)
    }
}
