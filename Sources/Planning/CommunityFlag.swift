/// The verdict on one community's access to care.
public enum CommunityFlag: String, Sendable, CaseIterable {
    /// A new residential area that no facility serves: it must deliver one with the housing.
    case newLacking = "new_lacking"
    /// An old, built-up area that no facility serves: it needs one by purchase, replacement or lease.
    case oldLacking = "old_lacking"
    /// No facility serves it, status unknown.
    case lacking
    /// Served, but fewer places are available than required (access ratio < 1).
    case underCapacity = "under_capacity"
    case ok

    public static func of(status: CommunityStatus, served: Bool, accessRatio: Double) -> CommunityFlag {
        guard served else {
            switch status {
            case .new: return .newLacking
            case .old: return .oldLacking
            case .unknown: return .lacking
            }
        }
        return accessRatio < 1 ? .underCapacity : .ok
    }

    public var isLacking: Bool { self == .newLacking || self == .oldLacking || self == .lacking }
}
