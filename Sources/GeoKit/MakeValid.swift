import CGEOS

extension Geometry {
    /// Repairs an invalid polygon with the STRUCTURE method, which keeps the result polygonal
    /// (the LINEWORK method can return stray lines for a bow-tie).
    public func makeValid() throws -> Geometry {
        let params = GEOSMakeValidParams_create_r(context.handle)
        defer { GEOSMakeValidParams_destroy_r(context.handle, params) }
        _ = GEOSMakeValidParams_setMethod_r(context.handle, params, GEOS_MAKE_VALID_STRUCTURE)
        _ = GEOSMakeValidParams_setKeepCollapsed_r(context.handle, params, 0)
        guard let g = GEOSMakeValidWithParams_r(context.handle, handle, params) else {
            throw context.failure("make valid")
        }
        return Geometry(owning: g, context: context)
    }
}
