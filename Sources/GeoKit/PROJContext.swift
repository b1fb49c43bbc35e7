import CPROJ

/// Owns one PROJ context; PROJ's useful error text arrives through its log callback, kept here.
/// One context per task.
public final class PROJContext {
    let handle: OpaquePointer
    public private(set) var lastLog: String?

    public init() {
        handle = proj_context_create()
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, userdata) { userdata, _, message in
            guard let userdata, let message else { return }
            let context = Unmanaged<PROJContext>.fromOpaque(userdata).takeUnretainedValue()
            context.lastLog = String(cString: message)
        }
    }

    deinit { proj_context_destroy(handle) }

    func failure(_ what: String) -> GeoError {
        let detail = lastLog.map { " (\($0))" } ?? ""
        lastLog = nil
        return GeoError("\(what)\(detail)")
    }
}
