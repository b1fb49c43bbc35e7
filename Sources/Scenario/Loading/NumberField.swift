import Foundation
import GeoKit

/// Reads a non-negative number from an attribute (CSV attributes arrive as text).
/// Returns nil for a null or empty value; throws for text that is not a number or for a negative value.
func nonNegativeNumber(_ value: AttributeValue, file: String, feature: String, field: String) throws -> Double? {
    let number: Double
    switch value {
    case .null: return nil
    case .integer(let v): number = Double(v)
    case .real(let v): number = v
    case .string(let s):
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        guard let v = Double(t), v.isFinite else {
            throw InputError("\(file): \(feature): field \"\(field)\": \"\(s)\" is not a number")
        }
        number = v
    }
    guard number.isFinite else { throw InputError("\(file): \(feature): field \"\(field)\": not a finite number") }
    guard number >= 0 else {
        throw InputError("\(file): \(feature): field \"\(field)\": \(AttributeValue.real(number).text) is negative")
    }
    return number
}
