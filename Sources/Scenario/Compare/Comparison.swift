import Foundation
import GeoKit

/// `caresite compare DIR_A DIR_B`: two runs of `site` or `run`, side by side.
public struct Comparison {
    public let json: JSONValue
    public let text: String

    struct RunFolder {
        let dir: String
        let summary: [String: ReadJSON]
        let sites: [String]
        /// street → places per 1,000 after.
        let streets: [(String, Double?)]

        init(_ dir: String) throws {
            let path = (dir as NSString).appendingPathComponent("summary.json")
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError("\(dir): no summary.json; compare takes two output folders of `caresite site` or `caresite run`")
            }
            guard case .object(let s)? = try? JSONDecoder().decode(ReadJSON.self, from: data), s["solution"] != nil else {
                throw InputError("\(path): not a summary of `caresite site` or `caresite run`")
            }
            summary = s
            self.dir = dir
            let priority = (dir as NSString).appendingPathComponent("priority.csv")
            sites = (try? String(contentsOfFile: priority, encoding: .utf8))?.split(whereSeparator: \.isNewline).dropFirst()
                .compactMap { line in line.split(separator: ",", omittingEmptySubsequences: false).dropFirst().first.map(String.init) } ?? []
            let streetsPath = (dir as NSString).appendingPathComponent("streets.csv")
            var rows: [(String, Double?)] = []
            if let text = try? String(contentsOfFile: streetsPath, encoding: .utf8) {
                let lines = text.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                if let header = lines.first, let k = header.firstIndex(of: "places_per_1000_after") {
                    rows = lines.dropFirst().map { ($0[0], $0.count > k ? Double($0[k]) : nil) }
                }
            }
            streets = rows
            try checkKeys(path)
        }

        /// The keys compare shows must be there: a summary missing them is not one we wrote.
        private func checkKeys(_ path: String) throws {
            for key in [["parameters", "objective"], ["solution", "objective"], ["solution", "bound"],
                        ["solution", "proven_optimal"], ["coverage", "covered_after"], ["counts", "communities"]] {
                switch value(key) {
                case .number?, .string?, .bool?: continue
                default: throw InputError("\(path): \(key.joined(separator: ".")) is missing or not a value; not a summary of `caresite site` or `caresite run`")
                }
            }
        }

        func value(_ path: [String]) -> ReadJSON? {
            var v: ReadJSON? = .object(summary)
            for k in path { if case .object(let o)? = v { v = o[k] } else { return nil } }
            return v
        }
    }

    public init(_ a: String, _ b: String) throws {
        let A = try RunFolder(a), B = try RunFolder(b)
        let rows = Self.rows(A, B)
        let streetNames = (A.streets.map(\.0) + B.streets.map(\.0)).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let sa = Dictionary(A.streets, uniquingKeysWith: { x, _ in x }), sb = Dictionary(B.streets, uniquingKeysWith: { x, _ in x })
        let streetRows = streetNames.map { n in (n, sa[n] ?? nil, sb[n] ?? nil) }
        let sites = (both: A.sites.filter(B.sites.contains), onlyA: A.sites.filter { !B.sites.contains($0) },
                     onlyB: B.sites.filter { !A.sites.contains($0) })
        json = .object([
            ("a", .string(a)), ("b", .string(b)),
            ("rows", .array(rows.map { .object([("item", .string($0.0)), ("a", .string($0.1)), ("b", .string($0.2))]) })),
            ("streets_places_per_1000_after", .array(streetRows.map { r in
                .object([("street", .string(r.0)), ("a", r.1.map { JSONValue.number($0) } ?? .null), ("b", r.2.map { JSONValue.number($0) } ?? .null)])
            })),
            ("sites_in_both", .array(sites.both.map { JSONValue.string($0) })),
            ("sites_only_a", .array(sites.onlyA.map { JSONValue.string($0) })),
            ("sites_only_b", .array(sites.onlyB.map { JSONValue.string($0) })),
        ])
        text = Self.text(a, b, rows: rows, streetRows: streetRows, sites: sites)
    }

    /// (item, A, B) for the summary values compared.
    private static func rows(_ A: RunFolder, _ B: RunFolder) -> [(String, String, String)] {
        func show(_ v: ReadJSON?) -> String {
            switch v {
            case nil, .null?: return "-"
            case .bool(let b)?: return b ? "yes" : "no"
            case .number(let n)?: return JSONNumber.text(n)
            case .string(let s)?: return s
            default: return "…"
            }
        }
        var items: [(String, [String])] = [
            ("scenario", ["scenario", "name"]), ("objective", ["parameters", "objective"]), ("p", ["parameters", "p"]),
            ("budget", ["parameters", "budget"]), ("weight", ["parameters", "weight"]), ("radius", ["parameters", "radius"]),
            ("places per 1,000 (target)", ["parameters", "places_per_1000"]), ("sites chosen", ["solution", "sites_chosen"]),
            ("total cost", ["solution", "total_cost"]), ("objective value", ["solution", "objective"]),
            ("gap %", ["solution", "gap_percent"]), ("proven optimal", ["solution", "proven_optimal"]),
            ("covered weight before", ["coverage", "covered_before"]), ("covered weight after", ["coverage", "covered_after"]),
            ("covered % before", ["coverage", "covered_before_percent"]), ("covered % after", ["coverage", "covered_after_percent"]),
        ]
        for kind in ["new_lacking", "old_lacking", "lacking", "under_capacity", "ok"] {
            items += [("\(kind) before", ["coverage", "flags_before", kind]), ("\(kind) after", ["coverage", "flags_after", kind])]
        }
        return items.map { ($0.0, show(A.value($0.1)), show(B.value($0.1))) }
    }

    private static func text(_ a: String, _ b: String, rows: [(String, String, String)], streetRows: [(String, Double?, Double?)],
                             sites: (both: [String], onlyA: [String], onlyB: [String])) -> String {
        let w0 = max(26, rows.map { displayWidth($0.0) }.max() ?? 0)
        let w1 = max(12, rows.map { displayWidth($0.1) }.max() ?? 0, displayWidth(a))
        func pad(_ s: String, _ n: Int) -> String {
            let w = displayWidth(s)
            return w >= n ? s : s + String(repeating: " ", count: n - w)
        }
        var t = pad("", w0) + "  " + pad("A: \(a)", w1 + 3) + "  B: \(b)\n"
        for r in rows { t += pad(r.0, w0) + "  " + pad(r.1, w1 + 3) + "  " + r.2 + "\n" }
        if !streetRows.isEmpty {
            t += "\nplaces per 1,000 after, by street\n"
            for r in streetRows {
                t += pad(r.0, w0) + "  " + pad(r.1.map { String(format: "%.2f", $0) } ?? "-", w1 + 3) + "  " + (r.2.map { String(format: "%.2f", $0) } ?? "-") + "\n"
            }
        }
        t += "\nsites in both (\(sites.both.count)): \(sites.both.joined(separator: " "))\n"
        t += "only in A (\(sites.onlyA.count)): \(sites.onlyA.joined(separator: " "))\n"
        t += "only in B (\(sites.onlyB.count)): \(sites.onlyB.joined(separator: " "))\n"
        return t
    }
}

/// JSON as read back (summary.json of another run).
indirect enum ReadJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([ReadJSON]), object([String: ReadJSON])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([ReadJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: ReadJSON].self)) }
    }
}

/// Terminal columns of a text: CJK characters take two.
func displayWidth(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { n, u in
        let v = u.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v)
        return n + (wide ? 2 : 1)
    }
}
