/// One attribute of a feature as the file stores it.
public enum AttributeValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case string(String)

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The value as text, for ids and names ("" for null).
    public var text: String {
        switch self {
        case .null: ""
        case .integer(let v): String(v)
        case .real(let v): v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
        case .string(let s): s
        }
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .string(let s): "\"\(s)\""
        default: text
        }
    }
}
