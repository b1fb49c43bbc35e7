import CGEOS

/// Owns one reentrant GEOS handle and collects its error messages.
/// One context per task: GEOS handles are not shared between threads.
public final class GEOSContext {
    let handle: GEOSContextHandle_t
    /// The last message GEOS reported through its error handler.
    public private(set) var lastError: String?

    public init() {
        handle = GEOS_init_r()
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        _ = GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastError = String(cString: message)
        }, userdata)
    }

    deinit { GEOS_finish_r(handle) }

    /// An error carrying what GEOS said, for a call that returned failure.
    func failure(_ what: String) -> GeoError {
        let detail = lastError.map { ": \($0)" } ?? ""
        lastError = nil
        return GeoError("GEOS \(what) failed\(detail)")
    }
}
