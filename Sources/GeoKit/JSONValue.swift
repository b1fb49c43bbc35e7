/// A JSON value whose objects keep their key order, so written files are byte-stable.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.compact == b.compact }

    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// One line, no spaces.
    public var compact: String {
        var out = ""
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Two-space indentation, a trailing newline.
    public var pretty: String {
        var out = ""
        write(into: &out, indent: "  ", level: 0)
        return out + "\n"
    }

    func write(into out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d): out += JSONFormat.number(d)
        case .string(let s): JSONFormat.appendString(s, to: &out)
        case .array(let items):
            writeList(items.map { (nil, $0) }, open: "[", close: "]", into: &out, indent: indent, level: level)
        case .object(let pairs):
            writeList(pairs.map { ($0.0, $0.1) }, open: "{", close: "}", into: &out, indent: indent, level: level)
        }
    }

    private func writeList(_ items: [(String?, JSONValue)], open: String, close: String,
                           into out: inout String, indent: String?, level: Int) {
        out += open
        guard !items.isEmpty else { out += close; return }
        let pad = indent.map { "\n" + String(repeating: $0, count: level + 1) } ?? ""
        for (i, (key, value)) in items.enumerated() {
            if i > 0 { out += "," }
            out += pad
            if let key {
                JSONFormat.appendString(key, to: &out)
                out += indent == nil ? ":" : ": "
            }
            value.write(into: &out, indent: indent, level: level + 1)
        }
        out += indent.map { "\n" + String(repeating: $0, count: level) } ?? ""
        out += close
    }
}

enum JSONFormat {
    /// Shortest text that reads back as the same Double; non-finite values become null.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    static func appendString(_ s: String, to out: inout String) {
        out += "\""
        // Most strings need no escaping: append them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
