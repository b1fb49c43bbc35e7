import CGDAL
import Foundation

/// A layer's contents before its text is decoded: names and strings as the bytes the file holds.
struct RawLayer {
    enum Value {
        case null, integer(Int64), real(Double), bytes([UInt8])

        func decoded(_ encoding: TextEncoding, path: String, feature: Int, field: String) throws -> AttributeValue {
            switch self {
            case .null: return .null
            case .integer(let v): return .integer(v)
            case .real(let v): return .real(v)
            case .bytes(let b):
                guard let s = encoding.decode(b) else {
                    throw GeoError("\(path): feature #\(feature + 1): field \"\(field)\": the text is not valid \(encoding.label)"
                                   + " (give the file's encoding, e.g. --encoding GBK)")
                }
                return .string(s)
            }
        }
    }
    struct Feature {
        var index: Int
        let values: [Value]
        let geometry: Geometry?
        /// The feature's id in its source (a table's key).
        var fid: Int64 = 0
    }

    let names: [[UInt8]]
    let types: [VectorLayer.AttributeType]
    let crsWKT: String?
    var features: [Feature]

    init(_ layer: OGRLayerH, path: String, attributesOnly: Bool, context: GEOSContext) throws {
        let defn = OGR_L_GetLayerDefn(layer)
        let fieldCount = OGR_FD_GetFieldCount(defn)
        var booleans: [Bool] = []
        var names: [[UInt8]] = [], ogrTypes: [OGRFieldType] = []
        for i in 0..<fieldCount {
            let fd = OGR_FD_GetFieldDefn(defn, i)
            names.append(RawLayer.bytes(OGR_Fld_GetNameRef(fd)))
            // A boolean is read as the text true/false, never as the number 1 or 0.
            let boolean = OGR_Fld_GetSubType(fd) == OFSTBoolean
            ogrTypes.append(boolean ? OFTString : OGR_Fld_GetType(fd))
            booleans.append(boolean)
        }
        self.names = names
        types = ogrTypes.map { t in
            t == OFTInteger || t == OFTInteger64 ? .integer : t == OFTReal ? .real : .string
        }
        crsWKT = RawLayer.crs(of: layer)
        var features: [Feature] = []
        OGR_L_ResetReading(layer)
        CPLErrorReset()
        var index = 0
        while let f = OGR_L_GetNextFeature(layer) {
            defer { OGR_F_Destroy(f); index += 1 }
            var values = (0..<fieldCount).map { k in
                booleans[Int(k)] && OGR_F_IsFieldSetAndNotNull(f, k) != 0
                    ? .bytes(Array((OGR_F_GetFieldAsInteger64(f, k) != 0 ? "true" : "false").utf8))
                    : RawLayer.value(f, k, ogrTypes[Int(k)])
            }
            if let native = OGR_F_GetNativeData(f) { RawLayer.restoreBooleans(&values, json: String(cString: native), names: names) }
            var geometry: Geometry?
            if !attributesOnly, let g = OGR_F_GetGeometryRef(f) {
                geometry = try VectorLayer.toGEOS(g, context: context, path: path, index: index)
            }
            features.append(Feature(index: index, values: values, geometry: geometry, fid: OGR_F_GetFID(f)))
        }
        // A damaged file (a truncated .shp, say) makes GDAL report a failure and skip or cut features.
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
            throw GeoError("\(path): the file is damaged and cannot be read whole (GDAL: \(GDALRuntime.lastError()))")
        }
        self.features = features
    }

    /// GeoJSON: a number GDAL made of a `true`/`false` (its field also holds numbers) is the text again.
    static func restoreBooleans(_ values: inout [Value], json: String, names: [[UInt8]]) {
        for (k, v) in values.enumerated() {
            guard case .integer = v else { continue }
            if let word = booleanMember(json, String(decoding: names[k], as: UTF8.self)) { values[k] = .bytes(Array(word.utf8)) }
        }
    }

    /// "true" or "false" when the JSON text has `"name": true` (or false).
    static func booleanMember(_ json: String, _ name: String) -> String? {
        var rest = json[...]
        while let r = rest.range(of: "\"\(name)\"") {
            let after = rest[r.upperBound...].drop { $0 == " " }
            if after.first == ":" {
                let value = after.dropFirst().drop { $0 == " " }
                if value.hasPrefix("true") { return "true" }
                if value.hasPrefix("false") { return "false" }
            }
            rest = rest[r.upperBound...]
        }
        return nil
    }

    static func bytes(_ p: UnsafePointer<CChar>?) -> [UInt8] {
        guard let p else { return [] }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
    }

    private static func value(_ f: OGRFeatureH, _ i: Int32, _ type: OGRFieldType) -> Value {
        guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .null }
        switch type {
        case OFTInteger, OFTInteger64: return .integer(OGR_F_GetFieldAsInteger64(f, i))
        case OFTReal: return .real(OGR_F_GetFieldAsDouble(f, i))
        case OFTIntegerList, OFTInteger64List, OFTRealList, OFTStringList: return listValue(f, i, type)
        default: return .bytes(bytes(OGR_F_GetFieldAsString(f, i)))
        }
    }

    /// A field GDAL made a list because some feature holds a list: a one-item list is that item (so a
    /// feature with a plain number is read as one), a longer one is text "[3,4]" that no number reads.
    private static func listValue(_ f: OGRFeatureH, _ i: Int32, _ type: OGRFieldType) -> Value {
        var count: Int32 = 0
        switch type {
        case OFTRealList:
            guard let p = OGR_F_GetFieldAsDoubleList(f, i, &count) else { return .null }
            let xs = (0..<Int(count)).map { p[$0] }
            return xs.count == 1 ? .real(xs[0]) : .bytes(Array("[\(xs.map { "\($0)" }.joined(separator: ","))]".utf8))
        case OFTStringList:
            guard let p = OGR_F_GetFieldAsStringList(f, i) else { return .null }
            var items: [[UInt8]] = []
            var k = 0
            while let s = p[k] { items.append(bytes(s)); k += 1 }
            return items.count == 1 ? .bytes(items[0]) : .bytes(Array("[".utf8) + Array(items.joined(separator: Array(",".utf8))) + Array("]".utf8))
        case OFTIntegerList:
            guard let p = OGR_F_GetFieldAsIntegerList(f, i, &count) else { return .null }
            let xs = (0..<Int(count)).map { Int64(p[$0]) }
            return xs.count == 1 ? .integer(xs[0]) : .bytes(Array("[\(xs.map { "\($0)" }.joined(separator: ","))]".utf8))
        default:
            guard let p = OGR_F_GetFieldAsInteger64List(f, i, &count) else { return .null }
            let xs = (0..<Int(count)).map { p[$0] }
            return xs.count == 1 ? .integer(xs[0]) : .bytes(Array("[\(xs.map { "\($0)" }.joined(separator: ","))]".utf8))
        }
    }

    private static func crs(of layer: OGRLayerH) -> String? {
        guard let srs = OGR_L_GetSpatialRef(layer) else { return nil }
        var text: UnsafeMutablePointer<CChar>?
        let fmt = CStringList(["FORMAT=WKT2_2019"])
        defer { VSIFree(text) }
        guard OSRExportToWktEx(srs, &text, fmt.constPointer) == OGRERR_NONE, let text else { return nil }
        return String(cString: text)
    }

    /// Every piece of text in the layer: field names, then string values.
    var texts: [[UInt8]] {
        names + features.flatMap { $0.values.compactMap { if case .bytes(let b) = $0 { b } else { nil } } }
    }
}

extension VectorLayer {
    static func toGEOS(_ g: OGRGeometryH, context: GEOSContext, path: String, index: Int) throws -> Geometry {
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

extension RawLayer {
    /// Rows in the order of their key, numbered again.
    mutating func sortByFID() {
        let sorted = features.enumerated().sorted { ($0.element.fid, $0.offset) < ($1.element.fid, $1.offset) }
        var renumbered: [Feature] = []
        renumbered.reserveCapacity(sorted.count)
        for (k, pair) in sorted.enumerated() {
            var f = pair.element
            f.index = k
            renumbered.append(f)
        }
        features = renumbered
    }

    /// SHA-256 of the field names and every row's values and geometry, in order.
    func digest() -> String {
        var state = SHA256.State()
        state.update(Data(names.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\u{1F}").utf8))
        for f in features {
            var row = Data()
            for v in f.values {
                switch v {
                case .null: row.append(0)
                case .integer(let i): row.append(1); row.append(Data("\(i)".utf8))
                case .real(let r): row.append(2); row.append(Data("\(r)".utf8))
                case .bytes(let b): row.append(3); row.append(contentsOf: b)
                }
                row.append(0x1F)
            }
            if let g = f.geometry { row.append(contentsOf: g.wkb()) }
            row.append(0x1E)
            state.update(row)
        }
        return state.finish()
    }
}
