import Foundation

/// Output files appear whole or not at all: written to a temporary name in the same folder,
/// then renamed over the target.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    public static func write(_ data: Data, to path: String) throws {
        try produce(path) { temp in
            guard FileManager.default.createFile(atPath: temp, contents: data) else {
                throw GeoError("\(path): cannot write (\(String(cString: strerror(errno))))")
            }
        }
    }

    /// Runs `make` with a temporary path beside `path` (same extension), then renames it into place.
    public static func produce(_ path: String, _ make: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".tmp-\(getpid())-\(url.lastPathComponent)").path
        try? FileManager.default.removeItem(atPath: temp)
        do {
            try make(temp)
            guard rename(temp, path) == 0 else {
                throw GeoError("\(path): cannot move into place (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error
        }
    }
}
