import CGDAL
import Foundation

public struct LayerReadOptions: Sendable {
    /// Character encoding of the file's text, when the user knows it (e.g. "GBK"); nil to detect.
    public var encoding: String?
    /// Skip geometry (attribute tables such as a population CSV).
    public var attributesOnly = false
    /// The layer to read by name (a GeoPackage holds several); nil: the first.
    public var layer: String?
    public init(encoding: String? = nil, attributesOnly: Bool = false, layer: String? = nil) {
        self.encoding = encoding
        self.attributesOnly = attributesOnly
        self.layer = layer
    }
}

extension VectorLayer {
    /// Reads the first layer of `path` (or the one `options.layer` names), or a database table (`path` a
    /// name from `DatabaseSources`, or a connection). Throws a message that names the file or the table.
    public static func read(_ path: String, options: LayerReadOptions = .init(),
                            context: GEOSContext) throws -> VectorLayer {
        _ = GDALRuntime.ready
        if let (name, entry) = try DatabaseSources.shared.entry(path) {
            return try readDatabase(name, entry: entry, options: options, context: context)
        }
        let given = try options.encoding.map { try TextEncoding($0) }
        try InputFile.checkRegular(path)
        let (ds, driver) = try open(path)
        defer { GDALClose(ds) }
        if driver == "ESRI Shapefile" { try checkShapefileParts(path) }
        let layer = try pick(ds, name: options.layer, source: path)
        let raw = try RawLayer(layer, path: path, attributesOnly: options.attributesOnly, context: context)
        let declared = driver == "ESRI Shapefile" ? DeclaredEncoding.of(shapefile: path) : nil
        return try decode(raw, layer: layer, ds: ds, path: path, driver: driver, given: given, declared: declared)
    }

    /// The layer `name` of `ds` (the first when nil); a missing one is named with those there are.
    static func pick(_ ds: GDALDatasetH, name: String?, source: String, kind: String = "layer") throws -> OGRLayerH {
        let count = GDALDatasetGetLayerCount(ds)
        guard let name else {
            guard count > 0, let first = GDALDatasetGetLayer(ds, 0) else { throw GeoError("\(source): the file holds no layer") }
            return first
        }
        CPLErrorReset()
        if let l = GDALDatasetGetLayerByName(ds, name) { return l }
        let why = GDALRuntime.lastError()
        let all = layerNames(ds)
        let there = all.isEmpty ? "it holds none" : "it holds \(all.prefix(30).joined(separator: ", "))\(all.count > 30 ? ", …" : "")"
        throw GeoError("\(source): no \(kind) \"\(name)\" (\(why.isEmpty ? there : why))")
    }

    static func layerNames(_ ds: GDALDatasetH) -> [String] {
        (0..<GDALDatasetGetLayerCount(ds)).compactMap { i in
            GDALDatasetGetLayer(ds, i).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
    }

    /// The raw layer's text decoded (in the encoding given, declared or detected).
    static func decode(_ raw: RawLayer, layer: OGRLayerH, ds: GDALDatasetH, path: String, driver: String,
                       given: TextEncoding?, declared: DeclaredEncoding?) throws -> VectorLayer {
        let chosen = OGR_L_GetName(layer).map { String(cString: $0) } ?? ""
        let (encoding, text) = try TextReading.choose(raw, path: path, given: given, declared: declared)
        let names = try raw.names.enumerated().map { k, bytes in
            guard let s = encoding.decode(bytes) else {
                throw GeoError("\(path): field #\(k + 1): its name is not valid \(encoding.label) text")
            }
            return s
        }
        let features = try raw.features.map { f in
            Feature(index: f.index, values: try f.values.enumerated().map { k, v in
                try v.decoded(encoding, path: path, feature: f.index, field: names[k])
            }, geometry: f.geometry)
        }
        let others = driver == "PostgreSQL" ? [] : layerNames(ds).filter { $0 != chosen }
        return VectorLayer(path: path, layerName: chosen, driver: driver, fieldNames: names, crsWKT: raw.crsWKT,
                           features: features, otherLayers: others, fieldTypes: raw.types, text: text)
    }

    /// Whether a JSON file has a `true` or `false` anywhere (then each feature's own JSON is kept, to
    /// tell a boolean from the number GDAL makes of it in a field that also holds numbers).
    static func mayHoldBooleans(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return data.range(of: Data("true".utf8)) != nil || data.range(of: Data("false".utf8)) != nil
    }

    /// A .shp without its .dbf has no attributes at all: ids, names and population would all be missing.
    private static func checkShapefileParts(_ path: String) throws {
        let base = (path as NSString).deletingPathExtension
        guard ["dbf", "DBF", "Dbf"].contains(where: { FileManager.default.fileExists(atPath: base + "." + $0) }) else {
            throw GeoError("\(path): the shapefile has no .dbf beside it, so no attributes (ids, population, names); "
                           + "copy all of its files (.shp, .shx, .dbf, .prj, .cpg)")
        }
    }

    /// Opens with options fitted to the driver: no recoding of shapefile text (we decode it), headers
    /// forced for spreadsheets, WKT columns of CSV read as geometry.
    private static func open(_ path: String) throws -> (GDALDatasetH, String) {
        CPLErrorReset()
        let identified = GDALIdentifyDriverEx(path, UInt32(GDAL_OF_VECTOR), nil, nil)
        let driver = identified.flatMap { GDALGetDriverShortName($0) }.map { String(cString: $0) } ?? ""
        var open: [String] = []
        switch driver {
        case "ESRI Shapefile": open = ["ENCODING="]
        case "XLSX", "ODS": open = ["HEADERS=FORCE", "FIELD_TYPES=AUTO"]
        case "CSV": open = ["GEOM_POSSIBLE_NAMES=WKT,wkt,geometry,geom,the_geom", "KEEP_GEOM_COLUMNS=NO"]
        case "GeoJSON" where mayHoldBooleans(path): open = ["NATIVE_DATA=YES"]
        default: break
        }
        let openOptions = CStringList(open)
        guard let ds = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, openOptions.constPointer, nil) else {
            let why = GDALRuntime.lastError()
            throw GeoError("\(path): not a vector format GDAL can read\(why.isEmpty ? "" : " (\(why))")")
        }
        let name = GDALGetDriverShortName(GDALGetDatasetDriver(ds)).map { String(cString: $0) } ?? driver
        return (ds, name)
    }
}
