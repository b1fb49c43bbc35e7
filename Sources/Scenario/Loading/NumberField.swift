import Foundation
import GeoKit
import Planning

/// Reads a non-negative number from an attribute (CSV attributes arrive as text) within `rule`.
/// Returns nil for a null or empty value; throws for text that is not a decimal number (hex, "true",
/// "NaN" are not), for a value out of range, naming the file, the feature and the field.
func nonNegativeNumber(_ value: AttributeValue, file: String, feature: String, field: String,
                       rule: NumberRule = NumberRule(min: 0, max: 1e15)) throws -> Double? {
    guard let number = try decimalNumber(value, what: "a number", file: file, feature: feature, field: field) else { return nil }
    guard number.isFinite else { throw InputError("\(file): \(feature): field \"\(field)\": not a finite number") }
    guard number >= 0 else {
        throw InputError("\(file): \(feature): field \"\(field)\": \(AttributeValue.real(number).text) is negative")
    }
    if let p = rule.problem(number) { throw InputError("\(file): \(feature): field \"\(field)\": \(p)") }
    return number
}

/// The number an attribute holds: nil when null or empty; an error naming file, feature and field when
/// the text is not plain decimal notation (`what`: "a number", "a coordinate").
func decimalNumber(_ value: AttributeValue, what: String, file: String, feature: String, field: String) throws -> Double? {
    switch value {
    case .null: return nil
    case .integer(let v): return Double(v)
    case .real(let v): return v
    case .string(let s):
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        guard t.wholeMatch(of: decimal) != nil, let v = Double(t) else {
            throw InputError("\(file): \(feature): field \"\(field)\": \"\(s)\" is not \(what)")
        }
        return v
    }
}

/// Plain decimal notation, as spreadsheets and GIS write numbers: no hex, no "inf", no words.
private nonisolated(unsafe) let decimal = /[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?/
