import CGDAL

/// Registers GDAL's drivers once and keeps GDAL quiet on stderr: errors are read back with
/// `CPLGetLastErrorMsg` and reported in our own words.
enum GDALRuntime {
    static let ready: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        // GeoPackage stamps "last_change" with the clock; a fixed date keeps outputs byte-identical.
        CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z")
        return true
    }()

    static func lastError() -> String {
        guard let m = CPLGetLastErrorMsg() else { return "" }
        return String(cString: m)
    }
}

/// A NULL-terminated C string list (GDAL's `char **` options), freed with the value.
final class CStringList {
    private(set) var pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    init(_ items: [String]) {
        for item in items { pointer = CSLAddString(pointer, item) }
    }
    /// The same list typed as GDAL's `const char * const *` parameters want it.
    var constPointer: UnsafePointer<UnsafePointer<CChar>?>? {
        UnsafeRawPointer(pointer).map { $0.assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
    }
    deinit { CSLDestroy(pointer) }
}
