import Foundation
import GeoKit

/// The output folder of a run. Files are written into a staging folder inside it and moved into place
/// together at `commit()` (in the order written: summary.json last), so that a run that fails or is
/// killed leaves the previous set as it was. An output path that is one of the inputs is refused
/// before that file is written (the refused run's staging folder goes with it, and no input is touched);
/// leftovers of killed runs are removed when the folder is opened.
public final class OutputFolder {
    public let path: String
    let inputs: Set<String>
    private let staging: String
    /// (staged file, final path), in the order written.
    private var staged: [(String, String)] = []
    /// Names of the files written into the folder (not elsewhere).
    private var names: [String] = []
    private var committed = false
    /// The tables for `--out-db`, written (in their own transaction) before the files move into place.
    let database: ResultsSchema?

    public var written: [String] { staged.map(\.1) }

    /// Every output: the files written, summary.json, `later` (files still to come), then the database
    /// tables when there are any.
    func outputs(summary: Bool = true, later: [String] = []) -> [String] {
        written + (summary ? [file("summary.json")] : []) + later + (database.map { [$0.written] } ?? [])
    }

    public init(_ path: String, inputs: [String], database: DatabaseOutput? = nil) throws {
        self.database = try database.map { try ResultsSchema($0, inputs: inputs) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw InputError("--out \(path): exists and is not a folder") }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw InputError("--out \(path): cannot create the folder (\(error.localizedDescription))")
            }
        }
        self.path = path
        self.inputs = Set(inputs.map(OutputFolder.canonical))
        LeftoverFiles.remove(in: path)
        staging = (path as NSString).appendingPathComponent("\(LeftoverFiles.stagingPrefix)\(getpid())")
        try? FileManager.default.removeItem(atPath: staging)
        do { try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false) } catch {
            throw InputError("--out \(path): cannot write in the folder (\(error.localizedDescription))")
        }
        Interruption.shared.register(staging)
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: staging) }
        Interruption.shared.unregister(staging)
    }

    static func canonical(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// The staging path for `target`, once it is known not to be an input.
    private func claim(_ target: String, name: String? = nil) throws -> String {
        guard !inputs.contains(OutputFolder.canonical(target)) else {
            throw InputError("\(target): is one of the inputs; choose another output (inputs are never overwritten)")
        }
        let temp = (staging as NSString).appendingPathComponent("\(staged.count)-\((target as NSString).lastPathComponent)")
        staged.append((temp, target))
        if let name { names.append(name) }
        return temp
    }

    public func write(_ text: String, to name: String) throws {
        try AtomicFile.write(text, to: try claim(file(name), name: name))
    }

    /// A file outside the folder (`--od-matrix-out`), moved into place with the set.
    public func writeElsewhere(_ text: String, to target: String) throws {
        try AtomicFile.write(text, to: try claim(target))
    }

    public func writeGeoJSON(_ layer: OutputLayer, to name: String) throws {
        try write(GeoJSONWriter.text(layer), to: name)
    }

    /// Several layers in one GeoPackage, in `crs` (EPSG:4326, or a local grid's engineering CRS).
    public func writeGeoPackage(_ layers: [OutputLayer], to name: String, crs: String? = "EPSG:4326") throws {
        let temp = try claim(file(name), name: name)
        try OGRWriter.write(layers, to: temp, driver: "GPKG", crs: crs)
    }

    /// A table as an Excel workbook (one sheet, numbers typed as numbers), for land officials.
    public func writeSpreadsheet(_ layer: OutputLayer, to name: String) throws {
        let temp = try claim(file(name), name: name)
        try OGRWriter.write([layer], to: temp, driver: "XLSX", crs: nil)
    }

    /// The tables to write into the database (nothing without `--out-db`).
    func stageDatabase(_ layers: [OutputLayer], crs: String?) {
        database?.stage(layers, crs: crs)
    }

    /// Writes the database tables (with `summary` as the run's record), then moves every file into
    /// place, in the order written, removes the files of the previous set that this one does not have
    /// (listed in the folder's manifest), and removes the staging folder.
    public func commit(command: String = "", summary: JSONValue? = nil) throws {
        if let database { try database.write(command: command, summary: summary ?? .null, folder: path) }
        try Interruption.shared.uninterrupted(moveIntoPlace)
        committed = true
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func moveIntoPlace() throws {
        let manifest = file(LeftoverFiles.manifest)
        let previous = (try? String(contentsOfFile: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        for (temp, target) in staged {
            if sameVolume(temp, target) {
                guard rename(temp, target) == 0 else {
                    throw InputError("\(target): cannot move into place (\(String(cString: strerror(errno))))")
                }
            } else {
                try AtomicFile.write(try Data(contentsOf: URL(fileURLWithPath: temp)), to: target)
            }
        }
        for old in previous where !names.contains(old) && !old.contains("/") && !old.hasPrefix(".") {
            try? FileManager.default.removeItem(atPath: file(old))
        }
        try AtomicFile.write(names.joined(separator: "\n") + "\n", to: manifest)
    }

    private func sameVolume(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        let dir = (b as NSString).deletingLastPathComponent
        return stat(a, &sa) == 0 && stat(dir.isEmpty ? "." : dir, &sb) == 0 && sa.st_dev == sb.st_dev
    }
}
