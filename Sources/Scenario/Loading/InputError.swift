/// Bad input the run cannot go on with; the message names the file, the feature and the field.
public struct InputError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// How a message names a feature: `id "A7" (#3)`, or `#3` when it has no id yet.
func featureLabel(index: Int, id: String?) -> String {
    guard let id, !id.isEmpty else { return "feature #\(index + 1)" }
    return "feature id \"\(id)\" (#\(index + 1))"
}
