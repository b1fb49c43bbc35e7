import CGDAL

/// Writes layers through GDAL/OGR (GeoPackage for users, Shapefile for test fixtures).
public enum OGRWriter {
    /// Writes `layers` into a new dataset at `path` (which must not exist).
    /// `crs`: "EPSG:4326" or any definition OSRSetFromUserInput takes; nil writes no CRS.
    public static func write(_ layers: [OutputLayer], to path: String, driver: String, crs: String?,
                             layerOptions: [String] = []) throws {
        _ = GDALRuntime.ready
        guard let drv = GDALGetDriverByName(driver) else { throw GeoError("GDAL has no \(driver) driver") }
        CPLErrorReset()
        guard let ds = GDALCreate(drv, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw GeoError("\(path): cannot create (\(GDALRuntime.lastError()))")
        }
        var closed = false
        defer { if !closed { GDALClose(ds) } }
        let srs = try spatialReference(crs)
        defer { if let srs { OSRDestroySpatialReference(srs) } }
        let options = CStringList(layerOptions)
        for layer in layers {
            try writeLayer(layer, ds: ds, srs: srs, options: options, path: path)
        }
        closed = true
        GDALClose(ds)
        let after = GDALRuntime.lastError()
        if CPLGetLastErrorType() == CE_Failure { throw GeoError("\(path): \(after)") }
    }

    /// A CRS for GDAL (nil: none); the caller destroys it.
    static func spatialReference(_ crs: String?) throws -> OGRSpatialReferenceH? {
        guard let crs else { return nil }
        let srs = OSRNewSpatialReference(nil)
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        guard OSRSetFromUserInput(srs, crs) == OGRERR_NONE else {
            OSRDestroySpatialReference(srs)
            throw GeoError("unknown CRS \(crs)")
        }
        return srs
    }

    /// Creates `layer` in `ds` and writes its rows. `layerTransaction`: rows written in a transaction of
    /// their own (not inside a dataset's transaction, which the layer's commit would end).
    static func writeLayer(_ layer: OutputLayer, ds: GDALDatasetH, srs: OGRSpatialReferenceH?,
                           options: CStringList, path: String, layerTransaction: Bool = true) throws {
        let geometryType = layer.geometries.map(commonType) ?? wkbNone
        guard let ogrLayer = GDALDatasetCreateLayer(ds, layer.name, geometryType == wkbNone ? nil : srs,
                                                     geometryType, options.pointer) else {
            throw GeoError("\(path): cannot create layer \(layer.name) (\(GDALRuntime.lastError()))")
        }
        for field in layer.fields {
            let fd = OGR_Fld_Create(field.name, fieldType(field.type))
            if field.type == .boolean { OGR_Fld_SetSubType(fd, OFSTBoolean) }
            defer { OGR_Fld_Destroy(fd) }
            guard OGR_L_CreateField(ogrLayer, fd, 1) == OGRERR_NONE else {
                throw GeoError("\(path): cannot create field \(field.name) (\(GDALRuntime.lastError()))")
            }
        }
        let defn = OGR_L_GetLayerDefn(ogrLayer)
        if layerTransaction { _ = OGR_L_StartTransaction(ogrLayer) }
        for (row, values) in layer.rows.enumerated() {
            let f = OGR_F_Create(defn)
            defer { OGR_F_Destroy(f) }
            for (i, value) in values.enumerated() {
                let idx = Int32(i)
                switch value {
                case .null: OGR_F_SetFieldNull(f, idx)
                case .bool(let b): OGR_F_SetFieldInteger(f, idx, b ? 1 : 0)
                case .integer(let v): OGR_F_SetFieldInteger64(f, idx, GIntBig(v))
                case .number(let v): if v.isFinite { OGR_F_SetFieldDouble(f, idx, v) } else { OGR_F_SetFieldNull(f, idx) }
                case .string(let s): OGR_F_SetFieldString(f, idx, s)
                case .array, .object: OGR_F_SetFieldString(f, idx, value.compact)
                }
            }
            if let g = layer.geometries?[row] {
                var wkb = g.wkb()
                var ogrGeom: OGRGeometryH?
                _ = OGR_G_CreateFromWkb(&wkb, nil, &ogrGeom, Int32(wkb.count))
                if var ogrGeom {
                    if geometryType == wkbMultiPolygon { ogrGeom = OGR_G_ForceToMultiPolygon(ogrGeom) }
                    OGR_F_SetGeometryDirectly(f, ogrGeom)
                }
            }
            guard OGR_L_CreateFeature(ogrLayer, f) == OGRERR_NONE else {
                throw GeoError("\(path): cannot write feature \(row + 1) of \(layer.name) (\(GDALRuntime.lastError()))")
            }
        }
        if layerTransaction { _ = OGR_L_CommitTransaction(ogrLayer) }
    }

    /// MultiPolygon when every geometry is polygonal (so QGIS knows the layer type), Point when all
    /// are points, otherwise the generic type.
    private static func commonType(_ geometries: [Geometry?]) -> OGRwkbGeometryType {
        let present = geometries.compactMap { $0 }
        if !present.isEmpty, present.allSatisfy(\.isPolygonal) { return wkbMultiPolygon }
        if !present.isEmpty, present.allSatisfy({ $0.kind == .point }) { return wkbPoint }
        if !present.isEmpty, present.allSatisfy({ $0.kind == .lineString }) { return wkbLineString }
        return wkbUnknown
    }

    private static func fieldType(_ t: OutputLayer.FieldType) -> OGRFieldType {
        switch t {
        case .string: OFTString
        case .integer: OFTInteger64
        case .real: OFTReal
        case .boolean: OFTInteger
        }
    }
}
