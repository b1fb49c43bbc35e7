import CGDAL
import Foundation

public struct LayerReadOptions: Sendable {
    /// Character encoding of the file's text, when the user knows it (e.g. "GBK"); nil to detect.
    public var encoding: String?
    /// Skip geometry (attribute tables such as a population CSV).
    public var attributesOnly = false
    public init(encoding: String? = nil, attributesOnly: Bool = false) {
        self.encoding = encoding
        self.attributesOnly = attributesOnly
    }
}

extension VectorLayer {
    /// Reads the first layer of `path`. Throws a message that names the file.
    public static func read(_ path: String, options: LayerReadOptions = .init(),
                            context: GEOSContext) throws -> VectorLayer {
        _ = GDALRuntime.ready
        let given = try options.encoding.map { try TextEncoding($0) }
        try InputFile.checkRegular(path)
        let (ds, driver) = try open(path)
        defer { GDALClose(ds) }
        if driver == "ESRI Shapefile" { try checkShapefileParts(path) }
        let layerCount = GDALDatasetGetLayerCount(ds)
        guard layerCount > 0, let layer = GDALDatasetGetLayer(ds, 0) else {
            throw GeoError("\(path): the file holds no layer")
        }
        let others = (1..<max(1, layerCount)).compactMap { i -> String? in
            GDALDatasetGetLayer(ds, i).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
        let raw = try RawLayer(layer, path: path, attributesOnly: options.attributesOnly, context: context)
        let declared = driver == "ESRI Shapefile" ? DeclaredEncoding.of(shapefile: path) : nil
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
        return VectorLayer(path: path, layerName: String(cString: OGR_L_GetName(layer)), driver: driver,
                           fieldNames: names, crsWKT: raw.crsWKT, features: features, otherLayers: others,
                           fieldTypes: raw.types, text: text)
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
