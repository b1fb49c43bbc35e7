/// A failure inside GeoKit, worded for the person running the tool.
public struct GeoError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
