import CPROJ

/// A coordinate reference system known to PROJ.
public final class CRS {
    let context: PROJContext
    let pj: OpaquePointer
    /// What it was made from: "EPSG:4534" or a WKT string.
    public let definition: String

    /// `definition`: "EPSG:4326", a WKT string, or anything else proj_create accepts.
    public init(_ definition: String, context: PROJContext) throws {
        guard let pj = proj_create(context.handle, definition) else {
            throw context.failure("unknown coordinate reference system \"\(definition.prefix(60))\"")
        }
        let type = proj_get_type(pj)
        let isCRS = [PJ_TYPE_GEOGRAPHIC_2D_CRS, PJ_TYPE_GEOGRAPHIC_3D_CRS, PJ_TYPE_PROJECTED_CRS,
                     PJ_TYPE_COMPOUND_CRS, PJ_TYPE_GEOCENTRIC_CRS, PJ_TYPE_BOUND_CRS,
                     PJ_TYPE_OTHER_CRS, PJ_TYPE_ENGINEERING_CRS]
            .contains(type)
        guard isCRS else {
            proj_destroy(pj)
            throw GeoError("\"\(definition.prefix(60))\" is not a coordinate reference system")
        }
        self.pj = pj
        self.context = context
        self.definition = definition
    }

    deinit { proj_destroy(pj) }

    public static func wgs84(_ context: PROJContext) -> CRS {
        // EPSG:4326 is always in proj.db; failure would mean a broken PROJ install.
        try! CRS("EPSG:4326", context: context)
    }

    /// UTM zone (WGS 84) holding a lon/lat point: a metric CRS that is good near it.
    public static func utm(longitude: Double, latitude: Double, context: PROJContext) throws -> CRS {
        guard longitude >= -180, longitude <= 180, latitude >= -90, latitude <= 90,
              let band = Int(exactly: ((longitude + 180) / 6).rounded(.down)) else {
            throw GeoError("no UTM zone for longitude \(longitude), latitude \(latitude)")
        }
        let zone = min(60, max(1, band + 1))
        return try CRS("EPSG:\((latitude >= 0 ? 32600 : 32700) + zone)", context: context)
    }

    public var name: String {
        proj_get_name(pj).map { String(cString: $0) } ?? definition
    }

    /// "EPSG:32650" when PROJ knows an authority code, else the name.
    public var label: String {
        if let auth = proj_get_id_auth_name(pj, 0), let code = proj_get_id_code(pj, 0) {
            return "\(String(cString: auth)):\(String(cString: code))"
        }
        if let ident = identifiedCode { return ident }
        return name
    }

    /// Best authority match for a CRS read from WKT without an ID (a .prj file, say).
    private var identifiedCode: String? {
        var confidence: UnsafeMutablePointer<Int32>?
        guard let list = proj_identify(context.handle, pj, "EPSG", nil, &confidence) else { return nil }
        defer { proj_list_destroy(list); proj_int_list_destroy(confidence) }
        guard proj_list_get_count(list) > 0, let conf = confidence, conf[0] >= 90,
              let best = proj_list_get(context.handle, list, 0) else { return nil }
        defer { proj_destroy(best) }
        guard let auth = proj_get_id_auth_name(best, 0), let code = proj_get_id_code(best, 0) else { return nil }
        return "\(String(cString: auth)):\(String(cString: code))"
    }

    private var horizontal: OpaquePointer? {
        proj_get_type(pj) == PJ_TYPE_COMPOUND_CRS ? proj_crs_get_sub_crs(context.handle, pj, 0) : nil
    }

    private var horizontalType: PJ_TYPE {
        if let h = horizontal { defer { proj_destroy(h) }; return proj_get_type(h) }
        if proj_get_type(pj) == PJ_TYPE_BOUND_CRS, let base = proj_get_source_crs(context.handle, pj) {
            defer { proj_destroy(base) }
            return proj_get_type(base)
        }
        return proj_get_type(pj)
    }

    public var isGeographic: Bool {
        let t = horizontalType
        return t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS
    }

    public var isProjected: Bool {
        let t = horizontalType
        return t == PJ_TYPE_PROJECTED_CRS
    }

    /// Projected with both horizontal axes in metres: distances can be measured in it directly.
    public var isProjectedInMetres: Bool {
        guard isProjected, let cs = proj_crs_get_coordinate_system(context.handle, pj) else { return false }
        defer { proj_destroy(cs) }
        let axes = proj_cs_get_axis_count(context.handle, cs)
        guard axes >= 2 else { return false }
        for i in Int32(0)..<2 {
            var factor = 0.0
            guard proj_cs_get_axis_info(context.handle, cs, i, nil, nil, nil, &factor, nil, nil, nil) == 1,
                  abs(factor - 1) < 1e-9 else { return false }
        }
        return true
    }
}

extension CRS {
    /// CGCS2000 3-degree Gauss–Krüger zone, central-meridian variant (EPSG:4534 for CM 75°E … EPSG:4554
    /// for CM 135°E), whose central meridian is nearest `longitude`; nil outside those zones.
    public static func cgcs2000GaussKruger(longitude: Double, context: PROJContext) throws -> CRS? {
        guard longitude.isFinite else { return nil }
        let k = ((longitude - 75) / 3).rounded()
        guard k >= 0, k <= 20 else { return nil }
        return try CRS("EPSG:\(4534 + Int(k))", context: context)
    }

    /// A planar local grid with no geodetic datum (engineering CRS), axes in `unit` ("metre" or "kilometre").
    public static func localGrid(unit: String, metres: Double, context: PROJContext) throws -> CRS {
        let wkt = "ENGCRS[\"local grid (\(unit))\",EDATUM[\"local\"],CS[Cartesian,2],"
            + "AXIS[\"x\",east,LENGTHUNIT[\"\(unit)\",\(metres)]],AXIS[\"y\",north,LENGTHUNIT[\"\(unit)\",\(metres)]]]"
        return try CRS(wkt, context: context)
    }

    public var isEngineering: Bool { proj_get_type(pj) == PJ_TYPE_ENGINEERING_CRS }
}
