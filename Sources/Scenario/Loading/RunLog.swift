/// Notes and warnings gathered while loading and running, in the order they arose; printed for the
/// user and kept in summary.json.
public final class RunLog {
    public private(set) var notes: [String] = []
    public private(set) var warnings: [String] = []
    public init() {}
    public func note(_ s: String) { notes.append(s) }
    public func warn(_ s: String) { warnings.append(s) }
}

/// Up to `limit` items joined for a message, with "and N more".
func listed(_ items: [String], limit: Int = 10) -> String {
    let shown = items.prefix(limit).joined(separator: ", ")
    return items.count > limit ? "\(shown) and \(items.count - limit) more" : shown
}
