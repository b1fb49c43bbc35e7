import Foundation

/// The encoding a file says its text is in, and where it says so. Only shapefiles declare one (a .cpg
/// beside the .dbf, or the language driver id byte in the .dbf header); GDAL's own recoding is turned
/// off so that we decode, strictly, what the bytes really are.
public struct DeclaredEncoding: Sendable, Equatable {
    public let name: String
    /// ".cpg" or "LDID".
    public let source: String

    /// For a .shp or .dbf path: the .cpg text, else a language driver id that names a code page.
    static func of(shapefile path: String) -> DeclaredEncoding? {
        let base = (path as NSString).deletingPathExtension
        for ext in ["cpg", "CPG"] {
            if let text = try? String(contentsOfFile: base + "." + ext, encoding: .utf8) {
                let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !name.isEmpty { return DeclaredEncoding(name: name, source: ".cpg") }
            }
        }
        for ext in ["dbf", "DBF"] {
            guard let handle = FileHandle(forReadingAtPath: base + "." + ext) else { continue }
            defer { try? handle.close() }
            guard let header = try? handle.read(upToCount: 32), header.count == 32 else { return nil }
            return ldidCodePages[header[29]].map { DeclaredEncoding(name: $0, source: "LDID") }
        }
        return nil
    }

    /// Language driver ids that name a multi-byte code page. 0 (none) and 0x57 ("current ANSI code
    /// page", which says nothing) are left out on purpose: such files are detected.
    static let ldidCodePages: [UInt8: String] = [
        0x4D: "CP936", 0x7A: "CP936", 0x4F: "BIG5", 0x78: "BIG5", 0x4E: "CP949", 0x79: "CP949",
        0x4C: "CP874", 0x7B: "CP932", 0x13: "CP932",
    ]
}
