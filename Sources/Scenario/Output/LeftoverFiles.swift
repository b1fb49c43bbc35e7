import Foundation

/// What a killed run may leave in an output folder: its staging folder, and temporary files of the
/// atomic writes (ours `.tmp-PID-…`, Foundation's `….dat.nosync…`, SQLite's `-journal`). A later run
/// removes those whose process is gone.
enum LeftoverFiles {
    static let stagingPrefix = ".caresite-staging-"
    /// The names of the files of the set in place, so that the next set can replace it whole.
    static let manifest = ".caresite-set"

    static func remove(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where isLeftover(name) {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    static func isLeftover(_ name: String) -> Bool {
        if name.contains(".dat.nosync") { return true }
        for prefix in [stagingPrefix, ".tmp-"] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits) else { return false }
            return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
        }
        return false
    }
}
