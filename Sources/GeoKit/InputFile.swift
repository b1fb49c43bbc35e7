import Foundation

/// Inputs are regular files: a FIFO or a device would block or never end, a folder is no table.
public enum InputFile {
    /// Throws "file not found", "permission denied", "is a folder" or "not a regular file", naming `path`.
    public static func checkRegular(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw GeoError(errno == EACCES ? "\(path): permission denied" : "\(path): file not found")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            let what = (st.st_mode & S_IFMT) == S_IFDIR ? "a folder" : "not a regular file (a pipe or a device)"
            throw GeoError("\(path): is \(what); give a file")
        }
        guard access(path, R_OK) == 0 else { throw GeoError("\(path): permission denied") }
    }

    /// The whole file, once it is known to be a regular file.
    public static func bytes(_ path: String) throws -> [UInt8] {
        try checkRegular(path)
        guard let data = FileManager.default.contents(atPath: path) else { throw GeoError("\(path): cannot read") }
        return Array(data)
    }
}
