import Foundation

/// A small RFC 4180 reader for plain tables (lists of ids), which GDAL's CSV driver does not take when
/// they have a single column. A UTF-8 byte-order mark is skipped.
public enum CSVReader {
    /// Header and rows; rows shorter than the header are padded with "".
    /// `encoding`: the file's, when known; else UTF-8, or GBK/GB18030 with a warning in `reading`.
    public static func read(_ path: String, encoding: String? = nil) throws -> (header: [String], rows: [[String]], reading: TextReading) {
        let given = try encoding.map { try TextEncoding($0) }
        let (text, reading) = try TextReading.decodeWhole(try InputFile.bytes(path), path: path, given: given)
        var records: [[String]] = []
        var field = "", record: [String] = []
        var quoted = false, pendingQuote = false
        for ch in text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text {
            if quoted {
                if pendingQuote {
                    pendingQuote = false
                    if ch == "\"" { field.append("\""); continue }
                    quoted = false
                } else if ch == "\"" { pendingQuote = true; continue } else { field.append(ch); continue }
            }
            switch ch {
            case "\"" where field.isEmpty: quoted = true
            case ",": record.append(field); field = ""
            case "\n", "\r\n", "\r":
                record.append(field); field = ""
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
            default: field.append(ch)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { return ([], [], reading) }
        let rows = records.dropFirst().map { $0.count >= header.count ? $0 : $0 + Array(repeating: "", count: header.count - $0.count) }
        return (header.map { $0.trimmingCharacters(in: .whitespaces) }, Array(rows), reading)
    }
}
