import Foundation

/// Leaflet's script and stylesheet, read from Debian's libjs-leaflet (or CARESITE_LEAFLET_DIR) to be
/// inlined into report.html: the report opens offline, on a machine with no network and no server.
struct LeafletAssets {
    let script: String
    let css: String
    let version: String

    static let defaultFolder = "/usr/share/javascript/leaflet"

    static var folder: String { ProcessInfo.processInfo.environment["CARESITE_LEAFLET_DIR"] ?? defaultFolder }

    /// Nil (with the reason) where Leaflet is not installed: the report then has static maps.
    static func load() -> Result<LeafletAssets, LeafletMissing> {
        let dir = folder
        let url = URL(fileURLWithPath: dir)
        let names = ["leaflet.min.js", "leaflet.js"]
        guard let js = names.lazy.compactMap({ try? String(contentsOf: url.appendingPathComponent($0), encoding: .utf8) }).first,
              let css = try? String(contentsOf: url.appendingPathComponent("leaflet.css"), encoding: .utf8) else {
            return .failure(LeafletMissing(folder: dir))
        }
        let version = js.firstMatch(of: /version="([0-9.]+)"/).map { String($0.1) } ?? "?"
        return .success(LeafletAssets(script: inlineSafe(stripSourceMap(js)), css: inlineImages(stripSourceMap(css), folder: url),
                                      version: version))
    }

    /// Leaflet, or nil with a loud warning: a planner must know the map is not the interactive one.
    static func loaded(log: RunLog) -> LeafletAssets? {
        switch load() {
        case .success(let assets): return assets
        case .failure(let missing): log.warn(missing.message); return nil
        }
    }

    /// A source-map comment would send a browser's tools looking for a file that is not there.
    private static func stripSourceMap(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("//# sourceMappingURL") && !$0.hasPrefix("/*# sourceMappingURL") }.joined(separator: "\n")
    }

    /// "</script" inside an inline script would end it early.
    private static func inlineSafe(_ js: String) -> String { js.replacingOccurrences(of: "</script", with: "<\\/script") }

    /// The stylesheet's images as data: URLs (the report is one file).
    private static func inlineImages(_ css: String, folder: URL) -> String {
        var out = css
        for name in ["layers-2x.png", "layers.png", "marker-icon.png"] {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent("images/\(name)")) else { continue }
            out = out.replacingOccurrences(of: "url(images/\(name))", with: "url(data:image/png;base64,\(data.base64EncodedString()))")
        }
        return out
    }
}

struct LeafletMissing: Error {
    let folder: String
    var message: String {
        "Leaflet is not installed (\(folder)/leaflet.js): report.html has static maps only, not the interactive one; "
            + "install Debian's libjs-leaflet (make deps does) or set CARESITE_LEAFLET_DIR"
    }
}
