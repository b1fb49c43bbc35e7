import Foundation
import Planning
import Yams

/// Typed reads from a YAML node tree; every error names the file, the line and the key.
struct YAMLReader {
    let file: String

    func fail(_ node: Node?, _ key: String, _ what: String) -> InputError {
        let line = node?.mark.map { ":\($0.line)" } ?? ""
        return InputError("\(file)\(line): \(key): \(what)")
    }

    /// The mapping's entries; an unknown key is an error that lists the known ones.
    func mapping(_ node: Node, _ key: String, known: [String]) throws -> [String: Node] {
        guard let m = node.mapping else { throw fail(node, key, "expected a mapping of keys") }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let name = k.string else { throw fail(k, key, "a key must be text") }
            let path = key.isEmpty ? name : "\(key).\(name)"
            guard known.contains(name) else {
                throw fail(k, path, "unknown key; the keys here are: \(known.joined(separator: ", "))")
            }
            guard out[name] == nil else { throw fail(k, path, "given twice") }
            out[name] = v
        }
        return out
    }

    private func isNull(_ n: Node) -> Bool { n.null != nil && n.scalar?.style == .plain }

    func string(_ n: Node?, _ key: String) throws -> String? {
        guard let n, !isNull(n) else { return nil }
        guard let s = n.scalar?.string else { throw fail(n, key, "expected text") }
        return s
    }

    /// A number under `rule` (finite and in range; NaN, .inf and quoted numbers refused).
    func number(_ n: Node?, _ key: String, rule: NumberRule) throws -> Double? {
        guard let n, !isNull(n) else { return nil }
        guard let v = n.float ?? n.int.map(Double.init), n.scalar?.style == .plain else {
            throw fail(n, key, "expected a number, got \"\(n.scalar?.string ?? "a list or mapping")\"")
        }
        if let p = rule.problem(v) { throw fail(n, key, p) }
        return v
    }

    func integer(_ n: Node?, _ key: String, rule: NumberRule) throws -> Int? {
        guard let n, !isNull(n) else { return nil }
        guard let v = n.int, n.scalar?.style == .plain else {
            throw fail(n, key, "expected a whole number, got \"\(n.scalar?.string ?? "a list or mapping")\"")
        }
        if let p = rule.problem(v) { throw fail(n, key, p) }
        return v
    }

    func choice<T: RawRepresentable>(_ n: Node?, _ key: String, _: T.Type) throws -> T?
    where T.RawValue == String, T: CaseIterable {
        guard let s = try string(n, key) else { return nil }
        guard let v = T(rawValue: s) else {
            throw fail(n, key, "\"\(s)\" is not one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    func strings(_ n: Node?, _ key: String) throws -> [String]? {
        guard let n, !isNull(n) else { return nil }
        guard let seq = n.sequence else { throw fail(n, key, "expected a list") }
        return try seq.map { item in
            guard let s = item.scalar?.string else { throw fail(item, key, "expected text items") }
            return s
        }
    }

}
