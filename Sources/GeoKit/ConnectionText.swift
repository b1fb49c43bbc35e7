import Foundation

/// The two ways libpq takes a connection: `key=value` pairs (values bare or in single quotes, with \'
/// and \\ escaped) and the URL `postgresql://[user[:password]@][host][:port][/dbname][?key=value&…]`.
enum ConnectionText {
    static func keyValues(_ text: String) throws -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        var rest = Substring(text)
        func skipSpaces() { rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" } }
        skipSpaces()
        while !rest.isEmpty {
            let key = rest.prefix { $0 != "=" && $0 != " " && $0 != "\t" }
            rest = rest.dropFirst(key.count)
            skipSpaces()
            guard !key.isEmpty, rest.first == "=" else {
                let after = out.last.map { "after \($0.key)=…" } ?? "at its start"
                throw GeoError("the connection PG:… is not key=value pairs (\(after)), e.g. PG:host=localhost dbname=town user=planner")
            }
            rest = rest.dropFirst()
            skipSpaces()
            out.append((String(key), try value(&rest)))
            skipSpaces()
        }
        return out
    }

    /// One value: bare up to the next space, or quoted.
    private static func value(_ rest: inout Substring) throws -> String {
        guard rest.first == "'" else {
            let bare = rest.prefix { $0 != " " && $0 != "\t" && $0 != "\n" }
            rest = rest.dropFirst(bare.count)
            return String(bare)
        }
        rest = rest.dropFirst()
        var value = ""
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == "'" { return value }
            if c == "\\", let next = rest.first { value.append(next); rest = rest.dropFirst(); continue }
            value.append(c)
        }
        throw GeoError("the connection PG:… has a quote ' that is not closed")
    }

    /// A value as libpq reads it back: bare when it can be, else quoted.
    static func quoted(_ value: String) -> String {
        let plain = !value.isEmpty && !value.contains { $0 == " " || $0 == "'" || $0 == "\\" || $0 == "\t" || $0 == "\n" }
        if plain { return value }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// The URL's parts as key/value pairs, and the URL again without its password.
    static func url(_ text: String) throws -> (pairs: [(key: String, value: String)], display: String) {
        guard let schemeEnd = text.range(of: "://") else { throw GeoError("not a postgresql:// URL") }
        let scheme = text[..<schemeEnd.lowerBound]
        var rest = text[schemeEnd.upperBound...]
        var query = Substring("")
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") { path = rest[rest.index(after: slash)...]; rest = rest[..<slash] }
        var pairs: [(key: String, value: String)] = []
        var shownUser = ""
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let user = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            shownUser = String(user[0]) + "@"
            if !user[0].isEmpty { pairs.append(("user", try decoded(user[0]))) }
            if user.count > 1 { pairs.append(("password", try decoded(user[1]))) }
        }
        try hostAndPort(rest, into: &pairs)
        if !path.isEmpty { pairs.append(("dbname", try decoded(path))) }
        var shownQuery: [String] = []
        for item in query.split(separator: "&") where !item.isEmpty {
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decoded(kv[0])
            pairs.append((key, kv.count > 1 ? try decoded(kv[1]) : ""))
            if key != "password" { shownQuery.append(String(item)) }
        }
        let display = "\(scheme)://\(shownUser)\(rest)" + (path.isEmpty ? "" : "/\(path)")
            + (shownQuery.isEmpty ? "" : "?" + shownQuery.joined(separator: "&"))
        return (pairs, display)
    }

    /// `host`, `host:port` or `[v6]:port`.
    private static func hostAndPort(_ text: Substring, into pairs: inout [(key: String, value: String)]) throws {
        guard !text.isEmpty else { return }
        var host = text, port: Substring?
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") { port = after.dropFirst() }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        }
        if !host.isEmpty { pairs.append(("host", try decoded(host))) }
        if let port, !port.isEmpty {
            guard port.allSatisfy(\.isNumber) else { throw GeoError("the postgresql:// URL has a port that is not a number") }
            pairs.append(("port", String(port)))
        }
    }

    private static func decoded(_ s: Substring) throws -> String {
        guard let d = String(s).removingPercentEncoding else { throw GeoError("the postgresql:// URL has a bad %-escape") }
        return d
    }
}
