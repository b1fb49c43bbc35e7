/// How a file's text was decoded, in words for the run's notes and warnings.
public struct TextReading: Sendable, Equatable {
    /// The encoding used ("UTF-8", "GBK", ...).
    public let encoding: String
    /// Set when the encoding was not stated by the user or the file: said loudly, as it may be wrong.
    public let warning: String?
    /// Set when the file declared a non-UTF-8 encoding that was used.
    public let note: String?

    public static let plain = TextReading(encoding: "UTF-8", warning: nil, note: nil)

    /// The user's encoding, strictly; else the file's declared one if all its text decodes in it; else
    /// UTF-8; else GB18030 (what GBK exports are), with a warning. Throws naming the first value that
    /// neither decodes.
    static func choose(_ raw: RawLayer, path: String, given: TextEncoding?,
                       declared: DeclaredEncoding?) throws -> (TextEncoding, TextReading) {
        let texts = raw.texts
        if let given { return (given, TextReading(encoding: given.label, warning: nil, note: nil)) }
        let declaredEncoding = declared.flatMap { try? TextEncoding($0.name) }
        if let declaredEncoding, let declared, texts.allSatisfy({ declaredEncoding.decode($0) != nil }) {
            let note = declaredEncoding.isUTF8 ? nil : "\(path): text read as \(declared.name) (from its \(declared.source))"
            return (declaredEncoding, TextReading(encoding: declared.name, warning: nil, note: note))
        }
        let claim = declared.map { " although its \($0.source) says \($0.name)" } ?? ""
        if texts.allSatisfy({ TextEncoding.isUTF8($0) }) {
            let warning = declared == nil ? nil : "\(path): text is valid UTF-8\(claim); read as UTF-8"
            return (try! TextEncoding("UTF-8"), TextReading(encoding: "UTF-8", warning: warning, note: nil))
        }
        let gb = TextEncoding.gb18030()
        if texts.allSatisfy({ gb.decode($0) != nil }) {
            let warning = "\(path): text is not UTF-8\(claim); read as GBK/GB18030 (Chinese Windows). "
                + "Check the names in the outputs; if they are wrong, give the encoding (--encoding)"
            return (gb, TextReading(encoding: "GB18030", warning: warning, note: nil))
        }
        throw firstUndecodable(raw, path: path)
    }

    /// A whole text file: in `given`, else UTF-8, else GB18030 with a warning; throws naming the line.
    static func decodeWhole(_ bytes: [UInt8], path: String, given: TextEncoding?) throws -> (String, TextReading) {
        if let given {
            guard let s = given.decode(bytes) else { throw undecodableLine(bytes, path: path, encoding: given) }
            return (s, TextReading(encoding: given.label, warning: nil, note: nil))
        }
        if let s = String(validating: bytes, as: UTF8.self) { return (s, .plain) }
        let gb = TextEncoding.gb18030()
        guard let s = gb.decode(bytes) else { throw undecodableLine(bytes, path: path, encoding: nil) }
        return (s, TextReading(encoding: "GB18030", warning: "\(path): text is not UTF-8; read as GBK/GB18030 (Chinese Windows). "
                               + "Check the names in the outputs; if they are wrong, give the encoding (--encoding)", note: nil))
    }

    private static func undecodableLine(_ bytes: [UInt8], path: String, encoding: TextEncoding?) -> GeoError {
        let gb = TextEncoding.gb18030()
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let bad = lines.firstIndex { line in
            let l = Array(line)
            return encoding.map { $0.decode(l) == nil } ?? (!TextEncoding.isUTF8(l) && gb.decode(l) == nil)
        } ?? 0
        let what = encoding.map { "not valid \($0.label)" } ?? "neither UTF-8 nor GBK/GB18030; give its encoding (--encoding)"
        return GeoError("\(path): line \(bad + 1): the text is \(what)")
    }

    private static func firstUndecodable(_ raw: RawLayer, path: String) -> GeoError {
        let gb = TextEncoding.gb18030()
        let bad = { (b: [UInt8]) in !TextEncoding.isUTF8(b) && gb.decode(b) == nil }
        let why = "the text is neither UTF-8 nor GBK/GB18030; give its encoding (--encoding, e.g. BIG5 or CP1252)"
        if let k = raw.names.firstIndex(where: bad) { return GeoError("\(path): field #\(k + 1) (its name): \(why)") }
        for f in raw.features {
            for (k, v) in f.values.enumerated() {
                guard case .bytes(let b) = v, bad(b) else { continue }
                let name = String(validating: raw.names[k], as: UTF8.self) ?? gb.decode(raw.names[k]) ?? "#\(k + 1)"
                return GeoError("\(path): feature #\(f.index + 1): field \"\(name)\": \(why)")
            }
        }
        return GeoError("\(path): \(why)")
    }
}
