import GeoKit
import Planning

/// Everything `flag` and `site` read, checked and in one metric frame.
public final class Inputs {
    public let communities: [Community]
    public let facilities: [CareFacility]
    /// "EPSG:32650 (WGS 84 / UTM zone 50N)"
    public let metricCRS: String
    /// Ids of communities with no population (counted as 0).
    public let missingPopulation: [String]
    /// Features skipped for having no geometry, and polygons repaired, over all layers.
    public let skippedFeatures: Int
    public let repairedPolygons: Int
    /// (role, path) of every file read, for provenance.
    public private(set) var files: [(role: String, path: String)]

    /// Another file read later (roads), for provenance.
    func addFile(_ role: String, _ path: String) { files.append((role, path)) }
    /// The roads the graph was built from, as read (kept for the report's maps).
    var roadsAsRead: (lines: [Geometry], crs: CRS)?
    /// The communities' own attributes, and the input feature of each community.
    let communityAttributes: InputAttributes
    let communityFeature: [Int]
    /// The facilities' own attributes, and the input feature of each facility.
    let facilityAttributes: InputAttributes
    let facilityFeature: [Int]
    /// Where the communities are, in the metric CRS.
    let communityBounds: Bounds?
    public let log: RunLog
    public let options: InputOptions
    /// Street boundaries, when given.
    let streetLayer: StreetLayer?
    public let context: GEOSContext
    let proj: PROJContext
    let frame: MetricFrame

    public init(_ options: InputOptions, log: RunLog = RunLog()) throws {
        let context = GEOSContext()
        let proj = PROJContext()
        let records = try CommunityRecords(options: options, log: log, context: context, proj: proj)
        guard records.geometries.geometries.contains(where: { $0 != nil }) else {
            throw InputError("\(options.communities): no feature has a geometry")
        }
        let box = try lonLatBounds(records.geometries.geometries, crs: records.crs, proj: proj)
        let frame = try MetricFrame(option: options.metricCRS, communitiesCRS: records.crs, lonLatBounds: box,
                                    proj: proj, log: log)
        let streets = try options.streets.map {
            try StreetLayer(path: $0, options: options, frame: frame, log: log, context: context, proj: proj)
        }
        let communities = try records.communities(frame: frame, streets: streets)
        var skipped = records.geometries.skipped.count
        var repaired = records.geometries.repaired
        var facilities: [CareFacility] = []
        var facilityAttributes = InputAttributes(), facilityFeature: [Int] = []
        var files = [(role: "communities", path: options.communities)]
        if let table = options.populationTable { files.append(("population", table)) }
        if let s = options.streets { files.append(("streets", s)) }
        if let path = options.facilities {
            let sites = try SiteRecords(path: path, role: .facilities, options: options, log: log, context: context, proj: proj)
            facilities = try sites.facilities(frame: frame, streets: streets, communities: communities, context: context)
            facilityAttributes = InputAttributes(sites.layer)
            facilityFeature = sites.geometries.geometries.indices.filter { sites.geometries.geometries[$0] != nil }
            skipped += sites.geometries.skipped.count
            repaired += sites.geometries.repaired
            files.append(("facilities", path))
        } else {
            log.note("no --facilities given: every community is counted as unserved")
        }
        self.communities = communities
        communityAttributes = InputAttributes(records.layer)
        communityFeature = records.geometries.geometries.indices.filter { records.geometries.geometries[$0] != nil }
        communityBounds = communities.map { $0.geometry.bounds }.reduce(nil) { (a: Bounds?, b) in a.map { $0.union(b) } ?? b }
        self.facilities = facilities
        self.facilityAttributes = facilityAttributes
        self.facilityFeature = facilityFeature
        self.metricCRS = "\(frame.crs.label) (\(frame.crs.name))"
        self.missingPopulation = records.missingPopulation
        self.skippedFeatures = skipped
        self.repairedPolygons = repaired
        self.files = files
        self.log = log
        self.options = options
        self.streetLayer = streets
        self.context = context
        self.proj = proj
        self.frame = frame
        if let path = options.facilities { warnIfApart(facilities.map(\.point), path: path, what: "facilities") }
        if let path = options.streets, let streets { warnIfApart(streets.metricShapes, path: path, what: "streets") }
    }

    /// A layer whose features all lie far from every community was almost surely read in the wrong CRS
    /// (or is of another town): said loudly, naming both files. "Far": beyond the longest search.
    func warnIfApart(_ geometries: [Geometry], path: String, what: String) {
        guard let box = geometries.map(\.bounds).reduce(nil, { (a: Bounds?, b) in a.map { $0.union(b) } ?? b }),
              let home = communityBounds?.expanded(by: Reach.minimumSearchM) else { return }
        guard box.maxX < home.minX || box.minX > home.maxX || box.maxY < home.minY || box.minY > home.maxY else { return }
        log.warn("\(path) (\(what)) lies nowhere near the communities of \(options.communities): none is within "
                 + "\(JSONNumber.text(Reach.minimumSearchM)) m of them. Check the CRS of both layers")
    }

    /// Community `i`'s measured point (in the metric CRS) in output coordinates: what lines are drawn from.
    func outputPoint(ofCommunity i: Int) throws -> Geometry { try frame.output(communities[i].point) }

    /// The CRS of the outputs' coordinates: EPSG:4326, or a local (engineering) CRS.
    public var outputCRS: String? { frame.outputCRS }
}
