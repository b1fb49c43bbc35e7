/// CSV text (RFC 4180 quoting). With `bom`, a UTF-8 byte-order mark first, so that Excel on a
/// Chinese Windows reads 街道 names correctly instead of as GBK.
public enum CSVText {
    public static func make(header: [String], rows: [[String]], bom: Bool = true) -> String {
        var out = bom ? "\u{FEFF}" : ""
        for line in [header] + rows {
            out += line.map(quote).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
