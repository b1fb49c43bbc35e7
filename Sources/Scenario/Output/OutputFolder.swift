import Foundation
import GeoKit

/// The output folder: created if needed; refuses to write over an input file.
public struct OutputFolder {
    public let path: String
    let inputs: Set<String>
    public private(set) var written: [String] = []

    public init(_ path: String, inputs: [String]) throws {
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
    }

    static func canonical(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    private mutating func claim(_ name: String) throws -> String {
        let p = file(name)
        guard !inputs.contains(OutputFolder.canonical(p)) else {
            throw InputError("\(p): is one of the inputs; choose another --out folder (inputs are never overwritten)")
        }
        written.append(p)
        return p
    }

    public mutating func write(_ text: String, to name: String) throws {
        try AtomicFile.write(text, to: try claim(name))
    }

    public mutating func writeGeoJSON(_ layer: OutputLayer, to name: String) throws {
        try write(GeoJSONWriter.text(layer), to: name)
    }

    /// Several layers in one GeoPackage, in `crs` (EPSG:4326; nil for a local grid: undefined CRS).
    public mutating func writeGeoPackage(_ layers: [OutputLayer], to name: String, crs: String? = "EPSG:4326") throws {
        try AtomicFile.produce(try claim(name)) { temp in
            try OGRWriter.write(layers, to: temp, driver: "GPKG", crs: crs)
        }
    }

    /// A table as an Excel workbook (one sheet, numbers typed as numbers), for land officials.
    public mutating func writeSpreadsheet(_ layer: OutputLayer, to name: String) throws {
        try AtomicFile.produce(try claim(name)) { temp in
            try OGRWriter.write([layer], to: temp, driver: "XLSX", crs: nil)
        }
    }
}
