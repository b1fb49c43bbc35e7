import CGDAL
import Foundation

/// One layer read through GDAL/OGR into memory: attributes by field, geometry as GEOS.
public struct VectorLayer {
    public struct Feature {
        /// Position in the file, 0-based (messages show it 1-based as "feature #n").
        public let index: Int
        public let values: [AttributeValue]
        /// Nil when the feature has no geometry (or the layer was read without geometry).
        public let geometry: Geometry?

        public init(index: Int, values: [AttributeValue], geometry: Geometry?) {
            self.index = index; self.values = values; self.geometry = geometry
        }
    }

    public let path: String
    public let layerName: String
    public let driver: String
    public let fieldNames: [String]
    /// The layer's CRS as WKT2, nil when the file declares none.
    public let crsWKT: String?
    public let features: [Feature]
    /// Other layers in the file, which were not read.
    public let otherLayers: [String]

    public init(path: String, layerName: String, driver: String, fieldNames: [String], crsWKT: String?,
                features: [Feature], otherLayers: [String]) {
        self.path = path; self.layerName = layerName; self.driver = driver; self.fieldNames = fieldNames
        self.crsWKT = crsWKT; self.features = features; self.otherLayers = otherLayers
    }

    public func fieldIndex(_ name: String) -> Int? {
        fieldNames.firstIndex(of: name) ?? fieldNames.firstIndex { $0.lowercased() == name.lowercased() }
    }
}

public struct LayerReadOptions: Sendable {
    /// Character encoding of a Shapefile's attributes, when it has no .cpg (e.g. "GBK").
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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GeoError("\(path): file not found")
        }
        var open = [
            // CSV: a WKT column, or lon/lat columns, under the names people use.
            "GEOM_POSSIBLE_NAMES=WKT,wkt,geometry,geom,the_geom",
            "X_POSSIBLE_NAMES=lon,lng,longitude,x,经度",
            "Y_POSSIBLE_NAMES=lat,latitude,y,纬度",
            "KEEP_GEOM_COLUMNS=NO",
        ]
        if let encoding = options.encoding { open.append("ENCODING=\(encoding)") }
        let openOptions = CStringList(open)
        CPLErrorReset()
        guard let ds = GDALOpenEx(path, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, openOptions.constPointer, nil) else {
            let why = GDALRuntime.lastError()
            throw GeoError("\(path): not a vector format GDAL can read\(why.isEmpty ? "" : " (\(why))")")
        }
        defer { GDALClose(ds) }
        let layerCount = GDALDatasetGetLayerCount(ds)
        guard layerCount > 0, let layer = GDALDatasetGetLayer(ds, 0) else {
            throw GeoError("\(path): the file holds no layer")
        }
        let driverName = GDALGetDriverShortName(GDALGetDatasetDriver(ds)).map { String(cString: $0) } ?? "?"
        let others = (1..<max(1, layerCount)).compactMap { i -> String? in
            GDALDatasetGetLayer(ds, i).flatMap { OGR_L_GetName($0) }.map { String(cString: $0) }
        }
        let defn = OGR_L_GetLayerDefn(layer)
        let fieldCount = OGR_FD_GetFieldCount(defn)
        var names: [String] = []
        var types: [OGRFieldType] = []
        for i in 0..<fieldCount {
            let fd = OGR_FD_GetFieldDefn(defn, i)
            names.append(String(cString: OGR_Fld_GetNameRef(fd)))
            types.append(OGR_Fld_GetType(fd))
        }
        var wkt: String?
        if let srs = OGR_L_GetSpatialRef(layer) {
            var text: UnsafeMutablePointer<CChar>?
            let fmt = CStringList(["FORMAT=WKT2_2019"])
            if OSRExportToWktEx(srs, &text, fmt.constPointer) == OGRERR_NONE, let text {
                wkt = String(cString: text)
            }
            VSIFree(text)
        }
        var features: [Feature] = []
        OGR_L_ResetReading(layer)
        var index = 0
        while let f = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(f); index += 1 }
            var values: [AttributeValue] = []
            values.reserveCapacity(Int(fieldCount))
            for i in 0..<fieldCount {
                values.append(attribute(f, Int32(i), types[Int(i)]))
            }
            var geometry: Geometry?
            if !options.attributesOnly, let g = OGR_F_GetGeometryRef(f) {
                geometry = try toGEOS(g, context: context, path: path, index: index)
            }
            features.append(Feature(index: index, values: values, geometry: geometry))
        }
        return VectorLayer(path: path, layerName: String(cString: OGR_L_GetName(layer)), driver: driverName,
                           fieldNames: names, crsWKT: wkt, features: features, otherLayers: others)
    }

    private static func attribute(_ f: OGRFeatureH, _ i: Int32, _ type: OGRFieldType) -> AttributeValue {
        guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .null }
        switch type {
        case OFTInteger, OFTInteger64: return .integer(OGR_F_GetFieldAsInteger64(f, i))
        case OFTReal: return .real(OGR_F_GetFieldAsDouble(f, i))
        default: return .string(String(cString: OGR_F_GetFieldAsString(f, i)))
        }
    }

    private static func toGEOS(_ g: OGRGeometryH, context: GEOSContext, path: String, index: Int) throws -> Geometry {
        var linear: OGRGeometryH? = nil
        if OGR_G_HasCurveGeometry(g, 0) != 0 { linear = OGR_G_GetLinearGeometry(g, 0, nil) }
        defer { if let linear { OGR_G_DestroyGeometry(linear) } }
        let source = linear ?? g
        OGR_G_FlattenTo2D(source)
        let size = Int(OGR_G_WkbSize(source))
        var bytes = [UInt8](repeating: 0, count: size)
        guard OGR_G_ExportToIsoWkb(source, wkbNDR, &bytes) == OGRERR_NONE else {
            throw GeoError("\(path): feature #\(index + 1): geometry cannot be read")
        }
        do {
            return try bytes.withUnsafeBytes { try Geometry.fromWKB($0, context: context) }
        } catch {
            throw GeoError("\(path): feature #\(index + 1): geometry cannot be read (\(error))")
        }
    }
}
